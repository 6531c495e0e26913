"""Base (nominative, indefinite) forms of recognised names, from suffix-rewrite rules learned on gold pairs.

Bulgarian names change mostly by the definite article (Европейския съюз → Европейски съюз, Брекзита →
Брекзит, британците → британци); Russian names by case (Британии → Британия, Путина → Путин). A token's
rewrite is "strip k characters, append s", chosen by (in order): a whole-mention lexicon, a per-token
lexicon, then the longest known word suffix, each keyed by the token's role in the name (head word or
modifier before it, or the tail after a preposition, which keeps its form: Съвета на ЕС → Съвет на ЕС).
For Russian, pymorphy3's dictionary comes between the word lexicon and the suffix rules (:class:`RuMorph`).
The rules are data (``ner-<lang>.base.json`` beside the model), learned by ``scripts/train_ner.py``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vestnik.entities.ner_features import TOKEN_RE

Rule = tuple[int, str]
_MAX_SUFFIX = 5
_MIN_RULE_COUNT = 2
# A suffix rule never leaves fewer letters than this: a short name is more often whole than inflected ("Ванга" is no
# "Ванг" + article, though "Бога" is "Бог"; "Трета световна война" keeps "Трета"); short words that do inflect are
# in the learned word exceptions. Held-out topics, the pipeline's base forms: bg 0.9627 -> 0.9630, ru 0.9367 ->
# 0.9393 (entities/models/README.md).
_MIN_STEM = 5


def _words(s: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(s)]


def roles(tokens: list[str], func: frozenset[str]) -> list[str]:
    """Role of each token: 'm' modifier before the head, 'h' the head (last of the head region), 't' tail."""
    n = len(tokens)
    head_end = n
    for i in range(1, n):
        if tokens[i].lower() in func:
            head_end = i
            break
    out = []
    for i in range(n):
        out.append("t" if i >= head_end else "h" if i == head_end - 1 else "m")
    return out


def rule_of(s: str, b: str) -> Rule:
    """The (strip, append) rewrite turning surface token ``s`` into base token ``b`` (case-insensitive prefix)."""
    ls, lb = s.lower(), b.lower()
    k = 0
    while k < len(ls) and k < len(lb) and ls[k] == lb[k]:
        k += 1
    return (len(s) - k, lb[k:])


def apply_rule(s: str, r: Rule) -> str:
    strip, add = r
    stem = s[: len(s) - strip] if strip else s
    if add and s.isupper() and len(s) > 1:
        add = add.upper()
    return stem + add


_NAME_TAGS = {"PER": ("Name", "Surn", "Patr"), "LOC": ("Geox",), "ORG": ("Orgn", "Trad"), "PRO": ("Trad",)}


def _recase(surface: str, word: str) -> str:
    """Give ``word`` (lower case from the dictionary) the capitalisation of ``surface``."""
    if "ё" in word and "ё" not in surface.lower():
        word = word.replace("ё", "е")
    if surface.isupper() and len(surface) > 1:
        return word.upper()
    sp, wp = surface.split("-"), word.split("-")
    if len(sp) != len(wp):
        sp, wp = [surface], [word]
    return "-".join(w[:1].upper() + w[1:] if s[:1].isupper() else w for s, w in zip(sp, wp, strict=True))


class RuMorph:
    """Russian nominative forms from pymorphy3's dictionary: inflect the head of the name (adjectives and the
    first noun: Верховным судом Пакистана → Верховный суд Пакистана; every word of a person's name) to the
    nominative case, keeping number and gender. Words the dictionary does not know are left to the rules."""

    def __init__(self) -> None:
        import pymorphy3
        from pymorphy3 import units

        self.m = pymorphy3.MorphAnalyzer(units=[units.DictionaryAnalyzer()])
        self._cache: dict[str, list] = {}

    def _parses(self, w: str) -> list:
        p = self._cache.get(w)
        if p is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            p = self._cache[w] = self.m.parse(w)
        return p

    def nominative(self, toks: list[str], typ: str) -> tuple[list[str | None], int]:
        """(nominative of each token or None when unknown, number of head tokens that inflect)."""
        parses = [self._parses(t) if t[:1].isalpha() else [] for t in toks]
        n = len(toks)
        heads = n
        if typ != "PER":
            for i, ps in enumerate(parses):
                if not ps or ps[0].tag.POS == "NOUN":
                    heads = i + 1
                    break
        want = _NAME_TAGS.get(typ, ())
        case = None
        if typ != "PER":
            ps = parses[heads - 1]
            if ps:
                best = sorted(ps, key=lambda p: (not any(t in p.tag for t in want), "plur" in p.tag))[0]
                case = best.tag.case
        out: list[str | None] = [None] * n
        if typ == "PER" and n > 1 and (fem := _female_name(parses)) is not None:
            return _female_nominative(toks, parses, *fem), heads
        for i in range(min(heads, n)):
            ps = parses[i]
            if not ps:
                continue
            if typ == "PER":
                # names: keep a form that may well be nominative (Хан, Раджа, Дементьева), else the likeliest
                # singular reading (Путина → Путин); dictionary guesses for foreign names are weak, so no plurals
                if any(p.tag.case == "nomn" and "sing" in p.tag and p.score >= 0.1 for p in ps):
                    out[i] = toks[i]
                    continue
                sing = [p for p in ps if "sing" in p.tag]
                if not sing:
                    continue
                best = sing[0]
                if ("Name" in best.tag and best.score <= 0.5 and toks[i][-2:].lower() in ("ия", "ья")
                        and "femn" not in best.tag
                        and not any(p.tag.case == best.tag.case for j, qs in enumerate(parses) if j != i for p in qs)):
                    # a first name in -ия the dictionary knows only as a rare man's genitive (Асия, Ария: its
                    # readings equally likely, no corpus count behind them, unlike Василия) is a woman's name as
                    # written, unless the rest of the name is in that case too
                    out[i] = toks[i]
                    continue
            else:
                cands = [p for p in ps if case is None or p.tag.case == case] or ps
                best = sorted(cands, key=lambda p: "plur" in p.tag and "Pltm" not in p.tag)[0]
            if best.tag.case == "nomn":
                out[i] = toks[i]
                continue
            inf = best.inflect({"nomn"})
            if inf is not None:
                out[i] = _recase(toks[i], inf.word)
        return out, heads


def _female_name(parses: list[list]) -> tuple[int, str] | None:
    """(index, case) of a woman's first name among a person's name's words, when the dictionary reads one as
    such most likely (Анастасия, Лидии, Натальей): her surname then takes the feminine nominative."""
    for i, ps in enumerate(parses):
        fem = [p for p in ps if "Name" in p.tag and "femn" in p.tag and "sing" in p.tag]
        if fem and sum(p.score for p in fem) >= 0.5:
            return i, max(fem, key=lambda p: p.score).tag.case
    return None


#: a woman's Russian surname in an oblique case -> its nominative ending (Раковой, Ракову -> Ракова;
#: Поклонской -> Поклонская; Яровой -> Яровая), longest first; other surnames (Харрис, Пелоси, Собчак) do not
#: decline for a woman
_FEM_SURNAME = (("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая"), ("овой", "ова"),
                ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"), ("ову", "ова"), ("еву", "ева"),
                ("ёву", "ёва"), ("ину", "ина"), ("ыну", "ына"), ("ой", "ая"), ("ую", "ая"))


def _female_nominative(toks: list[str], parses: list[list], first: int, case: str | None) -> list[str | None]:
    """Nominative of each word of a woman's name: her first name from the dictionary, the other words as written
    when she is named in the nominative (Анастасия Ракова, not the man's Раков), else by the dictionary's
    feminine reading or the feminine surname endings (Анастасии Раковой -> Ракова, Наталии Поклонской ->
    Поклонская)."""
    out: list[str | None] = []
    for i, (tok, ps) in enumerate(zip(toks, parses, strict=True)):
        if case == "nomn" or not tok[:1].isalpha():
            out.append(tok)
            continue
        fem = [p for p in ps if "femn" in p.tag and "sing" in p.tag
               and (p.tag.case == case if i == first else ("Surn" in p.tag or "Patr" in p.tag))]
        if i == first or fem:
            best = max(fem, key=lambda p: p.score) if fem else None
            inf = best.inflect({"nomn"}) if best is not None else None
            out.append(_recase(tok, inf.word) if inf is not None else None)
            continue
        low = tok.lower()
        end = next(((a, b) for a, b in _FEM_SURNAME if low.endswith(a) and len(low) > len(a) + 2), None)
        out.append(tok[: len(tok) - len(end[0])] + end[1] if end else tok)
    return out


class BaseForms:
    """Learned base-form rules for one language."""

    def __init__(self, data: dict | None = None, morph: RuMorph | None = None) -> None:
        data = data or {}
        self.morph = morph
        self.func: frozenset[str] = frozenset(data.get("func", []))
        self.lexicon: dict[str, str] = data.get("lexicon", {})
        self.tokens: dict[str, Rule] = {k: (v[0], v[1]) for k, v in data.get("tokens", {}).items()}
        self.rules: dict[str, Rule] = {k: (v[0], v[1]) for k, v in data.get("rules", {}).items()}
        self._suffix_memo: dict[tuple[str, str, str], Rule] = {}

    @classmethod
    def load(cls, path: Path, morph: RuMorph | None = None) -> BaseForms:
        return cls(json.loads(path.read_text(encoding="utf-8")) if path.exists() else None, morph)

    def token_rule(self, tok: str, role: str, typ: str) -> Rule:
        return self.lexicon_rule(tok, role, typ) or self.suffix_rule(tok, role, typ)

    def lexicon_rule(self, tok: str, role: str, typ: str) -> Rule | None:
        lt = tok.lower()
        for key in (f"{typ}|{role}|{lt}", f"{role}|{lt}"):
            r = self.tokens.get(key)
            if r is not None:
                return r
        return None

    def suffix_rule(self, tok: str, role: str, typ: str) -> Rule:
        """The rule of the longest known ending (memoised per lower-cased token, role and type: the names of new
        text share their words, and the search builds up to twelve keys)."""
        lt = tok.lower()
        memo = self._suffix_memo
        hit = memo.get((lt, role, typ))
        if hit is not None:
            return hit
        if len(memo) > 100_000:
            memo.clear()
        r = memo[(lt, role, typ)] = self._suffix_rule(lt, role, typ)
        return r

    def _suffix_rule(self, lt: str, role: str, typ: str) -> Rule:
        for n in range(min(_MAX_SUFFIX, len(lt) - 1), -1, -1):
            suf = lt[-n:] if n else ""
            for key in (f"{typ}|{role}|-{suf}", f"{role}|-{suf}"):
                r = self.rules.get(key)
                if r is not None:
                    return r if not r[0] or len(lt) - r[0] >= _MIN_STEM else (0, "")
        return (0, "")

    def base(self, surface: str, typ: str) -> str:
        """Base form of a name as written in the text."""
        hit = self.lexicon.get(f"{typ}|{surface}")
        if hit is not None:
            return hit
        spans = _words(surface)
        if not spans:
            return surface
        toks = [surface[s:e] for s, e in spans]
        rs = roles(toks, self.func)
        morph: list[str | None] = [None] * len(toks)
        if self.morph is not None:
            morph, heads = self.morph.nominative(toks, typ)
            rs = [r if r == "t" or k < heads else "t" for k, r in enumerate(rs)]
        out = []
        prev = 0
        for (s, e), tok, role, mo in zip(spans, toks, rs, morph, strict=True):
            out.append(surface[prev:s])
            if not tok[:1].isalpha() or role == "t":
                out.append(tok)
            else:
                r = self.lexicon_rule(tok, role, typ)
                out.append(apply_rule(tok, r) if r is not None else mo if mo is not None
                           else apply_rule(tok, self.suffix_rule(tok, role, typ)))
            prev = e
        out.append(surface[prev:])
        return "".join(out)

    @staticmethod
    def learn(pairs: Iterable[tuple[str, str, str]], func: Iterable[str], min_lexicon: int = 2,
              min_rule: int = _MIN_RULE_COUNT, min_share: float = 0.5) -> dict:
        """Rules from (surface, base, type) gold triples; returns the JSON-able data."""
        func_set = frozenset(func)
        lex: dict[str, Counter] = defaultdict(Counter)
        tok: dict[str, Counter] = defaultdict(Counter)
        suf: dict[str, Counter] = defaultdict(Counter)
        for surface, base, typ in pairs:
            lex[f"{typ}|{surface}"][base] += 1
            st = [surface[s:e] for s, e in _words(surface)]
            bt = [base[s:e] for s, e in _words(base)]
            if len(st) != len(bt):
                continue
            for t, b, role in zip(st, bt, roles(st, func_set), strict=True):
                if not t[:1].isalpha():
                    continue
                r = rule_of(t, b)
                if r[0] > 4 or len(r[1]) > 4:
                    continue  # a different word (a variant spelling), not an inflection
                lt = t.lower()
                key_r = f"{r[0]}\t{r[1]}"
                tok[f"{typ}|{role}|{lt}"][key_r] += 1
                tok[f"{role}|{lt}"][key_r] += 1
                for n in range(0, min(_MAX_SUFFIX, len(lt) - 1) + 1):
                    sfx = lt[-n:] if n else ""
                    suf[f"{typ}|{role}|-{sfx}"][key_r] += 1
                    suf[f"{role}|-{sfx}"][key_r] += 1

        def top(c: Counter) -> tuple[str, int]:
            return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]

        rules = {}
        for k in sorted(suf):
            rk, n = top(suf[k])
            if n >= min_rule and n / sum(suf[k].values()) >= min_share:
                a, add = rk.split("\t")
                rules[k] = [int(a), add]
        probe = BaseForms({"func": sorted(func_set), "rules": rules})
        tokens: dict[str, list[Any]] = {}  # key -> [cut, ending] (a list, as stored in the JSON)
        for k in sorted(tok):
            rk, n = top(tok[k])
            a, add = rk.split("\t")
            typ_role, _, word = k.rpartition("|")
            role = typ_role.rpartition("|")[2]
            typ = typ_role.partition("|")[0] if "|" in typ_role else ""
            # keep a word only where the suffix rules alone would get it wrong
            if n >= min_lexicon and probe.token_rule(word, role, typ) != (int(a), add):
                tokens[k] = [int(a), add]
        probe.tokens = {k: (v[0], v[1]) for k, v in tokens.items()}
        lexicon = {}
        for k in sorted(lex):
            b, n = top(lex[k])
            typ, _, s = k.partition("|")
            if n >= min_lexicon and probe.base(s, typ) != b:
                lexicon[k] = b
        return {"func": sorted(func_set), "lexicon": lexicon, "tokens": tokens, "rules": rules}
