"""The corpus duplicate index: exact hashes, MinHash LSH and lead keys, incremental and persistent.

A new document is compared with everything stored in sub-linear time: an exact-key dictionary lookup, one
LSH query (32 band lookups in one dictionary, band keys mixed from rensa's MinHash digest), anchor postings and
one lead-key lookup; then all candidates are verified at once on the exact sets of their word-3-gram hashes
(stored sorted; a binary search per hash), so the Jaccard/containment thresholds are applied to true values, not
to MinHash estimates. Shingles are never built as strings: 3-gram hashes are mixed from memoised word hashes in
numpy. Cut teasers and leads ("...") share few shingles with their full article, so Jaccard cannot link
them; they are found by the key of their first words and verified by containment of their words in the
article's lead. A whole article reprinted inside a longer one (a digest, an expanded version) is found through
anchors: the shingles whose hash is 0 modulo ``ANCHOR_MOD``. The sampling depends on content only, so the
anchors of a contained text are anchors of the container too, and the share of shared anchors estimates
containment (an inverted index over anchors, as in winnowing-based copy detection).
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vestnik.stories.features import StoryDoc
from vestnik.stories.minhash import NUM_BANDS, NUM_PERM, signature_of_hashes
from vestnik.stories.normalize import text_key

FORMAT_VERSION = 2
LEAD_WORDS = 48  # words of each body lead kept for containment checks
LEAD_KEY = 8  # words hashed into the lead key
ANCHOR_MOD = 6  # a shingle whose hash is 0 mod this is an anchor (content-defined sampling, ~1/6 of shingles)
ANCHOR_MIN = 5  # anchors the smaller text needs before its containment is trusted
ANCHOR_CAP = 256  # an anchor shared by more documents is boilerplate: no longer indexed or counted
ANCHOR_CUT = 0.75  # anchor candidates need this share of the containment threshold in shared anchors


@dataclass(frozen=True)
class Match:
    """A stored document the new one duplicates: ``kind`` is exact, near-duplicate or contains."""

    other: str
    kind: str
    score: float
    evidence: str
    ratio: float = 1.0  # size of the smaller text over the larger (shingles); small for an article inside a digest


_WORD_HASH: dict[str, int] = {}


def word_hash(w: str) -> int:
    """CRC32 of a word, memoised (news vocabulary is Zipfian: nearly every lookup is a hit); never 0."""
    h = _WORD_HASH.get(w)
    if h is None:
        if len(_WORD_HASH) > 2_000_000:
            _WORD_HASH.clear()
        h = _WORD_HASH[w] = zlib.crc32(w.encode("utf-8")) or 1
    return h


def _hashes(words: list[str]) -> list[int]:
    get = _WORD_HASH.get
    return [get(w) or word_hash(w) for w in words]


def _word_hashes(words: list[str]) -> np.ndarray:
    out = np.zeros(LEAD_WORDS, dtype=np.uint32)
    n = min(LEAD_WORDS, len(words))
    out[:n] = _hashes(words[:n])
    return out


def shingle_hashes(wh: np.ndarray) -> np.ndarray:
    """32-bit hashes of the word 3-grams, mixed from the word hashes in numpy (no 3-gram strings are built);
    a text under three words is one shingle."""
    if len(wh) < 3:
        if not len(wh):
            return np.zeros(0, dtype=np.uint64)
        return np.array([int(wh.sum()) & 0xFFFFFFFF or 1], dtype=np.uint64)
    return (wh[:-2] * np.uint64(0x9E3779B1) + wh[1:-1] * np.uint64(0x85EBCA77) + wh[2:]) & np.uint64(0xFFFFFFFF)


def anchor_set(words: list[str]) -> set[int]:
    """Content-defined sample of the word 3-grams: shingle hashes that are 0 mod ANCHOR_MOD."""
    if len(words) < 3:
        return set()
    h = shingle_hashes(np.array(_hashes(words), dtype=np.uint64))
    return set(h[h % np.uint64(ANCHOR_MOD) == 0].tolist())


def band_keys(sig: np.ndarray) -> list[int]:
    """One 64-bit key per LSH band (rows mixed, band index salted so that one dictionary holds all bands)."""
    rows = sig.reshape(NUM_BANDS, -1).astype(np.uint64)
    k = np.arange(NUM_BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    for r in range(rows.shape[1]):
        k = (k ^ rows[:, r]) * np.uint64(0x100000001B3)
    return k.tolist()


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
        self.exact: dict[str, list[int]] = {}
        self.bands: dict[int, int] = {}  # band key -> latest document with it; older ones chain through _next
        self._next = np.full((256, NUM_BANDS), -1, dtype=np.int32)
        self._sigs = np.zeros((256, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(256, dtype=np.uint32)
        self._sets: list[np.ndarray] = []  # sorted unique shingle hashes per document (exact verification)
        self._leads = np.zeros((256, LEAD_WORDS), dtype=np.uint32)
        self._lead_len = np.zeros(256, dtype=np.uint16)
        self.lead_all: dict[int, list[int]] = {}
        self.lead_cut: dict[int, list[int]] = {}
        self._cut: set[int] = set()
        self.anchors: dict[int, array[int]] = {}  # anchor -> documents (int32 arrays: compact, memcpy)
        self._n_anchors = np.zeros(256, dtype=np.uint32)

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

    def _verify(self, cands: list[int], sset: np.ndarray, found: dict[int, Match]) -> None:
        """Exact Jaccard and containment of the shingle sets of all candidates at once (one ``isin`` over
        their concatenated sets): near-duplicate, contains or nothing."""
        cands = [j for j in cands if j not in found and len(self._sets[j])]
        n_a = len(sset)
        if not cands or not n_a:
            return
        sets = [self._sets[j] for j in cands]
        sizes = np.fromiter((len(x) for x in sets), dtype=np.int64, count=len(sets))
        flat = np.concatenate(sets)
        pos = np.searchsorted(sset, flat)  # sset is sorted: a binary search per hash, no re-sorting
        hit = sset[np.minimum(pos, n_a - 1)] == flat
        inter = np.add.reduceat(hit.astype(np.float64), np.concatenate(([0], np.cumsum(sizes)[:-1])))
        jac = inter / (n_a + sizes - inter)
        small = np.minimum(sizes, n_a)
        cont = inter / small
        for j, jc, c, n_b, sm in zip(cands, jac.tolist(), cont.tolist(), sizes.tolist(), small.tolist(), strict=True):
            if jc >= self.near:
                found[j] = Match(self.ids[j], "near-duplicate", round(jc, 3), "shingle-jaccard")
            elif sm >= self.min_shingles and c >= self.contain:
                found[j] = Match(self.ids[j], "contains", round(c, 3), "shingle-containment", _ratio(n_a, n_b))

    def add(self, sd: StoryDoc) -> list[Match]:
        """Compare ``sd`` with every stored document, then store it; returns the duplicates found."""
        words = sd.words
        body_start = sd.body_start if sd.body_start < len(words) else 0
        key = text_key(words)
        wh = np.array(_hashes(words), dtype=np.uint64)
        sh = shingle_hashes(wh)
        sset = _sorted_unique(sh.astype(np.uint32))
        n_sh = len(sset)
        sig = signature_of_hashes(sset) if n_sh else np.zeros(NUM_PERM, dtype=np.uint32)
        bkeys = band_keys(sig) if n_sh else []
        anchors = set(sset[sset % np.uint32(ANCHOR_MOD) == 0].tolist()) if len(words) >= 3 else set()
        body_wh = wh[body_start:]
        lead_src = body_wh[:-1] if sd.truncated else body_wh
        lead = np.zeros(LEAD_WORDS, dtype=np.uint32)
        lead_n = min(LEAD_WORDS, len(lead_src))
        lead[:lead_n] = lead_src[:lead_n]
        body = words[body_start:]
        lkey = _lead_key(body)
        found: dict[int, Match] = {}
        for j in self.exact.get(key, []):
            found[j] = Match(self.ids[j], "exact", 1.0, "normalised-text-hash")
        self._verify(sorted(self._lsh_query(bkeys)), sset, found)
        if len(anchors) >= ANCHOR_MIN:
            get = self.anchors.get
            posts = [p for h in anchors if (p := get(h)) and len(p) < ANCHOR_CAP]
            if posts:
                flat = np.sort(np.concatenate([np.frombuffer(p, dtype=np.int32) for p in posts]))
                starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
                cand, cnt = flat[starts], np.diff(np.append(starts, len(flat)))
                n_a = np.minimum(len(anchors), self._n_anchors[cand])
                # a loose first cut on the sampled anchors (sampling noise), then the exact sets decide
                keep = (n_a >= ANCHOR_MIN) & (cnt >= ANCHOR_CUT * self.contain * n_a)
                self._verify(cand[keep].tolist(), sset, found)
        if lkey is not None:
            pool = self.lead_all.get(lkey, []) if sd.truncated else self.lead_cut.get(lkey, [])
            for j in pool:
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
        setdefault = self.anchors.setdefault
        for h in anchors:
            post = setdefault(h, array("i"))
            if len(post) < ANCHOR_CAP:
                post.append(i)
        return sorted(found.values(), key=lambda m: (-m.score, m.other))

    def _insert(self, sd: StoryDoc, key: str, bkeys: list[int], sig: np.ndarray, sset: np.ndarray,
                lead: np.ndarray, lead_n: int, lkey: int | None) -> int:
        i = len(self.ids)
        if i >= len(self._sizes):
            self._grow()
        self.ids.append(sd.id)
        self.exact.setdefault(key, []).append(i)
        bands = self.bands
        for b, k in enumerate(bkeys):
            prev = bands.get(k)
            if prev is not None:
                self._next[i, b] = prev
            bands[k] = i
        self._sigs[i] = sig
        self._sizes[i] = len(sset)
        self._sets.append(sset.astype(np.uint32))
        self._leads[i] = lead
        self._lead_len[i] = max(0, lead_n)
        if lkey is not None:
            self.lead_all.setdefault(lkey, []).append(i)
            if sd.truncated:
                self.lead_cut.setdefault(lkey, []).append(i)
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
    cut = cut[cut != 0]
    if len(cut) < LEAD_KEY:
        return 0.0
    return float(np.isin(cut, full[full != 0]).mean())
