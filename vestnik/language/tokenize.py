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
from pathlib import Path

from vestnik.document import Span

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"

UPPER = "A-ZА-ЯЀ-ЏҐ"
LOWER = "a-zа-яѐ-џґ"
_CLOSERS = frozenset("”“»)]’\"'›")
_TERMINATORS = frozenset(".!?…")


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations that keep their period, by lower-cased form: True when they may end a sentence."""

    kinds: dict[str, bool]

    @classmethod
    def load(cls, codes: tuple[str, ...] = ("bg", "ru", "en"), lang_dir: Path = LANG_DIR) -> Abbreviations:
        kinds: dict[str, bool] = {}
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
                kinds[key] = kinds.get(key, False) or kind.strip() == "any"
        return cls(kinds)


@dataclass(frozen=True)
class SentenceCues:
    """Per-language cues for breaks without punctuation (``vestnik/lang/<code>/sentences.toml``)."""

    nonfinal: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()
    name_endings: tuple[str, ...] = field(default=())
    verb_endings: tuple[str, ...] = field(default=())

    @classmethod
    def load(cls, code: str, lang_dir: Path = LANG_DIR) -> SentenceCues:
        path = lang_dir / code / "sentences.toml"
        if not path.exists():
            return cls()
        d = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(frozenset(d.get("nonfinal", [])), frozenset(d.get("starters", [])),
                   tuple(d.get("name_endings", [])), tuple(d.get("verb_endings", [])))


_DASHES = frozenset("-–—")
_INF = 1 << 62


class Tokenizer:
    """Regex tokenizer + rule sentence splitter. Build once per process (the regex is compiled from data)."""

    _WORDS = (
        r"(?:https?://|www\.)[^\s<>\"»“”]+[^\s<>\"»“”.,;:!?)]"  # URLs
        r"|\d+(?:[.,:/]\d+)*(?:-[^\W_]+)*"  # 17.12.2025, 2,7, 10:30, 2025-та
    )
    _REST = (
        r"|[^\W_]+(?:[-'’][^\W_]+)*"  # words, Чен-ун, Хамилтън-Паркър, по-голяма, д'Артанян
        r"|\.{2,}|[?!]+|\S"  # ellipsis, ?!, any other mark
    )

    def __init__(self, abbreviations: Abbreviations | None = None) -> None:
        self.abbr = abbreviations or Abbreviations.load()
        self._cues: dict[str, SentenceCues] = {}
        # abbreviations (лв., т.нар.) and initials (В.) are joined after the regex, from the few "." tokens: faster
        # than a regex alternation of every abbreviation tried at every position
        self._re = re.compile(self._WORDS + self._REST)
        self._initial = re.compile(rf"[{UPPER}][{LOWER}]?\.\s?[{UPPER}]")
        self._boundary = re.compile(rf"[.!?…:]|\n|(?<=[{LOWER}])[ \t\xa0]+(?=[{UPPER}])")

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Token spans of ``text[start:end]`` as offsets into ``text``."""
        end = len(text) if end is None else end
        spans = [m.span() for m in self._re.finditer(text, start, end)]
        kinds = self.abbr.kinds
        dot = text.rfind(".", start, end)
        while dot >= 0:  # few tokens are ".": join each to the word(s) before it when that makes an abbreviation
            i = bisect_right(spans, (dot, _INF)) - 1
            nxt = dot
            if i > 0 and spans[i] == (dot, dot + 1) and spans[i - 1][1] == dot and text[spans[i - 1][0]].isalpha():
                for k in (5, 3, 1):  # пр.н.е., т.нар., лв.
                    j = i - k
                    if j < 0 or any(spans[x][1] != spans[x + 1][0] for x in range(j, i)):
                        continue
                    s0 = spans[j][0]
                    cand = text[s0 : dot + 1]
                    if cand.lower() in kinds or (k == 1 and len(cand) <= 3 and self._initial.match(text, s0, min(end, dot + 3))):
                        spans[j : i + 1] = [(s0, dot + 1)]
                        nxt = s0
                        break
            dot = text.rfind(".", start, nxt)
        return spans

    def cues(self, lang: str | None) -> SentenceCues:
        c = self._cues.get(lang or "")
        if c is None:
            c = self._cues[lang or ""] = SentenceCues.load(lang) if lang else SentenceCues()
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

        def ending_at(pos: int) -> int | None:
            i = bisect_left(toks, (pos, -1)) - 1  # the last token starting before pos
            return i if i >= 0 and toks[i][1] == pos else None
        kinds = self.abbr.kinds
        cues = self.cues(lang)
        cuts: set[int] = set()  # index of the last token of a sentence
        for m in self._boundary.finditer(text, start, end):
            ch = m.group()[0]
            if ch == "\n":
                i = self._before(toks, m.start())
                if i >= 0:
                    cuts.add(i)
                continue
            if ch in " \t\xa0":
                i = ending_at(m.start())
                if i is not None and is_common is not None and cues.starters and i + 1 < n \
                        and self._headline_break(text, toks, i, cues, is_common):
                    cuts.add(i)
                continue
            i = ending_at(m.end())
            if i is None or i + 1 >= n:
                continue
            s, e = toks[i]
            tok = text[s:e]
            if ch == ":":
                if tok == ":" and is_common is not None and cues.starters \
                        and self._headline_break(text, toks, i, cues, is_common):
                    cuts.add(i)
                continue
            j = i + 1
            # closing quotes/brackets directly after the mark belong to this sentence
            while j < n and toks[j][0] == toks[j - 1][1] and text[toks[j][0]] in _CLOSERS:
                j += 1
            if j >= n:
                continue
            nxt = text[toks[j][0]]
            if len(tok) > 1 and tok[0] not in ".!?…":  # an abbreviation (лв., г.) or an initial
                if not kinds.get(tok.lower(), False) or (len(tok) == 2 and tok[0].isupper()):
                    continue
                k = j + 1 if nxt in _DASHES and j + 1 < n else j
                word = text[toks[k][0]:toks[k][1]]
                if word[0].isupper() and (is_common is None or word.lower() in cues.starters or is_common(word)):
                    cuts.add(j - 1)
            elif not nxt.islower():
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
    def _before(toks: list[Span], pos: int) -> int:
        """Index of the last token ending at or before ``pos``."""
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid][1] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    @staticmethod
    def _headline_break(text: str, toks: list[Span], i: int, cues: SentenceCues,
                        is_common: Callable[[str], bool]) -> bool:
        """A sentence break without punctuation between token i and the next (see ``SentenceCues``)."""
        n = len(toks)
        s, e = toks[i]
        tok = text[s:e]
        if tok != ":" and (not tok[-1].isalpha() or tok.lower() in cues.nonfinal):
            return False
        k = i + 2 if tok == ":" and text[toks[i + 1][0]] in _DASHES and i + 2 < n else i + 1
        word = text[toks[k][0]:toks[k][1]]
        nxt2 = text[toks[k + 1][0]:toks[k + 1][1]] if k + 1 < n else ""
        if not word[0].isupper() or (word.isupper() and len(word) > 1) or nxt2[:1] in (".", "-") or (nxt2[:1].isupper() and len(nxt2) > 1):
            return False  # "коментира Бисер Манолов": a name, not a new sentence
        low = word.lower()
        if low in cues.starters:
            return True
        if not (tok.islower() or tok == ":"):
            return False
        return (is_common(word) and not low.endswith(cues.name_endings)) or (
            low.endswith(cues.verb_endings) and len(low) > 5 and not is_common(low.capitalize()))
