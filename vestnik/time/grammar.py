"""A small token grammar for temporal expressions, driven by per-language data.

Why not dateparser or one big regex: dateparser's ``search_dates`` runs a few
hundred sentences per second and misses "през юни" and "в събота"; a regex
alternation of every month, weekday and unit form is slow in Python's ``re``.
Instead:

1. A trie-shaped regex of the language's lexicon (built once) plus a digit
   pattern finds *trigger* words in the lower-cased text: the only places where
   a time expression can be.
2. Around each cluster of triggers the text is tokenised and every token gets
   its categories from the lexicon (``MONTH=6``, ``UNIT=D``, ``NUM=6`` ...).
3. The rules of ``vestnik/lang/<code>/time.toml`` are matched over the tokens,
   longest match first; each match names an action in :mod:`vestnik.time.normalize`
   that turns the bound values into a TIMEX3 type and value.

Pattern elements (space separated): ``CAT`` a category, ``'w'`` a literal
(lower case), ``A|B`` alternatives, a trailing ``?`` makes it optional, a
leading ``~`` makes it context (matched, but left out of the span), a leading
``+`` forbids whitespace before it, a leading ``^`` marks the rare element that matching
starts from (by default the first required one that is not a frequent category). A form ending in ``*`` in the lexicon is a
stem that takes up to four more letters.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"

# Digit tokens: numeric dates, clock times, grouped numbers, plain digit runs.
_DIGITS = (
    r"\d{4}-\d\d-\d\d(?![\d-])"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d])"
    r"|\d{1,2}:\d\d(?::\d\d)?(?!\d)"
    r"|\d{1,2}[.,]\d\d(?![\d.,])"
    r"|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d+"
)
_TOKEN = re.compile(rf"(?P<d>{_DIGITS})|(?P<ab>[aApP]\.[mM]\.)|(?P<w>[^\W\d_]+)(?P<dot>\.)?|(?P<p>'|’|[^\w\s])")
# digits that can carry a time expression on their own: years, dates, clock times, "90-те", "17-ти", "1990s";
# other numbers ("3 дни", "10 ч.") are reached from the unit or mark next to them
_DIGIT_TRIGGER = r"(?:\d{4}|\d{1,2}[:./]\d{1,2}|\d+(?=\s?[-–])|\d+s)(?!\d)"
_NUMDATE = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d\d)(?::\d\d)?$")


class Tok:
    """One token of a region: offsets, lower-cased form, categories (``cat -> value``)."""

    __slots__ = ("cats", "end", "keys", "low", "nl", "start", "text", "upper")

    def __init__(self, start: int, end: int, text: str, nl: bool) -> None:
        self.start, self.end, self.text, self.nl = start, end, text, nl
        self.low = text.lower()
        self.upper = text[:1].isupper()
        self.cats: dict[str, Any] = {}
        self.keys: set[str] | None = None

    def keyset(self) -> set[str]:
        """Categories and ``=word``: what a rule element can test on this token."""
        if self.keys is None:
            self.keys = {*self.cats, "=" + self.low}
        return self.keys

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.cats})"


@dataclass
class Elem:
    alts: list[tuple[bool, str]]  # (is_literal, category or word)
    optional: bool = False
    context: bool = False
    adjacent: bool = False
    anchor: bool = False  # marked "^": the rare element the matcher looks for first


#: categories too frequent to anchor a match on when the rule has a rarer required element
COMMON = frozenset({"NUM", "DAYNUM", "HOUR", "YY", "PREP", "DET", "OF", "AND", "APPROX", "MORE", "ADJ", "THIS",
                    "ORD", "ORD_SUFFIX", "EDGE_START", "EDGE_END", "EDGE_MID", "'", "-", ",", "."})


@dataclass
class Rule:
    elems: list[Elem]
    action: str
    index: int
    source: str
    lead: int = 0  # most tokens a match can have before its anchor element
    min_lead: int = 0  # fewest tokens before it
    need: frozenset[str] = frozenset()  # what the anchor element accepts
    start_keys: frozenset[str] = frozenset()  # what the first token of a match can be
    end_keys: frozenset[str] = frozenset()  # what the last token of a match can be

    def __post_init__(self) -> None:
        """Anchor on the first required element that is not a frequent category (a unit, a month ...)."""
        required = [k for k, e in enumerate(self.elems) if not e.optional]
        if not required:
            return
        anchor = next((k for k in required if self.elems[k].anchor), None)
        if anchor is None:
            anchor = next((k for k in required if not {a for _, a in self.elems[k].alts} & COMMON), required[0])
        self.lead = anchor
        self.min_lead = sum(1 for k in required if k < anchor)
        e = self.elems[anchor]
        self.need = frozenset(("=" + a) if lit else a for lit, a in e.alts)
        self.start_keys = frozenset(_first_keys(self))
        ends: list[str] = []
        for el in reversed(self.elems):
            ends.extend(("=" + a) if lit else a for lit, a in el.alts)
            if not el.optional:
                break
        self.end_keys = frozenset(ends)


def parse_pattern(p: str, index: int = 0, action: str = "") -> Rule:
    elems = []
    for raw in p.split():
        e = Elem(alts=[])
        while raw[:1] in "~+^":
            if raw[0] == "~":
                e.context = True
            elif raw[0] == "^":
                e.anchor = True
            else:
                e.adjacent = True
            raw = raw[1:]
        if raw.endswith("?"):
            e.optional, raw = True, raw[:-1]
        for a in raw.split("|"):
            lit = a.startswith("'") and a.endswith("'") and len(a) >= 2
            e.alts.append((lit, a[1:-1] if lit else a))
        elems.append(e)
    return Rule(elems, action, index, p)


@dataclass
class Lexicon:
    """A language's time words, tense cues and rules (loaded from ``lang/<code>/time.toml``)."""

    code: str
    words: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    stems: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    stem_lens: list[int] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    prefixes: list[Rule] = field(default_factory=list)
    by_first: dict[str, list[Rule]] = field(default_factory=dict)
    by_need: dict[str, list[Rule]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    future: frozenset[str] = frozenset()
    past: frozenset[str] = frozenset()
    past_suffixes: tuple[str, ...] = ()
    past_stop: frozenset[str] = frozenset()
    trigger: re.Pattern[str] | None = None
    cased: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    ambiguous_context: frozenset[str] = frozenset()
    year_context: frozenset[str] = frozenset()
    extenders: frozenset[str] = frozenset()
    not_past_after: frozenset[str] = frozenset()
    age_words: frozenset[str] = frozenset()
    memo: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)

    def lookup(self, low: str) -> list[tuple[str, Any]]:
        """Categories of a word: its exact entries, then those of the longest stem that fits (memoised)."""
        got = self.memo.get(low)
        if got is None:
            got = self._lookup(low)
            if len(self.memo) < 200_000:
                self.memo[low] = got
        return got

    def _lookup(self, low: str) -> list[tuple[str, Any]]:
        hit = self.words.get(low, [])
        for n in reversed(self.stem_lens):
            if n > len(low) or len(low) - n > 4:
                continue
            h = self.stems.get(low[:n])
            if h:
                return [*hit, *h] if hit else h
        return hit


def _value(v: str) -> Any:
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def _trie_regex(forms: list[str]) -> str:
    """A regex matching exactly ``forms`` (stems ending in ``*``), shaped as a trie for speed."""
    trie: dict[str, Any] = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        kids = sorted((ch, sub) for ch, sub in node.items() if ch not in ("", "*"))
        parts = [re.escape(ch) + emit(sub) for ch, sub in kids]
        if "*" in node:
            parts.append(r"\w{0,4}")
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in node and "*" not in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _cat_words(data: dict[str, Any]) -> list[tuple[str, Any, str]]:
    out: list[tuple[str, Any, str]] = []
    for cat, forms in data.items():
        if isinstance(forms, list):
            out.extend((cat, 1, f) for f in forms)
        elif isinstance(forms, dict):
            for val, fl in forms.items():
                out.extend((cat, _value(val), f) for f in fl)
    return out


def _first_keys(rule: Rule) -> list[str]:
    keys: list[str] = []
    for e in rule.elems:
        keys.extend(("=" + a) if lit else a for lit, a in e.alts)
        if not e.optional:
            break
    return keys


@cache
def load_lexicon(code: str) -> Lexicon:
    """Read ``vestnik/lang/<code>/time.toml`` once per process."""
    path = LANG_DIR / code / "time.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lex = Lexicon(code=code, settings=data.get("settings", {}))
    forms_for_trigger: list[str] = []
    extender_cats = set(lex.settings.get("extender_categories", [])) | {
        "PREP", "OF", "AND", "APPROX", "MORE", "EDGE_START", "EDGE_END", "EDGE_MID", "DET", "YEAR_MARK",
        "YEARS_MARK", "CENTURY_MARK", "TZ", "TZ_TAIL", "ORD_SUFFIX", "DECADE_SUFFIX", "SINCE_TAIL",
        "AGO_POST", "AGO_PRE", "ADJ", "AFTER_PRE", "THIS", "LAST", "NEXT", "PAST", "EVERY", "ORD", "NUM", "FISCAL"}
    extenders: set[str] = set()
    for cat, val, form in _cat_words(data.get("words", {})):
        form = form.lower()
        if form.endswith("*"):
            lex.stems.setdefault(form[:-1], []).append((cat, val))
        else:
            lex.words.setdefault(form, []).append((cat, val))
        bare = form.rstrip(".")
        if cat in extender_cats:
            extenders.add(bare)
        elif bare and bare[0].isalpha():
            forms_for_trigger.append(bare)
    lex.stem_lens = sorted({len(s) for s in lex.stems})
    lex.extenders = frozenset(extenders)
    tense = data.get("tense", {})
    lex.future = frozenset(w.lower() for w in tense.get("future", []))
    lex.past = frozenset(w.lower() for w in tense.get("past", []))
    lex.past_suffixes = tuple(tense.get("past_suffixes", []))
    lex.past_stop = frozenset(tense.get("past_stop", []))
    lex.not_past_after = frozenset(tense.get("not_past_after", []))
    lex.age_words = frozenset(lex.settings.get("age_words", []))
    lex.cased = frozenset(lex.settings.get("cased_categories", []))
    lex.ambiguous = frozenset(lex.settings.get("ambiguous", []))
    lex.ambiguous_context = frozenset(lex.settings.get("ambiguous_context", []))
    lex.year_context = frozenset(lex.settings.get("year_context", []))
    for i, r in enumerate(data.get("rule", [])):
        rule = parse_pattern(r["p"], i, r["do"])
        lex.rules.append(rule)
        for k in _first_keys(rule):
            lex.by_first.setdefault(k, []).append(rule)
        for k in rule.need:
            lex.by_need.setdefault(k, []).append(rule)
    lex.prefixes = [parse_pattern(p, i, "prefix") for i, p in enumerate(data.get("grammar", {}).get("prefix", []))]
    stems = [s + "*" for s in lex.stems if not any(c in lex.extenders for c, _ in lex.stems[s])]
    words = sorted(set(forms_for_trigger) | set(stems), key=len, reverse=True)
    lex.trigger = re.compile(r"(?<!\w)(?:" + _DIGIT_TRIGGER + "|(?:" + _trie_regex(words) + r")(?!\w))")
    return lex


def _digit_cats(tok: Tok, lex: Lexicon) -> None:
    t = tok.text
    c = tok.cats
    if t.isdigit():
        v = int(t)
        c["NUM"] = v
        if len(t) <= 2 and 1 <= v <= 31:
            c["DAYNUM"] = v
        if len(t) <= 2 and v <= 24:
            c["HOUR"] = v
        if len(t) == 2:
            c["YY"] = v
        if len(t) == 4 and 1000 <= v <= 2199:
            c["YEAR"] = v
        return
    if "," in t and len(t) > 5:
        c["NUM"] = int(t.replace(",", ""))
        return
    m = _CLOCK.match(t)
    if m and ":" in t:
        h, mi = int(m.group(1)), int(m.group(2))
        if h <= 24 and mi < 60:
            c["CLOCK"] = (h, mi)
        return
    m = m or _CLOCK.match(t.replace(",", "."))
    if m and (t.count(".") + t.count(",")) == 1 and len(t) <= 5:
        h, mi = int(m.group(1)), int(m.group(2))
        if h <= 24 and mi < 60:
            c["CLOCKDOT"] = (h, mi)
        return
    m = _NUMDATE.match(t)
    if m:
        a, b, y = (int(x) for x in m.groups())
        if len(m.group(1)) == 4:
            a, b, y = y, b, a  # ISO: y-m-d -> (d, m, y)
        elif lex.settings.get("date_order", "DMY") == "MDY":
            a, b = b, a
        if 1 <= a <= 31 and 1 <= b <= 12:
            if len(m.group(3)) == 2 and len(m.group(1)) != 4:
                y += 2000 if y < 50 else 1900
            if 1000 <= y <= 2199:
                c["DATENUM"] = (y, b, a)


def tokenize(text: str, start: int, end: int, lex: Lexicon) -> list[Tok]:
    """Tokens of ``text[start:end]`` with their lexicon categories."""
    out: list[Tok] = []
    prev_end = start
    words = lex.words
    cased = lex.cased
    lookup = lex.lookup
    for m in _TOKEN.finditer(text, start, end):
        s = m.start()
        nl = text.find("\n", prev_end, s) >= 0
        kind = m.lastgroup
        if kind == "d":
            tok = Tok(s, m.end(), m.group(), nl)
            _digit_cats(tok, lex)
        elif kind == "w" or kind == "dot":
            e = m.end("w")
            w = text[s:e]
            low = w.lower()
            if kind == "dot" and low + "." in words:
                e, w, low = m.end(), m.group(), low + "."
            tok = Tok(s, e, w, nl)
            hits = lookup(low)
            if hits:
                cats = tok.cats
                for cat, val in hits:
                    if cat in cased and not tok.upper:
                        continue
                    if cat not in cats:
                        cats[cat] = val
        else:  # punctuation, or "a.m."/"p.m."
            tok = Tok(s, m.end(), m.group(), nl)
            for cat, val in words.get(tok.low, ()):
                tok.cats.setdefault(cat, val)
        out.append(tok)
        prev_end = tok.end
    return out


def _test(e: Elem, tok: Tok) -> tuple[str, Any] | None:
    for lit, a in e.alts:
        if lit:
            if tok.low == a:
                return ("=" + a, a)
        elif a in tok.cats:
            return (a, tok.cats[a])
    return None


Binding = tuple[Elem, Tok, str, Any]


def _ends(elems: list[Elem], k: int, toks: list[Tok], i: int, acc: list[Binding],
          out: list[tuple[int, list[Binding]]]) -> None:
    """All ways ``elems[k:]`` match from token ``i``: appends (end token index, bindings)."""
    if k == len(elems):
        out.append((i, acc))
        return
    e = elems[k]
    if i < len(toks):
        tok = toks[i]
        ok = not (acc and tok.nl) and not (e.adjacent and i > 0 and toks[i - 1].end != tok.start)
        if ok:
            hit = _test(e, tok)
            if hit is not None:
                _ends(elems, k + 1, toks, i + 1, [*acc, (e, tok, hit[0], hit[1])], out)
    if e.optional:
        _ends(elems, k + 1, toks, i, acc, out)


def _greedy(elems: list[Elem], toks: list[Tok], i: int) -> tuple[int, list[Binding]] | None:
    """One pass that takes every optional element that matches: the longest match in the usual case."""
    acc: list[Binding] = []
    n = len(toks)
    for e in elems:
        hit = None
        if i < n:
            tok = toks[i]
            if not (acc and tok.nl) and not (e.adjacent and i > 0 and toks[i - 1].end != tok.start):
                hit = _test(e, tok)
        if hit is not None:
            acc.append((e, toks[i], hit[0], hit[1]))
            i += 1
        elif not e.optional:
            return None
    return (i, acc) if acc else None


def match_at(rule: Rule, toks: list[Tok], i: int) -> tuple[int, list[Binding]] | None:
    """Longest match of ``rule`` starting at token ``i`` (greedy first, full search when greedy fails)."""
    g = _greedy(rule.elems, toks, i)
    if g is not None:
        return g
    out: list[tuple[int, list[Binding]]] = []
    _ends(rule.elems, 0, toks, i, [], out)
    out = [o for o in out if o[0] > i]
    if not out:
        return None
    return max(out, key=lambda o: o[0])


def all_matches(lex: Lexicon, toks: list[Tok]) -> dict[int, list[tuple[int, int, list[Binding], Rule]]]:
    """Every rule match in ``toks``, by start token: ``start -> [(end, -rule index, bindings, rule)]``.

    Matching is anchored on each rule's rarest required element (see ``Rule.__post_init__``), so
    only tokens that carry a time category cost anything; elements before it are tried to its left.
    """
    out: dict[int, list[tuple[int, int, list[Binding], Rule]]] = {}
    seen: set[tuple[int, int]] = set()
    by_need = lex.by_need
    for k, tok in enumerate(toks):
        if not tok.cats and ("=" + tok.low) not in by_need:
            continue
        for key in (*tok.cats, "=" + tok.low):
            for r in by_need.get(key, ()):
                for i in range(max(0, k - r.lead), k - r.min_lead + 1):
                    if (r.index, i) in seen or (i < k and r.start_keys.isdisjoint(toks[i].keyset())):
                        continue
                    seen.add((r.index, i))
                    m = match_at(r, toks, i)
                    if m is not None:
                        out.setdefault(i, []).append((m[0], -r.index, m[1], r))
    return out


def prefix_start(lex: Lexicon, toks: list[Tok], i: int, floor: int) -> int:
    """Where a prefix phrase ("в края на", "early") that ends right before token ``i`` starts."""
    if i == 0 or i - 1 < floor:
        return i
    before = toks[i - 1].keyset()
    if all(p.end_keys.isdisjoint(before) for p in lex.prefixes):
        return i  # the usual case: nothing that can end a prefix right before the match
    best = i
    for j in range(max(floor, i - 5), i):
        for p in lex.prefixes:
            out: list[tuple[int, list[Binding]]] = []
            _ends(p.elems, 0, toks, j, [], out)
            if any(end == i for end, _ in out) and j < best:
                best = j
    return best


def regions(text: str, start: int, end: int, lex: Lexicon, pad: int = 24) -> list[tuple[int, int]]:
    """Windows of ``text[start:end]`` around trigger words, merged when close."""
    assert lex.trigger is not None
    low = text[start:end].lower()
    spans: list[list[int]] = []
    for m in lex.trigger.finditer(low):
        s = start + max(0, m.start() - pad)
        e = start + min(len(low), m.end() + pad)
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    out = []
    for s, e in spans:
        # snap to word boundaries so a window never starts or ends inside a word
        while s > start and (text[s - 1].isalnum()):
            s -= 1
        while e < end and (text[e].isalnum()):
            e += 1
        out.append((s, e))
    return out
