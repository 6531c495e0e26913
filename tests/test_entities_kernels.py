"""The NER tagger's compiled kernels against the numpy array operations they replaced (stop 70), on random input:
the kernels are the faster form of the same arithmetic, so every answer must be the same, bit for bit; and the
tokenizer's offsets (read from white-space chunks since stop 71) against the regex, token by token."""

from __future__ import annotations

import numpy as np
import pytest

from vestnik.entities.ner_features import TOKEN_RE, split_offsets
from vestnik.entities.ner_kernels import doc_flags, emissions, name_ranges, tag_labels, viterbi


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


def split_offsets_plain(text: str) -> tuple[list[int], list[int], list[str], list[int]]:
    """The tokens and tagging sequences of split_offsets by the token regex and the sequence rules, token by token."""
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    if not spans:
        return [], [], [], []
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    words = [text[s:e] for s, e in spans]
    n = len(words)
    brk = [False] + ["\n" in text[ends[k - 1] : starts[k]] for k in range(1, n)]
    # a one-character sentence mark with white space after it and no line break before the next token
    mark = [len(words[k]) == 1 and words[k] in ".!?…" and not brk[k + 1] and starts[k + 1] > ends[k]
            for k in range(n - 1)]
    seqs = [0]
    for i in range(1, n):
        if brk[i] or (mark[i - 1] and i - 1 - seqs[-1] >= 3 and words[i][:1].isupper()):
            seqs.append(i)
    return starts, ends, words, seqs


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


def test_split_offsets_as_the_plain_form() -> None:
    """split_offsets reads tokens chunk by chunk and line breaks with str.find: the same as the regex and the rules
    token by token, where white space, marks and line breaks fall anywhere."""
    rng = np.random.default_rng(0)
    alphabet = [*"ab Я.,!?:…\n\t\u00a0—„“1_-'", "  ", "\n\n", ". ", "!\n", "Да", "\u3000", "😀", "\x1c", "д.", "?!",
                "x5.3", "a_b", " \n "]
    texts = ["Путин каза: „Да“ . И още\nнещо ! Край", " \n Две думи \n", "x", "", " ", "\n", "Край.", "а б в. Г"]
    texts += ["".join(rng.choice(alphabet, size=int(rng.integers(1, 60)))) for _ in range(5000)]
    for text in texts:
        assert split_offsets(text) == split_offsets_plain(text), text


@pytest.mark.parametrize("seed", range(3))
def test_tag_labels_as_the_separate_steps(seed: int) -> None:
    """The fused decoding call gives the labels of its steps called one by one (the tagger's former form)."""
    rng = np.random.default_rng(seed)
    n_rows, L, K = 40, 7, 9
    store = rng.normal(size=(n_rows + 1, 5, L))
    store[0] = 0.0
    props = rng.random((7, n_rows + 1)) < 0.5
    cls = rng.integers(0, K, size=n_rows + 1).astype(np.intp)  # (a word's class; K stands for no neighbour)
    pp, pn = rng.normal(size=(K + 1, K, L)), rng.normal(size=(K, K + 1, L))
    bos, eos, bosq, lcdoc_w, midcap_w = rng.normal(size=(5, L))
    trans = rng.normal(size=(L, L))
    n_lid = 30
    self_lid = rng.integers(0, n_lid + 1, size=n_rows + 1).astype(np.intp)
    lower_lid = rng.integers(0, n_lid + 1, size=n_rows + 1).astype(np.intp)
    for _ in range(100):
        T = int(rng.integers(1, 50))
        idx = rng.integers(1, n_rows + 1, size=T).astype(np.intp)
        starts = sorted({0, *rng.integers(0, T, size=int(rng.integers(0, 6))).tolist()})
        st = np.array(starts, dtype=np.intp)
        slen = np.array([b - a for a, b in zip(starts, [*starts[1:], T], strict=True)], dtype=np.intp)
        pair = bool(rng.integers(0, 2))
        n_add = int(rng.integers(0, 4))
        add_at = rng.integers(0, T, size=n_add).astype(np.intp)
        add_w = rng.normal(size=(n_add, L))
        alpha, cap, low, opn = props[:4, idx]
        e, first = emissions(idx, st, slen, store, opn, cls, pp, pn, pair, bos, eos, bosq)
        doc_flags(e, idx, cap, low, first, self_lid, lower_lid, n_lid, n_rows, lcdoc_w, midcap_w)
        for k in range(n_add):
            e[add_at[k]] += add_w[k]
        want = viterbi(e, trans, st, slen, np.maximum.reduceat(alpha, st), 0)
        got = tag_labels(idx, st, store, props, cls, pp, pn, pair, bos, eos, bosq, self_lid, lower_lid, n_lid,
                         n_rows, lcdoc_w, midcap_w, add_at, add_w, trans, 0)
        assert got.tolist() == want.tolist()
