"""Compiled inner loops of the duplicate index (numba, as the NER tagger's): candidate search and insertion.

Per new document the index walks its LSH band chains, compares MinHash signatures, counts shared anchors over
their postings and intersects shingle sets; in Python or numpy each of these pays per-call or per-element
interpreter overhead on a few thousand small items, compiled they are plain loops over arrays. The structures
are flat numpy arrays, so they pickle and grow like any other array:

- hash tables with open addressing (``keys``: uint64, 0 = empty slot; the slot from the key's Fibonacci hash,
  linear probing; kept at most 70 % full by the caller);
- LSH: a table band key -> latest document, older documents chained through ``band_next[document, band]``;
- anchors: a table anchor -> (offset, length) of its posting in ``arena`` (int32 document ids, ascending),
  blocks of capacity 2, 4, ... ``cap``, moved to a block twice the size when full;
- shingle sets: sorted unique uint32 hashes of document ``i`` at ``set_flat[set_off[i] : set_off[i + 1]]``.

Every function returns exactly what the numpy/Python code before it did (same candidates, same float
arithmetic), see ``tests/test_stories_dedup.py``.
"""

from __future__ import annotations

import numpy as np

from vestnik.jit import compiled

_GOLD = np.uint64(0x9E3779B97F4A7C15)
_S32 = np.uint64(32)
_ONE = np.uint64(1)


@compiled
def slot_of(keys: np.ndarray, k: np.uint64) -> int:  # pragma: no cover - compiled
    """Slot holding ``k``, or the empty slot where it goes."""
    mask = np.uint64(len(keys) - 1)
    s = ((k * _GOLD) >> _S32) & mask
    while True:
        kk = keys[s]
        if kk == k or kk == 0:
            return np.int64(s)  # type: ignore[return-value]  # numba: an int64 scalar is its int
        s = (s + _ONE) & mask


@compiled
def rehash(old: np.ndarray, new: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Move the keys of ``old`` into the empty, larger table ``new``; returns each old slot's new slot (-1: empty),
    so that the caller moves the value arrays the same way."""
    where = np.full(len(old), -1, dtype=np.int64)
    for s in range(len(old)):
        k = old[s]
        if k != 0:
            t = slot_of(new, k)
            new[t] = k
            where[s] = t
    return where


@compiled
def query(bkeys: np.ndarray, sig: np.ndarray, sset: np.ndarray, anchors: np.ndarray, exclude: np.ndarray,
          band_keys: np.ndarray, band_head: np.ndarray, band_next: np.ndarray, sigs: np.ndarray,
          sizes: np.ndarray, anc_keys: np.ndarray, anc_off: np.ndarray, anc_len: np.ndarray, arena: np.ndarray,
          n_anchors: np.ndarray, set_off: np.ndarray, set_flat: np.ndarray, stamp: np.ndarray, cnt: np.ndarray,
          qid: int, near: float, contain: float, min_shingles: int, anchor_cut: float, anchor_min: int,
          anchor_cap: int, jaccard_cut: float, contain_cut: float, figs: np.ndarray, fig_off: np.ndarray,
          fig_flat: np.ndarray, fig_min: int, fig_shared: float, chain_cap: int
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                     np.ndarray]:  # pragma: no cover - compiled
    """Stored documents the new one duplicates, verified on the exact shingle sets: LSH candidates (kept when
    their MinHash estimate reaches ``jaccard_cut`` or ``contain_cut``, unless there is only one) and anchor
    candidates (shared anchors >= ``anchor_cut`` x the smaller anchor count, which must be >= ``anchor_min``),
    ``exclude`` (sorted) left out. Returns, in document order, (document, near-duplicate?, Jaccard,
    containment, its shingle count, other figures?) of those with Jaccard >= ``near`` or, over >= ``min_shingles``
    shingles, containment >= ``contain``; "other figures": both texts state >= ``fig_min`` quantities (``figs``,
    sorted hashes; a stored one's at ``fig_flat[fig_off[j] : fig_off[j + 1]]``) and share fewer than
    ``fig_shared`` x the smaller number of them (another release of a recurring report). ``stamp``/``cnt``:
    per-document scratch (``cnt`` all 0 on entry and exit)."""
    n_a = len(sset)
    nb = len(bkeys)
    n_perm = len(sig)
    # buffers are sized by a first pass: a buffer variable reassigned inside a loop costs numba reference
    # counting on every iteration (measured 3-5x slower on the anchor postings)
    # LSH: the documents on the chain of each band key the new document has, the newest ``chain_cap`` of each
    # (a longer chain is a family of near-identical pages: its newest members stand for it)
    heads = np.empty(nb, dtype=np.int64)
    steps = 0
    for b in range(nb):
        s = slot_of(band_keys, bkeys[b])
        j = band_head[s] if band_keys[s] != 0 else -1
        heads[b] = j
        c = 0
        while j >= 0 and c < chain_cap:
            steps += 1
            c += 1
            j = band_next[j, b]
    lsh = np.empty(steps, dtype=np.int64)
    nl = 0
    for b in range(nb):
        j = heads[b]
        c = 0
        while j >= 0 and c < chain_cap:
            if stamp[j] != qid:
                stamp[j] = qid
                lsh[nl] = j
                nl += 1
            c += 1
            j = band_next[j, b]
    # anchors: count the postings of the new document's anchors per document
    na = len(anchors)
    slots = np.empty(na, dtype=np.int64)
    total = 0
    if na >= anchor_min:
        for a in range(na):
            s = slot_of(anc_keys, anchors[a])
            if anc_keys[s] != 0 and anc_len[s] < anchor_cap:
                slots[a] = s
                total += anc_len[s]
            else:
                slots[a] = -1
    touched = np.empty(total, dtype=np.int64)
    nt = 0
    if total:
        for a in range(na):
            s = slots[a]
            if s < 0:
                continue
            o = anc_off[s]
            for e in range(o, o + anc_len[s]):
                d = arena[e]
                if cnt[d] == 0:
                    touched[nt] = d
                    nt += 1
                cnt[d] += 1
    mark = qid + 1
    cands = np.empty(nl + nt, dtype=np.int64)
    nc = 0
    for t in range(nl):
        j = lsh[t]
        keep = nl < 2
        if not keep:
            same = 0
            for r in range(n_perm):
                same += sigs[j, r] == sig[r]
            jj = same / n_perm
            n_b = np.float64(sizes[j])
            cont = jj * (n_a + n_b) / (1.0 + jj) / max(min(n_b, np.float64(n_a)), 1.0)
            keep = jj >= jaccard_cut or cont >= contain_cut  # type: ignore[assignment]  # (a numpy bool)
        if keep:
            stamp[j] = mark
            cands[nc] = j
            nc += 1
    least = anchor_cut * anchor_min  # no count under this can pass (the smaller count m is >= anchor_min)
    for t in range(nt):
        d = touched[t]
        c = cnt[d]
        cnt[d] = 0
        if c < least:  # most documents share one anchor: decided without reading their anchor count
            continue
        m = min(na, np.int64(n_anchors[d]))
        if m >= anchor_min and c >= anchor_cut * m and stamp[d] != mark:  # type: ignore[operator]  # (m: an int64)
            stamp[d] = mark
            cands[nc] = d
            nc += 1
    cands = np.sort(cands[:nc])
    # exact verification: each candidate's hashes looked up in an open-addressing table of the new document's
    # (a quarter full, in L1 cache; lookups are independent, where a merge of sorted sets waits on each step)
    out_j = np.empty(nc, dtype=np.int64)
    out_near = np.empty(nc, dtype=np.bool_)
    out_jac = np.empty(nc, dtype=np.float64)
    out_cont = np.empty(nc, dtype=np.float64)
    out_size = np.empty(nc, dtype=np.int64)
    out_other = np.empty(nc, dtype=np.bool_)
    no = 0
    if n_a == 0 or nc == 0:
        return out_j[:0], out_near[:0], out_jac[:0], out_cont[:0], out_size[:0], out_other[:0]
    n_f = len(figs)
    bits = 6
    while (1 << bits) < 4 * n_a:
        bits += 1
    tab = np.zeros(1 << bits, dtype=np.uint32)
    tmask = np.uint64((1 << bits) - 1)
    tshift = np.uint64(64 - bits)
    # and a bitmap of the hashes' low bits (~256 bits per hash: ~0.4 % of other hashes hit it), read first: its
    # hits are a superset of the intersection, counted without a branch, so a candidate whose count cannot
    # reach ``need`` is dropped before the table is probed (most candidates; the decision is the same)
    wbits = 10
    while (64 << wbits) < 256 * n_a and wbits < 16:
        wbits += 1
    bm = np.zeros(1 << wbits, dtype=np.uint64)
    wmask = np.uint32((1 << wbits) - 1)
    for i in range(n_a):
        h = sset[i]
        q = (np.uint64(h) * _GOLD) >> tshift
        while tab[q] != 0:
            q = (q + _ONE) & tmask
        tab[q] = h
        bm[(h >> np.uint32(6)) & wmask] |= _ONE << np.uint64(h & np.uint32(63))
    x = 0
    for t in range(nc):
        j = cands[t]
        while x < len(exclude) and exclude[x] < j:
            x += 1
        if x < len(exclude) and exclude[x] == j:
            continue
        lo = set_off[j]
        n_b = set_off[j + 1] - lo
        if n_b == 0:
            continue
        small = min(n_b, n_a)
        need = _least_passing(n_a, n_b, near, contain, min_shingles)
        if need > small:  # not even full overlap would pass: the sizes alone rule it out
            continue
        ub = 0  # bitmap hits: >= the intersection
        k = lo
        end = lo + n_b
        while k < end:
            stop = min(k + 64, end)
            for kk in range(k, stop):
                v = set_flat[kk]
                ub += (bm[(v >> np.uint32(6)) & wmask] >> np.uint64(v & np.uint32(63))) & _ONE
            k = stop
            if ub + (end - k) < need:
                break
        if ub < need:
            continue
        # stop as soon as the hashes left cannot bring the count to ``need`` (most candidates fail)
        inter = 0
        left = n_b
        for k in range(lo, lo + n_b):
            if inter + left < need:
                break
            left -= 1
            v = set_flat[k]
            q = (np.uint64(v) * _GOLD) >> tshift
            while True:
                w = tab[q]
                if w == v:
                    inter += 1
                    break
                if w == 0:
                    break
                q = (q + _ONE) & tmask
        if inter < need:
            continue
        jac = inter / (n_a + n_b - inter)
        cont = inter / small
        is_near = jac >= near
        if is_near or (small >= min_shingles and cont >= contain):
            out_j[no] = j
            out_near[no] = is_near
            out_jac[no] = jac
            out_cont[no] = cont
            out_size[no] = n_b
            out_other[no] = False
            if n_f >= fig_min:
                fo, fe = fig_off[j], fig_off[j + 1]
                if fe - fo >= fig_min:
                    shared = 0
                    u, v2 = 0, fo  # (not ``x``: that is the place in ``exclude``, read for the next candidate)
                    while u < n_f and v2 < fe:  # both sorted: a merge
                        if figs[u] == fig_flat[v2]:
                            shared += 1
                            u += 1
                            v2 += 1
                        elif figs[u] < fig_flat[v2]:
                            u += 1
                        else:
                            v2 += 1
                    out_other[no] = shared < fig_shared * min(n_f, fe - fo)
            no += 1
    return out_j[:no], out_near[:no], out_jac[:no], out_cont[:no], out_size[:no], out_other[:no]


@compiled
def _passes(inter: int, n_a: int, n_b: int, near: float, contain: float, min_shingles: int
            ) -> bool:  # pragma: no cover - compiled
    """The verification test itself (the same float arithmetic), for an intersection of ``inter`` hashes."""
    small = min(n_b, n_a)
    return inter / (n_a + n_b - inter) >= near or (small >= min_shingles and inter / small >= contain)


@compiled
def _least_passing(n_a: int, n_b: int, near: float, contain: float, min_shingles: int
                   ) -> int:  # pragma: no cover - compiled
    """The smallest intersection that passes (the test is monotone in it), min(n_a, n_b) + 1 if none does."""
    lo, hi = 0, min(n_a, n_b) + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if _passes(mid, n_a, n_b, near, contain, min_shingles):
            hi = mid
        else:
            lo = mid + 1
    return lo


@compiled
def insert(i: int, bkeys: np.ndarray, anchors: np.ndarray, sset: np.ndarray, band_keys: np.ndarray,
           band_head: np.ndarray, band_next: np.ndarray, anc_keys: np.ndarray, anc_off: np.ndarray,
           anc_len: np.ndarray, arena: np.ndarray, set_off: np.ndarray, set_flat: np.ndarray, meta: np.ndarray,
           anchor_cap: int) -> None:  # pragma: no cover - compiled
    """Store document ``i`` (the next one): its shingle set, its band keys (all chain heads read before any is
    replaced) and its anchor postings (a posting of ``anchor_cap`` documents takes no more). ``meta``: [band
    keys used, anchor keys used, arena used]; the caller made room (tables not full after this)."""
    o = set_off[i]
    n = len(sset)
    set_flat[o : o + n] = sset
    set_off[i + 1] = o + n
    nb = len(bkeys)
    slots = np.empty(nb, dtype=np.int64)
    prevs = np.empty(nb, dtype=np.int32)
    for b in range(nb):
        s = slot_of(band_keys, bkeys[b])
        if band_keys[s] == 0:
            band_keys[s] = bkeys[b]
            band_head[s] = -1
            meta[0] += 1
        slots[b] = s
        prevs[b] = band_head[s]
    for b in range(band_next.shape[1]):
        band_next[i, b] = -1
    for b in range(nb):
        band_next[i, b] = prevs[b]
        band_head[slots[b]] = i
    for a in range(len(anchors)):
        h = anchors[a]
        s = slot_of(anc_keys, h)
        if anc_keys[s] == 0:
            anc_keys[s] = h
            anc_len[s] = 0
            meta[1] += 1
        ln = anc_len[s]
        if ln == 0:
            o = meta[2]
            meta[2] += 2
            anc_off[s] = o
            arena[o] = i
            anc_len[s] = 1
        elif ln < anchor_cap:
            o = anc_off[s]
            if ln >= 2 and (ln & (ln - 1)) == 0:  # block full: move to one twice the size
                new = meta[2]
                meta[2] += 2 * ln
                arena[new : new + ln] = arena[o : o + ln]
                anc_off[s] = new
                o = new
            arena[o + ln] = i
            anc_len[s] = ln + 1


@compiled
def replay(start: int, stop: int, bkeys: np.ndarray, has_bands: np.ndarray, anchors: np.ndarray,
           anc_start: np.ndarray, band_keys: np.ndarray, band_head: np.ndarray, band_next: np.ndarray,
           anc_keys: np.ndarray, anc_off: np.ndarray, anc_len: np.ndarray, arena: np.ndarray, set_off: np.ndarray,
           set_flat: np.ndarray, meta: np.ndarray, anchor_cap: int, max_load: float) -> int:  # pragma: no cover
    """:func:`insert` documents ``start`` .. ``stop - 1`` again (their shingle sets already in ``set_flat``; band
    keys ``bkeys[i - start]`` where ``has_bands``; anchors ``anchors[anc_start[k] : anc_start[k + 1]]``, k = i -
    start), stopping before the first one that does not fit the tables as they are (the caller grows them, as
    ``DedupIndex._room_tables`` does before each insertion, and calls again); returns where it stopped."""
    nb = bkeys.shape[1]
    empty = np.zeros(0, dtype=np.uint64)
    for i in range(start, stop):
        k = i - start
        a0, a1 = anc_start[k], anc_start[k + 1]
        if (meta[2] + anchor_cap * (a1 - a0) > len(arena) or meta[0] + nb > max_load * len(band_keys)
                or meta[1] + (a1 - a0) > max_load * len(anc_keys)):
            return i
        insert(i, bkeys[k] if has_bands[k] else empty, anchors[a0:a1], set_flat[set_off[i] : set_off[i + 1]],
               band_keys, band_head, band_next, anc_keys, anc_off, anc_len, arena, set_off, set_flat, meta,
               anchor_cap)
    return stop


_M1, _M2, _S33 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53), np.uint64(33)
_LOW32 = np.uint64(0xFFFFFFFF)
_T1, _T2 = np.uint64(0x9E3779B1), np.uint64(0x85EBCA77)


@compiled
def word_hashes(c: np.ndarray, pw: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Hashes of the space-separated words of a UTF-32 text (``c``: its code points): the sum of code point x
    ``pw[position in the word]`` mod 2^64, then MurmurHash3's finaliser, 32 bits, never 0. Empty when a word is
    longer than ``pw`` (the caller extends it and asks again)."""
    n = 1
    for x in c:
        n += x == 32
    out = np.empty(n, dtype=np.uint64)
    w = 0
    h = np.uint64(0)
    k = 0
    for x in c:
        if x == 32:
            out[w] = _fin(h)
            w += 1
            h = np.uint64(0)
            k = 0
        else:
            if k == len(pw):
                return out[:0]
            h += np.uint64(x) * pw[k]
            k += 1
    out[w] = _fin(h)
    return out


@compiled
def _fin(h: np.uint64) -> np.uint64:  # pragma: no cover - compiled
    h ^= h >> _S33
    h *= _M1
    h ^= h >> _S33
    h *= _M2
    h = (h ^ (h >> _S33)) & _LOW32
    return h if h != 0 else _ONE


@compiled
def shingle_sets(wh: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover
    """Sorted unique word-3-gram hashes of each document (words ``starts[i] .. starts[i + 1]`` of ``wh``), all
    in one flat uint32 array with offsets; a text under three words is one shingle, the empty text none."""
    n = len(starts) - 1
    offs = np.zeros(n + 1, dtype=np.int64)
    flat = np.empty(max(len(wh), 1), dtype=np.uint32)
    o = 0
    for i in range(n):
        s = starts[i]
        m = starts[i + 1] - s
        if m >= 3:
            seg = np.empty(m - 2, dtype=np.uint32)
            for k in range(m - 2):
                h = (wh[s + k] * _T1 + wh[s + k + 1] * _T2 + wh[s + k + 2]) & _LOW32
                seg[k] = h if h != 0 else 1
            seg.sort()
            last = np.uint32(0)
            for k in range(m - 2):
                if seg[k] != last:
                    flat[o] = seg[k]
                    last = seg[k]
                    o += 1
        elif m > 0:
            h = np.uint64(0)
            for k in range(m):
                h += wh[s + k]
            h &= _LOW32
            flat[o] = h if h != 0 else 1
            o += 1
        offs[i + 1] = o
    return flat[:o], offs


@compiled
def lead_shares(members: np.ndarray, leads: np.ndarray, lead_len: np.ndarray, lead: np.ndarray, lead_n: int,
                truncated: bool, min_words: int) -> np.ndarray:  # pragma: no cover - compiled
    """Share of the cut text's lead words (word hashes, 0 = none) found among the full text's lead words, for
    each stored document in ``members``: the new document (``lead``, its first ``lead_n`` words) is the cut one
    when ``truncated``, else each stored one is. Under ``min_words`` cut words: 0."""
    out = np.zeros(len(members), dtype=np.float64)
    width = leads.shape[1]
    for t in range(len(members)):
        j = members[t]
        if truncated:
            cut, cut_n, full = lead, lead_n, leads[j]
        else:
            cut, cut_n, full = leads[j], np.int64(lead_len[j]), lead  # type: ignore[assignment]  # (an int64, as lead_n)
        n = 0
        inside = 0
        for a in range(cut_n):
            w = cut[a]
            if w == 0:
                continue
            n += 1
            for b in range(width):
                if full[b] == w:
                    inside += 1
                    break
        if n >= min_words:
            out[t] = inside / n
    return out
