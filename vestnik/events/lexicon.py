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
    reporting: frozenset[str] = frozenset()  # "said", "reported": a clause that attributes, not an event
    conditional: frozenset[str] = frozenset()  # "unless", "if": an intent under a condition is a threat
    passive: frozenset[str] = frozenset()  # auxiliaries before a passive participle ("was", "been")
    participle: tuple[str, ...] = ()  # endings of a passive participle ("-ed", "-н")
    determiners: frozenset[str] = frozenset()  # "the signing": a verbal cue used as a noun
    # country forms for actors without a linked entity: first word -> [(words, code)]
    countries: dict[str, list[tuple[tuple[Alt, ...], str]]] = field(default_factory=dict)

    role_index: dict[str, list[tuple[tuple[Alt, ...], str]]] = field(default_factory=dict)
    _first: dict[str, list[Pattern]] = field(default_factory=dict, repr=False)
    _actor_start: dict[str, bool] = field(default_factory=dict, repr=False)

    def candidates(self, word: str) -> list[Pattern]:
        """Patterns whose first token can match ``word`` (keys are the first three letters of a stem)."""
        idx = self.index
        return idx.get(word[:3], []) + idx.get(word[:2], []) + idx.get(word[:1], []) if len(word) >= 3 else \
            idx.get(word, []) + (idx.get(word[:1], []) if len(word) == 2 else [])

    def starting(self, word: str) -> list[Pattern]:
        """Patterns whose first token matches ``word`` (memoized: news vocabulary repeats)."""
        hit = self._first.get(word)
        if hit is None:
            hit = [p for p in self.candidates(word) if p.steps[0] is not None and any(a.match(word) for a in p.steps[0])]
            if len(self._first) < 200_000:
                self._first[word] = hit
        return hit

    def can_start_actor(self, word: str) -> bool:
        """Whether a role noun or a fallback country form can start at ``word`` (memoized)."""
        hit = self._actor_start.get(word)
        if hit is None:
            bare = word[:-2] if word.endswith(("'s", "’s")) else word
            hit = any(alts[0].match(word) for alts, _ in self.roles_for(word)) or bare in self.countries
            if len(self._actor_start) < 200_000:
                self._actor_start[word] = hit
        return hit

    def roles_for(self, word: str) -> list[tuple[tuple[Alt, ...], str]]:
        return self.role_index.get(word[:3], []) if len(word) >= 3 else self.role_index.get(word, [])


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
            lex.index.setdefault(alt.text[:3], []).append(p)
    for plist in lex.index.values():
        plist.sort(key=lambda p: -p.weight)
    for row in _rows(base / "actors.tsv"):
        alts = tuple(Alt(w.rstrip("*"), w.endswith("*")) for w in row[0].lower().split())
        lex.roles.append((alts, row[1].strip()))
        lex.role_index.setdefault(alts[0].text[:3], []).append((alts, row[1].strip()))
    for roles in lex.role_index.values():
        roles.sort(key=lambda r: -len(r[0]))
    for row in _rows(base / "actor_countries.tsv"):
        for form in row[0].lower().split("|"):
            ws = tuple(Alt(w.rstrip("*"), w.endswith("*")) for w in WORD.findall(form))
            if ws:
                lex.countries.setdefault(ws[0].text, []).append((ws, row[1].strip()))
    for plist2 in lex.countries.values():
        plist2.sort(key=lambda x: -len(x[0]))
    mod = base / "event_modality.toml"
    if mod.exists():
        m = tomllib.loads(mod.read_text(encoding="utf-8"))
        lex.intent = frozenset(m.get("intent", []))
        lex.hedge = frozenset(m.get("hedge", []))
        lex.negation = frozenset(m.get("negation", []))
        lex.reporting = frozenset(m.get("reporting", []))
        lex.conditional = frozenset(m.get("conditional", []))
        lex.passive = frozenset(m.get("passive", []))
        lex.participle = tuple(m.get("participle", []))
        lex.determiners = frozenset(m.get("determiners", []))
    return lex


def words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Lower-cased word tokens with offsets into ``text``; the span is lower-cased once, not word by word."""
    low = text[start:end].lower()
    if len(low) != end - start:  # a letter whose lower case is longer ("İ"): offsets would shift
        return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
    return [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(low)]


def match_at(p: Pattern, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index one past the last token of a match of ``p`` starting at token ``i``, or None."""
    steps = p.steps
    if None not in steps:  # no gap: a straight comparison, most patterns
        n = len(steps)
        if i + n > len(toks):
            return None
        for k in range(n):
            w = toks[i + k][2]
            if not any(a.match(w) for a in steps[k]):  # type: ignore[union-attr]
                return None
        return i + n

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
