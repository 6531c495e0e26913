"""Find and normalise the temporal expressions of a stretch of text."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from vestnik.document import Time
from vestnik.language.shared import lower_slice
from vestnik.time.grammar import Lexicon, RawBinding, Rule, Toks, all_matches, prefix_start, regions, tokens
from vestnik.time.normalize import ACTIONS, Anchor, Bound, Ctx

# "[.!?…]+[\"“”»')]*\s+(?=[\"“„«(]?[A-ZА-ЯЁ0-9])|\n", written to start with a character set so that ``re``
# skips to the next candidate character in C instead of trying the pattern at every position
_SENT_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?<!\n)[.!?…]*[\"“”»')]*\s+(?=[\"“„«(]?[A-ZА-ЯЁ0-9]))")
#: tense cues farther than this (characters) from the expression belong to another clause
MAX_CUE_DISTANCE = 50
_WORD = re.compile(r"[^\W\d_]+(?:'ll)?")


def sentence_bounds(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``text[s:e]`` within ``[lo, hi)``, by punctuation (no tokenizer needed)."""
    a = lo
    # (the look-ahead for the next sentence's capital must see past ``s``: a sentence that ends right before the
    # expression ends there, "ограничения. През март")
    for m in _SENT_END.finditer(text, max(lo, s - 400), min(hi, s + 4)):
        if m.end() <= s:
            a = m.end()
    nxt = _SENT_END.search(text, e, min(hi, e + 400))
    return a, (nxt.start() if nxt else min(hi, e + 400))


def clause_tense(text: str, s: int, e: int, lo: int, hi: int, lex: Lexicon) -> int:
    """+1 future, -1 past, 0 unknown: the nearest tense cue to the expression in its sentence."""
    a0, b0 = sentence_bounds(text, s, e, lo, hi)
    a, b = max(a0, s - MAX_CUE_DISTANCE), min(b0, e + MAX_CUE_DISTANCE)
    while a > lo and text[a - 1].isalnum():
        a += 1  # never read half a word at the window's edge
    while b < hi and b > a and text[b].isalnum():
        b -= 1
    # A cue beyond a comma counts only when none is on the expression's side of it: "ще се съберат ... на 22
    # април, съобщиха от Съвета" is future; the trailing report's past tense is another clause's.
    ca = max(text.rfind(",", a, s), text.rfind(";", a, s)) + 1 or a
    cb = min((i for i in (text.find(",", e, b), text.find(";", e, b)) if i >= 0), default=b)
    # A past verb before an irrealis complement that holds the expression is not its tense: "реши днес да удължи
    # обстановката до 31 март" is this March, not last year's.
    irr = -1
    purpose = False  # (the complement is a purpose: "за да се избегне ... в края на март" lies ahead)
    if lex.irrealis or lex.irrealis_suffixes:
        w0 = ""
        x = max(a0, s - 4 * MAX_CUE_DISTANCE)
        # (a word is irrealis by its lower case, or by an ending: without endings to test, a stretch whose lower case
        # holds none of the irrealis words, as most stretches before a bg time hold no "да", is not scanned)
        seg = lower_slice(text, x, s) if not lex.irrealis_suffixes else ""
        words = _WORD.finditer(text, x, s) if lex.irrealis_suffixes or any(w in seg for w in lex.irrealis) else ()
        for m in words:
            w = m.group().lower()
            if w in lex.irrealis or (lex.irrealis_suffixes and len(w) > 4 and w.endswith(lex.irrealis_suffixes)
                                     and w not in lex.irrealis_stop):
                irr, purpose = m.start(), w0 in lex.purpose
            w0 = w
        purpose = purpose and "," not in text[irr:s]  # (a comma ends the purpose: "..., за да е по-ясно, във
        # вторник медиите се докопаха до доклада" is last Tuesday)
    # ... and after a verb that asks for or decides on it, the complement lies ahead: "призова привържениците си да
    # излязат в понеделник", "призвала сторонников выйти в понедельник" (the coming Monday, not the last)
    ahead = irr >= 0 and (purpose or (bool(lex.directive) and any(
        m.group().lower() in lex.directive for m in _WORD.finditer(text, max(a0, irr - 40), irr))))
    best: tuple[int, float, int] | None = None
    # the two words before the window, so that its first word is read with them ("да приключи" cut at the window's
    # edge is no past aorist; stop 42)
    before = [m.group().lower() for m in _WORD.finditer(text, max(a0, a - 40), a)][-2:]
    prev2, prev = ([""] * (2 - len(before)) + before)[-2:]
    for m in _WORD.finditer(text, a, b):
        w = m.group().lower()
        if s <= m.start() < e:
            prev2, prev = prev, w
            continue
        dist = float(s - m.end() if m.end() <= s else m.start() - e)
        cue = 0
        if w in lex.future:
            cue, dist = 1, dist * 0.6
        elif prev in lex.not_past_after or f"{prev2} {prev}" in lex.not_past_after:
            cue = 0
        elif lex.participle_suffixes and m.end() <= s and len(w) > 5 and w.endswith(lex.participle_suffixes) \
                and m.group()[:1].islower() \
                and w not in lex.past_stop and prev not in lex.participle_not_after \
                and prev2 not in lex.participle_not_after and _participle_before(text, m.end(), s, lex):
            cue = -1  # "споразумение, подписано през ноември": the time of a past participle right before it
        elif w in lex.past:
            cue = -1
        elif len(w) > 3 and w not in lex.past_stop and w.endswith(lex.past_suffixes):
            cue, dist = -1, dist * 1.3
        prev2, prev = prev, w
        tier = 0 if ca <= m.start() < cb else 1
        if irr >= 0 and (tier or (cue < 0 and m.end() <= irr)):
            cue = 0  # (nor a report verb after the complement: "..., съобщи пресслужбата")
        if cue and (best is None or (tier, dist) < best[:2]):
            best = (tier, dist, cue)
    if best is None and ca == a and a > a0 and irr < 0:
        # no cue near: the clause's own auxiliary further back, no comma between ("Меркел ще обсъди въпроса с
        # лидерите на ЕС на видеоконференция в четвъртък" is next Thursday)
        start = max(text.rfind(",", a0, a), text.rfind(";", a0, a)) + 1 or a0
        # (a future auxiliary only: a past verb that far back is mostly a report's, "Microsoft said it has
        # identified three companies for the program to run through June")
        if any(m.group().lower() in lex.future for m in _WORD.finditer(text, start, a)):
            best = (0, 0.0, 1)
    if best is None and irr < 0 and cb == b < b0 and lex.settings.get("opening_tense"):
        best = _opening_tense(text, s, e, a0, b0, lex)
    return best[2] if best else (1 if ahead else 0)


def _participle_before(text: str, w_end: int, s: int, lex: Lexicon) -> bool:
    """Whether only white space or one preposition lies between a word ending at ``w_end`` and a time at ``s``."""
    gap = text[w_end:s].split()
    return not gap or (len(gap) == 1 and gap[0].lower() in lex.participle_preps)


def _opening_tense(text: str, s: int, e: int, a0: int, b0: int, lex: Lexicon) -> tuple[int, float, int] | None:
    """A time that opens its clause dates the clause's verb, which a long subject can put past the usual window:
    "През уикенда еврокомисарят по икономическите и финансовите въпроси Пиер Московиси направи подобно изказване"
    (the weekend before, not the coming one). The first tense cue up to the clause's end (a comma), read as above."""
    head = max(text.rfind(",", a0, s), text.rfind(";", a0, s)) + 1 or a0
    before = _WORD.findall(text, head, s)
    if len(before) > 1 or (before and not any(c == "PREP" for c, _ in lex.lookup(before[0].lower()))):
        return None  # (only a preposition before it: "През уикенда", "В събота"; not "Не един ден сега минава")
    end = min((i for i in (text.find(",", e, b0), text.find(";", e, b0)) if i >= 0), default=b0)
    prev2 = prev = ""
    for m in _WORD.finditer(text, e, min(end, e + 3 * MAX_CUE_DISTANCE)):
        w = m.group().lower()
        if w in lex.future:
            return 0, 0.0, 1
        if not (prev in lex.not_past_after or f"{prev2} {prev}" in lex.not_past_after) and (w in lex.past or (
                len(w) > 3 and w not in lex.past_stop and w.endswith(lex.past_suffixes))):
            return 0, 0.0, -1
        prev2, prev = prev, w
    return None


def find_times(text: str, start: int, end: int, lex: Lexicon, anchor: Anchor | None) -> list[Time]:
    """Temporal expressions in ``text[start:end]`` with TIMEX3 types and values."""
    if text.find(SOFT_HYPHEN, start, end) >= 0:
        return _find_unhyphenated(text, start, end, lex, anchor)
    out: list[Time] = []
    for rs, re_ in regions(text, start, end, lex):
        out.extend(_scan(text, tokens(text, rs, re_, lex), lex, anchor, start, end))
    _date_clocks(text, out)
    _stamp_clocks(text, out)
    _year_range_ends(text, out)
    if lex.settings.get("day_list_joiners") and out:
        _day_lists(text, out, lex)
    if lex.settings.get("calendar_lists") and out and text.find(":", start, end) >= 0:
        _calendar_lists(text, out)
    if lex.settings.get("date_day_parts") and out:
        _date_day_parts(text, out)
    if (rng := lex.settings.get("weekday_range")) and len(out) > 1 and anchor is not None and anchor.year_known:
        _weekday_ranges(text, out, rng, anchor)
    return out


SOFT_HYPHEN = "\u00ad"
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _weekday_ranges(text: str, times: list[Time], words: list[str], anchor: Anchor) -> None:
    """ "от вторник до неделя": a range of weekdays runs forward. Each end is resolved on its own, and on a Friday
    the coming Tuesday (23rd) had ended on the coming Sunday (21st); the end moves a week on when the start lies
    ahead of the document's day, else the start a week back (a past range, "беше отворена от четвъртък до
    вторник")."""
    frm, to = words
    for a, b in itertools.pairwise(times):
        if ":weekday:" not in a.evidence or ":weekday:" not in b.evidence or a.type != "DATE" or b.type != "DATE" \
                or not _ISO_DAY.fullmatch(a.value) or not _ISO_DAY.fullmatch(b.value) or b.value >= a.value \
                or text[a.span[1] : b.span[0]].strip().lower() != to \
                or lower_slice(text, max(0, a.span[0] - len(frm) - 2), a.span[0]).split()[-1:] != [frm]:
            continue
        da, db = dt.date.fromisoformat(a.value), dt.date.fromisoformat(b.value)
        if (da - db).days >= 7:
            continue
        if da > anchor.day:
            b.value = (db + dt.timedelta(days=7)).isoformat()
        else:
            a.value = (da - dt.timedelta(days=7)).isoformat()


def _find_unhyphenated(text: str, start: int, end: int, lex: Lexicon, anchor: Anchor | None) -> list[Time]:
    """A web page's soft hyphens (U+00AD, invisible break points inside a word: "30 сеп\u00adтември 1981 г.") read as
    absent, the spans given back in the original text's offsets (the word had been cut in two: "30 сеп" of 2017)."""
    seg = text[start:end]
    clean = seg.replace(SOFT_HYPHEN, "")
    pos = [start + i for i, ch in enumerate(seg) if ch != SOFT_HYPHEN]  # a clean offset's place in ``text``
    pos.append(end)
    return [Time(span=(pos[t.span[0]], pos[t.span[1] - 1] + 1), type=t.type, value=t.value, evidence=t.evidence)
            for t in find_times(clean, 0, len(clean), lex, anchor)]


# "1957-58", "2012/13": a year and the last two digits of a later one, written against it
_YY_AFTER = re.compile(r"[-–/](\d\d)(?!\d|[.,:/-]\d|\s*%)")


def _year_range_ends(text: str, times: list[Time]) -> None:
    """The second year of a range written short ("the expedition of 1957-58") is a DATE of its own, as TimeML marks
    "58" (1958) beside "1957"; written in full ("1990–1995", "1998 - 2018") the rules read both already."""
    for k in range(len(times) - 1, -1, -1):
        d = times[k]
        if d.type != "DATE" or len(d.value) != 4 or not d.value.isdigit() or text[d.span[0] : d.span[1]] != d.value:
            continue
        m = _YY_AFTER.match(text, d.span[1])
        if m is None or (k + 1 < len(times) and times[k + 1].span[0] < m.end()):
            continue
        first = int(d.value)
        second = first - first % 100 + int(m.group(1))
        second += 100 if second <= first else 0  # ("1999-00")
        if first < second <= first + 20:  # ("2019-05": a month, no range)
            times.insert(k + 1, Time(span=(m.start(1), m.end(1)), type="DATE", value=str(second),
                                     evidence=":".join(d.evidence.split(":")[:2]) + ":year_range_end"))


_DAY_VALUE_YM = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")  # a month or a day of a known year
_DAYS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
# a day's number and the joiner before a date's day ("14 и 15 декември", "4, 8 и 9 април"), read backwards
_LISTED_DAY = re.compile(r"(\d{1,2})[ \t]*(,|[^\W\d_]+)[ \t]*$")
_RANGE_HEAD = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\s+(\d{1,2})(?!\d)")  # "24 до 29" of "от 24 до 29 септември"


def _day_lists(text: str, times: list[Time], lex: Lexicon) -> None:
    """Each day of a list is a DATE of its own, as TimeML marks conjoined dates and the two ends of a range: "14 и 15
    декември" is "14" and "15 декември", "4, 8 и 9 април" three dates, "от 24 до 29 септември" two (a dash-joined
    "22-23 март" stays one written range)."""
    joiners = lex.settings.get("day_list_joiners", ())
    for k in [k for k, t in enumerate(times) if ":dmy" in t.evidence][::-1]:  # (the few dates of a day and month)
        t = times[k]
        rng = ":dmy_range:" in t.evidence
        if t.type != "DATE" or not (rng or ":dmy:" in t.evidence) or not (ym := _DAY_VALUE_YM.fullmatch(t.value)) \
                or ym.group(3) is None or not text[t.span[0] : t.span[0] + 1].isdigit():
            continue
        days: list[tuple[int, int]] = []  # the spans of the days' numbers listed before the date's own
        own = t.span
        if rng:
            m = _RANGE_HEAD.match(text, t.span[0], t.span[1])
            if m is None or m.group(2).lower() not in joiners:
                continue  # ("22-23 март": one written range)
            days.append(m.span(1))
            own = (m.start(3), t.span[1])
        s = t.span[0]
        while True:  # the days listed before it: "4, 8 и 9 април" (a digit just before, or none is)
            m = _LISTED_DAY.search(text, max(0, s - 16), s) if _DIGIT.search(text, max(0, s - 8), s) else None
            if m is None or (m.group(2) != "," and m.group(2).lower() not in joiners):
                break
            b = m.start(1)
            if b > 0 and (text[b - 1].isdigit() or text[b - 1] in ".,:/-"):
                break  # ("1,5 и 3 май", "10:30, 12 май")
            days.insert(0, m.span(1))
            s = b
        if not days or text[max(0, s - 8) : s].rstrip().endswith(":"):
            continue  # (a list after a colon is another's: a calendar's "Април: 4, 8, 26, 28 Май: 6")
        nums = [int(text[a:b]) for a, b in days] + [int(_DAYS.match(text, own[0]).group())]  # type: ignore[union-attr]
        if nums[0] < 1 or any(x >= y for x, y in itertools.pairwise(nums)):
            continue  # (listed days run forward)
        ev = ":".join(t.evidence.split(":")[:2]) + ":day_list"
        ym_ = f"{ym.group(1)}-{ym.group(2)}"
        new = [Time(span=d, type="DATE", value=f"{ym_}-{n:02d}", evidence=ev) for d, n in zip(days, nums, strict=False)]
        new.append(Time(span=own, type="DATE", value=f"{ym_}-{nums[-1]:02d}", evidence=ev))
        times[k : k + 1] = new


# a calendar's month heading its days: "Април: 4, 8, 9, 26, 28 Май: 6, 8" (the month's word ends the time before)
_CAL_HEAD = re.compile(r"[^\S\n]*:[^\S\n]*(\d{1,2})(?![\d.,:/-]?\d|[^\S\n]*[%:])")
_CAL_NEXT = re.compile(r"[^\S\n]*,[^\S\n]*(\d{1,2})(?![\d.,:/-]?\d|[^\S\n]*[%:])")
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _calendar_lists(text: str, times: list[Time]) -> None:
    """A month's name, a colon and a list of day numbers is a calendar's heading and its days, each day a DATE of
    that month ("Април: 4, 8, 9, 28 Май: 6, 8"): the number before the next month's name is the last day of the list
    before it, not that month's day ("28 Май" of the list), and the months of one calendar run forward in time."""
    heads: list[tuple[int, int, int, int, list[tuple[int, int]], str]] = []  # start, end, year, month, days, evidence
    for t in times:
        if t.type != "DATE" or not (":month:" in t.evidence or ":dmy:" in t.evidence) \
                or not (ym := _DAY_VALUE_YM.fullmatch(t.value)) or not (m := _CAL_HEAD.match(text, t.span[1])):
            continue
        w = _LAST_WORD.search(text, t.span[0], t.span[1])
        if w is None:
            continue
        days = [m.span(1)]
        while (m := _CAL_NEXT.match(text, m.end())) is not None:
            days.append(m.span(1))
        nums = [int(text[a:b]) for a, b in days]
        year, month = int(ym.group(1)), int(ym.group(2))
        if heads and w.start() - heads[-1][1] < 200:
            py, pm = heads[-1][2], heads[-1][3]
            year = py if month > pm else py + 1  # (the next month of the same calendar)
        if len(nums) < 2 or nums[0] < 1 or nums[-1] > calendar.monthrange(year, month)[1] \
                or any(x >= y for x, y in itertools.pairwise(nums)):
            continue  # (a list of the month's days, running forward)
        heads.append((w.start(), days[-1][1], year, month, days, ":".join(t.evidence.split(":")[:2]) + ":calendar"))
    if not heads:
        return
    new: list[Time] = []
    for s, _, year, month, days, ev in heads:
        for k, (a, b) in enumerate(days):
            new.append(Time(span=(s if k == 0 else a, b), type="DATE", value=f"{year:04d}-{month:02d}-{int(text[a:b]):02d}",
                            evidence=ev))
    covered = [(h[0], h[1]) for h in heads]
    kept = [t for t in times if not any(t.span[0] < e and s < t.span[1] for s, e in covered)]
    times[:] = sorted(kept + new, key=lambda t: t.span)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")  # a value that names a day ("2018-11-11", "2018-11-11T10:40")
_CLOCK_GAP = re.compile(r"^(?:\s*,?\s*(?:at|on|of|from|until|около|в|във|на|к|от|до|about|around|/|-|–|\|)?\s*)$")  # ("31 март 2018 | 12:38")


def _date_clocks(text: str, times: list[Time]) -> None:
    """A clock time next to a day ("Monday morning at 10 a.m.", "1 p.m. Thursday", "утре в 10 ч.") is on that day."""
    for a, b in itertools.pairwise(times):
        if not (a.type == "TIME" or b.type == "TIME") or not _CLOCK_GAP.match(text[a.span[1] : b.span[0]]):
            continue
        for clock, day in ((b, a), (a, b)):
            if clock.type == "TIME" and (":clock:" in clock.evidence or ":day_hour:" in clock.evidence) and _DAY_VALUE.match(day.value):
                clock.value = day.value[:10] + clock.value[clock.value.index("T") :]
                break


_PART_DAY = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")  # a day, of a known year or not ("на Благовец": XXXX-03-25)
_PART_AFTER_GAP = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:в|във|през)[^\S\n]+)?")  # "на 10 април 1981 г. вечерта", "... в полунощ"
_PART_BEFORE_GAP = re.compile(r"[^\S\n]+на[^\S\n]+")  # "сутринта на навечерието на Рождество Христово"


def _date_day_parts(text: str, times: list[Time]) -> None:
    """A part of the day or midnight named next to a day is that day's: "на 29 март 2019 г. в полунощ",
    "на Благовец през нощта", "сутринта на навечерието на Рождество" (alone it is the anchor's day or the night
    before it). After the day it follows with at most a comma and "в"/"през", written in lower case (a capital opens
    another sentence or heading); before the day, "на" joins them into one expression."""
    for k in range(len(times) - 1, -1, -1):
        t = times[k]
        if t.type != "TIME" or not (":day_part:" in t.evidence or ":midnight:" in t.evidence) or "T" not in t.value:
            continue
        if k + 1 < len(times) and (day := times[k + 1]).type == "DATE" and _PART_DAY.match(day.value) and (
                m := _PART_BEFORE_GAP.match(text, t.span[1])) and m.end() == day.span[0]:
            # (one expression, as "вечерта на 5 май": "полунощ на 8 април 2017 г.")
            times[k : k + 2] = [Time(span=(t.span[0], day.span[1]), type="TIME",
                                     value=day.value[:10] + t.value[t.value.index("T") :], evidence=t.evidence)]
        elif k > 0 and (day := times[k - 1]).type == "DATE" and _PART_DAY.match(day.value) and \
                text[t.span[0]].islower() and (m := _PART_AFTER_GAP.match(text, day.span[1])) and m.end() == t.span[0]:
            t.value = day.value[:10] + t.value[t.value.index("T") :]


# "11.11.2018 10.40", "06.09.2018 08.55": a page's time stamp writes the clock with a dot; alone "10.40" is a number
_STAMP_CLOCK = re.compile(r"[ \t]+([01]?\d|2[0-3])\.([0-5]\d)(?!\d|[.,]\d)")
_CLOCK_FIRST = re.compile(r",?[ \t]+")  # between a stamp's clock and its date after it
_STAMP_COLON = re.compile(r"[ \t]+([01]?\d|2[0-3]):([0-5]\d)(?!\d|:\d)")  # ("06 Февруари 2018 21:40")
# a forum post's stamp: a comma before the clock, its seconds, "am"/"pm" after it ("Февруари 01, 2011, 12:25:16 pm",
# "нд, 19 фев 2017, 11:40"; stop 73: 3 of 3 in eval/bggold-sites are one TIME)
_STAMP_COMMA = re.compile(r",[ \t]*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?!\d|:\d)(?:[ \t]*([ap])\.?m\b\.?)?", re.I)


def _stamp_clocks(text: str, times: list[Time]) -> None:
    """A numeric date and the clock right after it ("11.11.2018 10.40", a page's stamp) are one TIME of that day, as
    TimeML writes a date with its time of day ("15:00 GMT Saturday"; the rules read "10.40" alone only before "ч.":
    "в 10.40 ч."). Eight of the twelve stamps of eval/bggold are annotated so, four as a DATE and a TIME (stop 50).
    So is a date in words with its year and the clock after it ("06 Февруари 2018 21:40": 2 of 2 in eval/bggold,
    stop 65), whose clock the rules had read as a TIME of its own."""
    for k in range(len(times) - 1, -1, -1):
        d = times[k]
        if d.type != "DATE" or not _DAY_VALUE.fullmatch(d.value):
            continue
        clock = None  # a TIME the rules read for the clock, taken into the stamp
        written = ":numdate:" in d.evidence or (":dmy:" in d.evidence and text[d.span[1] - 4 : d.span[1]].isdigit())
        if written and k > 0 and (c := times[k - 1]).type == "TIME" and ":clock:" in c.evidence \
                and _CLOCK_FIRST.fullmatch(text, c.span[1], d.span[0]) and (t := c.value.find("T")) > 0:
            # "01:20, 02 Февруари 2017", "23:39:31 01-02-2018": a news list's stamp, the clock before the date
            times[k] = Time(span=(c.span[0], d.span[1]), type="TIME", value=d.value + c.value[t:],
                            evidence=d.evidence.replace(":numdate:", ":stamp_clock:").replace(":dmy:", ":stamp_clock:"))
            del times[k - 1]
            continue
        if ":numdate:" in d.evidence:
            m = _STAMP_CLOCK.match(text, d.span[1])
        elif written:  # a date in words with its year written: a stamp
            m = _STAMP_COLON.match(text, d.span[1]) or _STAMP_COMMA.match(text, d.span[1])
            if m is not None and k + 1 < len(times) and times[k + 1].span[0] == m.start(1) \
                    and times[k + 1].span[1] <= m.end():
                clock = k + 1
        else:
            continue
        if m is None or (clock is None and k + 1 < len(times) and times[k + 1].span[0] < m.end()):
            continue
        if clock is not None:
            del times[clock]
        hour, end, sec = int(m.group(1)), m.end(2), ""
        if m.re is _STAMP_COMMA:
            end = m.end()
            sec = f":{m.group(3)}" if m.group(3) else ""
            ap = (m.group(4) or "").lower()
            hour = hour + 12 if ap == "p" and hour < 12 else 0 if ap == "a" and hour == 12 else hour
        times[k] = Time(span=(d.span[0], end), type="TIME", value=f"{d.value}T{hour:02d}:{m.group(2)}{sec}",
                        evidence=d.evidence.replace(":numdate:", ":stamp_clock:").replace(":dmy:", ":stamp_clock:"))


_PREP_ONLY = frozenset({"PREP", "OF", "AND", "MORE"})


def _scan(text: str, toks: Toks, lex: Lexicon, anchor: Anchor | None, lo: int, hi: int) -> list[Time]:
    """Leftmost-longest matches whose action accepts them, without overlaps."""
    out: list[Time] = []
    found = all_matches(lex, toks)
    if not found:
        return out
    pos = floor = 0
    particles = lex.settings.get("particles", ())  # left out of a span like a preposition ("още през май")
    also = lex.settings.get("prep_also")  # (bg "след": a preposition that other rules read as "after")
    prep_only = _PREP_ONLY.union(also) if also else _PREP_ONLY
    adj_stems = lex.settings.get("no_prefix_stems", ())
    for i in sorted(found):
        if i < pos:
            continue
        best = _accept(text, toks, i, found[i], lex, anchor, lo, hi)
        if best is None:
            continue
        j, bound, typ, value, rule = best
        span_toks = [t for e, t, _, _ in bound if not e.context]
        while span_toks and not any(ch.isalnum() for ch in span_toks[-1].text) and span_toks[-1].text not in ("'", "’"):
            span_toks.pop()  # an optional trailing comma or dot is not part of the expression
        if not span_toks:
            continue
        if lex.lower and len(span_toks) == 1 and not lex.lower.isdisjoint(span_toks[0].cats) \
                and span_toks[0].text[:1].isupper() and not span_toks[0].text.isupper() \
                and _char_before(text, span_toks[0].start) not in _OPENERS:
            continue  # bg/ru "еврокомиссар Марта Кос": a capitalised month word inside a sentence is a name
        first = span_toks[0].i
        if len(span_toks) == 1 and "WEEKDAY" in span_toks[0].cats and first > 0 and span_toks[0].text[:1].islower() \
                and (prev := toks[first - 1]).text[:1].isupper() and span_toks[0].start - prev.end <= 1 \
                and _char_before(text, prev.start) not in _OPENERS:
            continue  # "споразумението от Добрия петък", "Black Friday": a capitalised word makes the day a name
        last = span_toks[-1].i
        p = prefix_start(lex, toks, first, floor) if lex.prefixes and not (
            adj_stems and (typ == "DURATION" or len(span_toks) == 1)
            and any(st in span_toks[-1].low for st in adj_stems)) else first
        # (an adjective of length, or one word of frequency, takes no "в края на", "около": "в края на 46-годишното
        # членство" is the membership's end, "почти тригодишен връх", "100 млн. лв. повече годишно"; "не повече от
        # 2-3 пъти годишно" keeps its "повече от", as a counted span does)
        while p < last and (("PREP" in toks[p].cats and toks[p].cats.keys() <= prep_only) or (
                toks[p].low in particles and not toks[p + 1].text[:1].isdigit())) and not (
                toks[p + 1].text == "-" and toks[p + 1].start == toks[p].end):  # ("по-рано" is one word)
            p += 1  # TIMEX3 leaves the preposition out: "през юни" is "юни", "в края на 2019 г." "края на 2019 г."
            # (and a particle: "още през май", "Само в четвъртък", "още следващия март")
        s, e = toks[p].start, span_toks[-1].end
        if _in_url(text, s, e):
            continue  # "http://nations4jesus.blogspot.com/2010/11/...": a link's path, no time the text states
        if typ == "TIME" and e - s <= 5 and ":" in text[s:e] and _word_before(text, s) in lex.settings.get(
                "verse_books", ()):
            continue  # "(Римляни 15:13)", "(Лука 1:38)": a chapter and verse, no clock
        out.append(Time(span=(s, e), type=typ, value=value, evidence=f"time:{lex.code}:{rule.action}:{rule.index}"))
        # (context after the span is read, not taken: "от 10.00 до 17.00 часа" has the second clock too)
        floor = pos = last + 1 if bound[-1][0].context else j
    return out


def _word_before(text: str, s: int) -> str:
    """The word right before ``s`` (an opening bracket stripped), "" if none."""
    words = text[max(0, s - 20) : s].split()
    return words[-1].lstrip("(") if words else ""


def _in_url(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` lies inside a web address (the run of non-space characters around it)."""
    a = s
    while a > 0 and s - a < 300 and not text[a - 1].isspace():
        a -= 1
    if a == s and (e >= len(text) or text[e].isspace()):
        return False  # (a word of its own: the common case, decided without a search)
    b = e
    while b < len(text) and b - e < 300 and not text[b].isspace():
        b += 1
    run = text[a:b]
    return "://" in run or "www." in run


# after these any word is capitalised (a line break too: "... в Грузия\nДекември започна с протести", after a
# headline without a full stop)
_OPENERS = frozenset(("", ".", "!", "?", "\"", "„", "“", "«", "(", ":", "\n"))


def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" at the text's start, "\n" at a line's)."""
    while pos > 0 and text[pos - 1].isspace():
        if text[pos - 1] == "\n":
            return "\n"
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _accept(text: str, toks: Toks, i: int, cands: list[tuple[int, int, list[RawBinding], Rule]], lex: Lexicon,
            anchor: Anchor | None, lo: int, hi: int) -> tuple[int, list, str, str, Rule] | None:
    cands.sort(key=lambda x: (x[0], x[1]), reverse=True)
    for j, _, raw, rule in cands:
        if _crosses_sentence(text, toks, i, j):
            continue
        b = Bound(raw, toks, rule.value)
        ctx = Ctx(anchor, lambda j=j, raw=raw: _tense(text, toks, raw, i, j, lo, hi, lex), toks, i, j, lex)  # type: ignore[misc]  # (a lambda binding its loop values as defaults)
        res = ACTIONS[rule.action](b, ctx)
        if res is not None:
            return j, b.b, res[0], res[1], rule
    return None


def _crosses_sentence(text: str, toks: Toks, i: int, j: int) -> bool:
    """A full stop between two words of tokens ``i``..``j``, before a capitalised one, ends a sentence ("... каза
    това. Ден по-рано ..." is no "this day"); a time word's own dot ("г.", "ян.") is part of its token."""
    starts, forms = toks.starts, toks.forms
    for k in range(i, j - 1):
        gap = text[starts[k] + forms[k][0] : starts[k + 1]]
        if gap.strip() == "." and forms[k + 1][1][:1].isupper():
            return True
    return False


def _tense(text: str, toks: Toks, raw: list[RawBinding], i: int, j: int, lo: int, hi: int, lex: Lexicon) -> int:
    """The tense of the clause around a candidate match (tokens ``i`` to ``j``; context elements left out)."""
    span = [t for e, t, _, _ in raw if not e.context]
    s = toks.starts[span[0] if span else i]
    last = span[-1] if span else j - 1
    return clause_tense(text, s, toks.starts[last] + toks.forms[last][0], lo, hi, lex)
