"""Tokenizer and CRF features for the statistical name tagger (shared by training and inference).

Training (``scripts/train_ner.py``) and tagging (:mod:`vestnik.entities.ner`) must see exactly the same
tokens and features, so both come from this module. Word-intrinsic features are cached per word form:
news repeats its vocabulary, so after the first few articles feature extraction is mostly dictionary
look-ups and list concatenation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

#: Numbers, words (with inner hyphens/apostrophes: Хамилтън-Паркър, Северен поток-2, O'Neil), other characters.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W_]+)*|\w+|[^\w\s]")
_CYR = re.compile(r"[а-яёѐѝіїєґўА-ЯЁЍІЇЄҐЎ]")
_LAT = re.compile(r"[A-Za-z]")
_SENT_END = frozenset(".!?…")
_OPEN = frozenset("\"'«„“‘([-–—")
_Q_OPEN = frozenset("„«")
_Q_CLOSE = frozenset("»”")
_Q_BOTH = frozenset('"“')
_STRIP_END = "аяеиоуыюьйёъэ"
#: pymorphy3 grammemes that mark proper names (first names, surnames, patronymics, places, organisations, brands).
_MORPH_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")
_CACHE_MAX = 300_000

Span = tuple[int, int]


def tokenize(text: str) -> list[Span]:
    """Token spans of ``text`` (character offsets)."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


_SPLIT_RE = re.compile(r"(\n)|" + TOKEN_RE.pattern)


def split(text: str) -> tuple[list[Span], list[str], list[list[int]]]:
    """Tokens (spans and strings) and tagging sequences (token indices): a sequence ends at a line break, and
    after sentence-final punctuation when the next token is capitalised (one pass, for speed)."""
    spans: list[Span] = []
    words: list[str] = []
    seqs: list[list[int]] = []
    cur: list[int] = []
    pending = -1  # end offset of a sentence-final mark that may close the sentence
    for m in _SPLIT_RE.finditer(text):
        w = m.group()
        if w == "\n":
            if cur:
                seqs.append(cur)
                cur = []
            pending = -1
            continue
        s, e = m.span()
        if pending >= 0:
            if w[:1].isupper() and s > pending:
                seqs.append(cur)
                cur = []
            pending = -1
        i = len(spans)
        spans.append((s, e))
        words.append(w)
        cur.append(i)
        if len(w) == 1 and w in _SENT_END and len(cur) > 3:
            pending = e
    if cur:
        seqs.append(cur)
    return spans, words, seqs


def sequences(text: str, toks: list[Span]) -> list[list[int]]:
    """The tagging sequences of :func:`split` (token indices)."""
    return split(text)[2]


def gaz_key(w: str) -> str:
    """Gazetteer key: lower case, final vowels/soft signs stripped, so inflected forms meet (Британии ~ Британия)."""
    k = w.lower().replace("ё", "е")
    n = 0
    while n < 2 and len(k) > 4 and k[-1] in _STRIP_END:
        k = k[:-1]
        n += 1
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


def shape(w: str) -> str:
    """Collapsed word shape: Xx, XX, x, d, Xx-Xx, ..."""
    out = []
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


class Featurizer:
    """Builds crfsuite feature lists for token sequences; one instance per language per process."""

    def __init__(self, gazetteer: dict[str, str], morph: Callable[[str], tuple[str, ...]] | None = None,
                 known: frozenset[str] | None = None, extra: frozenset[str] = frozenset()) -> None:
        #: optional feature groups, recorded in the model's config: "quote", "run"
        self.extra = extra
        self.gaz = gazetteer
        self.morph = morph
        #: the attributes the trained model has weights for: others are dropped once per word form, which
        #: halves the cost of handing features to crfsuite (None while training: keep everything)
        self.known = known
        self._cache: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {}

    def word_parts(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        """Features of a word form: its own, and as seen from the next/previous token (±1) and from ±2."""
        lw = w.lower()
        sh = shape(w)
        own = ["b", "w=" + lw, "sh=" + sh, "s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:],
               "p2=" + lw[:2], "p3=" + lw[:3], "len=" + str(min(len(w), 12))]
        if w[:1].isupper():
            own.append("cap")
            if w.isupper() and len(w) > 1:
                own.append("allcap")
            if _LAT.search(w):
                own.append("lat")
        if _CYR.search(w):
            own.append("cyr")
        if "-" in w:
            own.append("hyph")
            own.append("hw=" + lw.split("-", 1)[0])
        g = self.gaz.get(gaz_key(w))
        gtags = g.split(",") if g else []
        own.extend("g=" + t for t in gtags)
        mtags: tuple[str, ...] = ()
        if self.morph is not None and w[:1].isupper() and len(w) > 1:
            mtags = self.morph(w)
            own.extend("m=" + t for t in mtags)
        ctx = ["w=" + lw, "sh=" + sh, "s3=" + lw[-3:], *("g=" + t for t in gtags), *("m=" + t for t in mtags)]
        far = ["w=" + lw, "sh=" + sh]
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
    """Proper-name grammemes from pymorphy3's Russian dictionary (known words only: no guessing, fast)."""
    import pymorphy3
    from pymorphy3 import units

    m = pymorphy3.MorphAnalyzer(units=[units.DictionaryAnalyzer()])

    def tags(w: str) -> tuple[str, ...]:
        found: set[str] = set()
        for p in m.parse(w):
            found.update(t for t in _MORPH_TAGS if t in p.tag)
        return tuple(sorted(found))

    return tags
