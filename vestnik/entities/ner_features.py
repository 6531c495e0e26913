"""Tokenizer and CRF features for the statistical name tagger (shared by training and inference).

Training (``scripts/train_ner.py``) and tagging (:mod:`vestnik.entities.ner`) must see exactly the same
tokens and features, so both come from this module. Word-intrinsic features are cached per word form:
news repeats its vocabulary, so after the first few articles feature extraction is mostly dictionary
look-ups and list concatenation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, count
from operator import not_
from pathlib import Path
from typing import TypeVar

from vestnik.language.shared import chunks as shared_chunks

#: Numbers, words (with inner hyphens/apostrophes: Хамилтън-Паркър, Северен поток-2, O'Neil), other characters.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W_]+)*|\w+|[^\w\s]")
_CYR = re.compile(r"[а-яёѐѝіїєґўА-ЯЁЍІЇЄҐЎ]")
_LAT = re.compile(r"[A-Za-z]")
_SENT_END = frozenset(".!?…")
_OPEN = frozenset("\"'«„“‘([-–—")
_Q_OPEN = frozenset("„«")
_Q_CLOSE = frozenset("»”")
_Q_BOTH = frozenset('"“')
_QUOTES = frozenset("\"'«„“‘”’»()[]")
#: the word classes of Featurizer.word_class, in the order of the decoder's tables
WORD_CLASSES = "ldqpAUBIn"
_STRIP_END = "аяеиоуыюьйёъэ"
#: pymorphy3 grammemes that mark proper names (first names, surnames, patronymics, places, organisations, brands).
_MORPH_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")
_CACHE_MAX = 300_000
_V = TypeVar("_V")
#: str(n) for the "len=" feature (capped at 12)
_LEN = [str(n) for n in range(12)]
#: the characters _CYR matches (all below U+0500): a word starting with one has Cyrillic without a regex search
_CYR_SET = frozenset(chr(c) for c in range(0x500) if _CYR.match(chr(c)))
#: Featurizer.word_groups' form key of a lower-case word, by length (capped at 12) and whether it has Cyrillic
_FORM_X = [[f"x\t{ln}\t\t\t\t{y}\t" for y in ("", "y")] for ln in [*_LEN, "12"]]
#: ... and of a capitalised one (a capital, then lower case), by length, Latin letters and Cyrillic
_FORM_XX = [[[f"Xx\t{ln}\tc\t\t{lat}\t{y}\t" for y in ("", "y")] for lat in ("", "l")] for ln in [*_LEN, "12"]]
#: features seen from the neighbours (by their first two characters: w=, sh=, s3=, g=, m=) and from ±2 (w=, sh=)
_CTX_KEYS = frozenset(("w=", "sh", "s3", "g=", "m=", "t="))
_FAR_KEYS = frozenset(("w=", "sh", "t="))
#: per language: head nouns that introduce a name ("trig" features), see load_triggers
_LANG_DIR = Path(__file__).resolve().parents[1] / "lang"


def lang_words(lang: str, name: str) -> frozenset[str]:
    """The lower-case words of a language pack's word list ``vestnik/lang/<lang>/<name>``, a word a line, ``#``
    comments (empty when the language has none)."""
    path = _LANG_DIR / lang / name
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))

Span = tuple[int, int]


def tokenize(text: str) -> list[Span]:
    """Token spans of ``text`` (character offsets)."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def _words(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, faster: no token spans white space and the pattern needs no context, so the
    text splits at white space first, and a chunk of letters only (most of them) is one token as it stands: runs of
    such chunks are copied by C-level slices, the Python loop visits only the other chunks."""
    chunks = shared_chunks(text)[0]  # text.split(), shared with the language layer's tokenizer
    out: list[str] = []
    add, more, find = out.append, out.extend, TOKEN_RE.findall
    prev = 0
    for i in compress(count(), map(not_, map(str.isalpha, chunks))):
        if prev < i:
            more(chunks[prev:i])
        prev = i + 1
        chunk = chunks[i]
        if chunk[:-1].isalpha() and not chunk[-1].isalnum() and chunk[-1] != "_":
            add(chunk[:-1])  # a word and a sign after it ("думи," "край."): the pattern's split, without it
            add(chunk[-1])
        elif len(chunk) == 1:  # one character: a token whatever it is
            add(chunk)
        else:
            more(find(chunk))
    more(chunks[prev:])
    return out


def split_flat(text: str) -> tuple[list[Span], list[str], list[int]]:
    """Tokens (spans and strings) and the index of each tagging sequence's first token: a sequence ends at a line
    break, and after sentence-final punctuation (a one-character token, after at least three tokens of the
    sequence) when the next token is capitalised and apart from it."""
    starts, ends, words, seqs = split_offsets(text)
    return list(zip(starts, ends, strict=True)), words, seqs


def split_offsets(text: str) -> tuple[list[int], list[int], list[str], list[int]]:
    """:func:`split_flat` with the token spans as two lists (start offsets, end offsets): the tagger needs the
    offsets of a few tokens only, so it skips building a tuple per token.

    One pass over the text's white-space chunks, as :func:`_words` reads them (the same tokens): a chunk of letters
    only is one token, its span the chunk's, copied for runs of such chunks by C-level slices; the tokens of the
    other chunks cover them in order (the pattern matches every character that is not white space), so their spans
    follow from their lengths. A sentence mark that may end a sequence is a one-character token of its own that ends
    its chunk, noted where that chunk is read; line breaks are looked for in the text (``str.find``), the token
    after each one found by bisection in the tokens' start offsets (no token starts on white space)."""
    chunks, c_start, c_end = shared_chunks(text)  # text.split() and its chunks' offsets, shared with language
    if not chunks:
        return [], [], [], []
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add, more = words.append, words.extend
    s_add, s_more, e_add, e_more = starts.append, starts.extend, ends.append, ends.extend
    find = TOKEN_RE.findall
    marks: list[int] = []  # the token after a one-character sentence mark that ends its chunk
    prev = 0
    for i in compress(count(), map(not_, map(str.isalpha, chunks))):
        if prev < i:
            more(chunks[prev:i])
            s_more(c_start[prev:i])
            e_more(c_end[prev:i])
        prev = i + 1
        chunk = chunks[i]
        a = c_start[i]
        head = chunk[:-1]
        last = chunk[-1]
        if head.isalpha() and not last.isalnum() and last != "_":
            b = c_end[i] - 1  # a word and a sign after it ("думи," "край."): the pattern's split, without it
            add(head)
            add(last)
            s_add(a)
            s_add(b)
            e_add(b)
            e_add(b + 1)
        elif not head:  # one character: a token whatever it is
            add(chunk)
            s_add(a)
            e_add(a + 1)
        else:
            toks = find(chunk)
            more(toks)
            for t in toks:
                s_add(a)
                a += len(t)
                e_add(a)
            last = toks[-1]
        if last in _SENT_END:  # (one-character strings only)
            marks.append(len(words))
    more(chunks[prev:])
    s_more(c_start[prev:])
    e_more(c_end[prev:])
    # tokens after a line break: the first token of the chunk after each break (none before the first token)
    brk: list[int] = []
    n = len(words)
    p = text.find("\n", c_end[0])
    while p >= 0:
        k = bisect_left(starts, p)  # (the break is white space: the tokens before it start before it)
        if k >= n:
            break
        brk.append(k)
        p = text.find("\n", ends[k])  # (the rest of this token's chunk holds no line break)
    if marks and marks[-1] == n:
        marks.pop()  # (the last token: no sequence after it)
    if not marks:
        return starts, ends, words, [0, *brk]
    out = [0]
    at_break = set(brk)
    for i in sorted(at_break.union(marks)):
        if i in at_break or (i - 1 - out[-1] >= 3 and words[i][:1].isupper()):
            out.append(i)
    return starts, ends, words, out


def split(text: str) -> tuple[list[Span], list[str], list[list[int]]]:
    """Tokens (spans and strings) and tagging sequences (token indices), see :func:`split_flat`."""
    spans, words, starts = split_flat(text)
    ends = [*starts[1:], len(words)] if starts else []
    return spans, words, [list(range(a, b)) for a, b in zip(starts, ends, strict=True)]


def sequences(text: str, toks: list[Span]) -> list[list[int]]:
    """The tagging sequences of :func:`split` (token indices)."""
    return split(text)[2]


def gaz_key(w: str) -> str:
    """Gazetteer key: lower case, final vowels/soft signs stripped, so inflected forms meet (Британии ~ Британия)."""
    return _gaz_key_lower(w.lower())


def _gaz_key_lower(k: str) -> str:
    """:func:`gaz_key` of a form already in lower case."""
    if "ё" in k:
        k = k.replace("ё", "е")
    if len(k) > 4 and k[-1] in _STRIP_END:  # at most two letters
        k = k[:-1]
        if len(k) > 4 and k[-1] in _STRIP_END:
            k = k[:-1]
    return k


def load_gazetteer(path: Path) -> dict[str, str]:
    """Read ``key<TAB>tags`` lines (tags comma-separated, e.g. ``LOC-B,LOC-U``); ``#`` lines are comments."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        k, _, v = line.partition("\t")
        out[k] = v
    return out


#: Bulgarian demonym endings after a country adjective's stem (британ-ци, пакистан-ката, ирланд-ец, българ-и)
_DEM_ENDS = frozenset(("ец", "ецът", "еца", "ци", "ците", "ка", "ката", "ки", "ките", "ин", "инът", "ина", "и", "ите"))
#: ... after a short stem (рус-наци, пол-яци, тур-ци), where the endings above would match common words
_DEM_SHORT = frozenset(("наци", "наците", "нак", "накът", "снаци", "снаците", "снак", "снакът", "ци", "ците", "яци", "яците",
                        "як", "якът"))
#: every demonym ending (for linking a capitalised demonym to its country)
DEMONYM_ENDINGS = _DEM_ENDS | _DEM_SHORT
_DEM_PREFIX = ("северно", "южно", "източно", "западно", "централно")


def load_triggers(lang: str) -> dict[str, str]:
    """Stem -> name type of the head nouns that introduce names (авиокомпания Райънеър, град Варна), from
    ``vestnik/lang/<lang>/ner_triggers.tsv``, and the stems of country adjectives (британ-ски) from the knowledge
    base's countries (``vestnik/kb/countries.jsonl``, bg only) as type "dem": their nouns name people
    (британците, пакистанката), which BSNLP marks as PER. Empty when the language has none."""
    path = _LANG_DIR / lang / "ner_triggers.tsv"
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                stem, _, typ = line.partition("\t")
                out[stem.strip()] = typ.strip()
    kb = _LANG_DIR.parent / "kb" / "countries.jsonl"
    if lang == "bg" and kb.exists():
        import json

        for line in kb.read_text(encoding="utf-8").splitlines():
            for adj in (json.loads(line).get("adjectives") or {}).get(lang, []):
                if adj.endswith("ски") and len(adj) > 4:
                    out.setdefault("dem:" + adj[:-3], "dem")
    return out


def shape(w: str) -> str:
    """Collapsed word shape: Xx, X, x, d, Xx-Xx, ..."""
    if w.isalpha():  # the common cases without the per-character loop (same result)
        if w.islower():
            return "x"
        if w[0].isupper() and w[1:].islower():
            return "Xx"
    elif w.isdigit():
        return "d"
    out: list[str] = []
    for ch in w:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


class DocContext:
    """What the whole document says about its words: forms seen in lower case, and forms seen capitalised
    inside a sentence (so a capitalised sentence-initial word is probably a name when it also appears mid-sentence,
    and probably not one when it also appears in lower case)."""

    __slots__ = ("lower", "midcap")

    def __init__(self, words_by_seq: list[list[str]]) -> None:
        self.lower: set[str] = {w for ws in words_by_seq for w in ws if w[:1].islower()}
        # mid-sentence: not the first word, nor the second after an opening quote or bracket
        self.midcap: set[str] = {w for ws in words_by_seq for w in ws[2 if ws and ws[0] in _OPEN else 1 :]
                                   if w[:1].isupper()}


def group_features(group: int, key: str | None) -> list[str]:
    """The features of one group key of :meth:`Featurizer.word_groups` (the one definition training and tagging
    share)."""
    if group == 0:
        return ["b", "w=" + key]  # type: ignore[operator]
    if key is None:
        return []
    if group == 1:
        return ["s1=" + key[-1:], "s2=" + key[-2:], "s3=" + key[-3:], "s4=" + key]
    if group == 2:
        return ["p2=" + key[:2], "p3=" + key]
    if group == 3:
        sh, ln, cap, allcap, lat, cyr, hyph = key.split("\t")
        out = ["sh=" + sh, "len=" + ln]
        out += [f for f, on in (("cap", cap), ("allcap", allcap), ("lat", lat), ("cyr", cyr), ("hyph", hyph)) if on]
        return out
    if group == 4:
        return ["hw=" + key]
    if not key:
        return []
    if group == 7:
        return ["t=" + key]
    return [("g=" if group == 5 else "m=") + t for t in key.split(",")]


def _remember(cache: dict[str, _V], key: str, value: _V) -> _V:
    """Store a memoised per-word answer (the cache is emptied when it grows past _CACHE_MAX words)."""
    if len(cache) > _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


class Featurizer:
    """Builds crfsuite feature lists for token sequences; one instance per language per process."""

    def __init__(self, gazetteer: dict[str, str], morph: Callable[[str], tuple[str, ...]] | None = None,
                 known: frozenset[str] | None = None, extra: frozenset[str] = frozenset(),
                 triggers: dict[str, str] | None = None) -> None:
        #: optional feature groups, recorded in the model's config: "quote", "run", "pair", "trig"
        self.extra = extra
        #: head-noun stems -> type ("trig" features; see load_triggers)
        trig = triggers if "trig" in extra and triggers else {}
        self.triggers = {k: v for k, v in trig.items() if not k.startswith("dem:") and v not in ("of", "generic")}
        #: rank adjectives that make an office a description, not a name (Върховният съд; ner.NerModel)
        self.generic_stems = tuple(sorted((k for k, v in trig.items() if v == "generic"), key=len, reverse=True))
        #: the language's "of" words (на, от): "председателят на комисията Хилари Бен" names the chair, not the
        #: committee (used by ner.NerModel's trigger cues)
        self.of_words = frozenset(k for k, v in trig.items() if v == "of")
        self._tlen = sorted({len(k) for k in self.triggers}, reverse=True)
        self._t3 = frozenset(k[:3] for k in self.triggers)  # quick test: most words start like no stem
        #: per first three letters (of _t3): the stems a word that starts so can start with, longest first (a stem
        #: of fewer letters is among them when the three letters start with it), without the stems of no type
        self._trig_by3: dict[str, tuple[str, ...]] = {}
        for p in sorted(self._t3):
            fit = [k for k, v in self.triggers.items() if v and (k[:3] == p if len(k) >= 3 else p.startswith(k))]
            self._trig_by3[p] = tuple(sorted(fit, key=len, reverse=True))
        #: country adjective stems (британ, пакистан): their demonyms are people
        self.dem_stems = frozenset(k[4:] for k in trig if k.startswith("dem:"))
        #: quick test: the first three letters of a stem or prefix (two for the two-letter stem ру-снаци)
        self._d3 = frozenset(k[:3] for k in self.dem_stems) | frozenset(p[:3] for p in _DEM_PREFIX)
        #: word_columns' test whether trigger() can answer anything but "" (a word's first three letters in _t3 or
        #: _d3, or its first two in _d3): the three-letter entries in one set, the shorter ones apart
        self._td3 = self._t3 | self._d3
        self._d3_two = tuple(sorted(k for k in self._d3 if len(k) == 2))  # (lw[:2] is one of them: lw starts so)
        self._d3_one = frozenset(k for k in self._d3 if len(k) < 2)  # (lw[:2] is one of them: lw is it)
        #: the stems by their first three letters (and the two-letter stems): the few a word can start with
        self._dem_by3: dict[str, tuple[str, ...]] = {}
        for k in sorted(self.dem_stems):
            if len(k) >= 3:
                self._dem_by3[k[:3]] = (*self._dem_by3.get(k[:3], ()), k)
        self._dem2 = frozenset(k for k in self.dem_stems if len(k) == 2)
        self.gaz = gazetteer
        self.morph = morph
        #: the attributes the trained model has weights for: others are dropped once per word form, which
        #: halves the cost of handing features to crfsuite (None while training: keep everything)
        self.known = known
        self._cache: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {}
        self._cues: dict[str, str] = {}
        self._heads: dict[str, str] = {}

    def cue(self, w: str) -> str:
        """:meth:`trigger` of a word as written (memoised; "" for demonyms): the type its head noun gives the name
        after it."""
        hit = self._cues.get(w)
        return hit if hit is not None else _remember(self._cues, w, self._cue(w))

    def _cue(self, w: str) -> str:
        t = self.trigger(w.lower()) if w[:1].isalpha() else ""
        return "" if t == "dem" else t

    def head_cue(self, w: str) -> str:
        """:meth:`head_noun` limited to LOC and ORG, memoised ("" for any other word)."""
        hit = self._heads.get(w)
        if hit is not None:
            return hit
        h = self.head_noun(w) if w[:1].isupper() else ""
        return _remember(self._heads, w, h if h in ("LOC", "ORG") else "")

    def generic(self, lw: str) -> bool:
        """Whether a lower-cased word is a rank adjective (върховният, апелативния, касационен)."""
        return lw.startswith(self.generic_stems) if self.generic_stems else False

    def head_noun(self, w: str) -> str:
        """The type of a head noun written in its base form, i.e. its trigger stem plus at most one letter
        (Летище, Агенция, Община; not Камарата, Министерството): "" for any other word."""
        lw = w.lower()
        for k in self._tlen:
            if k <= len(lw) <= k + 1 and (t := self.triggers.get(lw[:k])):
                return t
        return ""

    def trigger(self, lw: str) -> str:
        """Type of the name a lower-cased word introduces as its head noun ("" for none): the longest trigger
        stem it starts with, followed by at most 4 letters (inflection and article: авиокомпанията); "dem" for a
        noun of a country's people (a country adjective's stem and a demonym ending: британ-ците)."""
        n = len(lw)
        by3 = self._trig_by3.get(lw[:3])
        if by3 is not None:
            for stem in by3:  # (the stems the word may start with, longest first)
                if len(stem) <= n <= len(stem) + 4 and lw.startswith(stem):
                    return self.triggers[stem]
        if n > 4 and (lw[:3] in self._d3 or lw[:2] in self._d3):
            if lw.startswith(_DEM_PREFIX):
                p = next(p for p in _DEM_PREFIX if lw.startswith(p))
                lw = lw[len(p) :]
                n = len(lw)
            # a stem of 2 .. n - 1 letters (and at most 7 fewer than the word's) before a demonym ending: the
            # stems the word starts with, found by its first letters (not by trying every ending length)
            lo = n - 7 if n > 9 else 2
            for st in (*self._dem_by3.get(lw[:3], ()), *((lw[:2],) if lw[:2] in self._dem2 else ())):
                k = len(st)
                if lo <= k < n and lw.startswith(st):
                    e = lw[k:]
                    if (e in _DEM_ENDS and k >= 4) or e in _DEM_SHORT:
                        return "dem"
        return ""

    def word_groups(self, w: str) -> tuple[str, str, str, str, str | None, str, str, str]:
        """Keys of a word form's feature groups (:func:`group_features` turns each into its features): lower case,
        last four letters, first three, form (shape, length, case, script, hyphen), head before a hyphen,
        gazetteer tags, morphology tags, trigger type. Groups let the tagger cache a score row per ending, form, tag set, ...
        shared by many words, instead of looking up every feature of every new word."""
        lw = w.lower()
        cap = w[:1].isupper()
        form = "\t".join((shape(w), _LEN[len(w)] if len(w) < 12 else "12", "c" if cap else "",
                          "A" if cap and len(w) > 1 and w.isupper() else "", "l" if cap and _LAT.search(w) else "",
                          "y" if _CYR.search(w) else "", "h" if "-" in w else ""))
        g = self.gaz.get(_gaz_key_lower(lw)) or ""
        m = ",".join(self.morph(w)) if self.morph is not None and cap and len(w) > 1 else ""
        return lw, lw[-4:], lw[:3], form, lw.split("-", 1)[0] if "-" in w else None, g, m, self.trigger(lw)

    def word_columns(self, words: list[str]) -> tuple[list[str], list[str], list[str], list[str], list[str | None],
                                                      list[str], list[str], list[str]]:
        """:meth:`word_groups` of many new word forms at once, as its eight columns (the same values; a test
        compares them). The tagger adds a score row per new word form, most of the entities layer's cost on new
        text: here the two commonest forms (all lower case, capitalised) take a fast path to their form key, and
        all eight columns are filled in one plain loop (for a few dozen words, a comprehension per column cost more
        than the loop: a function call and a pass each)."""
        lowers: list[str] = []
        ends: list[str] = []
        firsts: list[str] = []
        forms: list[str] = []
        heads: list[str | None] = []
        tags: list[str] = []
        mtags: list[str] = []
        trig: list[str] = []
        add_lw, add_end, add_first, add_form = lowers.append, ends.append, firsts.append, forms.append
        add_head, add_tag, add_m, add_trig = heads.append, tags.append, mtags.append, trig.append
        lat_search, cyr_search, cyr_set = _LAT.search, _CYR.search, _CYR_SET
        gaz, strip = self.gaz.get, _STRIP_END
        morph = self.morph
        td3, two, one, trigger = self._td3, self._d3_two, self._d3_one, self.trigger
        for w in words:
            n = len(w)
            lw = w.lower()
            # shape() gives "x" for lower case, "Xx" for a capital then lower case: no sign, no hyphen
            alpha = w.isalpha()
            if alpha and w.islower():
                cap = False
                add_form(_FORM_X[n if n < 12 else 12][w[0] in cyr_set or cyr_search(w) is not None])
            elif alpha and w[0].isupper() and w[1:].islower():
                cap = True
                add_form(_FORM_XX[n if n < 12 else 12][lat_search(w) is not None]
                         [w[0] in cyr_set or cyr_search(w) is not None])
            else:
                cap = w[:1].isupper()
                add_form("\t".join((shape(w), _LEN[n] if n < 12 else "12", "c" if cap else "",
                                    "A" if cap and n > 1 and w.isupper() else "", "l" if cap and lat_search(w) else "",
                                    "y" if cyr_search(w) else "", "h" if "-" in w else "")))
            add_lw(lw)
            add_end(lw[-4:])
            p = lw[:3]
            add_first(p)
            add_head(lw.split("-", 1)[0] if "-" in w else None)
            # _gaz_key_lower inline: ё as е, then at most two final vowels off a key of 5+ letters
            k = lw.replace("ё", "е")
            ln = len(k)
            add_tag(gaz(k[:-2] if ln > 5 and k[-1] in strip and k[-2] in strip
                        else k[:-1] if ln > 4 and k[-1] in strip else k) or "")
            add_m(",".join(morph(w)) if morph is not None and cap and n > 1 else "")
            # trigger() answers "" at once unless a word starts like a stem: test that here, without the call
            add_trig(trigger(lw) if p in td3 or lw.startswith(two) or lw in one else "")
        return lowers, ends, firsts, forms, heads, tags, mtags, trig

    def word_class(self, w: str, gaz: str | None = None) -> str:
        """Coarse class of a word form for the "pair" features (the classes of a token and its neighbour):
        l lower case, d digit, q quote or bracket, p other sign, A all capitals, and for a capitalised word its
        place in a gazetteer name (U one-word name, B first word, I later word, n none). "Азия Биби" (a one-word
        place followed by an unknown capitalised word) is a person's name far more often than a place.
        ``gaz``: the word's gazetteer tags ("" for none) when the caller has looked them up already."""
        c = w[:1]
        if c.islower():
            return "l"
        if c.isdigit():
            return "d"
        if not c.isalpha():
            return "q" if c in _QUOTES else "p"
        if len(w) > 1 and w.isupper():
            return "A"
        if not c.isupper():
            return "l"
        g = self.gaz.get(gaz_key(w)) if gaz is None else gaz
        if not g:
            return "n"
        return "U" if "-U" in g else "B" if "-B" in g else "I"

    def word_classes(self, words: list[str], tags: list[str]) -> list[str]:
        """:meth:`word_class` of many word forms with their gazetteer tags, without a call per word (the same
        answers; a test compares them)."""
        out: list[str] = []
        add = out.append
        for w, g in zip(words, tags, strict=True):
            c = w[:1]
            if c.islower():
                add("l")
            elif c.isdigit():
                add("d")
            elif not c.isalpha():
                add("q" if c in _QUOTES else "p")
            elif len(w) > 1 and w.isupper():
                add("A")
            elif not c.isupper():
                add("l")
            else:
                add("n" if not g else "U" if "-U" in g else "B" if "-B" in g else "I")
        return out

    def word_keys(self, w: str) -> list[str]:
        """The word form's own features (the decoder sums their weights per word form, see ``ner.Decoder``)."""
        out: list[str] = []
        for i, key in enumerate(self.word_groups(w)):
            out.extend(group_features(i, key))
        return out

    def word_parts(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        """Features of a word form: its own, and as seen from the next/previous token (±1: word, shape, 3-letter
        suffix, gazetteer and morphology tags) and from ±2 (word and shape)."""
        own = self.word_keys(w)
        ctx = [f for f in own if f[:2] in _CTX_KEYS]
        far = [f for f in ctx if f[:2] in _FAR_KEYS]
        res = (own, ["-1" + f for f in ctx], ["+1" + f for f in ctx], ["-2" + f for f in far], ["+2" + f for f in far])
        if self.known is not None:
            k = self.known
            res = tuple([f for f in part if f in k] for part in res)  # type: ignore[assignment]
        return res

    def _word(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        hit = self._cache.get(w)
        if hit is None:
            if len(self._cache) > _CACHE_MAX:
                self._cache.clear()
            hit = self._cache[w] = self.word_parts(w)
        return hit

    def flags(self, words: list[str], doc: DocContext | None = None) -> list[list[str]]:
        """Position and document features of each token (see :meth:`sparse_flags`)."""
        out: list[list[str]] = [[] for _ in words]
        for i, f in self.sparse_flags(words, doc):
            out[i].append(f)
        return out

    def sparse_flags(self, words: list[str], doc: DocContext | None = None) -> list[tuple[int, str]]:
        """(token index, feature) for the position and document features of a sequence (sentence start/end, case
        seen elsewhere in the doc, inside quotation marks, length of the run of capitalised words it is in);
        sparse because most tokens have none, which keeps the tagger's per-token work down."""
        n = len(words)
        out: list[tuple[int, str]] = []
        if not n:
            return out
        if "quote" in self.extra:
            inside = False
            for i, w in enumerate(words):
                if w in _Q_OPEN:
                    inside = True
                elif w in _Q_CLOSE:
                    inside = False
                elif w in _Q_BOTH:
                    inside = not inside
                elif inside:
                    out.append((i, "inq"))
        if "run" in self.extra:
            i = 0
            while i < n:
                if not words[i][:1].isupper():
                    i += 1
                    continue
                j = i
                while j < n and words[j][:1].isupper():
                    j += 1
                tag = "run=" + str(min(j - i, 3))
                out.extend((k, tag) for k in range(i, j))
                i = j
        if "pair" in self.extra:
            cls = [self.word_class(w) for w in words]
            for i in range(n):
                out.append((i, "pp=" + (cls[i - 1] if i else "^") + cls[i]))
                out.append((i, "pn=" + cls[i] + (cls[i + 1] if i + 1 < n else "$")))
        out.append((0, "BOS"))
        start = 0
        if n > 1 and words[0] in _OPEN:
            out.append((1, "BOS+q"))
            start = 1
        out.append((n - 1, "EOS"))
        if doc is not None:
            low, mid = doc.lower, doc.midcap
            for i, w in enumerate(words):
                if w[:1].isupper():
                    if w.lower() in low:
                        out.append((i, "lcdoc"))
                    if i <= start and w in mid:
                        out.append((i, "midcap"))
        return out

    def features(self, words: list[str], doc: DocContext | None = None) -> list[list[str]]:
        """Feature lists for one sequence of token strings (``doc``: the document's word sets)."""
        info = [self._word(w) for w in words]
        flags = self.flags(words, doc)
        n = len(words)
        out = []
        for i in range(n):
            f = info[i][0] + flags[i]
            if i > 0:
                f.extend(info[i - 1][1])
                if i > 1:
                    f.extend(info[i - 2][3])
            if i + 1 < n:
                f.extend(info[i + 1][2])
                if i + 2 < n:
                    f.extend(info[i + 2][4])
            out.append(f)
        return out


def make_morph() -> Callable[[str], tuple[str, ...]]:
    """Proper-name grammemes from pymorphy3's Russian dictionary (known words only: no guessing, fast).

    What ``MorphAnalyzer.tag`` does with its one dictionary unit, without the rest: the word's paradigms in the
    dictionary (its lower case, ё for е as pymorphy3 tries it) give tag ids; the wanted grammemes of each tag id are
    read from a table made here, once, and the probability sort ``tag`` applies (which the union of grammemes
    ignores) is skipped. A test holds this to the union over ``tag(w)``."""
    import pymorphy3
    from pymorphy3 import units

    m = pymorphy3.MorphAnalyzer(units=[units.DictionaryAnalyzer()])
    wanted = frozenset(_MORPH_TAGS)
    dic = m.dictionary
    lookup, subst, paradigms = dic.words.similar_item_values, m.char_substitutes, dic.paradigms
    by_tag_id = [wanted & t.grammemes for t in dic.gramtab]

    def tags(w: str) -> tuple[str, ...]:
        found: set[str] = set()
        for parses in lookup(w.lower(), subst):
            for para_id, idx in parses:
                paradigm = paradigms[para_id]
                found.update(by_tag_id[paradigm[len(paradigm) // 3 + idx]])
        return tuple(sorted(found))

    return tags
