"""The time stage: the document date, then every temporal expression, resolved against it.

``doc.published`` given by the input is never changed. When it is missing, it is
inferred from the agency dateline ("СОФИЯ, 17 декември 2024 (БТА) –") or a date
in the URL (``/2024/12/17/``), and ``doc.published_source`` says which. A dateline
without a year still anchors the expressions (``meta["published_partial"]``), with
the year left as ``XXXX``. A WARC crawl date standing in for a missing date (``published_source``
``warc-date``) gives way to the dateline or URL date, and gives a year-less dateline its year.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from vestnik.document import Document, Span, Time
from vestnik.pipeline import Resources, stage
from vestnik.time.extract import clause_tense, find_times
from vestnik.time.grammar import Lexicon, load_lexicon
from vestnik.time.normalize import ANAPHOR, Anchor, later_duration, later_value, same_value

LANGS = ("bg", "ru", "en")
_CYR = re.compile(r"[а-яёА-ЯЁ]")
_LAT = re.compile(r"[a-zA-Z]")
_RU_ONLY = re.compile(r"[ыэёЫЭЁ]")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-]?)(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)")
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PARTIAL = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
# A page's own date stamp, as sites print it near the headline and crawlers keep it in the saved text:
# "19.06.2018 | 11:30", "Bulgaria-news | 18.06.2018 15:18.", "21.02.2018 Свят ...", "0 | 758 | 28.06.2018".
# Day.month.year with a four-digit year; a stamp stands at a line's start or end or is followed by a time of
# day, where a date in running prose ("на 12.03.2018 г. ще се проведе") is neither.
_STAMP = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\d.]\d)(?:[ \t]*г?\.?)?"
                    r"(?P<time>[ \t]*[|,-]?[ \t]*[0-2]?\d[:.][0-5]\d(?!\d))?")
STAMP_CHARS = 400  # where a stamp is looked for: the headline and the first lines after it
_LINE_OPENING = re.compile(r"(?m)^[ \t|.]*(\S.{0,60})")  # a line's first characters, after separators
PLACEHOLDER_DATES = frozenset({"1970-01-01", "1900-01-01", "0001-01-01"})


def lexicon(res: Resources | None, code: str) -> Lexicon:
    if res is None:
        return load_lexicon(code)
    return res.get(f"time.lexicon.{code}", lambda: load_lexicon(code))


def language_of(text: str, hint: str | None) -> str:
    """The lexicon to use: the language layer's answer when it is one we have, else the script."""
    if hint in LANGS:
        return hint
    sample = text[:300]
    cyr, lat = len(_CYR.findall(sample)), len(_LAT.findall(sample))
    if cyr >= lat:
        return "ru" if _RU_ONLY.search(sample) and hint != "bg" else "bg"
    return "en"


def parse_published(value: str | None) -> Anchor | None:
    """The anchor for a ``published`` value: a full date, or None (unknown or a placeholder)."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m or m.group(0) in PLACEHOLDER_DATES:
        return None
    try:
        return Anchor(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    except ValueError:
        return None


def date_from_url(url: str | None) -> str | None:
    """A ``YYYY-MM-DD`` date in a URL path (``/2024/12/17/``, ``/20241217-``), if any."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for m in _URL_DATE.finditer(path):
        try:
            return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return None


def date_from_stamp(text: str, lex: Lexicon | None = None) -> tuple[str, Span] | None:
    """The date (and span) of a date stamp in the first ``STAMP_CHARS`` characters of a page's text, if any.

    Numeric ("19.06.2018 | 11:30"): at a line's start or end, or before a time of day. Written out ("14 май 2017",
    with ``lex``, the page's time lexicon): a full date opening a line below the first, figures first (a headline
    that opens with a date tells of that day, "20 март 1995 г. сектата ...", and "На 7 април 2017 г." is prose).
    Measured on the 918 BSNLP news texts of ../shared/eval/ner-bg/raw: 63 + 3 have one, all the publication day the
    BSNLP metadata gives; on the small-site corpus (hack-the-fake-news) 17 of 19 are its export's date, two are 3
    and 5 days before it (reposted pages)."""
    head = text[:STAMP_CHARS]
    today = dt.date.today()
    for m in _STAMP.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        at_start = not head[line_start : m.start()].strip(" .|")
        at_end = line_end >= 0 and not head[m.end() : line_end].strip(" .|")
        if not (m.group("time") or at_start or at_end):
            continue
        try:
            day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if day <= today:
            return day.isoformat(), (m.start(), m.end())
    if lex is None:
        return None
    first = head.find("\n")
    if first < 0:
        return None
    for line in _LINE_OPENING.finditer(head, first + 1):
        s = line.start(1)
        found = find_times(text, s, min(s + 40, line.end(1)), lex, None)
        t = found[0] if found else None  # only a date that opens the line
        # (a date with its clock is one TIME: "18 април 2017 11:11", the stamp's day)
        if (t is not None and t.span[0] == s and text[s].isdigit() and t.type in ("DATE", "TIME")
                and _ISO.fullmatch(t.value[:10]) and dt.date(1990, 1, 1) <= dt.date.fromisoformat(t.value[:10]) <= today):
            return t.value[:10], t.span
    return None


def date_from_dateline(doc: Document, res: Resources | None = None) -> str | None:
    """The date an agency dateline states: ``2024-12-17``, or ``XXXX-12-17`` without a year."""
    span = doc.article.dateline
    if not span:
        return None
    text = doc.text[span[0] : span[1]]
    lex = lexicon(res, language_of(text, doc.language))
    for t in find_times(doc.text, span[0], span[1], lex, None):
        if t.type == "DATE" and re.match(r"^(\d{4}|XXXX)-\d\d-\d\d$", t.value):
            return t.value
    return None


def infer_published(doc: Document, res: Resources | None = None) -> Anchor | None:
    """Fill a missing ``published`` from the dateline, the URL or the page's date stamp; return the anchor to
    resolve against."""
    anchor = parse_published(doc.published)
    # A WARC record's crawl time (vestnik.ingest.warc) stood in for a page without a date: the page's own
    # dateline or URL date, when it has one, is the better answer.
    crawled = anchor is not None and doc.published_source == "warc-date"
    if (anchor is not None or doc.published) and not crawled:
        return anchor
    from_line = date_from_dateline(doc, res)
    from_url = date_from_url(doc.url)
    if from_line and not from_line.startswith("XXXX"):
        doc.published, doc.published_source = from_line, "dateline"
    elif from_line and from_url and from_url[5:] == from_line[5:]:
        doc.published, doc.published_source = from_url, "dateline"
    elif from_url:
        doc.published, doc.published_source = from_url, "url"
    elif stamp := date_from_stamp(doc.text, lexicon(res, language_of(doc.text[:STAMP_CHARS], doc.language))):
        (doc.published, span), doc.published_source = stamp, "stamp"
        doc.meta["published_stamp"] = list(span)
    elif crawled and anchor is not None:  # a dateline without a year: the latest such day on or before the crawl
        if from_line and (m := _PARTIAL.match(from_line)):
            for year in (anchor.day.year, anchor.day.year - 1):
                try:
                    day = dt.date(year, int(m.group(1)), int(m.group(2)))
                except ValueError:
                    continue
                if day <= anchor.day:
                    doc.published, doc.published_source = day.isoformat(), "dateline"
                    break
        return parse_published(doc.published)
    elif from_line and (m := _PARTIAL.match(from_line)):
        doc.meta["published_partial"] = from_line
        try:
            return Anchor(dt.date(2000, int(m.group(1)), int(m.group(2))), year_known=False)
        except ValueError:
            return None
    return parse_published(doc.published)


def _scan_spans(doc: Document) -> list[tuple[Span, str | None]]:
    """The parts of the page to read: headline, paragraphs, teasers (the dateline is the document date)."""
    a = doc.article
    spans: list[tuple[Span, str | None]] = []
    if a.headline:
        spans.append((a.headline, doc.language))
    spans.extend((p, doc.language) for p in a.paragraphs)
    for t in doc.teasers:
        spans.append((t.span, t.language or doc.language))
    if not spans and doc.text.strip():
        spans.append(((0, len(doc.text)), doc.language))
    return spans


def times_for(doc: Document, res: Resources | None = None, anchor: Anchor | None = None) -> list[Time]:
    out: list[Time] = []
    for (s, e), hint in _scan_spans(doc):
        lex = lexicon(res, hint if hint in LANGS else language_of(doc.text[s:e], hint))
        out.extend(find_times(doc.text, s, e, lex, anchor))
    stamp = doc.meta.get("published_stamp") if doc.published_source == "stamp" else None
    for line in (doc.article.dateline, stamp):
        if line:  # the dateline's or the stamp's date is the document date itself, not an expression of the story
            out = [t for t in out if not (t.span[0] < line[1] and line[0] < t.span[1])]
    names = sorted(m.span for m in doc.mentions if m.form == "name" and m.type in ("ORG", "PRO", "EVT"))
    if names:  # a time inside a name is the name's: 'вестник "24 часа"', "Радио Днес", "Споразумението от Разпети петък"
        # (inside one iff the farthest end among the names starting at or before it reaches its end: a bisection per
        # time, not a scan of every name, which a long text has thousands of)
        starts, reach = [a for a, _b in names], list(accumulate((b for _a, b in names), max))
        # ... but a holiday the tagger calls an event by its own name ("на Разпети петък") is that day
        feasts = {m.span for m in doc.mentions if m.form == "name" and m.type == "EVT"} if any(
            ":holiday" in t.evidence for t in out) else set()
        out = [t for t in out if not ((i := bisect_right(starts, t.span[0])) and reach[i - 1] >= t.span[1])
               or (t.span in feasts and ":holiday" in t.evidence) or _dated_prefix(doc.text, t, names[i - 1])]
    out.sort(key=lambda t: t.span)
    out = resolve_anaphors(doc.text, out)
    if out:
        lang = doc.language if doc.language in LANGS else language_of(doc.text[:2000], doc.language)
        out = align_weekdays(doc.text, out, lexicon(res, lang))
        if anchor is not None and anchor.year_known:
            out = customs_text(doc.text, out, anchor.day.year)
            yesterdays_clocks(doc.text, out, lexicon(res, lang), anchor)
    # teasers may overlap the article's last paragraph on odd pages: keep the first of overlapping spans
    kept: list[Time] = []
    for t in out:
        if kept and t.span[0] < kept[-1].span[1]:
            continue
        kept.append(t)
    return kept


def _dated_prefix(text: str, t: Time, name: Span) -> bool:
    """A day with its year that opens a longer name is the day a widget stamps on a link, glued to the site's name
    ("Mar 26 2017skafeto.com", which the tagger reads as one product; stop 67: every such stamp in eval/bggold-sites
    is marked), not part of the name ("вестник „24 часа“" has no year)."""
    return name[0] == t.span[0] and name[1] > t.span[1] and t.type == "DATE" and bool(_ISO.match(t.value)) \
        and _YEAR_DIGITS.search(text, t.span[0], t.span[1]) is not None


def align_weekdays(text: str, times: list[Time], lex: Lexicon) -> list[Time]:
    """A weekday named alone is the day the text dates together with that weekday elsewhere: "BLACK FRIDAY за книги
    в четвъртък и петък ... този четвъртък, 22 декември, и петък, 23 декември", "На 26 април (четвъртък)" (the
    headline's days had been the week before, read from a sentence with no verb). A date named without its weekday
    moves none ("публикувана в понеделник ... преговорите започнат на 5 февруари": last Monday stays)."""
    def names_weekday(a: int, b: int) -> bool:
        return any(c == "WEEKDAY" for w in _WORD.findall(text, a, b) for c, _v in lex.lookup(w.lower()))

    dated: dict[int, set[str]] = {}
    for i, t in enumerate(times):
        # (the weekday inside the date, just after it, or just before it: "в четвъртък, на 18-и май")
        if t.type == "DATE" and _DAY.match(t.value) and any(ch.isdigit() for ch in text[t.span[0] : t.span[1]]) and (
                names_weekday(*t.span) or any(
                    0 <= o.span[0] - t.span[1] <= 3 and names_weekday(*o.span) for o in times[i + 1 : i + 2]) or any(
                    0 <= t.span[0] - o.span[1] <= 5 and o.value == t.value and names_weekday(*o.span)
                    for o in times[max(0, i - 1) : i])):
            dated.setdefault(_weekday(t.value), set()).add(t.value)
            u, j = t, i  # ... and so are the days listed before it: "на 12 и 13 април (сряда и четвъртък)"
            while j > 0 and ":day_list" in u.evidence and ":day_list" in (o := times[j - 1]).evidence \
                    and u.span[0] - o.span[1] <= 6 and _DAY.match(o.value):
                dated.setdefault(_weekday(o.value), set()).add(o.value)
                u, j = o, j - 1
    if not dated:
        return times
    for t in times:
        # (a weekday with its part of the day too: "безплатна прожекция в четвъртък вечер" in the headline)
        day0 = t.value[:10] if t.type == "TIME" and t.value[10:11] == "T" else t.value
        if t.type in ("DATE", "TIME") and ":weekday:" in t.evidence and _DAY.match(day0) and len(
                days := dated.get(_weekday(day0), set())) == 1 and (day := next(iter(days))) != day0 \
                and abs((dt.date.fromisoformat(day) - dt.date.fromisoformat(day0)).days) == 7:
            t.value = day + t.value[10:]
    return times


def yesterdays_clocks(text: str, times: list[Time], lex: Lexicon, anchor: Anchor) -> None:
    """A clock time with no day of its own is on the day the text last named. When that was yesterday, an hour of
    the afternoon or evening ([settings] clock_yesterday_from on) not told in the future is yesterday's: a morning
    report tells of last night ("попаднаха в понеделник вечер в капан ... трябвало да излетят в 19:30 ч." written on
    Tuesday; "Вечерта трябваше да прекараме в хотел ... От 21:30 вечерта сме тук"). An earlier hour after yesterday
    evening is the night after it, today's ("вчера в 15 ч. ... в 1.00 часа през нощта"), and moves the day on."""
    start = lex.settings.get("clock_yesterday_from")
    if start is None:
        return
    today, yesterday = anchor.day.isoformat(), (anchor.day - dt.timedelta(days=1)).isoformat()
    day: str | None = None
    for t in times:
        v = t.value
        if day == yesterday and ":clock:" in t.evidence and v.startswith(today + "T") and v[11:13].isdigit() \
                and int(v[11:13]) >= start and clause_tense(text, *t.span, 0, len(text), lex) <= 0:
            t.value = yesterday + v[10:]
        if _DAY.match(t.value[:10]):
            day = t.value[:10]


_SEASONS = ("SP", "SU", "FA", "WI")


def customs_text(text: str, times: list[Time], year: int) -> list[Time]:
    """A text that tells a feast's customs ("На Благовец се яде, празнува": a day of no year, XXXX-03-25) tells of
    every year: that feast's day named again ("на Благовец", "на този ден", "25 март"), its seasons ("през лятото") and
    "годината" are of no year either (eval/bggold-sites gives all such in both its texts of customs XXXX); a time
    that writes its year, names another day or is deictic ("Днес е Благовец") keeps its value."""
    days = {t.value[4:] for t in times if ":holiday:" in t.evidence and len(t.value) == 10
            and t.value.startswith("XXXX-")}
    if not days:
        return times
    ys = f"{year:04d}"
    for t in times:
        v, ev = t.value, t.evidence
        if not v.startswith(ys) or _YEAR_DIGITS.search(text, t.span[0], t.span[1]) is not None:
            continue
        if (len(v) == 10 and v[4:] in days and (":holiday:" in ev or ":rel_unit:" in ev or ":dmy:" in ev)) or (
                ":season:" in ev and v[5:] in _SEASONS and len(v) == 7) or (":this_unit:" in ev and len(v) == 4):
            t.value = "XXXX" + v[4:]
    return times


def _weekday(value: str) -> int:
    return dt.date.fromisoformat(value).isoweekday()


_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_WORD = re.compile(r"[^\W\d_]+")
_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DATED = re.compile(r"\d{4}(?:$|-)")  # a value that names a year, a month, a day or a season of a known year


ANAPHOR_REACH = 300  # characters back to the time an anaphor names: its sentence or the one before


def resolve_anaphors(text: str, times: list[Time]) -> list[Time]:
    """"Тогава" opening a sentence is the date named last before it ("...през лятото на 2017 г. Тогава в ЕС
    коментираха" is summer 2017); one inside a sentence, or with no dated expression in the ``ANAPHOR_REACH``
    characters before it ("... ако лейбъристите кажат, че искат оставане. Тогава процесът може да бъде спрян": in
    that case), is left out. On the 918 BSNLP reports the reach keeps 15 of 18 that open a sentence.

    "Тази дата" is the date the text names most often before it, then one with its year written out, then the later
    ("преди март 2019 г. ... споразумението от декември. Всеки, пристигащ след тази дата" is March 2019, as the
    annotators of eval/bggold write it); "днес" and weekdays are no such date."""
    out: list[Time] = []
    last: tuple[str, int] | None = None
    told: tuple[str, int] | None = None  # the last such time that is not a deictic day ("днес", "вчера")
    named: Counter[str] = Counter()  # the calendar dates the text states, for "тази дата"
    written: dict[str, tuple[bool, int]] = {}  # each one's year written out and where it was named last
    for t in times:
        if t.value == ANAPHOR + "=*":  # "след тази дата": the date the text turns on
            best = max(named, key=lambda v: (named[v], *written[v]), default=None)
            if best is None:
                continue
            t.value = best
        elif t.value == ANAPHOR:
            if last is None or not text[t.span[0]].isupper() or t.span[0] - last[1] > ANAPHOR_REACH:
                continue
            t.value = last[0]
        elif t.value.startswith(ANAPHOR + "|"):  # "от тогава", "до тогава": the time named before, or since/until then
            # (a deictic day is no "then": "..., което имам днес”, вайкаше се тогава госпожата" is the past)
            t.value = told[0] if told is not None and t.span[0] - told[1] <= ANAPHOR_REACH else t.value[len(ANAPHOR) + 1 :]
        elif t.value.startswith(ANAPHOR + "="):  # "същата година", "същия ден": the time named before
            same = same_value(last[0], t.value[len(ANAPHOR) + 1 :]) if (
                last is not None and t.span[0] - last[1] <= ANAPHOR_REACH) else None
            if same is None:
                continue  # (none named near, or a coarser one: no day is known)
            t.value = same
        elif t.value.startswith(ANAPHOR + "+"):  # "две седмици по-късно": that long after the time named before
            unit, n, cut = t.value[len(ANAPHOR) + 1 :].split(":")
            if last is None or t.span[0] - last[1] > ANAPHOR_REACH:
                t.type, t.value = "DURATION", later_duration(unit, n)  # (none named: how long, without "по-късно")
                t.span = (t.span[0], t.span[1] - int(cut))
            else:
                t.value = later_value(last[0], unit, n)
                last = told = t.value, t.span[1]
        elif t.value.startswith(ANAPHOR + "-"):  # "месец по-рано": that long before the time named before
            unit, n, ago = t.value[len(ANAPHOR) + 1 :].split(":", 2)
            if last is None or t.span[0] - last[1] > ANAPHOR_REACH:
                t.value = ago  # (none named: before the publication, as before)
            else:
                t.value = later_value(last[0], unit, "-" + n)
            if _DATED.match(t.value):
                last = told = t.value, t.span[1]
        elif t.type == "DATE" and _DATED.match(t.value) and ":link_stamp:" not in t.evidence:
            last = t.value, t.span[1]  # (a linked article's stamp is no time of the story: "…Feb 6 2017skafeto.com")
            if ":rel_day:" not in t.evidence:
                told = last
            said = text[t.span[0] : t.span[1]]
            if ":month:" in t.evidence or any(ch.isdigit() for ch in said):  # (not "днес", "в четвъртък")
                named[t.value] += 1
                written[t.value] = (_YEAR_DIGITS.search(said) is not None, t.span[0])
        out.append(t)
    return out


@stage("time")
def time_stage(doc: Document, res: Resources) -> Document:
    """Fill ``doc.times`` (and a missing ``doc.published``). Bad input leaves ``times`` empty, never raises."""
    try:
        anchor = infer_published(doc, res)
        doc.times = times_for(doc, res, anchor)
    except Exception as exc:  # a rule bug must not take a batch down
        doc.meta.setdefault("errors", []).append(f"time: {type(exc).__name__}: {exc}")
        doc.times = []
    return doc
