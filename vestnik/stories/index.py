"""The corpus duplicate index: exact hashes, MinHash LSH and lead keys, incremental and persistent.

A new document is compared with everything stored in sub-linear time: an exact-key dictionary lookup, one
LSH query (32 band lookups) and one lead-key lookup, then the few candidates are verified on their stored
signatures. Cut teasers and leads ("...") share few shingles with their full article, so Jaccard cannot link
them; they are found by the key of their first words and verified by containment of their words in the
article's lead. A whole article reprinted inside a longer one (a digest, an expanded version) is found through
anchors: the shingles whose hash is 0 modulo ``ANCHOR_MOD``. The sampling depends on content only, so the
anchors of a contained text are anchors of the container too, and the share of shared anchors estimates
containment (an inverted index over anchors, as in winnowing-based copy detection).
"""

from __future__ import annotations

import pickle
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rensa

from vestnik.stories.features import StoryDoc
from vestnik.stories.minhash import NUM_BANDS, NUM_PERM, containment, jaccard, minhash, signature
from vestnik.stories.normalize import shingles, text_key

FORMAT_VERSION = 1
LEAD_WORDS = 48  # words of each body lead kept for containment checks
LEAD_KEY = 8  # words hashed into the lead key
ANCHOR_MOD = 6  # a shingle whose hash is 0 mod this is an anchor (content-defined sampling, ~1/6 of shingles)
ANCHOR_MIN = 5  # anchors the smaller text needs before its containment is trusted
MH_WEIGHT = 20  # weight of the MinHash containment estimate, in anchors
ANCHOR_CAP = 256  # an anchor shared by more documents is boilerplate: no longer indexed or counted


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


def anchor_set(words: list[str]) -> set[int]:
    """Content-defined sample of the word 3-grams: hash of the three word hashes, kept when 0 mod ANCHOR_MOD."""
    if len(words) < 3:
        return set()
    wh = np.array(_hashes(words), dtype=np.uint64)
    h = (wh[:-2] * np.uint64(0x9E3779B1) + wh[1:-1] * np.uint64(0x85EBCA77) + wh[2:]) & np.uint64(0xFFFFFFFF)
    return set(h[h % np.uint64(ANCHOR_MOD) == 0].tolist())


def _lead_key(words: list[str]) -> int | None:
    if len(words) < LEAD_KEY:
        return None
    return zlib.crc32(" ".join(words[:LEAD_KEY]).encode("utf-8"))


class DedupIndex:
    """Exact + near-duplicate + containment index over documents, grown one document at a time.

    ``near``: estimated shingle Jaccard from which two texts are near-duplicates. ``contain``: share of the
    smaller text's shingles found in the larger one from which the larger one contains it (a reprint with
    paragraphs added or cut). ``lead``: share of a cut text's words found in an article's lead.
    """

    def __init__(self, near: float = 0.5, contain: float = 0.8, lead: float = 0.9, min_shingles: int = 8) -> None:
        self.near, self.contain, self.lead_share, self.min_shingles = near, contain, lead, min_shingles
        self.ids: list[str] = []
        self.exact: dict[str, list[int]] = {}
        self.lsh = rensa.RMinHashLSH(threshold=near, num_perm=NUM_PERM, num_bands=NUM_BANDS)
        self._sigs = np.zeros((256, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(256, dtype=np.uint32)
        self._leads = np.zeros((256, LEAD_WORDS), dtype=np.uint32)
        self._lead_len = np.zeros(256, dtype=np.uint16)
        self.lead_all: dict[int, list[int]] = {}
        self.lead_cut: dict[int, list[int]] = {}
        self._cut: set[int] = set()
        self.anchors: dict[int, list[int]] = {}
        self._n_anchors = np.zeros(256, dtype=np.uint32)

    def __len__(self) -> int:
        return len(self.ids)

    def _grow(self) -> None:
        n = len(self._sizes) * 2
        self._sigs = np.resize(self._sigs, (n, NUM_PERM))
        self._sizes = np.resize(self._sizes, n)
        self._leads = np.resize(self._leads, (n, LEAD_WORDS))
        self._lead_len = np.resize(self._lead_len, n)
        self._n_anchors = np.resize(self._n_anchors, n)

    def add(self, sd: StoryDoc) -> list[Match]:
        """Compare ``sd`` with every stored document, then store it; returns the duplicates found."""
        words = sd.words
        body = words[sd.body_start :] or words
        key = text_key(words)
        sh = shingles(words)
        mh = minhash(sh)
        sig = signature(mh)
        n_sh = len(set(sh))
        anchors = anchor_set(words)
        lead = _word_hashes(body[:-1] if sd.truncated else body)
        lead_n = min(LEAD_WORDS, len(body) - (1 if sd.truncated else 0))
        lkey = _lead_key(body)
        found: dict[int, Match] = {}
        for j in self.exact.get(key, []):
            found[j] = Match(self.ids[j], "exact", 1.0, "normalised-text-hash")
        cands = [j for j in (self.lsh.query(mh) if n_sh else []) if j not in found]
        if cands:
            jacs = np.count_nonzero(self._sigs[cands] == sig, axis=1) / NUM_PERM  # all candidates at once
            for j, jac in zip(cands, jacs.tolist(), strict=True):
                if jac >= self.near:
                    found[j] = Match(self.ids[j], "near-duplicate", round(jac, 3), "minhash-jaccard")
                    continue
                n_j = int(self._sizes[j])
                if min(n_sh, n_j) >= self.min_shingles:
                    c = max(containment(jac, n_sh, n_j), containment(jac, n_j, n_sh))
                    if c >= self.contain:
                        found[j] = Match(self.ids[j], "contains", round(c, 3), "minhash-containment",
                                         _ratio(n_sh, n_j))
        if len(anchors) >= ANCHOR_MIN:
            shared: Counter[int] = Counter()
            for h in anchors:
                post = self.anchors.get(h)
                if post and len(post) < ANCHOR_CAP:
                    shared.update(post)
            if shared:
                cand = np.fromiter(shared.keys(), dtype=np.int64, count=len(shared))
                cnt = np.fromiter(shared.values(), dtype=np.float64, count=len(shared))
                n_a = np.minimum(len(anchors), self._n_anchors[cand])
                keep = (n_a >= ANCHOR_MIN) & (cnt >= self.contain * n_a)  # vectorised first cut
                for j, c, na in zip(cand[keep].tolist(), cnt[keep].tolist(), n_a[keep].tolist(), strict=True):
                    if j in found:
                        continue
                    # second, independent estimate from the signatures, weighted against the anchors' count: it
                    # damps the sampling noise of short texts (few anchors) without losing digests (where MinHash
                    # alone is noisy)
                    jac = jaccard(sig, self._sigs[j])
                    n_j = int(self._sizes[j])
                    c_mh = max(containment(jac, n_sh, n_j), containment(jac, n_j, n_sh))
                    share = (c + MH_WEIGHT * c_mh) / (na + MH_WEIGHT)
                    if share >= self.contain:
                        found[j] = Match(self.ids[j], "contains", round(share, 3), "anchor-containment",
                                         _ratio(n_sh, n_j))
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
        self._insert(sd, key, mh, sig, n_sh, lead, lead_n, lkey)
        i = len(self.ids) - 1
        self._n_anchors[i] = len(anchors)
        for h in anchors:
            post = self.anchors.setdefault(h, [])
            if len(post) < ANCHOR_CAP:
                post.append(i)
        return sorted(found.values(), key=lambda m: (-m.score, m.other))

    def _insert(self, sd: StoryDoc, key: str, mh: rensa.RMinHash, sig: np.ndarray, n_sh: int,
                lead: np.ndarray, lead_n: int, lkey: int | None) -> None:
        i = len(self.ids)
        if i >= len(self._sizes):
            self._grow()
        self.ids.append(sd.id)
        self.exact.setdefault(key, []).append(i)
        if n_sh:
            self.lsh.insert(i, mh)
        self._sigs[i] = sig
        self._sizes[i] = n_sh
        self._leads[i] = lead
        self._lead_len[i] = max(0, lead_n)
        if lkey is not None:
            self.lead_all.setdefault(lkey, []).append(i)
            if sd.truncated:
                self.lead_cut.setdefault(lkey, []).append(i)
                self._cut.add(i)

    def save(self, path: str | Path) -> None:
        """Write the index next to the store (atomic: a crash leaves the previous file)."""
        n = len(self.ids)
        state = {"version": FORMAT_VERSION, "params": (self.near, self.contain, self.lead_share, self.min_shingles),
                 "ids": self.ids, "exact": self.exact, "lsh": self.lsh, "sigs": self._sigs[:n].copy(),
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
        idx.ids, idx.exact, idx.lsh = state["ids"], state["exact"], state["lsh"]
        n = max(256, len(idx.ids))
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
        arrays = n * (NUM_PERM * 4 + 4 + LEAD_WORDS * 4 + 2)
        return arrays + len(pickle.dumps(self.lsh)) + len(pickle.dumps((self.ids, self.exact, self.lead_all)))


def _ratio(a: int, b: int) -> float:
    return round(min(a, b) / max(a, b, 1), 3)


def _lead_share(cut: np.ndarray, full: np.ndarray) -> float:
    """Share of the cut text's lead words that appear in the full text's lead (order-free, robust to edits)."""
    cut = cut[cut != 0]
    if len(cut) < LEAD_KEY:
        return 0.0
    return float(np.isin(cut, full[full != 0]).mean())
