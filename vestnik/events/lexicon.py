"""Per-language event knowledge loaded from ``vestnik/lang/<code>/``: cue patterns, role nouns, modality words.

Patterns are matched on lower-cased word tokens. A pattern token is an exact word, a stem ending in
``*`` (prefix match), alternatives joined by ``|``, or ``~`` (a gap of up to four words).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
GAP = 4
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", re.U)


@dataclass(frozen=True)
class Alt:
    text: str
    prefix: bool

    def match(self, w: str) -> bool:
        return w.startswith(self.text) if self.prefix else w == self.text


@dataclass(frozen=True)
class Pattern:
    source: str
    cameo: str
    steps: tuple[tuple[Alt, ...] | None, ...]  # None = gap
    verbal: bool = True

    @property
    def weight(self) -> int:
        """Specificity: more words and fewer bare stems rank higher."""
        n = sum(1 for s in self.steps if s is not None)
        exact = sum(1 for s in self.steps if s is not None and not any(a.prefix for a in s))
        return n * 10 + exact


def _parse_token(tok: str) -> tuple[Alt, ...] | None:
    if tok == "~":
        return None
    return tuple(Alt(a.rstrip("*"), a.endswith("*")) for a in tok.lower().split("|"))


@dataclass
class Lexicon:
    lang: str
    patterns: list[Pattern] = field(default_factory=list)
    index: dict[str, list[Pattern]] = field(default_factory=dict)
    roles: list[tuple[tuple[Alt, ...], str]] = field(default_factory=list)
    intent: frozenset[str] = frozenset()
    hedge: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()

    def candidates(self, word: str) -> list[Pattern]:
        return self.index.get(word[:2], [])


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and
            not ln.startswith("#")]
    return rows[1:]  # header


@cache
def load(lang: str) -> Lexicon | None:
    base = LANG_DIR / lang
    if not (base / "events.tsv").exists():
        return None
    lex = Lexicon(lang)
    for row in _rows(base / "events.tsv"):
        steps = tuple(_parse_token(t) for t in row[0].split())
        p = Pattern(row[0], row[1].strip(), steps, verbal=(row[2].strip() if len(row) > 2 else "v") != "n")
        lex.patterns.append(p)
        first = steps[0]
        if first is None:
            raise ValueError(f"{base / 'events.tsv'}: pattern {row[0]!r} starts with a gap")
        for alt in first:
            lex.index.setdefault(alt.text[:2], []).append(p)
    for plist in lex.index.values():
        plist.sort(key=lambda p: -p.weight)
    for row in _rows(base / "actors.tsv"):
        lex.roles.append((tuple(Alt(w.rstrip("*"), w.endswith("*")) for w in row[0].lower().split()), row[1].strip()))
    mod = base / "event_modality.toml"
    if mod.exists():
        m = tomllib.loads(mod.read_text(encoding="utf-8"))
        lex.intent = frozenset(m.get("intent", []))
        lex.hedge = frozenset(m.get("hedge", []))
        lex.negation = frozenset(m.get("negation", []))
    return lex


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]


def match_at(p: Pattern, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index one past the last token of a match of ``p`` starting at token ``i``, or None."""

    def rec(step: int, j: int) -> int | None:
        if step == len(p.steps):
            return j
        s = p.steps[step]
        if s is None:
            for k in range(j, min(j + GAP, len(toks)) + 1):
                r = rec(step + 1, k)
                if r is not None:
                    return r
            return None
        if j < len(toks) and any(a.match(toks[j][2]) for a in s):
            return rec(step + 1, j + 1)
        return None

    return rec(0, i)
