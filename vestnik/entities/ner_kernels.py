"""The NER tagger's parts that stay pure Python in the compiled build (docs/architecture.md, "Compiled build").

:mod:`vestnik.entities.ner` is compiled by mypyc in the opt-in build; what it cannot hold lives here, imported by
it:

- the numba kernels (:func:`emissions`, :func:`viterbi`): ``@compiled`` (``vestnik/jit.py``) hands numba the
  function's Python bytecode, which a mypyc-compiled function no longer has;
- :class:`ModelMissing`: mypyc compiles no class that inherits ``RuntimeError`` (a native class's built-in base
  can only be one of a few: ``Exception``, ``ValueError``, ``LookupError``, ...).
"""

from __future__ import annotations

import numpy as np

from vestnik.jit import compiled


class ModelMissing(RuntimeError):
    """The trained model file is not there: run ``make train-ner``."""


@compiled
def emissions(idx: np.ndarray, st: np.ndarray, slen: np.ndarray, store: np.ndarray, opn: np.ndarray,
              cls: np.ndarray, pp: np.ndarray, pn: np.ndarray, pair: bool, bos: np.ndarray, eos: np.ndarray,
              bosq: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """Label scores of every token [token, label]: its word row's own part plus the parts its neighbours at
    -1, +1, -2, +2 within its sequence see of it (``store`` [row, part, label]), the sequence start/end weights,
    and the word-class pair weights (``pp`` [previous class, class], ``pn`` [class, next class], class K = none);
    and which tokens count as sentence-initial (the first, and the second after an opening quote). A neighbour
    missing at a sequence's edge reads row 0 (all zeros), which keeps the label loop free of branches."""
    T = len(idx)
    L = store.shape[2]
    K = pp.shape[1]
    e = np.empty((T, L))
    first = np.zeros(T, dtype=np.bool_)
    for s in range(len(st)):
        a = st[s]
        n = slen[s]
        first[a] = True
        if n > 1 and opn[a]:
            first[a + 1] = True
        for p in range(n):
            t = a + p
            r = n - p - 1
            w = idx[t]
            w1 = idx[t - 1] if p >= 1 else 0
            w3 = idx[t - 2] if p >= 2 else 0
            w2 = idx[t + 1] if r >= 1 else 0
            w4 = idx[t + 2] if r >= 2 else 0
            for j in range(L):  # the same sums in the same order; a missing part adds 0.0
                e[t, j] = store[w, 0, j] + store[w1, 1, j] + store[w3, 3, j] + store[w2, 2, j] + store[w4, 4, j]
            if pair:
                c = cls[w]
                cp = cls[w1] if p >= 1 else K
                cn = cls[w2] if r >= 1 else K
                for j in range(L):
                    e[t, j] += pp[cp, c, j] + pn[c, cn, j]
        for j in range(L):
            e[a, j] += bos[j]
            e[a + n - 1, j] += eos[j]
            if n > 1 and opn[a]:
                e[a + 1, j] += bosq[j]
    return e, first


@compiled
def viterbi(e: np.ndarray, trans: np.ndarray, st: np.ndarray, slen: np.ndarray, live: np.ndarray,
            o: int) -> np.ndarray:  # pragma: no cover - compiled
    """Best label path of each live sequence (tokens ``st[s] .. st[s] + slen[s]``) under emissions ``e`` [token,
    label] and transitions ``trans`` [from, to]; other tokens get label ``o``. Compiled by numba: a plain
    first-order Viterbi is a triple loop over 11 labels, which numpy can only vectorise across sequences, paying
    its per-call overhead at every step; compiled, the exact search over every token costs less than that
    overhead did. Ties go to the lower label index, as numpy's argmax. The previous label is the outer loop and
    the label the inner one, which reads a row of ``trans`` in order (each label still compares its candidates
    from label 0 up, as a plain argmax does)."""
    T, L = e.shape
    labels = np.full(T, o, dtype=np.intp)
    bp = np.zeros((max(int(slen.max()), 1) if len(slen) else 1, L), dtype=np.intp)
    delta = np.empty(L)
    best = np.empty(L)
    arg = np.empty(L, dtype=np.intp)
    for s in range(len(st)):
        if not live[s]:
            continue
        a = st[s]
        n = slen[s]
        for j in range(L):
            delta[j] = e[a, j]
        for t in range(1, n):
            d0 = delta[0]
            for j in range(L):
                best[j] = d0 + trans[0, j]
                arg[j] = 0
            for i in range(1, L):
                d = delta[i]
                for j in range(L):
                    v = d + trans[i, j]
                    if v > best[j]:
                        best[j] = v
                        arg[j] = i
            for j in range(L):
                delta[j] = best[j] + e[a + t, j]
                bp[t, j] = arg[j]
        cur = 0
        for j in range(1, L):
            if delta[j] > delta[cur]:
                cur = j
        labels[a + n - 1] = cur
        for t in range(n - 1, 0, -1):
            cur = bp[t, cur]
            labels[a + t - 1] = cur
    return labels


@compiled
def doc_flags(e: np.ndarray, idx: np.ndarray, cap: np.ndarray, low: np.ndarray, first: np.ndarray,
              self_lid: np.ndarray, lower_lid: np.ndarray, n_lid: int, n_rows: int, lcdoc: np.ndarray,
              midcap: np.ndarray) -> None:  # pragma: no cover - compiled
    """Add the document features to the emissions ``e`` in place: ``lcdoc`` to every capitalised token whose lower
    case the document also writes (``self_lid``/``lower_lid``: a word row's string id and its lower case's, ids
    below ``n_lid`` + 1), then ``midcap`` to every capitalised sentence-initial token (``first``) whose form is also
    written capitalised elsewhere (word rows below ``n_rows`` + 1). The same additions, in the same order, as
    boolean-mask updates in numpy, in one call instead of a dozen array operations."""
    T = len(idx)
    L = e.shape[1]
    n_cap = 0
    for t in range(T):
        if cap[t]:
            n_cap += 1
    if n_cap == 0:
        return
    seen = np.zeros(n_lid + 1, dtype=np.bool_)
    for t in range(T):
        if low[t]:
            seen[self_lid[idx[t]]] = True
    for t in range(T):
        if cap[t] and seen[lower_lid[idx[t]]]:
            for j in range(L):
                e[t, j] += lcdoc[j]
    mark = np.zeros(n_rows + 1, dtype=np.bool_)
    n_init = 0
    for t in range(T):
        if cap[t]:
            if first[t]:
                n_init += 1
            else:
                mark[idx[t]] = True
    if n_init == 0:
        return
    for t in range(T):
        if first[t] and cap[t] and mark[idx[t]]:
            for j in range(L):
                e[t, j] += midcap[j]


@compiled
def name_ranges(labels: np.ndarray, lab_type: np.ndarray, lab_begin: np.ndarray,
                st: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Names in BIO labels as rows [first token, end token (exclusive), type index]: a name begins at a B- label
    (``lab_begin``), at a sequence start (``st``), at the first token, and where the type (``lab_type``, -1 for O)
    changes; it goes on over the labels of its type that begin nothing."""
    T = len(labels)
    out = np.empty((T, 3), dtype=np.intp)
    head = np.zeros(T, dtype=np.bool_)
    for k in range(len(st)):
        head[st[k]] = True
    n = 0
    start = 0
    for t in range(T):
        ty = lab_type[labels[t]]
        if ty < 0:
            continue
        if lab_begin[labels[t]] or head[t] or t == 0 or lab_type[labels[t - 1]] != ty:
            start = t
        nxt = t + 1
        if nxt == T or not (lab_type[labels[nxt]] == ty and not lab_begin[labels[nxt]] and not head[nxt]):
            out[n, 0] = start
            out[n, 1] = nxt
            out[n, 2] = ty
            n += 1
    return out[:n]


@compiled
def tag_labels(idx: np.ndarray, st: np.ndarray, store: np.ndarray, props: np.ndarray, cls: np.ndarray, pp: np.ndarray,
               pn: np.ndarray, pair: bool, bos: np.ndarray, eos: np.ndarray, bosq: np.ndarray, self_lid: np.ndarray,
               lower_lid: np.ndarray, n_lid: int, n_rows: int, lcdoc: np.ndarray, midcap: np.ndarray,
               add_at: np.ndarray, add_w: np.ndarray, trans: np.ndarray,
               o: int) -> np.ndarray:  # pragma: no cover - compiled
    """The tagger's whole decoding of a document in one call (``Decoder.tag``): the tokens' first-character
    classes read from their word rows (``props`` [class, row]), the sequences' lengths from their starts ``st``,
    :func:`emissions`, :func:`doc_flags`, the sequence flags ``add_w[k]`` added to token ``add_at[k]`` in order,
    and :func:`viterbi` over the sequences that have a word starting with a letter. The same steps, in the same
    order, as the separate calls and numpy operations it replaces."""
    T = len(idx)
    S = len(st)
    slen = np.empty(S, dtype=np.intp)
    for s in range(S):
        slen[s] = (st[s + 1] if s + 1 < S else T) - st[s]
    alpha = np.empty(T, dtype=np.bool_)
    cap = np.empty(T, dtype=np.bool_)
    low = np.empty(T, dtype=np.bool_)
    opn = np.empty(T, dtype=np.bool_)
    for t in range(T):
        r = idx[t]
        alpha[t] = props[0, r]
        cap[t] = props[1, r]
        low[t] = props[2, r]
        opn[t] = props[3, r]
    e, first = emissions(idx, st, slen, store, opn, cls, pp, pn, pair, bos, eos, bosq)
    doc_flags(e, idx, cap, low, first, self_lid, lower_lid, n_lid, n_rows, lcdoc, midcap)
    L = e.shape[1]
    for k in range(len(add_at)):
        for j in range(L):
            e[add_at[k], j] += add_w[k, j]
    live = np.zeros(S, dtype=np.bool_)
    for s in range(S):
        for t in range(st[s], st[s] + slen[s]):
            if alpha[t]:
                live[s] = True
                break
    return viterbi(e, trans, st, slen, live, o)


@compiled
def word_rows(w: np.ndarray, cw: np.ndarray, c0: int, key_ptr: np.ndarray, key_ids: np.ndarray, store: np.ndarray,
              r0: int, shared: np.ndarray, own: np.ndarray, own_hw: np.ndarray,
              b: int) -> None:  # pragma: no cover - compiled
    """The score rows of a document's new feature group keys and new word forms, in place (``Decoder._add_rows``):
    first ``cw[c0 + k]`` = the sum of the weight rows ``w[key_ids[key_ptr[k]:key_ptr[k + 1]]]`` of each new key
    ``k``, then ``store[r0 + r]`` = the sum of word ``r``'s group rows ``cw[shared[:, r]]`` (which may be the new
    keys' rows), plus its own weights ``w[own[r]]``, its hyphen head's ``w[own_hw[r]]`` and the bias ``w[b]``.
    Every sum starts from 0.0 and adds its terms in that order, as the numpy form did (a gather per term added into
    one array, from a first term plus 0.0: the same floats, the sign of a zero included), in one call instead of
    some thirty numpy operations on a few dozen rows."""
    M = w.shape[1] * w.shape[2]
    # (rows as flat vectors of part x label: each sum runs along a row, element by element, which the compiler
    # vectorises; every element keeps its own order of additions)
    w2 = w.reshape((w.shape[0], M))
    cw2 = cw.reshape((cw.shape[0], M))
    store2 = store.reshape((store.shape[0], M))
    for k in range(len(key_ptr) - 1):
        dst = cw2[c0 + k]
        dst[:] = 0.0
        for q in range(key_ptr[k], key_ptr[k + 1]):
            src = w2[key_ids[q]]
            for x in range(M):
                dst[x] += src[x]
    G = shared.shape[0]
    for r in range(shared.shape[1]):
        dst = store2[r0 + r]
        dst[:] = 0.0
        for g in range(G):
            src = cw2[shared[g, r]]
            for x in range(M):
                dst[x] += src[x]
        for src in (w2[own[r]], w2[own_hw[r]], w2[b]):
            for x in range(M):
                dst[x] += src[x]
