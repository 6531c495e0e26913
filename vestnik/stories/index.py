"""The corpus duplicate index: exact hashes, MinHash LSH and lead keys, incremental and persistent.

A new document is compared with everything stored in sub-linear time: an exact-key dictionary lookup, one
LSH query (32 band keys mixed from rensa's MinHash digest, looked up in one hash table), anchor postings and
one lead-key lookup; then all candidates are verified on the exact sets of their word-3-gram hashes, so the
Jaccard/containment thresholds are applied to true values, not to MinHash estimates. Shingles are never built as
strings: word hashes (a polynomial hash over the UTF-32 code points of each word) are mixed into 3-gram hashes.
What a document contributes (keys, shingle set, signature, anchors, lead) depends on that document alone, so
:func:`prepare` computes it for a whole batch at once (one compiled pass over all the batch's words, one rensa
call for all signatures); the look-ups and the insertion run per document, in order, so each document is still
compared with every earlier one, its own batch included. The LSH tables, anchor postings and shingle sets are
flat numpy arrays searched and extended by compiled loops (:mod:`vestnik.stories.kernels`): one call per
document for the whole candidate search and verification, one for the insertion.

Cut teasers and leads ("...") share few shingles with their full article, so Jaccard cannot link them; they are
found by the key of their first words and verified by containment of their words in the article's lead. A whole
article reprinted inside a longer one (a digest, an expanded version) is found through anchors: the shingles
whose hash is 0 modulo ``ANCHOR_MOD``. The sampling depends on content only, so the anchors of a contained text
are anchors of the container too, and the share of shared anchors estimates containment (an inverted index over
anchors, as in winnowing-based copy detection).
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import rensa

from vestnik.gc_pause import no_cyclic_gc
from vestnik.stories import kernels
from vestnik.stories.features import StoryDoc
from vestnik.stories.minhash import NUM_BANDS, NUM_PERM, SEED
from vestnik.stories.normalize import FIGURES_MIN, FIGURES_SHARED

FORMAT_VERSION = 5  # 5: the documents' figures; 4: LSH, anchors and shingle sets in flat arrays (a format-3 or -4
# file is converted on loading; documents stored before format 5 have no figures, so none is a recurring report)
LEAD_WORDS = 48  # words of each body lead kept for containment checks
LEAD_KEY = 8  # words hashed into the lead key
ANCHOR_MOD = 6  # a shingle whose hash is 0 mod this is an anchor (content-defined sampling, ~1/6 of shingles)
ANCHOR_MIN = 3  # anchors the smaller text needs before its containment is trusted
ANCHOR_CAP = 256  # an anchor shared by more documents is boilerplate: no longer indexed or counted
# A family of near-identical pages (a site's error, login or cookie page saved thousands of times) made every new
# member compare with, and report, every earlier one: 4,000 of them cost 140 s, 2.7 GB and 8 million pairs (stop
# 24; now 35 s, 1.0 GB, 1 million). A look-up walks the newest CHAIN_CAP documents of each LSH chain and the first
# CHAIN_CAP holders of an exact key, and a document reports its MATCH_CAP strongest duplicates. News has far fewer
# (news-bg 0.56 per document: nothing changes there); bench.stories' stress case (~28 per document, long tails)
# loses 0.25 % of its pairs at 100,000 documents.
CHAIN_CAP = 256
MATCH_CAP = 256
ANCHOR_CUT = 0.75  # anchor candidates need this share of the containment threshold in shared anchors
LSH_JACCARD_CUT = 0.3  # an LSH candidate (not also an anchor candidate) is verified only when its MinHash
LSH_CONTAIN_CUT = 0.5  # estimate reaches one of these (estimate s.d. at Jaccard 0.5: 0.044; cuts far below);
# both are for thresholds 0.5 / 0.8 and scale with the index's own
# Default thresholds: exact shingle Jaccard for near-duplicates, containment of the smaller text for contains.
# Set by pairs labelled blind (docs/stories-eval.md, "Duplicates labelled blind"): in agency news nearly every pair
# from Jaccard 0.3 is a reprint; among small sites that carry their navigation and footer in the text, pairs at
# 0.3-0.4 are mostly different articles of one site, unless the site's template is left out of the shingles
# (StoryClusterer does, per batch). Estimated P / R there: 0.986 / 0.948 (agency) and 0.984 / 0.997 (small sites);
# containment 0.6 (stop 14): 0.988 / 0.929 and 0.986 / 0.997 (rewrites of one agency report share 0.5-0.6 of the
# shorter text; about 2 in 3 such pairs are reprints to a reader); 0.5: 0.952 / 0.964; 0.4 / 0.7: 1.000 / 0.81-0.84
# and 0.995-1.000 / 0.99; 0.5 / 0.8 (until stop 14): 1.000 / 0.70 and 1.000 / 0.95.
NEAR, CONTAIN = 0.3, 0.55
# Recurring reports (a daily case count, a rate, results): one outlet words each release alike, so two releases are
# near-duplicates by their shingles, yet they tell different days. When both texts state >= FIGURES_MIN quantities
# (normalize.figures) and share fewer than FIGURES_SHARED of the smaller set, a verified match is not a duplicate
# but RECURRING (StoryClusterer keeps the two in different stories). On the labelled news set no duplicate pair
# is one (the lowest share among pairs with >= 3 figures each: 1/3; docs/stories-eval.md, stop 18).
RECURRING = "recurring"
_OLD_DEFAULTS = {(0.5, 0.8), (0.3, 0.6)}  # what indexes persisted with earlier defaults (they read as today's)
BATCH = 256  # documents prepared at once by ``add_many`` (numpy/rensa calls amortised, little memory held)
_ROWS = ("sigs", "sizes", "leads", "lead_len", "n_anchors", "band_next", "ekey", "lkey", "trunc")  # per document
# (``rows``); ekey / lkey / trunc (the exact key's digest, the lead key or -1, cut or not) let a document be put
# into the hash tables and key maps again from its rows (:meth:`DedupIndex.replay`); rows saved before stop 23
# lack them, read as "unknown": a zero digest
_ROW_DEFAULTS: dict[str, tuple[tuple[int, ...], type, int]] = {"ekey": ((12,), np.uint8, 0), "lkey": ((), np.int64, -1),
                                                               "trunc": ((), np.uint8, 0)}
MAX_LOAD = 0.7  # hash tables grow (double) beyond this share of used slots: linear probing stays short (~2 probes
# to find a key, ~6 to miss one) while the band table, the largest, takes ~1/3 less memory than at 0.5


class Match(NamedTuple):
    """A stored document the new one duplicates: ``kind`` is exact, near-duplicate or contains (or ``RECURRING``:
    the same wording with other figures, not a duplicate). (A named tuple:
    a reprint-heavy corpus makes millions, and a frozen dataclass costs several times more to build.)"""

    other: str
    kind: str
    score: float
    evidence: str
    ratio: float = 1.0  # size of the smaller text over the larger (shingles); small for an article inside a digest
    jaccard: float = 1.0  # exact shingle Jaccard (1 for an exact copy, 0 when only the leads were compared)
    contained: float = 1.0  # share of the smaller text's shingles (or a cut lead's words) found in the other


_BASE = np.uint64(0x100000001B3)
# the position weights of the word hash, as format 3 defined them (the cumulative product, wrapped mod 2^64,
# divided by the base: not the powers themselves once they wrap, but fixed, and the stored hashes depend on them)
_POW = np.cumprod(np.full(64, _BASE, dtype=np.uint64)) // _BASE
_S33 = np.uint64(33)
_LOW32 = np.uint64(0xFFFFFFFF)


def _pow(n: int) -> np.ndarray:
    global _POW
    with np.errstate(over="ignore"):  # wraps mod 2^64 by design
        while len(_POW) < n:
            _POW = np.concatenate((_POW, _POW * (_POW[-1] * _BASE)))
    return _POW


def _utf32_word_hashes(text: str) -> np.ndarray:
    c = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # (a lone surrogate too)
    h = kernels.word_hashes(c, _POW)
    while not len(h):  # a word longer than the weights: more weights
        h = kernels.word_hashes(c, _pow(2 * len(_POW)))
    return h


def word_hashes(words: list[str], joined: str | None = None) -> np.ndarray:
    """32-bit hashes (as uint64) of each word: a polynomial hash of the word's code points, mixed (compiled,
    one pass over the UTF-32 text). ``joined``: the words joined by spaces, if at hand."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    text = " ".join(words) if joined is None else joined
    h = _utf32_word_hashes(text)
    if len(h) != len(words):  # a word with a space in it (not from ``tokens``): one at a time
        return np.array([zlib.crc32(w.encode("utf-8")) or 1 for w in words], dtype=np.uint64)
    return h


def _trigram_hashes(wh: np.ndarray) -> np.ndarray:
    h = (wh[:-2] * np.uint64(0x9E3779B1) + wh[1:-1] * np.uint64(0x85EBCA77) + wh[2:]) & _LOW32
    h[h == 0] = 1  # never 0: 0 marks an empty slot of the verification table
    return h


def shingle_hashes(wh: np.ndarray) -> np.ndarray:
    """32-bit hashes of the word 3-grams, mixed from the word hashes in numpy (no 3-gram strings are built);
    a text under three words is one shingle."""
    if len(wh) < 3:
        if not len(wh):
            return np.zeros(0, dtype=np.uint64)
        return np.array([int(wh.sum()) & 0xFFFFFFFF or 1], dtype=np.uint64)
    return _trigram_hashes(wh)


_SALT = np.arange(NUM_BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def _band_key_matrix(sigs: np.ndarray) -> np.ndarray:
    """Band keys of many signatures at once (rows mixed, band index salted so that one table holds all bands):
    shape (documents, NUM_BANDS)."""
    rows = np.ascontiguousarray(sigs, dtype=np.uint32).view(np.uint64).reshape(len(sigs), NUM_BANDS, -1)
    k = np.broadcast_to(_SALT, rows.shape[:2])
    for r in range(rows.shape[2]):  # 2 rows per uint64
        k = (k ^ rows[:, :, r]) * _BASE
    return k ^ (k >> _S33)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 64-bit key per LSH band."""
    return _band_key_matrix(sig.reshape(1, -1))[0].tolist()


def _lead_key(words: list[str]) -> int | None:
    if len(words) < LEAD_KEY:
        return None
    return zlib.crc32(" ".join(words[:LEAD_KEY]).encode("utf-8"))


_NO_KEYS = np.zeros(0, dtype=np.uint64)
_NO_FIGS = np.zeros(0, dtype=np.uint32)


class Prepared(NamedTuple):
    """What one document contributes to the index, computed from the document alone (see :func:`prepare`)."""

    key: str  # exact key (= normalize.text_key(words))
    sset: np.ndarray  # sorted unique shingle hashes (uint32)
    sig: np.ndarray  # MinHash signature (uint32, NUM_PERM)
    bkeys: np.ndarray  # LSH band keys (uint64; none for a text without shingles)
    anchors: np.ndarray  # anchor shingle hashes (uint64, unique)
    lead: np.ndarray  # word hashes of the body lead (uint32, LEAD_WORDS, 0-padded)
    lead_n: int
    lkey: int | None  # lead key (first LEAD_KEY body words)
    figs: np.ndarray  # hashes of the quantities it states (uint32, sorted unique)


def figure_hashes(figures: list[str]) -> np.ndarray:
    """The figures as sorted unique 32-bit hashes: the compiled verification compares them by a merge."""
    if not figures:
        return _NO_FIGS
    return np.array(sorted({zlib.crc32(f.encode()) for f in figures}), dtype=np.uint32)  # (np.unique: ~3x the time)


def prepare(docs: Sequence[StoryDoc], shingle_words: dict[str, list[str]] | None = None,
            figures: dict[str, list[str]] | None = None) -> list[Prepared]:
    """Index features of a batch: word hashes of all its words and the shingle sets of all its documents in
    one compiled pass each, all MinHash signatures in one rensa call, band keys and anchors vectorised.

    ``shingle_words``: for some documents (by id), the words their shingles, MinHash and anchors are made of
    instead of all their words: a site's navigation and footer left out (:mod:`vestnik.stories.template`), so that
    two articles of one site are not near-duplicates by their chrome. The exact key and the lead stay whole.
    ``figures``: likewise, the figures stated outside the chrome, for some documents (the others: all theirs)."""
    n = len(docs)
    alt = shingle_words or {}
    alt_figs = figures or {}
    src = [alt.get(d.id, d.words) for d in docs]
    joined = [" ".join(w) for w in src]
    counts = np.fromiter((len(w) for w in src), dtype=np.int64, count=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    total = int(starts[-1])
    wh_all = None
    if total:
        text = " ".join(j for j, m in zip(joined, counts.tolist(), strict=True) if m)
        wh_all = _utf32_word_hashes(text)
    if wh_all is None or len(wh_all) != total:  # none, or a word with a space in it: one document at a time
        wh_all = np.concatenate([word_hashes(w, j) for w, j in zip(src, joined, strict=True)]
                                + [np.zeros(0, dtype=np.uint64)])
    if alt:  # the exact key and the lead come from all the words
        joined = [" ".join(d.words) if d.id in alt else j for d, j in zip(docs, joined, strict=True)]
    flat, offs = kernels.shingle_sets(wh_all, starts)
    sizes = np.diff(offs)
    if len(flat):
        m = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat.astype(np.uint64), offs.tolist(), NUM_PERM,
                                                                  SEED)
        sigs = np.array(m.to_rows(), dtype=np.uint32).reshape(n, NUM_PERM)
        sigs[sizes == 0] = 0
    else:
        sigs = np.zeros((n, NUM_PERM), dtype=np.uint32)
    bks = _band_key_matrix(sigs)
    bks[bks == 0] = 1  # 0 marks an empty slot of the band table
    is_anchor = flat % np.uint32(ANCHOR_MOD) == 0
    a_cum = np.zeros(len(flat) + 1, dtype=np.intp)
    np.cumsum(is_anchor, out=a_cum[1:])
    a_start = a_cum[offs].tolist()  # anchors of document i: a_all[a_start[i] : a_start[i + 1]]
    offs = offs.tolist()
    a_all = flat[is_anchor].astype(np.uint64)
    leads = np.zeros((n, LEAD_WORDS), dtype=np.uint32)
    out = []
    for i, d in enumerate(docs):
        words, m, s = d.words, int(counts[i]), int(starts[i])
        wh, m_sh = wh_all, m
        if d.id in alt:  # the lead from all the words (the headline is never masked, so body_start holds)
            wh, m, s = word_hashes(words, joined[i]), len(words), 0
        body = d.body_start if d.body_start < m else 0
        lead_src = wh[s + body : s + m - 1] if d.truncated else wh[s + body : s + m]
        lead_n = min(LEAD_WORDS, len(lead_src))
        leads[i, :lead_n] = lead_src[:lead_n]
        out.append(Prepared(hashlib.blake2b(joined[i].encode("utf-8"), digest_size=12).hexdigest(),
                            flat[offs[i] : offs[i + 1]],
                            sigs[i], bks[i] if sizes[i] else _NO_KEYS,
                            a_all[a_start[i] : a_start[i + 1]] if m_sh >= 3 else _NO_KEYS,
                            leads[i], lead_n, _lead_key(words[body : body + LEAD_KEY]),
                            figure_hashes(alt_figs.get(d.id, d.figures))))
    return out


class DedupIndex:
    """Exact + near-duplicate + containment index over documents, grown one document at a time.

    ``near``: shingle Jaccard from which two texts are near-duplicates. ``contain``: share of the smaller
    text's shingles found in the larger one from which the larger one contains it (a reprint with paragraphs
    added or cut). ``lead``: share of a cut text's words found in an article's lead. MinHash LSH and anchors
    only propose candidates; every candidate is verified on the exact shingle-hash sets (sorted arrays), so
    MinHash estimation noise at the thresholds no longer decides. The LSH tables, anchor postings and shingle
    sets are flat numpy arrays searched by compiled loops (:mod:`vestnik.stories.kernels`).
    """

    def __init__(self, near: float = NEAR, contain: float = CONTAIN, lead: float = 0.9, min_shingles: int = 8) -> None:
        self.near, self.contain, self.lead_share, self.min_shingles = near, contain, lead, min_shingles
        self.ids: list[str] = []
        # multimaps hold a lone document as a plain int and a list only from the second one on: most keys
        # have one document, and fewer container objects mean less memory and less garbage-collector work
        self.exact: dict[str, int | list[int]] = {}
        self.lead_all: dict[int, int | list[int]] = {}
        self.lead_cut: dict[int, int | list[int]] = {}
        self._cut: set[int] = set()
        cap = 256
        self._sigs = np.zeros((cap, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(cap, dtype=np.uint32)
        self._leads = np.zeros((cap, LEAD_WORDS), dtype=np.uint32)
        self._lead_len = np.zeros(cap, dtype=np.uint16)
        self._n_anchors = np.zeros(cap, dtype=np.uint32)
        self._band_next = np.full((cap, NUM_BANDS), -1, dtype=np.int32)
        self._ekey = np.zeros((cap, 12), dtype=np.uint8)
        self._lkey = np.full(cap, -1, dtype=np.int64)
        self._trunc = np.zeros(cap, dtype=np.uint8)
        self._set_off = np.zeros(cap + 1, dtype=np.int64)
        self._set_flat = np.zeros(cap * 256, dtype=np.uint32)
        self._fig_off = np.zeros(cap + 1, dtype=np.int64)  # document i's figures: _fig_flat[_fig_off[i] : ...[i + 1]]
        self._fig_flat = np.zeros(cap * 4, dtype=np.uint32)
        self._band_keys = np.zeros(1 << 14, dtype=np.uint64)  # band key -> latest document (_band_head)
        self._band_head = np.full(1 << 14, -1, dtype=np.int32)
        self._anc_keys = np.zeros(1 << 14, dtype=np.uint64)  # anchor -> its posting in _arena
        self._anc_off = np.zeros(1 << 14, dtype=np.int64)
        self._anc_len = np.zeros(1 << 14, dtype=np.int32)
        self._arena = np.zeros(cap * 64, dtype=np.int32)
        self._meta = np.zeros(3, dtype=np.int64)  # band keys used, anchor keys used, arena used
        self._scratch()

    def _scratch(self) -> None:
        cap = len(self._sizes)
        self._stamp = np.zeros(cap, dtype=np.int64)
        self._cnt = np.zeros(cap, dtype=np.int32)
        self._qid = 1

    @property
    def _reach(self) -> float:
        """The lowest containment a verified match can have: a pair at Jaccard ``near`` of equal sizes has
        containment 2·near/(1+near), below ``contain`` when ``near`` is low; the anchor pre-filter is scaled to it."""
        return min(self.contain, 2 * self.near / (1 + self.near))

    def __len__(self) -> int:
        return len(self.ids)

    def shingle_set(self, i: int) -> np.ndarray:
        """Sorted unique shingle hashes of stored document ``i``."""
        return self._set_flat[self._set_off[i] : self._set_off[i + 1]]

    def _room(self, n_sh: int, n_anchors: int, n_figs: int = 0) -> None:
        """Grow the arrays (doubling) so that one more document with these counts fits."""
        i = len(self.ids)
        if i >= len(self._sizes):
            cap = 2 * len(self._sizes)
            self._sigs = _resized(self._sigs, cap)
            self._sizes = _resized(self._sizes, cap)
            self._leads = _resized(self._leads, cap)
            self._lead_len = _resized(self._lead_len, cap)
            self._n_anchors = _resized(self._n_anchors, cap)
            self._band_next = _resized(self._band_next, cap, -1)
            self._ekey = _resized(self._ekey, cap)
            self._lkey = _resized(self._lkey, cap, -1)
            self._trunc = _resized(self._trunc, cap)
            self._set_off = _resized(self._set_off, cap + 1)
            self._fig_off = _resized(self._fig_off, cap + 1)
            stamp = np.zeros(cap, dtype=np.int64)
            stamp[: len(self._stamp)] = self._stamp
            self._stamp, self._cnt = stamp, np.zeros(cap, dtype=np.int32)
        need = int(self._set_off[i]) + n_sh
        if need > len(self._set_flat):
            self._set_flat = _resized(self._set_flat, max(need, 2 * len(self._set_flat)))
        need = int(self._fig_off[i]) + n_figs
        if need > len(self._fig_flat):
            self._fig_flat = _resized(self._fig_flat, max(need, 2 * len(self._fig_flat)))
        self._room_tables(n_anchors)

    def _room_tables(self, n_anchors: int) -> None:
        """Grow the hash tables and the postings' arena so that one more document's keys fit."""
        need = int(self._meta[2]) + ANCHOR_CAP * n_anchors
        if need > len(self._arena):
            self._arena = _resized(self._arena, max(need, 2 * len(self._arena)))
        while int(self._meta[0]) + NUM_BANDS > MAX_LOAD * len(self._band_keys):
            self._band_keys, (self._band_head,) = _grown_table(self._band_keys, [self._band_head], (-1,))
        while int(self._meta[1]) + n_anchors > MAX_LOAD * len(self._anc_keys):
            self._anc_keys, (self._anc_off, self._anc_len) = _grown_table(self._anc_keys,
                                                                          [self._anc_off, self._anc_len], (0, 0))

    def add(self, sd: StoryDoc, prepared: Prepared | None = None) -> list[Match]:
        """Compare ``sd`` with every stored document, then store it; returns the duplicates found.
        ``prepared``: its features from :func:`prepare`, if computed with a batch."""
        p = prepared if prepared is not None else prepare([sd])[0]
        found = self.query(p, sd.truncated)
        self.insert(sd.id, sd.truncated, p)
        if len(found) < 2:
            return list(found.values())
        return [m for _, _, m in sorted((-m.score, m.other, m) for m in found.values())]

    def query(self, p: Prepared, truncated: bool) -> dict[int, Match]:
        """The stored documents a document with these features duplicates, by their index, without storing it
        (``vestnik.stories.distributed`` queries a shard's index with every document of a corpus)."""
        sset = p.sset
        ids = self.ids
        found: dict[int, Match] = {}
        exact = self.exact.get(p.key)
        skip = _NONE
        if exact is not None:
            holders = _members(exact)
            for j in holders[:CHAIN_CAP]:
                found[j] = Match(ids[j], "exact", 1.0, "normalised-text-hash")
            # The newest holders are the ones an LSH chain walk reaches (every copy is on all of its chains, and an
            # anchor held by more than ANCHOR_CAP <= CHAIN_CAP documents proposes none): left out too, they are not
            # verified again (~8 ms per 15 KB copy) only to be cut by MATCH_CAP after the first holders' matches.
            skip = np.array(sorted({*holders[:CHAIN_CAP], *holders[-CHAIN_CAP:]}), dtype=np.int64)
        qid = self._qid
        self._qid += 2
        res = kernels.query(p.bkeys, p.sig, sset, p.anchors, skip,
                            self._band_keys, self._band_head, self._band_next, self._sigs, self._sizes,
                            self._anc_keys, self._anc_off, self._anc_len, self._arena, self._n_anchors,
                            self._set_off, self._set_flat, self._stamp, self._cnt, qid,
                            self.near, self.contain, self.min_shingles, ANCHOR_CUT * self._reach, ANCHOR_MIN,
                            ANCHOR_CAP, LSH_JACCARD_CUT * self.near / 0.5, LSH_CONTAIN_CUT * self.contain / 0.8,
                            p.figs, self._fig_off, self._fig_flat, FIGURES_MIN, FIGURES_SHARED, CHAIN_CAP)
        if len(res[0]):  # a reprint-heavy corpus has dozens per document: built in bulk, no per-match rounding
            js, near, jac, cont, size, other = res
            n_a = len(sset)
            ratio = np.round(np.minimum(size, n_a) / np.maximum(np.maximum(size, n_a), 1), 3).tolist()
            for j, nd, jc, ct, r, o in zip(js.tolist(), near.tolist(), np.round(jac, 3).tolist(),
                                           np.round(cont, 3).tolist(), ratio, other.tolist(), strict=True):
                found[j] = (Match(ids[j], RECURRING, jc, "shingle-jaccard+other-figures", r, jc, ct) if o
                            else Match(ids[j], "near-duplicate", jc, "shingle-jaccard", r, jc, ct) if nd
                            else Match(ids[j], "contains", ct, "shingle-containment", r, jc, ct))
        if p.lkey is not None:
            pool = self.lead_all.get(p.lkey) if truncated else self.lead_cut.get(p.lkey)
            if pool is not None:
                self._lead_matches(_members(pool)[-CHAIN_CAP:], p, truncated, found)
        if len(found) > MATCH_CAP:  # (a family of near-identical pages: its strongest, earliest members)
            keep = sorted(found, key=lambda j: (-found[j].score, found[j].kind != "exact", j))[:MATCH_CAP]
            found = {j: found[j] for j in sorted(keep)}
        return found

    def add_many(self, docs: Iterable[StoryDoc], batch: int = BATCH) -> list[list[Match]]:
        """``add`` each document in turn (each is compared with all earlier ones, its batch included), with
        the per-document features prepared ``batch`` documents at a time."""
        out: list[list[Match]] = []
        chunk: list[StoryDoc] = []
        with no_cyclic_gc():
            for d in docs:
                chunk.append(d)
                if len(chunk) >= batch:
                    out += [self.add(x, p) for x, p in zip(chunk, prepare(chunk), strict=True)]
                    chunk = []
            if chunk:
                out += [self.add(x, p) for x, p in zip(chunk, prepare(chunk), strict=True)]
        return out

    def _lead_matches(self, pool: list[int] | tuple[int, ...], p: Prepared, truncated: bool,
                      found: dict[int, Match]) -> None:
        """Cut texts and the leads of full ones: share of the cut text's lead words found in the full lead,
        for all documents of the lead key at once. A cut text is judged by this containment, not by the Jaccard
        of its shingles: it replaces a shingle match that found less of the cut text."""
        members = [j for j in pool if (j not in found or found[j].kind not in ("exact", RECURRING))
                   and not self._other_figures(p.figs, j)]
        if not members:
            return
        share = kernels.lead_shares(np.array(members, dtype=np.int64), self._leads, self._lead_len, p.lead, p.lead_n,
                                    truncated, LEAD_KEY)
        ids = self.ids
        for j, s in zip(members, share.tolist(), strict=True):
            if s >= self.lead_share and (j not in found or found[j].contained < s):
                found[j] = Match(ids[j], "contains", round(s, 3), "lead-containment", 1.0, 0.0, round(s, 3))

    def _other_figures(self, figs: np.ndarray, j: int) -> bool:
        """The kernel's recurring-report test for one stored document (the rare lead-key path)."""
        theirs = self._fig_flat[self._fig_off[j] : self._fig_off[j + 1]]
        if min(len(figs), len(theirs)) < FIGURES_MIN:
            return False
        shared = len(np.intersect1d(figs, theirs, assume_unique=True))
        return shared < FIGURES_SHARED * min(len(figs), len(theirs))

    def insert(self, doc_id: str, truncated: bool, p: Prepared) -> int:
        """Store a document without looking it up (``add`` looks up first; a shard's index in
        ``vestnik.stories.distributed`` is filled this way); returns its index."""
        self._room(len(p.sset), len(p.anchors), len(p.figs))
        i = len(self.ids)
        o = int(self._fig_off[i])
        self._fig_flat[o : o + len(p.figs)] = p.figs
        self._fig_off[i + 1] = o + len(p.figs)
        kernels.insert(i, p.bkeys, p.anchors, p.sset, self._band_keys, self._band_head, self._band_next,
                       self._anc_keys, self._anc_off, self._anc_len, self._arena, self._set_off, self._set_flat,
                       self._meta, ANCHOR_CAP)
        self.ids.append(doc_id)
        self._sigs[i] = p.sig
        self._sizes[i] = len(p.sset)
        self._n_anchors[i] = len(p.anchors)
        self._leads[i] = p.lead
        self._lead_len[i] = max(0, p.lead_n)
        self._ekey[i] = np.frombuffer(bytes.fromhex(p.key), dtype=np.uint8)
        self._lkey[i] = -1 if p.lkey is None else p.lkey
        self._trunc[i] = truncated
        self._keys(i, p.key, p.lkey, truncated)
        return i

    def _keys(self, i: int, key: str, lkey: int | None, truncated: bool) -> None:
        _put(self.exact, key, i)
        if lkey is not None:
            _put(self.lead_all, lkey, i)
            if truncated:
                _put(self.lead_cut, lkey, i)
                self._cut.add(i)

    def replayable(self, start: int) -> bool:
        """Whether documents ``start`` onwards can be put into the tables again from their rows alone (rows
        saved before stop 23 lack their keys)."""
        return not (self._ekey[start : len(self.ids)] == 0).all(axis=1).any()

    def replay(self, start: int) -> None:
        """Put documents ``start`` onwards, whose rows are loaded, into the hash tables, postings and key maps of a
        head saved when the index held ``start`` documents: the index as it was after them (the same insertions in
        the same order; their band keys and anchors come again from their signatures and shingle sets). A saved
        state need not rewrite its head, which any insertion changes, at every save (:mod:`~vestnik.stories.state`)."""
        n = len(self.ids)
        if start >= n:
            return
        if not self.replayable(start):
            raise ValueError(f"documents {start}..{n - 1} have no keys in their rows: the head must cover them")
        bks = _band_key_matrix(self._sigs[start:n])
        bks[bks == 0] = 1  # (as prepare)
        # anchors as prepare chose them: the shingles 0 mod ANCHOR_MOD, for a text that had any (n_anchors)
        offs = self._set_off[start : n + 1]
        flat = self._set_flat[offs[0] : offs[-1]]
        is_anchor = flat % np.uint32(ANCHOR_MOD) == 0
        cum = np.zeros(len(flat) + 1, dtype=np.int64)
        np.cumsum(is_anchor, out=cum[1:])
        per_doc = cum[offs - offs[0]]
        keep = np.repeat(self._n_anchors[start:n] > 0, np.diff(per_doc))
        anchors = flat[is_anchor][keep].astype(np.uint64)
        anc_start = np.zeros(n - start + 1, dtype=np.int64)
        np.cumsum(np.where(self._n_anchors[start:n] > 0, np.diff(per_doc), 0), out=anc_start[1:])
        has_bands = self._sizes[start:n] > 0
        i = start
        while i < n:
            i = kernels.replay(i, n, bks[i - start :], has_bands[i - start :], anchors, anc_start[i - start :],
                               self._band_keys, self._band_head, self._band_next, self._anc_keys, self._anc_off,
                               self._anc_len, self._arena, self._set_off, self._set_flat, self._meta, ANCHOR_CAP,
                               MAX_LOAD)
            if i < n:  # the tables grow as they did when document i was first inserted
                self._room_tables(int(anc_start[i - start + 1] - anc_start[i - start]))
        ekeys = self._ekey[start:n].tobytes()
        for k, (lkey, cut) in enumerate(zip(self._lkey[start:n].tolist(), self._trunc[start:n].tolist(),
                                            strict=True)):
            self._keys(start + k, ekeys[12 * k : 12 * k + 12].hex(), None if lkey < 0 else lkey, bool(cut))

    # persistence: one state dictionary for ``save``/``load`` and for pickling inside the stories state

    def _state(self) -> dict:
        return self.join(self.head(), [self.rows(0, len(self.ids))])

    def head(self) -> dict:
        """The state without the documents' rows (:meth:`rows`): the hash tables, postings and key maps, which any
        insertion may change anywhere (views, to be pickled before the index changes)."""
        return {"version": FORMAT_VERSION, "params": (self.near, self.contain, self.lead_share, self.min_shingles),
                "exact": self.exact, "lead_all": self.lead_all, "lead_cut": self.lead_cut, "cut": self._cut,
                "band_keys": self._band_keys, "band_head": self._band_head, "anc_keys": self._anc_keys,
                "anc_off": self._anc_off, "anc_len": self._anc_len, "arena": self._arena[: self._meta[2]],
                "meta": self._meta}

    def rows(self, a: int, b: int) -> dict:
        """Documents ``a`` to ``b - 1`` as stored (views): rows an insertion appends and never changes again, so
        that a saved segment of them stays valid (:mod:`vestnik.stories.state`)."""
        so, fo = self._set_off, self._fig_off
        return {"ids": self.ids[a:b], **{k: getattr(self, "_" + k)[a:b] for k in _ROWS},
                "set_end": so[a + 1 : b + 1], "set_flat": self._set_flat[so[a] : so[b]],
                "fig_end": fo[a + 1 : b + 1], "fig_flat": self._fig_flat[fo[a] : fo[b]]}

    @staticmethod
    def join(head: dict, rows: list[dict]) -> dict:
        """The state :meth:`_restore` reads, from a head and the rows of every document in order."""
        rows = [_with_keys(r) for r in rows] or [DedupIndex().rows(0, 0)]
        state = dict(head)
        state["ids"] = [i for r in rows for i in r["ids"]]
        for k in (*_ROWS, "set_flat", "fig_flat"):
            state[k] = np.concatenate([r[k] for r in rows])
        for k in ("set", "fig"):
            state[k + "_off"] = np.concatenate([np.zeros(1, dtype=np.int64), *(r[k + "_end"] for r in rows)])
        return state

    @classmethod
    def from_parts(cls, head: dict, rows: list[dict]) -> DedupIndex:
        idx = cls.__new__(cls)
        idx._restore(cls.join(head, rows))
        return idx

    def _restore(self, state: dict) -> None:
        if state.get("version") == 3:
            state = _upgrade3(state)
        self.near, self.contain, self.lead_share, self.min_shingles = state["params"]
        if (self.near, self.contain) in _OLD_DEFAULTS:  # earlier defaults: today's defaults apply (the
            self.near, self.contain = NEAR, CONTAIN  # stored shingle sets are exact, any threshold reads them)
        self.ids, self.exact, self.lead_all, self.lead_cut = state["ids"], state["exact"], state["lead_all"], \
            state["lead_cut"]
        self._cut = state["cut"]
        cap = max(256, len(self.ids))
        self._sigs = _sized(state["sigs"], cap)
        self._sizes = _sized(state["sizes"], cap)
        self._leads = _sized(state["leads"], cap)
        self._lead_len = _sized(state["lead_len"], cap)
        self._n_anchors = _sized(state["n_anchors"], cap)
        self._band_next = _sized(state["band_next"], cap, -1)
        keys = _with_keys({k: state[k] for k in ("ids", *_ROW_DEFAULTS) if k in state})
        self._ekey = _sized(keys["ekey"], cap)
        self._lkey = _sized(keys["lkey"], cap, -1)
        self._trunc = _sized(keys["trunc"], cap)
        self._set_off = _sized(state["set_off"], cap + 1)
        self._set_flat = _sized(state["set_flat"], max(1024, len(state["set_flat"])))
        # format 4 had no figures: its documents state none (never a recurring report)
        self._fig_off = _sized(state.get("fig_off", np.zeros(len(self.ids) + 1, dtype=np.int64)), cap + 1)
        self._fig_flat = _sized(state.get("fig_flat", _NO_FIGS), max(1024, len(state.get("fig_flat", ()))))
        self._band_keys, self._band_head = state["band_keys"], state["band_head"]
        self._anc_keys, self._anc_off, self._anc_len = state["anc_keys"], state["anc_off"], state["anc_len"]
        self._arena = _sized(state["arena"], max(1024, len(state["arena"])))
        self._meta = np.array(state["meta"], dtype=np.int64)
        self._scratch()

    def __getstate__(self) -> dict:
        return self._state()

    def __setstate__(self, state: dict) -> None:
        if "version" not in state:  # a format-3 index pickled by attribute inside an older stories state
            state = {"version": 3, "params": (state["near"], state["contain"], state["lead_share"],
                                              state["min_shingles"]),
                     "ids": state["ids"], "exact": state["exact"], "bands": state["bands"], "next": state["_next"],
                     "sets": state["_sets"], "sigs": state["_sigs"][: len(state["ids"])],
                     "sizes": state["_sizes"][: len(state["ids"])], "leads": state["_leads"][: len(state["ids"])],
                     "lead_len": state["_lead_len"][: len(state["ids"])], "lead_all": state["lead_all"],
                     "lead_cut": state["lead_cut"], "cut": state["_cut"], "anchors": state["anchors"],
                     "n_anchors": state["_n_anchors"][: len(state["ids"])]}
        self._restore(state)

    def save(self, path: str | Path) -> None:
        """Write the index next to the store (atomic: a crash leaves the previous file)."""
        tmp = Path(str(path) + ".tmp")
        with tmp.open("wb") as f:
            pickle.dump(self._state(), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> DedupIndex:
        """Read a saved index; a format-3 or -4 file is converted (same documents, same answers)."""
        with Path(path).open("rb") as f:
            state = pickle.load(f)
        if state.get("version") not in (3, 4, FORMAT_VERSION):
            raise ValueError(f"{path}: duplicate index format {state.get('version')}, expected {FORMAT_VERSION}; "
                             "delete the file and run `vestnik stories` again to rebuild it")
        idx = cls.__new__(cls)
        idx._restore(state)
        return idx



_NONE = np.zeros(0, dtype=np.int64)


def _with_keys(rows: dict) -> dict:
    """Rows saved before stop 23 (no documents' keys): with keys that say "unknown" (see ``_ROWS``)."""
    missing = [k for k in _ROW_DEFAULTS if k not in rows]
    if not missing:
        return rows
    m = len(rows["ids"])
    return {**rows, **{k: np.full((m, *_ROW_DEFAULTS[k][0]), _ROW_DEFAULTS[k][2], dtype=_ROW_DEFAULTS[k][1])
                       for k in missing}}


def _resized(a: np.ndarray, n: int, fill: int = 0) -> np.ndarray:
    """``a`` with ``n`` rows: cut, or padded with ``fill``."""
    # zeros come from the allocator untouched: spare capacity costs address space, not resident memory
    out = np.zeros((n, *a.shape[1:]), dtype=a.dtype) if fill == 0 else np.full((n, *a.shape[1:]), fill, dtype=a.dtype)
    m = min(n, len(a))
    out[:m] = a[:m]
    return out


def _sized(a: np.ndarray, n: int, fill: int = 0) -> np.ndarray:
    """``a`` itself when it already has ``n`` rows and can be written (an array just unpickled or joined from a
    state's parts: :meth:`DedupIndex._restore` copied it once more for nothing), else :func:`_resized`."""
    if len(a) == n and a.flags.writeable and a.flags.c_contiguous:
        return a
    return _resized(a, n, fill)


def _grown_table(keys: np.ndarray, values: list[np.ndarray], fills: tuple[int, ...]
                 ) -> tuple[np.ndarray, list[np.ndarray]]:
    """The hash table at twice the size, keys rehashed and values moved with them."""
    new = np.zeros(2 * len(keys), dtype=np.uint64)
    where = kernels.rehash(keys, new)
    used = where >= 0
    out = []
    for v, fill in zip(values, fills, strict=True):
        nv = np.full(len(new), fill, dtype=v.dtype)
        nv[where[used]] = v[used]
        out.append(nv)
    return new, out


def _upgrade3(s: dict) -> dict:
    """A format-3 state (Python dictionaries of band heads and anchor postings, a list of shingle arrays) in
    format 4: the same documents, chains and postings in the flat arrays."""
    n = len(s["ids"])
    idx = DedupIndex(*s["params"])
    for name in ("sigs", "sizes", "leads", "lead_len", "n_anchors"):
        setattr(idx, "_" + name, _resized(np.asarray(s[name])[:n], max(256, n)))
    idx._band_next = _resized(np.asarray(s["next"], dtype=np.int32)[:n], max(256, n), -1)
    unknown = _with_keys({"ids": s["ids"]})  # (unknown: such a state's first save writes its head)
    idx._ekey, idx._lkey, idx._trunc = (_resized(unknown[k], max(256, n), f) for k, f in (("ekey", 0), ("lkey", -1),
                                                                                          ("trunc", 0)))
    sizes = np.fromiter((len(x) for x in s["sets"]), dtype=np.int64, count=n)
    idx._set_off = np.zeros(max(256, n) + 1, dtype=np.int64)
    np.cumsum(sizes, out=idx._set_off[1 : n + 1])
    idx._set_off[n + 1 :] = idx._set_off[n]
    idx._set_flat = np.concatenate([np.asarray(x, dtype=np.uint32) for x in s["sets"]] + [np.zeros(1024, np.uint32)])
    idx._fig_off = np.zeros(max(256, n) + 1, dtype=np.int64)  # no figures before format 5
    bands = s["bands"]
    size = 1 << max(14, (2 * len(bands)).bit_length())
    idx._band_keys = np.zeros(size, dtype=np.uint64)
    idx._band_head = np.full(size, -1, dtype=np.int32)
    if bands:
        keys = np.fromiter(bands.keys(), dtype=np.uint64, count=len(bands))
        keys[keys == 0] = 1
        where = kernels.rehash(keys, idx._band_keys)
        idx._band_head[where] = np.fromiter(bands.values(), dtype=np.int32, count=len(bands))
    posts = s["anchors"]
    size = 1 << max(14, (2 * len(posts)).bit_length())
    idx._anc_keys = np.zeros(size, dtype=np.uint64)
    idx._anc_off = np.zeros(size, dtype=np.int64)
    idx._anc_len = np.zeros(size, dtype=np.int32)
    lens = [1 if type(v) is int else len(v) for v in posts.values()]
    caps = [max(2, 1 << (x - 1).bit_length()) for x in lens]  # the block size insertion would have given it
    offs = np.zeros(len(lens) + 1, dtype=np.int64)
    np.cumsum(caps, out=offs[1:])
    arena = np.zeros(int(offs[-1]) + 1024, dtype=np.int32)
    for o, v in zip(offs.tolist(), posts.values(), strict=False):
        if type(v) is int:
            arena[o] = v
        else:
            arena[o : o + len(v)] = np.frombuffer(v, dtype=np.int32) if isinstance(v, array) else v
    if posts:
        keys = np.fromiter(posts.keys(), dtype=np.uint64, count=len(posts))
        where = kernels.rehash(keys, idx._anc_keys)
        idx._anc_off[where] = offs[:-1]
        idx._anc_len[where] = lens
    idx._arena = arena
    idx._meta = np.array([len(bands), len(posts), int(offs[-1])], dtype=np.int64)
    idx.ids, idx.exact, idx.lead_all, idx.lead_cut, idx._cut = (s["ids"], s["exact"], s["lead_all"], s["lead_cut"],
                                                               s["cut"])
    return idx._state()


def _members(v: int | list[int] | None) -> list[int] | tuple[int, ...]:
    """The documents of a multimap value (None, one int, or a list)."""
    if v is None:
        return ()
    return (v,) if type(v) is int else v  # type: ignore[return-value]


def _put(m: dict, key: object, i: int) -> None:
    v = m.get(key)
    if v is None:
        m[key] = i
    elif type(v) is int:
        m[key] = [v, i]
    else:
        v.append(i)
