"""The corpus duplicate index: exact hashes, MinHash LSH and lead keys, incremental and persistent.

A new document is compared with everything stored in sub-linear time: an exact-key dictionary lookup, one
LSH query (32 band lookups in one dictionary, band keys mixed from rensa's MinHash digest), anchor postings and
one lead-key lookup; then all candidates are verified at once on the exact sets of their word-3-gram hashes
(stored sorted; a binary search per hash), so the Jaccard/containment thresholds are applied to true values, not
to MinHash estimates. Shingles are never built as strings: word hashes are computed for the whole text at once in
numpy (a polynomial hash over the UTF-32 code points of each word) and mixed into 3-gram hashes. Cut teasers and leads ("...") share few shingles with their full article, so Jaccard cannot link
them; they are found by the key of their first words and verified by containment of their words in the
article's lead. A whole article reprinted inside a longer one (a digest, an expanded version) is found through
anchors: the shingles whose hash is 0 modulo ``ANCHOR_MOD``. The sampling depends on content only, so the
anchors of a contained text are anchors of the container too, and the share of shared anchors estimates
containment (an inverted index over anchors, as in winnowing-based copy detection).
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vestnik.stories.features import StoryDoc
from vestnik.stories.minhash import NUM_BANDS, NUM_PERM, signature_of_hashes

FORMAT_VERSION = 3  # 3: numpy word hashes, band keys, shingle hash never 0 (format-2 hashes differ)
LEAD_WORDS = 48  # words of each body lead kept for containment checks
LEAD_KEY = 8  # words hashed into the lead key
ANCHOR_MOD = 6  # a shingle whose hash is 0 mod this is an anchor (content-defined sampling, ~1/6 of shingles)
ANCHOR_MIN = 3  # anchors the smaller text needs before its containment is trusted
ANCHOR_CAP = 256  # an anchor shared by more documents is boilerplate: no longer indexed or counted
ANCHOR_CUT = 0.75  # anchor candidates need this share of the containment threshold in shared anchors
TABLE_BITS = 16  # direct-mapped table of the new document's shingle hashes (256 KiB: stays in cache)
LSH_JACCARD_CUT = 0.3  # an LSH candidate (not also an anchor candidate) is verified only when its MinHash
LSH_CONTAIN_CUT = 0.5  # estimate reaches one of these (estimate s.d. at Jaccard 0.5: 0.044; cuts far below)


@dataclass(frozen=True)
class Match:
    """A stored document the new one duplicates: ``kind`` is exact, near-duplicate or contains."""

    other: str
    kind: str
    score: float
    evidence: str
    ratio: float = 1.0  # size of the smaller text over the larger (shingles); small for an article inside a digest


_BASE = np.uint64(0x100000001B3)
_POW = np.cumprod(np.full(64, _BASE, dtype=np.uint64)) // _BASE  # _BASE ** i modulo 2**64: 1, B, B², ...
_M1, _M2, _S33 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53), np.uint64(33)
_LOW32 = np.uint64(0xFFFFFFFF)


def _pow(n: int) -> np.ndarray:
    global _POW
    while len(_POW) < n:
        _POW = np.concatenate((_POW, _POW * (_POW[-1] * _BASE)))
    return _POW


def _mix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (every input bit reaches every output bit), then 32 bits, never 0."""
    h = h ^ (h >> _S33)
    h = h * _M1
    h = h ^ (h >> _S33)
    h = h * _M2
    h = (h ^ (h >> _S33)) & _LOW32
    h[h == 0] = 1
    return h


def word_hashes(words: list[str], joined: str | None = None) -> np.ndarray:
    """32-bit hashes (as uint64) of each word, all at once: a polynomial hash of each word's code points
    (one ``reduceat`` over the UTF-32 text), mixed. ``joined``: the words joined by spaces, if at hand."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    if joined is None:
        joined = " ".join(words)
    c = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    sp = np.flatnonzero(c == 32)
    if len(sp) != len(words) - 1:  # a word with a space in it (not from ``tokens``): one at a time
        return np.array([zlib.crc32(w.encode("utf-8")) or 1 for w in words], dtype=np.uint64)
    starts = np.empty(len(words), dtype=np.intp)
    starts[0] = 0
    starts[1:] = sp + 1
    c[sp] = 0
    lengths = np.diff(starts, append=len(c))
    pos = np.arange(len(c)) - np.repeat(starts, lengths)
    return _mix(np.add.reduceat(c * _pow(int(lengths.max()))[pos], starts))


def word_hash(w: str) -> int:
    """The hash of one word (as in :func:`word_hashes`)."""
    return int(word_hashes([w])[0])


def shingle_hashes(wh: np.ndarray) -> np.ndarray:
    """32-bit hashes of the word 3-grams, mixed from the word hashes in numpy (no 3-gram strings are built);
    a text under three words is one shingle."""
    if len(wh) < 3:
        if not len(wh):
            return np.zeros(0, dtype=np.uint64)
        return np.array([int(wh.sum()) & 0xFFFFFFFF or 1], dtype=np.uint64)
    h = (wh[:-2] * np.uint64(0x9E3779B1) + wh[1:-1] * np.uint64(0x85EBCA77) + wh[2:]) & np.uint64(0xFFFFFFFF)
    h[h == 0] = 1  # never 0: 0 marks an empty slot of the verification table
    return h


def anchor_set(words: list[str]) -> set[int]:
    """Content-defined sample of the word 3-grams: shingle hashes that are 0 mod ANCHOR_MOD."""
    if len(words) < 3:
        return set()
    h = shingle_hashes(word_hashes(words))
    return set(h[h % np.uint64(ANCHOR_MOD) == 0].tolist())


_SALT = np.arange(NUM_BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 64-bit key per LSH band (rows mixed, band index salted so that one dictionary holds all bands)."""
    rows = np.ascontiguousarray(sig, dtype=np.uint32).view(np.uint64).reshape(NUM_BANDS, -1)  # 2 rows per uint64
    k = _SALT
    for r in range(rows.shape[1]):
        k = (k ^ rows[:, r]) * _BASE
    return (k ^ (k >> _S33)).tolist()


def _lead_key(words: list[str]) -> int | None:
    if len(words) < LEAD_KEY:
        return None
    return zlib.crc32(" ".join(words[:LEAD_KEY]).encode("utf-8"))


class DedupIndex:
    """Exact + near-duplicate + containment index over documents, grown one document at a time.

    ``near``: shingle Jaccard from which two texts are near-duplicates. ``contain``: share of the smaller
    text's shingles found in the larger one from which the larger one contains it (a reprint with paragraphs
    added or cut). ``lead``: share of a cut text's words found in an article's lead. MinHash LSH and anchors
    only propose candidates; every candidate is verified on the exact shingle-hash sets (sorted arrays), so
    MinHash estimation noise at the thresholds no longer decides.
    """

    def __init__(self, near: float = 0.5, contain: float = 0.8, lead: float = 0.9, min_shingles: int = 8) -> None:
        self.near, self.contain, self.lead_share, self.min_shingles = near, contain, lead, min_shingles
        self.ids: list[str] = []
        # multimaps hold a lone document as a plain int and a list/array only from the second one on: most keys
        # have one document, and fewer container objects mean less memory and less garbage-collector work
        self.exact: dict[str, int | list[int]] = {}
        self.bands: dict[int, int] = {}  # band key -> latest document with it; older ones chain through _next
        self._next = np.full((256, NUM_BANDS), -1, dtype=np.int32)
        self._sigs = np.zeros((256, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(256, dtype=np.uint32)
        self._sets: list[np.ndarray] = []  # sorted unique shingle hashes per document (exact verification)
        self._leads = np.zeros((256, LEAD_WORDS), dtype=np.uint32)
        self._lead_len = np.zeros(256, dtype=np.uint16)
        self.lead_all: dict[int, int | list[int]] = {}
        self.lead_cut: dict[int, int | list[int]] = {}
        self._cut: set[int] = set()
        self.anchors: dict[int, int | array[int]] = {}  # anchor -> document(s) (int32 arrays: compact, memcpy)
        self._n_anchors = np.zeros(256, dtype=np.uint32)
        self._table = np.zeros(1 << TABLE_BITS, dtype=np.uint32)  # the new document's shingles, for verification

    def __len__(self) -> int:
        return len(self.ids)

    def _grow(self) -> None:
        n = len(self._sizes) * 2
        old = len(self._next)
        self._next = np.resize(self._next, (n, NUM_BANDS))
        self._next[old:] = -1
        self._sigs = np.resize(self._sigs, (n, NUM_PERM))
        self._sizes = np.resize(self._sizes, n)
        self._leads = np.resize(self._leads, (n, LEAD_WORDS))
        self._lead_len = np.resize(self._lead_len, n)
        self._n_anchors = np.resize(self._n_anchors, n)

    def _lsh_query(self, keys: list[int]) -> set[int]:
        out: set[int] = set()
        bands, nxt = self.bands, self._next
        for b, k in enumerate(keys):
            j = bands.get(k, -1)
            while j >= 0:
                out.add(j)
                j = int(nxt[j, b])
        return out

    def _lsh_filter(self, cands: set[int], sig: np.ndarray, n_a: int) -> set[int]:
        """Drop LSH candidates whose MinHash estimate is far below both thresholds (shared sentences without
        being a reprint); the exact check would reject them at many times the cost."""
        if len(cands) < 2:
            return cands
        c = np.fromiter(cands, dtype=np.int64, count=len(cands))
        j = np.count_nonzero(self._sigs[c] == sig, axis=1) / NUM_PERM
        n_b = self._sizes[c].astype(np.float64)
        cont = j * (n_a + n_b) / (1.0 + j) / np.maximum(np.minimum(n_b, n_a), 1)
        return set(c[(j >= LSH_JACCARD_CUT) | (cont >= LSH_CONTAIN_CUT)].tolist())

    def _verify(self, cands: np.ndarray, sset: np.ndarray, found: dict[int, Match]) -> None:
        """Exact Jaccard and containment of the shingle sets of all candidates at once (one binary search of
        their concatenated sets in the new document's sorted set): near-duplicate, contains or nothing."""
        n_a = len(sset)
        if not len(cands) or not n_a:
            return
        sizes = self._sizes[cands].astype(np.int64)
        keep = sizes > 0
        if found:
            keep &= ~np.isin(cands, np.fromiter(found, dtype=np.int64, count=len(found)))
        if not keep.all():
            cands, sizes = cands[keep], sizes[keep]
            if not len(cands):
                return
        sets = self._sets
        flat = np.concatenate([sets[j] for j in cands.tolist()])
        # membership by one gather from a direct-mapped table of the new document's hashes (a binary search
        # per hash costs ~10x more in branch mispredictions); hashes that lost their slot to another one are
        # few and checked directly, so the counts stay exact
        table, shift = self._table, np.uint32(32 - TABLE_BITS)
        slots = sset >> shift
        table[slots] = sset
        hit = table[flat >> shift] == flat
        lost = sset[table[slots] != sset]
        table[slots] = 0
        for h in lost.tolist():
            hit |= flat == h
        ends = np.cumsum(sizes)
        csum = np.cumsum(hit, dtype=np.int64)
        inter = csum[ends - 1] - np.concatenate(([0], csum[ends[:-1] - 1]))
        small = np.minimum(sizes, n_a)
        jac = inter / (n_a + sizes - inter)
        cont = inter / small
        near = jac >= self.near
        sel = np.flatnonzero(near | ((small >= self.min_shingles) & (cont >= self.contain)))
        ids = self.ids
        for k in sel.tolist():
            j = int(cands[k])
            if near[k]:
                found[j] = Match(ids[j], "near-duplicate", round(float(jac[k]), 3), "shingle-jaccard")
            else:
                found[j] = Match(ids[j], "contains", round(float(cont[k]), 3), "shingle-containment",
                                 _ratio(n_a, int(sizes[k])))

    def add(self, sd: StoryDoc) -> list[Match]:
        """Compare ``sd`` with every stored document, then store it; returns the duplicates found."""
        words = sd.words
        body_start = sd.body_start if sd.body_start < len(words) else 0
        joined = " ".join(words)
        key = hashlib.blake2b(joined.encode("utf-8"), digest_size=12).hexdigest()  # = normalize.text_key(words)
        wh = word_hashes(words, joined)
        sset = _sorted_unique(shingle_hashes(wh).astype(np.uint32))
        n_sh = len(sset)
        sig = signature_of_hashes(sset) if n_sh else np.zeros(NUM_PERM, dtype=np.uint32)
        bkeys = band_keys(sig) if n_sh else []
        anchors = sset[sset % np.uint32(ANCHOR_MOD) == 0].tolist() if len(words) >= 3 else []  # unique: sset is
        lead_src = wh[body_start:-1] if sd.truncated else wh[body_start:]
        lead_n = min(LEAD_WORDS, len(lead_src))
        lead = np.zeros(LEAD_WORDS, dtype=np.uint32)
        lead[:lead_n] = lead_src[:lead_n]
        lkey = _lead_key(words[body_start : body_start + LEAD_KEY])
        found: dict[int, Match] = {}
        for j in _members(self.exact.get(key)):
            found[j] = Match(self.ids[j], "exact", 1.0, "normalised-text-hash")
        cands = self._lsh_filter(self._lsh_query(bkeys), sig, n_sh)
        if len(anchors) >= ANCHOR_MIN:
            get, cap = self.anchors.get, ANCHOR_CAP
            buf = array("i")
            for h in anchors:
                p = get(h)
                if p is None:
                    continue
                if type(p) is int:
                    buf.append(p)
                elif len(p) < cap:
                    buf += p
            if buf:
                flat = np.sort(np.frombuffer(buf, dtype=np.int32))
                first = np.empty(len(flat), dtype=bool)
                first[0] = True
                np.not_equal(flat[1:], flat[:-1], out=first[1:])
                starts = np.flatnonzero(first)
                cand, cnt = flat[starts], np.diff(starts, append=len(flat))
                n_a = np.minimum(len(anchors), self._n_anchors[cand])
                # a loose first cut on the sampled anchors (sampling noise), then the exact sets decide
                keep = (n_a >= ANCHOR_MIN) & (cnt >= ANCHOR_CUT * self.contain * n_a)
                cands.update(cand[keep].tolist())
        if cands:
            self._verify(np.array(sorted(cands), dtype=np.int64), sset, found)
        if lkey is not None:
            pool = self.lead_all.get(lkey) if sd.truncated else self.lead_cut.get(lkey)
            for j in _members(pool):
                if j in found:
                    continue
                cut_words = lead if sd.truncated else self._leads[j]
                cut_n = lead_n if sd.truncated else int(self._lead_len[j])
                full = self._leads[j] if sd.truncated else lead
                share = _lead_share(cut_words[:cut_n], full)
                if share >= self.lead_share:
                    found[j] = Match(self.ids[j], "contains", round(share, 3), "lead-containment")
        i = self._insert(sd, key, bkeys, sig, sset, lead, lead_n, lkey)
        self._n_anchors[i] = len(anchors)
        post_of = self.anchors
        for h in anchors:
            post = post_of.get(h)
            if post is None:
                post_of[h] = i
            elif type(post) is int:
                post_of[h] = array("i", (post, i))
            elif len(post) < ANCHOR_CAP:
                post.append(i)
        return sorted(found.values(), key=lambda m: (-m.score, m.other))

    def _insert(self, sd: StoryDoc, key: str, bkeys: list[int], sig: np.ndarray, sset: np.ndarray,
                lead: np.ndarray, lead_n: int, lkey: int | None) -> int:
        i = len(self.ids)
        if i >= len(self._sizes):
            self._grow()
        self.ids.append(sd.id)
        _put(self.exact, key, i)
        bands, nxt = self.bands, self._next[i]
        for b, k in enumerate(bkeys):
            prev = bands.get(k)
            if prev is not None:
                nxt[b] = prev
            bands[k] = i
        self._sigs[i] = sig
        self._sizes[i] = len(sset)
        self._sets.append(sset)
        self._leads[i] = lead
        self._lead_len[i] = max(0, lead_n)
        if lkey is not None:
            _put(self.lead_all, lkey, i)
            if sd.truncated:
                _put(self.lead_cut, lkey, i)
                self._cut.add(i)
        return i

    def save(self, path: str | Path) -> None:
        """Write the index next to the store (atomic: a crash leaves the previous file)."""
        n = len(self.ids)
        state = {"version": FORMAT_VERSION, "params": (self.near, self.contain, self.lead_share, self.min_shingles),
                 "ids": self.ids, "exact": self.exact, "bands": self.bands, "next": self._next[:n].copy(),
                 "sets": self._sets, "sigs": self._sigs[:n].copy(),
                 "sizes": self._sizes[:n].copy(), "leads": self._leads[:n].copy(),
                 "lead_len": self._lead_len[:n].copy(), "lead_all": self.lead_all, "lead_cut": self.lead_cut,
                 "cut": self._cut, "anchors": self.anchors, "n_anchors": self._n_anchors[:n].copy()}
        tmp = Path(str(path) + ".tmp")
        with tmp.open("wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> DedupIndex:
        with Path(path).open("rb") as f:
            state = pickle.load(f)
        if state.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: duplicate index format {state.get('version')}, expected {FORMAT_VERSION}; "
                             "delete the file and run `vestnik stories` again to rebuild it")
        idx = cls(*state["params"])
        idx.ids, idx.exact, idx.bands, idx._sets = state["ids"], state["exact"], state["bands"], state["sets"]
        n = max(256, len(idx.ids))
        idx._next = np.full((n, NUM_BANDS), -1, dtype=np.int32)
        idx._next[: len(idx.ids)] = state["next"]
        idx._sigs = np.resize(state["sigs"], (n, NUM_PERM))
        idx._sizes = np.resize(state["sizes"], n)
        idx._leads = np.resize(state["leads"], (n, LEAD_WORDS))
        idx._lead_len = np.resize(state["lead_len"], n)
        idx.lead_all, idx.lead_cut, idx._cut = state["lead_all"], state["lead_cut"], state["cut"]
        idx.anchors = state["anchors"]
        idx._n_anchors = np.resize(state["n_anchors"], n)
        return idx

    def memory_bytes(self) -> int:
        """Approximate bytes held per the numpy arrays and dictionaries (the LSH tables are counted by size)."""
        n = len(self.ids)
        arrays = n * (NUM_PERM * 4 + NUM_BANDS * 4 + 4 + LEAD_WORDS * 4 + 2) + sum(s.nbytes for s in self._sets)
        return arrays + len(pickle.dumps((self.ids, self.exact, self.lead_all, self.bands)))


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


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    """``np.unique`` without its overhead (a sort and one comparison pass)."""
    if len(a) < 2:
        return a.copy()
    s = np.sort(a)
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def _ratio(a: int, b: int) -> float:
    return round(min(a, b) / max(a, b, 1), 3)


def _lead_share(cut: np.ndarray, full: np.ndarray) -> float:
    """Share of the cut text's lead words that appear in the full text's lead (order-free, robust to edits)."""
    words = [w for w in cut.tolist() if w]
    if len(words) < LEAD_KEY:
        return 0.0
    known = set(full.tolist())
    known.discard(0)
    return sum(w in known for w in words) / len(words)
