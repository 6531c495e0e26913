"""The NER tagger's compiled kernels against the numpy array operations they replaced (stop 70), on random input:
the kernels are the faster form of the same arithmetic, so every answer must be the same, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from vestnik.entities.ner_features import _MARK
from vestnik.entities.ner_kernels import doc_flags, name_ranges, token_offsets


def names_numpy(labels: np.ndarray, lab_type: np.ndarray, lab_begin: np.ndarray,
                starts: list[int]) -> list[tuple[int, int, int]]:
    T = len(labels)
    typ = lab_type[labels]
    named = typ >= 0
    if not named.any():
        return []
    head = np.zeros(T, dtype=bool)
    head[np.array(starts, dtype=np.intp)] = True
    begin = named & (lab_begin[labels] | head | np.concatenate(([True], typ[1:] != typ[:-1])))
    cont = named & ~begin
    last = named & ~np.append(cont[1:], False)
    return list(zip(np.flatnonzero(begin).tolist(), (np.flatnonzero(last) + 1).tolist(), typ[begin].tolist(),
                    strict=True))


def doc_flags_numpy(e: np.ndarray, idx: np.ndarray, cap: np.ndarray, low: np.ndarray, first: np.ndarray,
                    self_lid: np.ndarray, lower_lid: np.ndarray, n_lid: int, n_rows: int, lcdoc_w: np.ndarray,
                    midcap_w: np.ndarray) -> None:
    init = first & cap
    if cap.any():
        seen = np.zeros(n_lid + 1, dtype=bool)
        seen[self_lid[idx[low]]] = True
        lcdoc = cap & seen[lower_lid[idx]]
        if lcdoc.any():
            e[lcdoc] += lcdoc_w
        if init.any():
            mark = np.zeros(n_rows + 1, dtype=bool)
            mark[idx[cap & ~first]] = True
            mid = init & mark[idx]
            if mid.any():
                e[mid] += midcap_w


def offsets_numpy(text: str) -> tuple[list[int], list[int], list[bool], list[bool]]:
    words = text.split()
    cp = np.array([ord(c) for c in text], dtype=np.int64)
    space = np.array([c.isspace() for c in text], dtype=bool)
    lens = np.array([len(w) for w in words], dtype=np.intp)
    solid = np.flatnonzero(~space)
    ends_at = np.cumsum(lens)
    starts = solid[ends_at - lens]
    ends = solid[ends_at - 1] + 1
    nl = np.flatnonzero(cp == 10)
    brk = np.zeros(len(words), dtype=bool)
    if len(nl):
        line = np.searchsorted(nl, starts)
        brk[1:] = line[1:] != line[:-1]
    mark = (lens[:-1] == 1) & _MARK[np.minimum(cp[starts[:-1]], 0x3000)] & ~brk[1:] & (starts[1:] > ends[:-1])
    return starts.tolist(), ends.tolist(), brk.tolist(), [*mark.tolist(), False]


@pytest.mark.parametrize("seed", range(6))
def test_name_ranges_as_the_numpy_form(seed: int) -> None:
    rng = np.random.default_rng(seed)
    lab_type = np.array([-1, 0, 0, 1, 1, 2, 2], dtype=np.intp)  # O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG
    lab_begin = np.array([False, True, False, True, False, True, False])
    for _ in range(300):
        T = int(rng.integers(1, 40))
        labels = rng.integers(0, 7, size=T).astype(np.intp)
        starts = sorted({0, *rng.integers(0, T, size=int(rng.integers(0, 4))).tolist()})
        got = [tuple(r) for r in name_ranges(labels, lab_type, lab_begin, np.array(starts, dtype=np.intp)).tolist()]
        assert got == names_numpy(labels, lab_type, lab_begin, starts)


@pytest.mark.parametrize("seed", range(4))
def test_doc_flags_as_the_numpy_form(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows, n_lid, L = 30, 25, 5
    self_lid = rng.integers(0, n_lid + 1, size=n_rows + 1).astype(np.intp)
    lower_lid = rng.integers(0, n_lid + 1, size=n_rows + 1).astype(np.intp)
    lcdoc_w, midcap_w = rng.normal(size=L), rng.normal(size=L)
    for _ in range(200):
        T = int(rng.integers(1, 30))
        idx = rng.integers(0, n_rows + 1, size=T).astype(np.intp)
        cap = rng.random(T) < 0.4
        low = ~cap & (rng.random(T) < 0.7)
        first = rng.random(T) < 0.3
        e = rng.normal(size=(T, L))
        want = e.copy()
        doc_flags(e, idx, cap, low, first, self_lid, lower_lid, n_lid, n_rows, lcdoc_w, midcap_w)
        doc_flags_numpy(want, idx, cap, low, first, self_lid, lower_lid, n_lid, n_rows, lcdoc_w, midcap_w)
        assert np.array_equal(e, want)


def test_token_offsets_as_the_numpy_form() -> None:
    rng = np.random.default_rng(0)
    alphabet = [*"ab Я.,!?:\n\t\u00a0—„“1", "  ", "\n\n", ". ", "!\n"]
    texts = ["Путин каза: „Да“ . И още\nнещо ! Край", " \n Две думи \n", "x"]
    texts += ["".join(rng.choice(alphabet, size=int(rng.integers(1, 60)))) for _ in range(2000)]
    for text in texts:
        words = text.split()
        if not words:
            continue
        cp = np.array([ord(c) for c in text], dtype=np.int64)
        space = np.array([c.isspace() for c in text], dtype=bool)
        lens = np.array([len(w) for w in words], dtype=np.intp)
        starts, ends, brk, mark = token_offsets(space, cp, lens, _MARK)
        got = (starts.tolist(), ends.tolist(), brk.tolist(), mark.tolist())
        assert got == offsets_numpy(text), text
        assert [text[s:e] for s, e in zip(got[0], got[1], strict=True)] == words
