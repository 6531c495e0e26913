"""A small token grammar for temporal expressions, driven by per-language data.

Why not dateparser or one big regex: dateparser's ``search_dates`` runs a few
hundred sentences per second and misses "през юни" and "в събота"; a regex
alternation of every month, weekday and unit form is slow in Python's ``re``.
Instead:

1. A trie-shaped regex of the language's lexicon (built once) plus a digit
   pattern finds *trigger* words in the lower-cased text: the only places where
   a time expression can be.
2. Around each cluster of triggers the text is tokenised and every token gets
   its categories from the lexicon (``MONTH=6``, ``UNIT=D``, ``NUM=6`` ...). What a
   token's text is (categories, the keys rules test, the rules anchored on it) is
   worked out once per process and shared (:data:`Form`); tokens are parallel lists
   (:class:`Toks`), and a :class:`Tok` object is made only for the few tokens an
   action or a span reads.
3. The rules of ``vestnik/lang/<code>/time.toml`` are matched over the tokens,
   longest match first, from the tokens that can bind a rule's rarest element
   (cheap tests of the tokens next to it skip most rules there); each match names an
   action in :mod:`vestnik.time.normalize` that turns the bound values into a TIMEX3
   type and value.

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, overload

from vestnik.language.shared import lower_slice, lowered

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"

# Digit tokens: numeric dates, clock times, grouped numbers, plain digit runs. The alternatives
# (\d{4}-\d\d-\d\d, \d{1,2}[./]\d{1,2}[./]\d{2,4}, \d{1,2}:\d\d, \d{1,2}[.,]\d\d, \d{1,3}(?:,\d{3})+, \d+) share
# their first digit, so a letter is rejected with one test.
_DIGITS = (
    r"\d(?:\d{3}-\d\d-\d\d(?![\d-])"
    r"|\d?[./]\d{1,2}[./]\d{2,4}(?![\d])"
    r"|\d?-\d{1,2}-\d{4}(?![\d-])"  # "09-11-2018" (day first, a four-digit year: "2-3 дни" is a range)
    r"|\d?:\d\d(?::\d\d)?(?!\d)"
    r"|\d?[.,]\d\d(?![\d.,])"
    r"|\d{0,2}(?:,\d{3})+(?!\d)"
    r"|\d*)"
)


def _letter_ranges() -> str:
    r"""The characters of the Basic Multilingual Plane that ``[^\W\d_]`` matches, as the body of a character class of
    ranges: ``re`` tests such a class by one table lookup, where a category class looks a character up per category."""
    runs = [(ord(r[0]), ord(r[-1])) for r in re.findall(r"[^\W\d_]+", "".join(map(chr, range(0x10000))))]
    return "".join(re.escape(chr(x)) if x == y else f"{re.escape(chr(x))}-{re.escape(chr(y))}" for x, y in runs)


_LETTERS = _letter_ranges()
# a token with the whitespace before it (possessive: the regex never tries to start a token in whitespace); a word
# is read by the table class as far as its letters lie in the Basic Multilingual Plane, then by the category class
# (the same maximal run of ``[^\W\d_]``: nothing after the word takes a letter back)
_TOKEN = re.compile(rf"\s*+(?:(?P<d>{_DIGITS})|(?P<ab>[aApP]\.[mM]\.)|(?P<w>[{_LETTERS}]++[^\W\d_]*+|[^\W\d_]++)"
                    rf"(?P<dot>\.)?|(?P<p>'|’|[^\w\s]))")
# digits that can carry a time expression on their own: years, dates, clock times, "90-те", "17-ти", "1990s";
# other numbers ("3 дни", "10 ч.") are reached from the unit or mark next to them
# (the alternatives "\d{4}|\d{1,2}[:./]\d{1,2}|\d+(?=\s?[-–])|\d+s" with their first digit in front: ``re`` then
# rejects a position that is no digit with one test instead of entering each alternative)
_DIGIT_TRIGGER = r"\d(?:\d{3}|\d?[:./]\d{1,2}|\d*(?=\s?[-–])|\d*s)(?!\d)"
_NUMDATE = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d\d)(?::\d\d)?$")
_KEYS = itemgetter(5)  # a form's category keys


class Tok:
    """One token of a region: offsets, lower-cased form, categories (``cat -> value``).

    ``text``, ``low``, ``upper``, ``cats``, ``keys`` and ``tries`` come from the token's :data:`Form`,
    shared by every token with the same text (never mutate them); ``gap`` is True when whitespace
    separates the token from the one before it in the region; ``i`` is its index there.
    """

    __slots__ = ("cats", "end", "gap", "i", "keys", "low", "nl", "start", "text", "tries", "upper")

    def __init__(self, i: int, start: int, nl: bool, gap: bool, form: Form) -> None:
        self.i, self.start, self.end, self.nl, self.gap = i, start, start + form[0], nl, gap
        _, self.text, self.low, self.upper, self.cats, self.keys, self.tries = form

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.cats})"


#: ``Toks.flags`` bits: whitespace before the token (not set on the first), a line break before it
GAP, NL = 1, 2


class Toks(Sequence[Tok]):
    """The tokens of a region as parallel lists; the matcher reads ``keys`` and ``flags``, and a
    :class:`Tok` object is built only for a token an action or a span looks at (few of them)."""

    __slots__ = ("_toks", "anchors", "flags", "forms", "keys", "starts")

    def __init__(self, forms: list[Form], starts: list[int], flags: list[int], anchors: list[int]) -> None:
        self.forms, self.starts, self.flags, self.anchors = forms, starts, flags, anchors
        self.keys = list(map(_KEYS, forms))
        self._toks: list[Tok | None] = [None] * len(forms)

    def __len__(self) -> int:
        return len(self.forms)

    @overload
    def __getitem__(self, i: int) -> Tok: ...
    @overload
    def __getitem__(self, i: slice) -> list[Tok]: ...
    def __getitem__(self, i: int | slice) -> Tok | list[Tok]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.forms)))]
        tok = self._toks[i]
        if tok is None:
            if i < 0:
                i += len(self.forms)
            fl = self.flags[i]
            tok = self._toks[i] = Tok(i, self.starts[i], bool(fl & NL), bool(fl & GAP), self.forms[i])
        return tok

    def index(self, tok: Any, start: int = 0, stop: int | None = None) -> int:
        i = getattr(tok, "i", -1)
        if 0 <= i < len(self.forms) and self._toks[i] is tok and start <= i and (stop is None or i < stop):
            return i
        raise ValueError("token not in this region")


@dataclass
class Elem:
    alts: list[tuple[bool, str]]  # (is_literal, category or word)
    optional: bool = False
    context: bool = False
    adjacent: bool = False
    anchor: bool = False  # marked "^": the rare element the matcher looks for first


#: an element as the matcher reads it: (every key it accepts, its alternatives in order as
#: (key, is_literal, category or word), optional, adjacent, the element)
CElem = tuple[frozenset[str], tuple[tuple[str, bool, str], ...], bool, bool, Elem]


def _compile(e: Elem) -> CElem:
    alts = tuple((("=" + a) if lit else a, lit, a) for lit, a in e.alts)
    return frozenset(k for k, _, _ in alts), alts, e.optional, e.adjacent, e


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
    code: tuple[CElem, ...] = ()  # the elements as the matcher reads them
    post: tuple[tuple[frozenset[str], bool], ...] = ()  # (keys, adjacent) of the required elements right after the anchor
    pre: frozenset[str] = frozenset()  # what the token right before the anchor can be, when the match starts earlier
    value: str | None = None  # what the rule itself names, for its action ("Нова година": the day "01-01")

    def __post_init__(self) -> None:
        """Anchor on the first required element that is not a frequent category (a unit, a month ...)."""
        self.code = tuple(_compile(e) for e in self.elems)
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
        post = []
        for keys, _, optional, adjacent, _ in self.code[anchor + 1 :]:
            if optional:
                break
            post.append((keys, adjacent))
        self.post = tuple(post)
        pre: set[str] = set()
        for keys, _, optional, _, _ in reversed(self.code[:anchor]):
            pre |= keys
            if not optional:
                break
        self.pre = frozenset(pre)
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
    stem_heads: frozenset[str] = frozenset()  # the stems' first ``stem_lens[0]`` letters
    rules: list[Rule] = field(default_factory=list)
    prefixes: list[Rule] = field(default_factory=list)
    by_first: dict[str, list[Rule]] = field(default_factory=dict)
    by_need: dict[str, list[Rule]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    future: frozenset[str] = frozenset()
    past: frozenset[str] = frozenset()
    past_suffixes: tuple[str, ...] = ()
    past_stop: frozenset[str] = frozenset()
    participle_suffixes: tuple[str, ...] = ()  # bg "подписано през ноември": a past participle right before a time
    participle_not_after: frozenset[str] = frozenset()
    participle_preps: frozenset[str] = frozenset()
    trigger: re.Pattern[str] | None = None
    cased: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()  # categories written in lower case only (bg/ru months)
    ambiguous: frozenset[str] = frozenset()
    ambiguous_context: frozenset[str] = frozenset()
    year_context: frozenset[str] = frozenset()
    extenders: frozenset[str] = frozenset()
    not_past_after: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()  # "реши да удължи ... до 31 март": a past cue before these is not the date's
    irrealis_suffixes: tuple[str, ...] = ()  # ru infinitives ("призвала выйти в понедельник") open such a complement
    irrealis_stop: frozenset[str] = frozenset()  # words with those endings that are no infinitives ("опять")
    until: frozenset[str] = frozenset()  # "до 22 мая": a past verb does not date the end of a term
    directive: frozenset[str] = frozenset()  # "призова да ...", "решил провести ...": the complement is ahead
    purpose: frozenset[str] = frozenset()  # "за" of "за да ...": a purpose, ahead of what is done for it
    age_words: frozenset[str] = frozenset()
    memo: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    spaced: dict[str, tuple[int, bool, Form]] = field(default_factory=dict)  # see ``spaced_form``
    prefix_end_keys: frozenset[str] = frozenset()  # what can end a prefix phrase
    literals: frozenset[str] = frozenset()  # "=word" for every word a rule or prefix element tests

    def spaced_form(self, g: str, kind: str | None) -> tuple[int, bool, Form]:
        """For a token regex match ``g`` (whitespace, then the token): the whitespace's length, whether
        it holds a line break, and the token's :data:`Form` (memoised)."""
        got = self.spaced.get(g)
        if got is None:
            t = g.lstrip()  # the token never starts with whitespace: what the regex's "\s*+" took
            ws = len(g) - len(t)
            got = (ws, "\n" in g[:ws], self.form(t, kind))
            if len(self.spaced) < 200_000:
                self.spaced[g] = got
        return got

    def form(self, g: str, kind: str | None) -> Form:
        """What a token matched as ``g`` (by group ``kind`` of the token regex) is: built once, memoised."""
        got = self.forms.get(g)
        if got is None:
            got = self._form(g, kind)
            if len(self.forms) < 200_000:
                self.forms[g] = got
        return got

    def _form(self, g: str, kind: str | None) -> Form:
        cats: dict[str, Any] = {}
        text = g
        if kind == "w" or kind == "dot":
            if kind == "dot":
                text = g[:-1]
                low = text.lower()
                if low + "." in self.words:
                    text, low = g, low + "."
            else:
                low = g.lower()
            hits = self._lookup(low)
            if hits:
                upper = text[:1].isupper()
                for cat, val in hits:
                    if cat in self.cased and not upper:
                        continue
                    if cat not in cats:
                        cats[cat] = val
        elif kind == "d":
            _digit_cats(g, cats, self)
            low = g.lower()
        else:  # punctuation, or "a.m."/"p.m."
            low = g.lower()
            for cat, val in self.words.get(low, ()):
                cats.setdefault(cat, val)
        lit = "=" + low
        if not cats:  # most words: nothing, or a literal some rule tests
            if lit not in self.literals:
                return len(text), text, low, text[:1].isupper(), cats, _NOTHING, ()
            return len(text), text, low, text[:1].isupper(), cats, frozenset((lit,)), _tries(self.by_need.get(lit, ()))
        tests = (*cats, lit) if lit in self.literals else tuple(cats)
        # the rules of every key, each once, in first-seen order: by index (one rule per index), not by the dataclass'
        # ``==``, which compares every field and cost more than the rest of the form
        rules: dict[int, Rule] = {}
        for key in tests:
            for r in self.by_need.get(key, ()):
                rules.setdefault(r.index, r)
        return len(text), text, low, text[:1].isupper(), cats, frozenset(tests), _tries(tuple(rules.values()))

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
        # the longest stem that leaves at most four letters (none unless the word starts like a stem)
        if self.stem_lens and low[: self.stem_lens[0]] in self.stem_heads:
            for n in range(min(len(low), self.stem_lens[-1]), max(len(low) - 4, self.stem_lens[0]) - 1, -1):
                h = self.stems.get(low[:n])
                if h:
                    return [*hit, *h] if hit else h
        return hit


#: a rule anchored on a token, with what ``all_matches`` reads of it: (rule, index, lead, min_lead,
#: start_keys, post, pre, head), ``head`` the keys of the first element of ``post`` (empty when there is none)
Try = tuple[Rule, int, int, int, frozenset[str], tuple[tuple[frozenset[str], bool], ...], frozenset[str],
            frozenset[str]]
#: a token's text and what the lexicon says of it: (length, text, lower case, capitalised, categories,
#: keys (``Tok.keys``), the rules anchored on it)
Form = tuple[int, str, str, bool, dict[str, Any], frozenset[str], tuple[Try, ...]]
_NOTHING: frozenset[str] = frozenset()


def _tries(rules: list[Rule] | tuple[Rule, ...]) -> tuple[Try, ...]:
    return tuple((r, r.index, r.lead, r.min_lead, r.start_keys, r.post, r.pre, r.post[0][0] if r.post else _NOTHING)
                 for r in rules)


def _value(v: str) -> Any:
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def _trie_parts(forms: list[str]) -> list[str]:
    """Regexes, one per first character, that together match exactly ``forms`` (stems ending in ``*``),
    each shaped as a trie for speed: ``re`` tries the alternatives of a group in turn, and one that
    starts with a plain character is rejected with a single comparison."""
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
        if "" in node and "*" not in node:  # "(?:a|b|)" is "(?:a|b)?" without the cost of a repeat
            return "(?:" + "|".join(parts) + "|)"
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return [re.escape(ch) + emit(sub) for ch, sub in sorted(trie.items()) if ch not in ("", "*")]


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
    lex.stem_heads = frozenset(s[: lex.stem_lens[0]] for s in lex.stems) if lex.stem_lens else frozenset()
    lex.extenders = frozenset(extenders)
    tense = data.get("tense", {})
    lex.future = frozenset(w.lower() for w in tense.get("future", []))
    lex.past = frozenset(w.lower() for w in tense.get("past", []))
    lex.past_suffixes = tuple(tense.get("past_suffixes", []))
    lex.past_stop = frozenset(tense.get("past_stop", []))
    lex.participle_suffixes = tuple(tense.get("participle_suffixes", []))
    lex.participle_not_after = frozenset(tense.get("participle_not_after", []))
    lex.participle_preps = frozenset(tense.get("participle_preps", []))
    lex.not_past_after = frozenset(tense.get("not_past_after", []))
    lex.irrealis = frozenset(tense.get("irrealis", []))
    lex.irrealis_suffixes = tuple(tense.get("irrealis_suffixes", []))
    lex.irrealis_stop = frozenset(tense.get("irrealis_stop", []))
    lex.directive = frozenset(w.lower() for w in tense.get("directive", []))
    lex.purpose = frozenset(w.lower() for w in tense.get("purpose", []))
    lex.until = frozenset(w.lower() for w in tense.get("until", []))
    lex.age_words = frozenset(lex.settings.get("age_words", []))
    lex.cased = frozenset(lex.settings.get("cased_categories", []))
    lex.lower = frozenset(lex.settings.get("lower_categories", []))
    lex.ambiguous = frozenset(lex.settings.get("ambiguous", []))
    lex.ambiguous_context = frozenset(lex.settings.get("ambiguous_context", []))
    lex.year_context = frozenset(lex.settings.get("year_context", []))
    assert len(data.get("rule", [])) < 1000, "all_matches keys a rule and a start token as index + 1000 * start"
    for i, r in enumerate(data.get("rule", [])):
        rule = parse_pattern(r["p"], i, r["do"])
        rule.value = r.get("value")
        lex.rules.append(rule)
        for k in _first_keys(rule):
            lex.by_first.setdefault(k, []).append(rule)
        for k in rule.need:
            lex.by_need.setdefault(k, []).append(rule)
    lex.prefixes = [parse_pattern(p, i, "prefix") for i, p in enumerate(data.get("grammar", {}).get("prefix", []))]
    lex.prefix_end_keys = frozenset(k for p in lex.prefixes for k in p.end_keys)
    lex.literals = frozenset(k for r in (*lex.rules, *lex.prefixes) for c in r.code for k, lit, _ in c[1] if lit)
    stems = [s + "*" for s in lex.stems if not any(c in lex.extenders for c, _ in lex.stems[s])]
    words = sorted(set(forms_for_trigger) | set(stems), key=len, reverse=True)
    # "[^\w]" rather than "(?<!\w)": a leading character set lets ``re`` skip through words in C
    # (``regions`` searches the text with a space in front, so a trigger at its very start is found too);
    # the trie's first characters are alternatives of the top group, "(?:a|b)(?!\w)" as "a(?!\w)|b(?!\w)"
    lex.trigger = re.compile(r"[^\w](?:" + "|".join([_DIGIT_TRIGGER, *(p + r"(?!\w)" for p in _trie_parts(words))]) + ")")
    return lex


def _digit_cats(t: str, c: dict[str, Any], lex: Lexicon) -> None:
    """The categories of a digit token ``t`` into ``c``."""
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


def tokens(text: str, start: int, end: int, lex: Lexicon) -> Toks:
    """Tokens of ``text[start:end]`` with their lexicon categories (shared per distinct token text)."""
    forms: list[Form] = []
    starts: list[int] = []
    flags: list[int] = []
    anchors: list[int] = []
    prev_end = start
    get = lex.spaced.get
    for m in _TOKEN.finditer(text, start, end):
        g = m.group()
        ws, nl, f = get(g) or lex.spaced_form(g, m.lastgroup)
        at = m.start()
        s = at + ws
        if s == prev_end:
            flags.append(0)
        elif at == prev_end:
            flags.append((NL if nl else 0) | (GAP if forms else 0))
        else:  # characters no token takes ("_", a dot left out of the word before) lie between
            flags.append((NL if text.find("\n", prev_end, s) >= 0 else 0) | (GAP if forms else 0))
        if f[6]:
            anchors.append(len(forms))
        forms.append(f)
        starts.append(s)
        prev_end = s + f[0]
    return Toks(forms, starts, flags, anchors)


def tokenize(text: str, start: int, end: int, lex: Lexicon) -> list[Tok]:
    """Tokens of ``text[start:end]`` as :class:`Tok` objects (the matcher itself reads :func:`tokens`)."""
    return list(tokens(text, start, end, lex))


Binding = tuple[Elem, Tok, str, Any]
#: a binding as the matcher builds it: the token's index instead of the token
RawBinding = tuple[Elem, int, str, Any]
Match = tuple[int, list[RawBinding]]


def bindings(toks: Toks, raw: list[RawBinding]) -> list[Binding]:
    """The bindings of a match with their tokens."""
    return [(e, toks[t], key, val) for e, t, key, val in raw]


def _ends(code: tuple[CElem, ...], k: int, toks: Toks, i: int, acc: list[RawBinding], out: list[Match]) -> None:
    """All ways ``code[k:]`` match from token ``i``: appends (end token index, bindings)."""
    if k == len(code):
        out.append((i, acc))
        return
    keys, alts, optional, adjacent, e = code[k]
    if i < len(toks.keys):
        tk, fl = toks.keys[i], toks.flags[i]
        if not (acc and fl & NL) and not (adjacent and fl & GAP) and not keys.isdisjoint(tk):
            for key, lit, a in alts:
                if key in tk:
                    _ends(code, k + 1, toks, i + 1, [*acc, (e, i, key, a if lit else toks.forms[i][4][a])], out)
                    break
    if optional:
        _ends(code, k + 1, toks, i, acc, out)


def _possible(code: tuple[CElem, ...], toks: Toks, i: int) -> bool:
    """Whether any way of matching ``code`` from token ``i`` takes a token: the token positions each
    element can end at, without building bindings (most rules that fail greedily fail here too)."""
    K, F = toks.keys, toks.flags
    n = len(K)
    reach = {i}
    for keys, _, optional, adjacent, _ in code:
        nxt = set(reach) if optional else set()
        for p in reach:
            if p < n and not keys.isdisjoint(K[p]) and not (p > i and F[p] & NL) and not (adjacent and F[p] & GAP):
                nxt.add(p + 1)
        if not nxt:
            return False
        reach = nxt
    return max(reach) > i


def match_at(rule: Rule, toks: Toks, i: int) -> Match | None:
    """Longest match of ``rule`` starting at token ``i`` (greedy first, full search when greedy fails).

    The greedy pass takes every optional element that matches: the longest match in the usual case.
    Another way of matching can only part from it where it took an optional element, so when it
    fails without having taken one, nothing matches.
    """
    acc: list[RawBinding] = []
    K, F = toks.keys, toks.flags
    n = len(K)
    p = i
    took_optional = False
    for keys, alts, optional, adjacent, e in rule.code:
        if p < n:
            tk = K[p]
            if not keys.isdisjoint(tk) and not (acc and F[p] & NL) and not (adjacent and F[p] & GAP):
                for key, lit, a in alts:
                    if key in tk:
                        acc.append((e, p, key, a if lit else toks.forms[p][4][a]))
                        break
                p += 1
                took_optional = took_optional or optional
                continue
        if not optional:
            break
    else:
        if acc:
            return p, acc
    if not took_optional or not _possible(rule.code, toks, i):
        return None
    out: list[Match] = []
    _ends(rule.code, 0, toks, i, [], out)
    out = [o for o in out if o[0] > i]
    if not out:
        return None
    return max(out, key=lambda o: o[0])


def all_matches(lex: Lexicon, toks: Toks) -> dict[int, list[tuple[int, int, list[RawBinding], Rule]]]:
    """Every rule match in ``toks``, by start token: ``start -> [(end, -rule index, bindings, rule)]``.

    Matching is anchored on each rule's rarest required element (see ``Rule.__post_init__``), so
    only tokens that carry a time category cost anything; elements before it are tried to its left.
    A rule is not tried from anchor token ``k`` where its required elements right after the anchor do
    not match the tokens after ``k``, nor from a start before ``k`` when token ``k - 1`` cannot be
    the last one before the anchor (or ``k`` starts a line): a match it has binds its anchor
    elsewhere and is tried from there.
    """
    out: dict[int, list[tuple[int, int, list[RawBinding], Rule]]] = {}
    seen: set[int] = set()  # rule index + 1000 * start token, tried already
    K, F, forms = toks.keys, toks.flags, toks.forms
    n = len(K)
    for k in toks.anchors:
        for r, index, lead, min_lead, start_keys, post, pre, head in forms[k][6]:
            if head and (k + 1 >= n or head.isdisjoint(K[k + 1])):
                continue  # (the usual miss, the first test of the loop below, told before it is set up)
            j = k + 1
            for keys, adjacent in post:
                if j >= n or keys.isdisjoint(K[j]) or F[j] & NL or (adjacent and F[j] & GAP):
                    break
                j += 1
            else:
                if k == 0 or F[k] & NL or pre.isdisjoint(K[k - 1]):
                    if min_lead:
                        continue
                    lo = k  # the match can only start at the anchor
                else:
                    lo = k - lead if k > lead else 0
                for i in range(lo, k - min_lead + 1):
                    key = index + 1000 * i
                    if key in seen or (i < k and start_keys.isdisjoint(K[i])):
                        continue
                    seen.add(key)
                    m = match_at(r, toks, i)
                    if m is not None:
                        out.setdefault(i, []).append((m[0], -index, m[1], r))
    return out


def prefix_start(lex: Lexicon, toks: Toks, i: int, floor: int) -> int:
    """Where a prefix phrase ("в края на", "early") that ends right before token ``i`` starts."""
    if i == 0 or i - 1 < floor:
        return i
    if lex.prefix_end_keys.isdisjoint(toks.keys[i - 1]):
        return i  # the usual case: nothing that can end a prefix right before the match
    best = i
    for j in range(max(floor, i - 5), i):
        for p in lex.prefixes:
            out: list[Match] = []
            _ends(p.code, 0, toks, j, [], out)
            if any(end == i for end, _ in out) and j < best:
                best = j
    return best


def regions(text: str, start: int, end: int, lex: Lexicon, pad: int = 24) -> list[tuple[int, int]]:
    """Windows of ``text[start:end]`` around trigger words, merged when close."""
    assert lex.trigger is not None
    # the trigger's match begins with the non-word character before it: the one before ``start`` in the text's
    # shared lower case when there is one (no copy of the stretch), else a space put in front of its lower case
    whole = lowered(text)
    if whole is not None and start > 0 and not whole[start - 1].isalnum() and whole[start - 1] != "_":
        low, at, shift = whole, start - 1, 0
    else:
        low, at, shift = " " + lower_slice(text, start, end), 0, start - 1
    spans: list[list[int]] = []
    for m in lex.trigger.finditer(low, at, end - shift):
        s = max(start, m.start() + shift + 1 - pad)  # (m.start() + shift + 1: the trigger's offset in the text)
        e = min(end, m.end() + shift + pad)
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
