"""Tokens and sentences with character offsets, for Bulgarian, Russian and English news text.

One compiled regular expression finds every token (abbreviations from ``vestnik/lang/<code>/abbreviations.tsv``
first, then URLs, initials, numbers with dots/commas/colons, hyphenated and apostrophe words, ellipses, single
punctuation marks). Sentences are cut after . ! ? … when the next token does not start with a lower-case letter,
after an abbreviation of kind "any" (г., лв., млн.) only before a capitalised word, and at line breaks; closing
quotes and brackets stay with the sentence they close. Callers pass one item (headline, paragraph, teaser part) at
a time, so a sentence never crosses an item boundary.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count
from operator import itemgetter, not_
from pathlib import Path

from vestnik.document import Span
from vestnik.language.shared import chunks

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"

UPPER = "A-ZА-ЯЀ-ЏҐ"
LOWER = "a-zа-яѐ-џґ"
_CLOSERS = frozenset("”“»)]’\"'›")
_TERMINATORS = frozenset(".!?…")
_MARKS = frozenset(".!?…:")
_SPACES = frozenset(" \t\xa0")
#: the letters of UPPER and LOWER: a run of spaces before a capitalised word is a sentence break candidate after one
#: of them (or a digit)
_WORD_END = frozenset(c for c in map(chr, range(0x530)) if re.match(f"[{UPPER}{LOWER}]", c))


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations that keep their period, by lower-cased form: True when they may end a sentence."""

    kinds: dict[str, bool]
    #: kind "date" (г., в.): may end a sentence, but not a sentence-initial time adverbial ("През 1996 г. Русия ...")
    dates: frozenset[str] = frozenset()

    @classmethod
    def load(cls, codes: tuple[str, ...] = ("bg", "ru", "en"), lang_dir: Path = LANG_DIR) -> Abbreviations:
        kinds: dict[str, bool] = {}
        dates: set[str] = set()
        for code in codes:
            path = lang_dir / code / "abbreviations.tsv"
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                abbr, _, kind = line.partition("\t")
                abbr = abbr.strip()
                if " " in abbr or not abbr.endswith("."):
                    continue  # multi-word entries are two tokens; hyphenated ones (р-н) are plain words anyway
                key = abbr.lower()
                kinds[key] = kinds.get(key, False) or kind.strip() in ("any", "date")
                if kind.strip() == "date":
                    dates.add(key)
        return cls(kinds, frozenset(dates))


@dataclass(frozen=True)
class SentenceCues:
    """Per-language cues for breaks without punctuation (``vestnik/lang/<code>/sentences.toml``)."""

    nonfinal: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()
    name_endings: tuple[str, ...] = field(default=())
    verb_endings: tuple[str, ...] = field(default=())
    clause_words: frozenset[str] = frozenset()
    verb_endings_next: tuple[str, ...] = field(default=())
    colon_labels: frozenset[str] = frozenset()
    colon_capital: bool = False
    date_openers: frozenset[str] = frozenset()
    date_opener_max: int = 0
    strong_starters: frozenset[str] = frozenset()
    verb_not_endings: tuple[str, ...] = field(default=())
    surname_endings: tuple[str, ...] = field(default=())
    article_endings: tuple[str, ...] = field(default=())
    clause_endings: tuple[str, ...] = field(default=())
    verb_word_endings: tuple[str, ...] = field(default=())
    final_clitics: frozenset[str] = frozenset()
    #: capitalised words that go on a sentence after an abbreviation that may end one ("U.S. President")
    abbreviation_continues: frozenset[str] = frozenset()
    #: verbs that name the outlet after a report ("..., пише британският вестник The Times"): an outlet's name in Latin
    #: letters after one, before a capitalised word of the language's own script, ends the sentence
    outlet_verbs: frozenset[str] = frozenset()
    #: a photo credit inside the text, "СНИМКА: РОЙТЕРС Канадският премиер ...": it ends at the credit (see
    #: ``credit``)
    credit: re.Pattern[str] | None = None

    @classmethod
    def load(cls, code: str, lang_dir: Path = LANG_DIR) -> SentenceCues:
        path = lang_dir / code / "sentences.toml"
        if not path.exists():
            return cls()
        d = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(frozenset(d.get("nonfinal", [])), frozenset(d.get("starters", [])),
                   tuple(d.get("name_endings", [])), tuple(d.get("verb_endings", [])),
                   frozenset(d.get("clause_words", [])), tuple(d.get("verb_endings_next", [])),
                   frozenset(d.get("colon_labels", [])), bool(d.get("colon_capital", False)),
                   frozenset(d.get("date_openers", [])), int(d.get("date_opener_max", 0)),
                   frozenset(d.get("strong_starters", [])), tuple(d.get("verb_not_endings", [])),
                   tuple(d.get("surname_endings", [])), tuple(d.get("article_endings", [])),
                   tuple(d.get("clause_endings", [])), tuple(d.get("verb_word_endings", [])),
                   frozenset(d.get("final_clitics", [])),
                   frozenset(w.lower() for w in d.get("abbreviation_continues", [])),
                   frozenset(d.get("outlet_verbs", [])),
                   credit_pattern(d.get("credit_labels", []), d.get("credits", [])))


@cache
def sentence_cues(code: str) -> SentenceCues:
    """A language's sentence cues, loaded once per process (for layers that split text their own way)."""
    return SentenceCues.load(code)


def credit_pattern(labels: list[str], credits: list[str]) -> re.Pattern[str] | None:
    """A caption label, a colon and the credit after it ("СНИМКА: РОЙТЕРС", "Снимка: ЕПА/БГНЕС", "Фото: Архив"),
    matched only before a capital letter: the credit ends a sentence there (a name in capitals, or one of
    ``credits``, "/" between them). None when the language lists no labels."""
    if not labels:
        return None
    one = "|".join(sorted(map(re.escape, credits), key=len, reverse=True))
    name = rf"(?:(?i:{one})|[{UPPER}]{{2,}})" if one else rf"[{UPPER}]{{2,}}"
    # "(?<![letters])(?i:label)" written to start with a character set (every case form of the labels' first
    # letters), so that ``re`` skips to the next one in C instead of trying the look-behind at every position: the
    # look-behind then tests the letter before that first one, and each label's own first letter is its look-behind
    labs = sorted(labels, key=lambda x: len(re.escape(x)), reverse=True)  # (the plain pattern's order)
    lab = "|".join(f"(?<={re.escape(x[0])}){re.escape(x[1:])}" for x in labs)
    firsts = "".join(sorted(set(_case_forms("".join(x[0] for x in labs)))))
    return re.compile(rf"[{re.escape(firsts)}](?<![{LOWER}{UPPER}].)(?i:{lab})\s*:\s*{name}(?:/{name})*"
                      rf"(?=[ \t\xa0]+[{UPPER}\"„“«])")


def _case_forms(chars: str) -> list[str]:
    """Every character ``(?i:[chars])`` matches ("с", "С", and the rare forms ``re`` folds together with them, such
    as "ᲃ"): all in the Basic Multilingual Plane, where the cased scripts that fold into Latin and Cyrillic lie."""
    return re.findall(f"(?i:[{re.escape(chars)}])", "".join(map(chr, range(0x10000))))


_DASHES = frozenset("-–—")
_OPENERS = frozenset("\"„“«(‘'[")
_QUOTES = frozenset("\"„“«‘'")  # not brackets: "17.12.2025 г. (БТА) - …" goes on
_NO_START = frozenset(";:)]}%")  # marks that continue a sentence: never cut before them
_SPAN = re.Match.span
_FIRST = itemgetter(0)
_RUNS = {1: (1,), 2: (1,), 3: (3, 1), 4: (3, 1), 5: (5, 3, 1)}  # abbreviation lengths in tokens that fit a run


def _after_outlet_verb(text: str, toks: list[Span], i: int, verbs: frozenset[str]) -> bool:
    """Whether token i ends a run of Latin-script words (an outlet's name) that follows one of ``verbs`` within five
    words ("пише британското издание The Telegraph", "пише на първата си страница вестник Guardian")."""
    j = i
    while j > 0 and text[toks[j - 1][0]:toks[j - 1][1]].isascii() and text[toks[j - 1][0]].isalnum():
        j -= 1
    return any(text[toks[k][0]:toks[k][1]].lower() in verbs for k in range(max(0, j - 6), j))


class Tokenizer:
    """Regex tokenizer + rule sentence splitter. Build once per process (the regex is compiled from data)."""

    # Words come before numbers (a word starts with a letter or _, so a number still takes "2025-та"), and every
    # repeat is possessive (the same matches: nothing after a repeat could take back a character): 0.9x the
    # instructions of "URL|number|\w+...", the same tokens.
    _WORDS = (
        r"(?:https?://|www\.)[^\s<>\"»“”]+[^\s<>\"»“”.,;:!?)]"  # URLs
        r"|[^\W\d]\w*+(?:[-'’]\w++)*+"  # words, Чен-ун, Хамилтън-Паркър, по-голяма, д'Артанян
    )
    _REST = (
        r"|\d++(?:[.,:/]\d++)*+(?:-\w++)*+"  # 17.12.2025, 2,7, 10:30, 2025-та
        r"|\.{2,}+|[?!]++|\S"  # ellipsis, ?!, any other mark
    )

    def __init__(self, abbreviations: Abbreviations | None = None) -> None:
        self.abbr = abbreviations or Abbreviations.load()
        self._cues: dict[str, SentenceCues] = {}
        #: characters of the longest abbreviation, or of an initial ("В."), whichever is longer
        self._longest = max(3, *map(len, self.abbr.kinds)) if self.abbr.kinds else 3
        # abbreviations (лв., т.нар.) and initials (В.) are joined after the regex, from the few "." tokens: faster
        # than a regex alternation of every abbreviation tried at every position
        self._re = re.compile(self._WORDS + self._REST)
        self._initial = re.compile(rf"[{UPPER}][{LOWER}]?\.\s?[{UPPER}]")
        # candidate sentence ends: . ! ? … : and line breaks, and a run of spaces after a letter or digit before a
        # capitalised word. One leading character class lets the regex engine skip every other character in C; the
        # spaces are found from the capital letter (or opening quote) after them, which is rarer than a space, and
        # ``sentences`` walks back to the run's start and tests the letter or digit before it (``_WORD_END``). A run
        # of one space after any other character (", Германия", "— Той") fails that test: the look-behind ``lone``
        # leaves it out here, in C. So is a mark that ends the item (no token after it) and a full stop, ! ? or …
        # before a word in lower case (the next token starts with it: no cut).
        lone = rf"(?<![^{UPPER}{LOWER}\d \t\xa0][ \t\xa0].)"
        self._boundary = re.compile(rf"[.!?…:\n{UPPER}\"„“«](?:(?<=[.!?…])(?!\Z|\s++[{LOWER}])|(?<=[:\n])(?!\Z)"
                                    rf"|(?<=[ \t\xa0][{UPPER}]){lone}(?=[{LOWER}]|\s)"
                                    rf"|(?<=[ \t\xa0][\"„“«]){lone}(?=[{UPPER}]))")

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Token spans of ``text[start:end]`` as offsets into ``text``."""
        end = len(text) if end is None else end
        spans = self._spans(text, start, end)
        kinds = self.abbr.kinds
        longest = self._longest
        dot = text.rfind(".", start, end)
        while dot >= 0:  # few tokens are ".": join each to the word(s) before it when that makes an abbreviation
            i = bisect_right(spans, dot, key=_FIRST) - 1  # (the last token starting at or before the dot)
            nxt = dot
            if i > 0 and spans[i] == (dot, dot + 1) and spans[i - 1][1] == dot and text[spans[i - 1][0]].isalpha():
                run = 1  # tokens i - run .. i are written together (no space between them), run <= 5
                while run < 5 and run < i and spans[i - run - 1][1] == spans[i - run][0]:
                    run += 1
                for k in _RUNS[run]:  # пр.н.е., т.нар., лв.
                    j = i - k
                    s0 = spans[j][0]
                    if dot - s0 >= longest:
                        continue  # (longer than every abbreviation, and than an initial: most words before a full stop)
                    cand = text[s0 : dot + 1]
                    if cand.lower() in kinds or (k == 1 and len(cand) <= 3 and self._initial.match(text, s0, min(end, dot + 3))):
                        spans[j : i + 1] = [(s0, dot + 1)]
                        nxt = s0
                        break
            dot = text.rfind(".", start, nxt)
        return spans

    def _spans(self, text: str, start: int, end: int) -> list[Span]:
        """The regex's token spans in ``text[start:end]``, most without running it: no token holds white space and
        the pattern looks at nothing before or after its match, so the tokens are those of each white-space chunk
        in turn; a chunk of letters only (four in five) is one word as it stands, a word with one sign after it
        ("думи," "край.") two tokens; the regex reads the rest (numbers, hyphenated words, URLs, quotes)."""
        if not 0 <= start < end <= len(text):
            return list(map(_SPAN, self._re.finditer(text, start, end))) if start < end else []
        strings, cs, ce = chunks(text)
        i, j = bisect_right(ce, start), bisect_left(cs, end)  # the chunks that overlap [start, end)
        if i >= j:
            return []
        starts, ends, words = cs[i:j], ce[i:j], strings[i:j]  # copies: clipped to the range here
        if starts[0] < start:
            starts[0] = start
            words[0] = text[start : ends[0]]
        if ends[-1] > end:
            ends[-1] = end
            words[-1] = text[starts[-1] : end]
        bounds = list(zip(starts, ends, strict=True))
        out: list[Span] = []
        add, more, finditer = out.append, out.extend, self._re.finditer
        prev = 0
        for k in compress(count(), map(not_, map(str.isalpha, words))):
            if prev < k:
                more(bounds[prev:k])  # chunks of letters: one token each
            prev = k + 1
            chunk = words[k]
            s, e = bounds[k]
            if e - s == 1:
                add((s, e))
            elif chunk[:-1].isalpha() and not chunk[-1].isalnum() and chunk[-1] != "_":
                add((s, e - 1))  # a word and a sign: the regex's word alternative stops before the sign
                add((e - 1, e))
            else:
                more(map(_SPAN, finditer(text, s, e)))  # no per-token Python frame
        more(bounds[prev:])
        return out

    def cues(self, lang: str | None) -> SentenceCues:
        c = self._cues.get(lang or "")
        if c is None:  # (the process's one copy, which the quotes layer's own split reads too)
            c = self._cues[lang or ""] = sentence_cues(lang) if lang else SentenceCues()
        return c

    def sentences(self, text: str, toks: list[Span], lang: str | None = None,
                  is_common: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
        """Group token indexes into sentences: returns (first token index, last token index + 1) pairs.

        Only candidate points (. ! ? … :, line breaks, a space before a capital letter) are examined.
        ``is_common(word)`` tells a dictionary word from a name; with it, an abbreviation such as "г." ends a
        sentence only before a common word ("2025 г. Русия" stays one sentence), and a headline run into the next
        sentence without punctuation is split (see ``SentenceCues``).
        """
        n = len(toks)
        if n == 0:
            return []
        start, end = toks[0][0], toks[-1][1]
        # (bisection on the tokens' start offsets, read by ``key``: ints compared, no tuples, and no list of the
        # starts built for the few candidates an item has)

        def ending_at(pos: int) -> int | None:
            i = bisect_left(toks, pos, key=_FIRST) - 1  # the last token starting before pos
            return i if i >= 0 and toks[i][1] == pos else None
        kinds = self.abbr.kinds
        cues = self.cues(lang)
        cuts: set[int] = set()  # index of the last token of a sentence
        for m in self._boundary.finditer(text, start, end):
            at = m.start()
            ch = text[at]
            if ch == "\n":
                last = bisect_left(toks, at, key=_FIRST) - 1  # the last token before it (no token holds a line break)
                if last >= 0:
                    cuts.add(last)
                continue
            if ch not in _MARKS:  # a capital or a quote after spaces: the candidate is the run of spaces
                at -= 1
                while text[at - 1] in _SPACES:  # (the item starts with a token: the run starts inside it)
                    at -= 1
                if text[at - 1] not in _WORD_END and not text[at - 1].isdecimal():  # (isdecimal: the regex's \d)
                    continue
                last = bisect_left(toks, at, key=_FIRST) - 1  # (``ending_at`` inline: the most common candidate)
                if last < 0 or toks[last][1] != at or is_common is None or not cues.starters or last + 1 >= n:
                    continue
                # (the first test of a headline break, made here before the call, which relies on it: it ends one
                # candidate in two, "на София", "в Русия")
                tok = text[toks[last][0] : toks[last][1]]
                if tok.lower() in cues.nonfinal and tok not in cues.final_clitics:
                    continue
                if self._headline_break(text, toks, last, cues, is_common):
                    cuts.add(last)
                continue
            i = ending_at(m.end())
            if i is None or i + 1 >= n:
                continue
            s, e = toks[i]
            tok = text[s:e]
            if ch == ":":
                if tok != ":":
                    continue
                if cues.credit is not None and i > 0 and (cm := cues.credit.match(text, toks[i - 1][0])) is not None:
                    if (k := ending_at(cm.end())) is not None and k + 1 < n:
                        cuts.add(k)  # "СНИМКА: РОЙТЕРС | Канадският премиер ...": the credit ends there
                    continue
                if cues.colon_capital and i > 0 and text[toks[i - 1][0]:toks[i - 1][1]].lower() not in cues.colon_labels:
                    # "…, студент, София: Нашата фирма …": BTB ends a sentence at a colon before a capital letter
                    k = i + 2 if text[toks[i + 1][0]] in _DASHES and i + 2 < n else i + 1
                    word = text[toks[k][0]:toks[k][1]]
                    after = text[toks[k + 1][0]:toks[k + 1][1]] if k + 1 < n else ""
                    # … but not before an enumeration ("пет държави: Русия, Финландия, …")
                    if word[0].isupper() and (len(word) > 1 or word.lower() in cues.starters) \
                            and (after != "," or word.lower() in cues.starters):
                        cuts.add(i)
                elif is_common is not None and cues.starters and self._headline_break(text, toks, i, cues, is_common):
                    cuts.add(i)
                continue
            j = i + 1
            # closing quotes/brackets directly after the mark belong to this sentence, and so does a dash written
            # against it ("… каза Стоичков.- Наскоро …")
            while j < n and toks[j][0] == toks[j - 1][1] and (text[toks[j][0]] in _CLOSERS or (
                    text[toks[j][0]] in _DASHES and j + 1 < n and toks[j + 1][0] > toks[j][1])):
                j += 1
            if j >= n:
                continue
            nxt = text[toks[j][0]]
            if len(tok) > 1 and tok[0] not in ".!?…":  # an abbreviation (лв., г.) or an initial
                low = tok.lower()
                if not kinds.get(low, False) or (len(tok) == 2 and tok[0].isupper()):
                    continue
                # after a number, a unit or amount ends the sentence before any capitalised word or quote ("… за
                # 1000 лв. Марин ПЕНКОВ …", "… през 2002 г. "Милан" поиска …"); a date abbreviation (г., в.) only
                # after a number, and not in a time adverbial at the start of the sentence ("През 1996 г. Русия …")
                number = i > 0 and (text[toks[i - 1][0]].isdigit() or text[toks[i - 1][0]:toks[i - 1][1]].isupper())
                if low in self.abbr.dates and not number:
                    continue
                k = j
                while number and k + 1 < n and (text[toks[k][0]] in _QUOTES or text[toks[k][0]] in _DASHES):
                    k += 1
                if text[toks[k][0]].isupper() and not (low in self.abbr.dates and self._date_opener(
                        text, toks, max((c for c in cuts if c < i), default=-1), i, cues)) \
                        and text[toks[k][0]:toks[k][1]].lower() not in cues.abbreviation_continues:
                    cuts.add(j - 1)
            elif not nxt.islower() and nxt not in _NO_START:
                cuts.add(j - 1)
        out: list[tuple[int, int]] = []
        first = 0
        for i in sorted(cuts):
            if i + 1 > first:
                out.append((first, i + 1))
                first = i + 1
        if first < n:
            out.append((first, n))
        return out

    @staticmethod
    def _date_opener(text: str, toks: list[Span], last: int, i: int, cues: SentenceCues) -> bool:
        """True when tokens last+1 .. i are a short sentence-initial time phrase ("На 5 септември 1996 г.")."""
        first = last + 1
        return 0 < i - first < cues.date_opener_max and text[toks[first][0]:toks[first][1]].lower() in cues.date_openers

    @staticmethod
    def _headline_break(text: str, toks: list[Span], i: int, cues: SentenceCues,
                        is_common: Callable[[str], bool]) -> bool:
        """A sentence break without punctuation between token i and the next (see ``SentenceCues``). The caller has
        ruled out a token i in ``cues.nonfinal`` that is no final clitic ("на София"), before the next words are
        read."""
        n = len(toks)
        s, e = toks[i]
        tok = text[s:e]
        k = i + 2 if tok == ":" and text[toks[i + 1][0]] in _DASHES and i + 2 < n else i + 1
        word = text[toks[k][0]:toks[k][1]]
        quoted = word in _OPENERS and k + 1 < n  # "… в парламента днес "Трябва да си зададем …"
        if quoted:
            k += 1
            word = text[toks[k][0]:toks[k][1]]
        nxt2 = text[toks[k + 1][0]:toks[k + 1][1]] if k + 1 < n else ""
        low = word.lower()
        if tok != ":" and (not tok[-1].isalnum() or (tok.lower() in cues.nonfinal and not (
                low in cues.strong_starters and tok in cues.final_clitics))):
            return False
        if not word[0].isupper() or (word.isupper() and len(word) > 1) or nxt2[:1] in (".", "-"):
            return False
        if quoted:  # a quoted name ("Нептюн събс") is far more common than a quoted sentence
            return tok.islower() and low in cues.clause_words and low not in cues.starters
        if cues.outlet_verbs and tok.isascii() and tok[0].isupper() and not word.isascii() and \
                _after_outlet_verb(text, toks, i, cues.outlet_verbs):
            return True  # "..., пише британският вестник The Sunday Times Тереза Мей е предупредена ..."
        if low in cues.starters and not (len(word) == 1 and nxt2[:1].isupper()):  # not "ПРАВА И ЗАДЪЛЖЕНИЯ"
            return True
        # Взривиха БМВ …, Продадоха Пампорово … (but not an adjective: Тихоокеанският)
        verb = low.endswith(cues.verb_endings) and not low.endswith(cues.verb_not_endings) and len(low) > 5
        if nxt2[:1].isupper() and len(nxt2) > 1 and not verb:
            # "коментира Бисер Манолов" is a name, but "… на Ругова Горанка ЦВЕТКОВА" starts a byline
            return tok.isalpha() and not tok.isupper() and nxt2.isupper() and len(nxt2) > 3 and nxt2.lower().endswith(cues.surname_endings)
        clause = nxt2 in cues.clause_words or (len(nxt2) > 3 and nxt2.endswith(cues.verb_endings_next))
        if len(low) > 4 and low.endswith(cues.verb_word_endings) and not low.endswith(cues.surname_endings) \
                and is_common(word):
            return True  # a capitalised verb is no name: "… процес срещу ДС Участва в програма …"
        if tok.isupper() and len(tok) > 1:  # a heading in capitals: "… НА ГРАЖДАНИТЕ Посегателството върху …"
            prev = text[toks[i - 1][0]:toks[i - 1][1]] if i > 0 else ""
            if len(prev) > 1 and prev.isupper() and not nxt2[:1].isupper():
                return True
            return clause and is_common(word)  # "… водачи на МПС Спечеленото с пот … се пропилява"
        if tok[0].isupper() and tok != ":":
            # a headline that ends in a name: "… превърнаха папата в Годо Схизмата вече не съществува …"
            return clause and low.endswith(cues.article_endings) and is_common(word)
        if tok[-1].isdigit():  # "… ракетите Р-300 Детето било прието …", but not "13 Февруари 15:32"
            return verb or (clause and is_common(word))
        if not (tok.islower() or tok == ":"):
            return False
        if nxt2 in (",", ";"):
            return False  # a name the word list knows as a common word, mid-sentence: "Съдът оправда Биби, а ..."
        if verb and not is_common(low.capitalize()):
            return True
        if len(low) > 6 and low.endswith(cues.clause_endings):
            return True  # a verbal noun opens no name, known to the word list or not ("… помощи Прелитането над …")
        if not is_common(word):
            return False
        # a common word starts the next sentence, unless it opens a name (Народното събрание); a verb or a clitic
        # right after it shows a clause ("… нови язовири Делото започва днес …", "Парите се отпускат …")
        return not low.endswith(cues.name_endings) or clause or low.endswith(cues.clause_endings)
