"""The tagger's batched per-word work gives what the one-word-at-a-time definitions give: the feature group columns
of new word forms (``Featurizer.word_columns`` = ``word_groups`` per word), the whitespace-chunk tokenizer
(``_words`` = the token regex), the trigger look-up, and the cross-script name key's consonant skeleton."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from vestnik.entities.morph import _ENDINGS, _NON_ALNUM, _TR, _VOICE, VOWELS, _skeleton
from vestnik.entities.ner import NerModel, _head_classes
from vestnik.entities.ner_features import (
    _DEM_ENDS,
    _DEM_PREFIX,
    _DEM_SHORT,
    _MORPH_TAGS,
    TOKEN_RE,
    Featurizer,
    _words,
    group_features,
    make_morph,
)
from vestnik.entities.ner_kernels import word_rows

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"
ODD = ["ǅx", "İstanbul", "ΑΒΓ", "ΟΔΥΣΣΕΑΣ", "x", "X", "Xx", "ABC-def", "a-b", "Кoмпания", "мiр", "Ѝ", "1990-те", "_a",
       "ⅫⅡ", "ǈubljana", "ßtraße", "ﬁx", "ᾈa", "д-р", "Дюма-син", "РусияМистериозна", "най-добрите", "„", "—", "12,5",
       "авиокомпанията", "британците", "руснаците", "северноирландците", "Върховният", "u.s.", "O'Neil", "x5.3"]


@cache
def sample_texts() -> tuple[str, ...]:
    out = []
    for p in sorted(SAMPLES.glob("*.*[lt]")):  # the .html and .txt pages, some in legacy Cyrillic encodings
        data = p.read_bytes()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raw = data.decode("cp1251")
        out.append(raw if p.suffix == ".txt" else re.sub(r"<[^>]+>", " ", raw))
    return tuple(out)


@cache
def sample_words() -> list[str]:
    return list(dict.fromkeys([w for t in sample_texts() for w in TOKEN_RE.findall(t)] + ODD))


@pytest.fixture(scope="module", params=["bg", "ru"])
def featurizer(request: pytest.FixtureRequest) -> Featurizer:
    return NerModel.load(request.param).featurizer


def test_word_columns_are_word_groups_by_column(featurizer: Featurizer) -> None:
    words = sample_words()
    assert len(words) > 1000
    columns = featurizer.word_columns(words)
    expected = list(zip(*map(featurizer.word_groups, words), strict=True))
    assert [list(c) for c in columns] == [list(c) for c in expected]


def test_word_classes_are_word_class_by_word(featurizer: Featurizer) -> None:
    words = sample_words()
    tags = featurizer.word_columns(words)[5]
    assert featurizer.word_classes(words, tags) == list(map(featurizer.word_class, words, tags))
    assert featurizer.word_classes(words, tags) == list(map(featurizer.word_class, words))  # tags looked up there


def _trigger_reference(f: Featurizer, lw: str) -> str:
    """Featurizer.trigger as first written: every stem length tried in turn."""
    n = len(lw)
    if lw[:3] in f._t3:
        for k in sorted({len(s) for s in f.triggers}, reverse=True):
            if k <= n <= k + 4 and (t := f.triggers.get(lw[:k])):
                return t
    if n > 4 and (lw[:3] in f._d3 or lw[:2] in f._d3):
        if lw.startswith(_DEM_PREFIX):
            p = next(p for p in _DEM_PREFIX if lw.startswith(p))
            lw = lw[len(p) :]
            n = len(lw)
        for cut in range(1, min(8, n - 1)):
            e = lw[-cut:]
            if ((e in _DEM_ENDS and n - cut >= 4) or e in _DEM_SHORT) and lw[:-cut] in f.dem_stems:
                return "dem"
    return ""


def test_trigger_tries_only_the_stem_lengths_that_fit(featurizer: Featurizer) -> None:
    for w in sample_words():
        lw = w.lower()
        assert featurizer.trigger(lw) == _trigger_reference(featurizer, lw), w


def test_demonyms_are_found_from_the_stems_a_word_starts_with(featurizer: Featurizer) -> None:
    """Every country-adjective stem with every demonym ending and prefix, and near misses (a letter short, one
    letter too many): the stem index answers what trying every ending length answers."""
    words = set()
    for st in featurizer.dem_stems:
        for e in [*_DEM_ENDS, *_DEM_SHORT, "", "а", "ската", "xx"]:
            for p in ("", *_DEM_PREFIX):
                words.update((p + st + e, p + st[:-1] + e, p + st + "x" + e))
    assert not featurizer.dem_stems or sum(featurizer.trigger(w) == "dem" for w in words) > 1000
    for w in words:
        assert featurizer.trigger(w) == _trigger_reference(featurizer, w), w


def test_head_classes_are_the_str_methods() -> None:
    chars = [chr(c) for c in range(0x10000)] + ["😀", "𝐀x", "𝐚"]
    got = _head_classes(chars).tolist()
    assert got == [[c[0].isalpha() for c in chars], [c[0].isupper() for c in chars], [c[0].islower() for c in chars]]
    assert _head_classes(["Ab", "ab", "1"]).tolist() == [[True, True, False], [True, False, False], [False, True, False]]


def _row_sum(table: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The decoder's numpy form of a row sum until stop 72: a gather per column added into the first plus 0.0."""
    out = table.take(ids[:, 0], axis=0)
    out += 0.0
    for k in range(1, ids.shape[1]):
        out += table.take(ids[:, k], axis=0)
    return out


def test_row_sums_are_numpy_sums_to_the_bit() -> None:
    rng = np.random.default_rng(0)
    table = rng.normal(size=(50, 5, 11))
    table[3] = -0.0  # a negative zero row: the sum from 0.0 makes it 0.0
    ids = rng.integers(0, 50, size=(40, 6))
    ids[:5] = 3
    assert _row_sum(table, ids).tobytes() == table[ids].sum(axis=1).tobytes()


@pytest.mark.parametrize("seed", range(3))
def test_word_rows_are_the_numpy_sums_to_the_bit(seed: int) -> None:
    """word_rows (one compiled call) writes the rows the decoder's numpy form wrote: the new keys' rows as sums of
    their feature rows padded with row 0 to the widest key, then the words' rows as sums of their group rows, plus
    their own, hyphen head and bias rows; negative zeros and exact cancellations included."""
    rng = np.random.default_rng(seed)
    for _ in range(50):
        n_w, L = int(rng.integers(4, 40)), int(rng.integers(1, 12))
        w = rng.normal(size=(n_w, 5, L))
        w[0] = 0.0
        w[1] = -0.0
        w[2] = -w[3]
        if seed == 2:
            w = np.round(w)  # integers: many exact sums and cancellations
        old_cw, n_keys = int(rng.integers(1, 10)), int(rng.integers(0, 8))
        keys = [rng.integers(0, n_w, size=int(rng.integers(1, 6))).tolist() for _ in range(n_keys)]
        cw = rng.normal(size=(old_cw + n_keys + 3, 5, L))
        cw[0] = 0.0
        want_cw = cw.copy()
        if keys:
            width = max(map(len, keys))
            mat = np.array([x + [0] * (width - len(x)) for x in keys], dtype=np.intp)
            want_cw[old_cw : old_cw + n_keys] = _row_sum(w, mat)
        k, G = int(rng.integers(1, 30)), int(rng.integers(1, 7))
        shared = rng.integers(0, old_cw + n_keys, size=(G, k)).astype(np.intp)
        own, own_hw = rng.integers(0, n_w, size=(2, k)).astype(np.intp)
        b = int(rng.integers(0, n_w))
        want = _row_sum(want_cw, shared.T)
        want += w.take(own, axis=0)
        want += w.take(own_hw, axis=0)
        want += w[b]
        r0 = int(rng.integers(1, 5))
        store = rng.normal(size=(r0 + k + 2, 5, L))
        want_store = store.copy()
        want_store[r0 : r0 + k] = want
        ptr = np.array([0, *np.cumsum([len(x) for x in keys])], dtype=np.intp)
        ids = np.array([i for x in keys for i in x], dtype=np.intp)
        word_rows(w, cw, old_cw, ptr, ids, store, r0, shared, own, own_hw, b)
        assert cw.tobytes() == want_cw.tobytes()
        assert store.tobytes() == want_store.tobytes()


def test_words_equal_the_token_regex() -> None:
    texts = [*sample_texts(), " ".join(ODD), "думи, край. „цитат“ 12,5% x5.3 a_b\nнов ред", "", "  \n "]
    for t in texts:
        assert _words(t) == TOKEN_RE.findall(t)


def _skeleton_reference(word: str) -> str:
    """morph._skeleton as first written (regex passes and a per-character generator)."""
    w = word.lower()
    if len(w) > 4:
        for e in _ENDINGS:
            if w.endswith(e):
                w = w[: -len(e)]
                break
    lat = _NON_ALNUM.sub("", w.translate(_TR))
    if not lat:
        return ""
    lat = lat.replace("shch", "st").replace("sht", "st").replace("kh", "h").replace("ts", "c").replace("zh", "sh")
    lat = lat.translate(_VOICE)
    sk = lat[0] + "".join(ch for ch in lat[1:] if ch not in VOWELS)
    return re.sub(r"(.)\1+", r"\1", sk)


def test_skeleton_is_unchanged() -> None:
    for w in [*sample_words(), "Щщукин", "Ааронсон", "Гааг", "Хамилтън-Паркър", "Müller", "ŞIŞLI", "", "_"]:
        assert _skeleton(w) == _skeleton_reference(w), w


@pytest.mark.parametrize("lang", ["bg", "ru"])
def test_key_ids_by_prefix_are_the_group_features_ids(lang: str) -> None:
    dec = NerModel.load(lang).decoder
    assert dec is not None
    words = sample_words()
    cols = dec.featurizer.word_columns(words)
    for g in (1, 2, 3, 5, 6, 7):
        odd = ["", "a", "ab", "=", "a=b", "аз"] if g != 3 else []  # (a form key has its seven fields)
        keys = list(dict.fromkeys([*cols[g], *odd]))
        got = [dec._key_ids(g, k) for k in keys]
        assert got == [[dec.fid.get(f, 0) for f in group_features(g, k)] for k in keys]
    # the word's own weights and its hyphen head's, as the feature names "w=..." and "hw=..." give them
    assert [dec._by_prefix["w="].get(w, 0) for w in cols[0]] == [dec.fid.get("w=" + w, 0) for w in cols[0]]
    heads = [h for h in cols[4] if h is not None] + ["", "=", "a=b"]
    assert [dec._by_prefix["hw="].get(h, 0) for h in heads] == [dec.fid.get("hw=" + h, 0) for h in heads]


def test_morph_tags_are_the_grammemes_of_pymorphy_tag() -> None:
    """make_morph reads the dictionary's tag ids without MorphAnalyzer.tag's probability sort: the same grammemes."""
    import pymorphy3
    from pymorphy3 import units

    m = pymorphy3.MorphAnalyzer(units=[units.DictionaryAnalyzer()])
    wanted = frozenset(_MORPH_TAGS)
    tags = make_morph()
    words = [*sample_words(), "Ёлкин", "Елкин", "ЁЛКИН", "Алёна", "Алена", "москва", "МОСКВА", "Путина", "Сергеевич"]
    for w in words:
        assert tags(w) == tuple(sorted({g for t in m.tag(w) for g in wanted & t.grammemes})), w
    assert sum(1 for w in words if tags(w)) > 50  # (names the dictionary knows are among them)
