"""Statistical proper-name tagger (PER/LOC/ORG/PRO/EVT, BSNLP guidelines) for Bulgarian and Russian.

A linear-chain CRF (python-crfsuite) over the tokens of :mod:`vestnik.entities.ner_features`, trained by
``make train-ner`` (``scripts/train_ner.py``) on the SlavicNER/BSNLP development topics; the models ship in
``vestnik/entities/models/`` and load offline. It finds names the knowledge base does not know; linking to
entities is the job of the entities stage (:mod:`vestnik.entities.stage`), which calls :func:`recognize`.

Language choice: bg and mk use the Bulgarian model, ru/uk/be the Russian one (mk and uk are close enough
for capitalised names; treat their output as a fallback). Other languages get no statistical mentions.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from itertools import chain, compress, count, repeat
from operator import is_, itemgetter, not_
from pathlib import Path
from typing import Any, cast

import numpy as np

from vestnik.document import Document, Mention
from vestnik.entities.morph import variants
from vestnik.entities.ner_base import BaseForms, RuMorph
from vestnik.entities.ner_features import (
    _OPEN,
    WORD_CLASSES,
    DocContext,
    Featurizer,
    group_features,
    lang_words,
    load_gazetteer,
    load_triggers,
    make_morph,
    split,
    split_offsets,
)
from vestnik.entities.ner_kernels import ModelMissing, name_ranges, tag_labels, word_rows
from vestnik.pipeline import Resources

MODEL_DIR = Path(__file__).resolve().parent / "models"
#: document language -> model language
MODEL_FOR = {"bg": "bg", "mk": "bg", "ru": "ru", "uk": "ru", "be": "ru"}
TYPES = ("PER", "LOC", "ORG", "PRO", "EVT")
#: prefix of a feature seen from a neighbour -> part of Decoder.w
_PARTS = {"-1": 1, "+1": 2, "-2": 3, "+2": 4}
#: the feature groups (ner_features.word_groups) whose keys share cached rows (Decoder._ctab); 0 and 4 (the word, the
#: hyphen head) are looked up per word
_GROUPS = (1, 2, 3, 5, 6, 7)
#: feature-name prefixes that Decoder._by_prefix indexes
_PREFIXES = ("w=", "hw=", "s1=", "s2=", "s3=", "s4=", "p2=", "p3=")
#: word class (ner_features.WORD_CLASSES) -> its index in the decoder's pair tables
_CLASS_INDEX = {c: i for i, c in enumerate(WORD_CLASSES)}


class Decoder:
    """Viterbi decoding of a crfsuite model, over all of a document's tokens at once.

    crfsuite's own ``Tagger.tag`` spends most of its time converting feature strings. Here the model's weights are
    regrouped at load time by a word's own feature: ``w=москва`` carries the weights of ``w=москва`` and of
    ``-1w=москва``, ``+1w=москва``, ``-2w=москва``, ``+2w=москва`` (the same word seen from its neighbours). A word
    form's five label-score vectors (its own, and as seen from ±1 and ±2) are the sum of its word row and of cached
    rows for its feature groups (ending, beginning, form, gazetteer tags, ...: ``Featurizer.word_groups``, shared
    by many words), computed once per word form (per process, bounded) for all new words of a document together;
    a token's emission scores are then five row look-ups, and position, document and pair features are added over
    the whole document with numpy; the search is exact (:func:`~vestnik.entities.ner_kernels.viterbi`, compiled by
    numba), so the labels equal crfsuite's (same weights, same model; tests check that on real text).
    """

    #: word forms whose score rows are kept (about 440 bytes each); the cache is emptied between documents when full
    MAX_ROWS = 60_000

    def __init__(self, info: object, labels: list[str], featurizer: Featurizer) -> None:
        self.labels = labels
        self.lab = {x: i for i, x in enumerate(labels)}
        n = len(labels)
        #: own feature name -> row of ``self.w`` ([row, part, label]: part 0 its own weight, 1..4 the weights of
        #: the "-1", "+1", "-2", "+2" features of the same name); row 0 is all zeros
        self.fid: dict[str, int] = {}
        rows: list[tuple[int, int, int, float]] = []
        for (attr, label), w in info.state_features.items():  # type: ignore[attr-defined]
            part = _PARTS.get(attr[:2], 0)
            key = attr[2:] if part else attr
            r = self.fid.setdefault(key, len(self.fid) + 1)
            rows.append((r, part, self.lab[label], w))
        self.w = np.zeros((len(self.fid) + 1, 5, n))
        if rows:
            ri, pi, li, wv = zip(*rows, strict=True)
            self.w[list(ri), list(pi), list(li)] = wv
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():  # type: ignore[attr-defined]
            self.trans[self.lab[a], self.lab[b]] = w
        #: per feature-name prefix of the commonest groups (word, hyphen head, endings, beginnings): the rest of each
        #: name -> its row, so a new word's or key's ids are looked up without building the names (see _key_ids)
        self._by_prefix: dict[str, dict[str, int]] = {p: {} for p in _PREFIXES}
        for name, r in self.fid.items():
            head = name[: name.find("=") + 1]
            if head in self._by_prefix:
                self._by_prefix[head][name[len(head) :]] = r
        self.featurizer = featurizer
        self.o = self.lab["O"]
        #: position and document feature weights (label scores) that every document adds
        self._bos, self._eos, self._bosq = self.flag("BOS"), self.flag("EOS"), self.flag("BOS+q")
        self._lcdoc, self._midcap = self.flag("lcdoc"), self.flag("midcap")
        #: no sequence flags to add (tokens, label scores): what tag() passes without the "quote" and "run" groups
        self._no_add = (np.zeros(0, dtype=np.intp), np.zeros((0, n)))
        #: no new group keys (what _add_rows passes word_rows when a document's words bring none)
        self._no_keys, self._no_ids = np.zeros(1, dtype=np.intp), np.zeros(0, dtype=np.intp)
        #: the row of the bias feature "b" (every word has it)
        self._b = self.fid.get("b", 0)
        #: per label: its type's index in ``TYPES`` order of appearance (-1 for O) and whether it begins a name
        self.types = sorted({x[2:] for x in labels if x != "O"})
        self.lab_type = np.array([-1 if x == "O" else self.types.index(x[2:]) for x in labels])
        self.lab_begin = np.array([x.startswith("B-") for x in labels])
        #: "pair" features (ner_features.Featurizer.word_class of a token and its neighbour): [class, class, label]
        self.pair = "pair" in featurizer.extra
        K = len(WORD_CLASSES)
        ext = WORD_CLASSES + "^"  # index K: no neighbour (sequence start or end)
        self._pp = np.array([[self.flag("pp=" + a + b) for b in WORD_CLASSES] for a in ext])
        self._pn = np.array([[self.flag("pn=" + a + (b if b != "^" else "$")) for b in ext] for a in WORD_CLASSES])
        self._cls = np.full(1024, K, dtype=np.intp)
        self._rows: dict[str, int] = {}
        # [word row, part, label]; row 0 stays zero: padding. Row-major by word: emissions() reads all five parts
        # of a word within five tokens, from one stretch of memory (the table is mostly out of cache by the time a
        # document is tagged, and a [part, row, label] layout cost five scattered reads per token)
        self._store = np.zeros((1024, 5, n))
        #: per word row: first character is a letter / upper case / lower case / an opening quote or bracket; and,
        #: for the document-level rules (NerModel._propagate), a noun for a country's people / a capitalised rank
        #: adjective (both decided once per word form, here, instead of per token of every document), and a plural
        #: noun for a party's members (``group_words``, NerModel._groups)
        self._props = np.zeros((7, 1024), dtype=bool)
        #: the lower-case words of NerModel.groups (set by the model): row 6 of ``_props`` marks the word forms of
        #: more than three characters among them, so a document's look-up is one gather, not a lower() per token
        self.group_words: frozenset[str] = frozenset()
        #: string ids for the lower-case look-up ("lcdoc"): per word row, the id of its form and of its lower case
        self._lid: dict[str, int] = {}
        #: cached rows of feature groups (ner_features.word_groups 1..7): key -> row of ``self._cw``; row 0 is zero
        self._ctab: list[dict[str, int]] = [{"": 0} for _ in range(8)]
        self._cw = np.zeros((1024, 5, n))
        self._cn = 1
        self._self_lid = np.zeros(1024, dtype=np.intp)
        self._lower_lid = np.zeros(1024, dtype=np.intp)
        #: the word list :meth:`tag` read last and its word rows (:meth:`word_flags` reads the same list after it)
        self._last: tuple[list[str], np.ndarray] | None = None

    def flag(self, name: str) -> np.ndarray:
        """Label weights of a position/document feature (BOS, EOS, lcdoc, ...)."""
        return self.w[self.fid.get(name, 0), 0]

    def _key_ids(self, group: int, key: str) -> list[int]:
        """``[fid.get(f, 0) for f in group_features(group, key)]``: for endings (group 1) and beginnings (group 2),
        nine in ten new keys, from the tables by prefix without building the feature names (a test holds this to
        group_features)."""
        if group == 1:
            by = self._by_prefix
            return [by["s1="].get(key[-1:], 0), by["s2="].get(key[-2:], 0), by["s3="].get(key[-3:], 0),
                    by["s4="].get(key, 0)]
        if group == 2:
            by = self._by_prefix
            return [by["p2="].get(key[:2], 0), by["p3="].get(key, 0)]
        fid = self.fid
        return [fid.get(f, 0) for f in group_features(group, key)]

    def _combos(self, new_keys: list[tuple[int, list[str]]]) -> tuple[int, np.ndarray, np.ndarray]:
        """Number the rows of ``self._cw`` for new feature group keys (endings, forms, tag sets), for all groups at
        once (``new_keys``: group, its new keys), and return what :func:`word_rows` sums into them: the first new
        row, and the keys' feature ids (flat, key ``k``'s from ``ptr[k]`` to ``ptr[k + 1]``)."""
        ids: list[int] = []
        ptr = [0]
        more, mark = ids.extend, ptr.append
        by = self._by_prefix
        for group, keys in new_keys:
            # endings and beginnings (nine in ten new keys): _key_ids' look-ups inline, without a call and a list
            # per key
            if group == 1:
                s1, s2, s3, s4 = by["s1="].get, by["s2="].get, by["s3="].get, by["s4="].get
                for k in keys:
                    more((s1(k[-1:], 0), s2(k[-2:], 0), s3(k[-3:], 0), s4(k, 0)))
                    mark(len(ids))
            elif group == 2:
                p2, p3 = by["p2="].get, by["p3="].get
                for k in keys:
                    more((p2(k[:2], 0), p3(k, 0)))
                    mark(len(ids))
            else:
                for k in keys:
                    more(self._key_ids(group, k))
                    mark(len(ids))
        r0 = self._cn
        r1 = r0 + len(ptr) - 1
        if r1 > len(self._cw):
            # (not zeroed: rows past ``r1`` are written by word_rows before any is read)
            grown = np.empty((max(2 * len(self._cw), r1), *self._cw.shape[1:]))
            grown[: len(self._cw)] = self._cw
            self._cw = grown
        self._cn = r1
        c = r0
        for group, keys in new_keys:
            self._ctab[group].update(zip(keys, count(c)))
            c += len(keys)
        return (r0, np.fromiter(ptr, dtype=np.intp, count=len(ptr)),
                np.fromiter(ids, dtype=np.intp, count=len(ids)))

    def _add_rows(self, new: list[str]) -> None:
        """Score rows for word forms not seen yet: the word's own weights plus its groups' cached rows (ending,
        beginning, form, hyphen head, gazetteer and morphology tags), summed for all new words (and the new group
        keys' rows before them) in one compiled call (:func:`word_rows`)."""
        k = len(new)
        cols = self.featurizer.word_columns(new)
        lowers = cols[0]
        own = np.fromiter(map(self._by_prefix["w="].get, lowers, repeat(0)), dtype=np.intp, count=k)
        # (a word without a hyphen has head None, which no key of the table equals: 0, in one C-level pass)
        hw = cast("dict[str | None, int]", self._by_prefix["hw="])
        own_hw = np.fromiter(map(hw.get, cols[4], repeat(0)), dtype=np.intp, count=k)
        shared: list[list[int | None]] = []
        new_keys: list[tuple[int, list[str]]] = []
        for g in _GROUPS:
            col = cast("list[str]", cols[g])  # (only column 4, the hyphen heads, holds None)
            ids = list(map(self._ctab[g].get, col))
            if None in ids:
                new_keys.append((g, list(dict.fromkeys(compress(col, map(is_, ids, repeat(None)))))))
            shared.append(ids)
        c0, key_ptr, key_ids = 0, self._no_keys, self._no_ids
        if new_keys:
            c0, key_ptr, key_ids = self._combos(new_keys)
            for g, _keys in new_keys:
                shared[_GROUPS.index(g)] = list(map(self._ctab[g].__getitem__, cast("list[str]", cols[g])))
        group_rows = np.fromiter(chain.from_iterable(shared), dtype=np.intp, count=len(_GROUPS) * k).reshape(-1, k)
        r0 = len(self._rows) + 1
        r1 = r0 + len(new)
        cap = self._store.shape[0]
        if r1 > cap:
            while cap < r1:
                cap *= 2
            # (not zeroed: a new word's row is written by word_rows before it is read; zeroing a few megabytes
            # cost some 1 % of the layer)
            grown = np.empty((cap, *self._store.shape[1:]))
            grown[: self._store.shape[0]] = self._store
            self._store = grown
            props = np.zeros((7, cap), dtype=bool)
            props[:, : self._props.shape[1]] = self._props
            self._props = props
            self._cls = np.append(self._cls, np.zeros(cap - len(self._cls), dtype=np.intp))
            self._self_lid = np.append(self._self_lid, np.zeros(cap - len(self._self_lid), dtype=np.intp))
            self._lower_lid = np.append(self._lower_lid, np.zeros(cap - len(self._lower_lid), dtype=np.intp))
        word_rows(self.w, self._cw, c0, key_ptr, key_ids, self._store, r0, group_rows, own, own_hw, self._b)
        props = self._props
        props[:3, r0:r1] = _head_classes(new)
        props[3, r0:r1] = np.fromiter(map(_OPEN.__contains__, new), dtype=bool, count=k)
        props[4:, r0:r1] = False
        # (ndarray.put on a row: a list of indices in a subscript assignment takes numpy's general indexing path,
        # about ten times slower for these few words)
        props[4].put([r0 + i for i in compress(count(), map("dem".__eq__, cols[7]))], True)
        generic = self.featurizer.generic
        # (capitalised words only; one assignment for all of them, not a numpy item write per word)
        props[5].put([r0 + i for i in np.flatnonzero(props[1, r0:r1]).tolist() if generic(lowers[i])], True)
        if self.group_words:
            groups = self.group_words
            props[6].put([r0 + i for i in compress(count(), map(groups.__contains__, lowers)) if len(new[i]) > 3],
                         True)
        if self.pair:
            self._cls[r0:r1] = list(map(_CLASS_INDEX.__getitem__, self.featurizer.word_classes(new, cols[5])))
        lids = self._string_ids(new + lowers)  # one pass: the same ids as the forms' pass, then the lower cases'
        self._self_lid[r0:r1] = lids[:k]
        self._lower_lid[r0:r1] = lids[k:]
        self._rows.update(zip(new, range(r0, r1), strict=True))

    def _string_ids(self, strings: list[str]) -> list[int]:
        """The id of each string in ``self._lid``, new strings numbered on in order of first appearance (what
        ``lid.setdefault(s, len(lid) + 1)`` string by string gives), with C-level passes only."""
        lid = self._lid
        missing = dict.fromkeys(compress(strings, map(not_, map(lid.__contains__, strings))))
        if missing:
            lid.update(zip(missing, count(len(lid) + 1)))
        return list(map(lid.__getitem__, strings))

    def tag(self, words: list[str], starts: list[int]) -> np.ndarray:
        """Label index of every token; ``starts``: first token of each tagging sequence (sorted, from 0).
        A sequence with no word starting with a letter is left "O" (never tagged)."""
        T = len(words)
        o = self.o
        if not T:
            return np.zeros(0, dtype=np.intp)
        rows = self._rows
        if len(rows) + T >= self.MAX_ROWS:
            rows.clear()  # between documents only, so rows of this one stay valid
            self._lid.clear()
            self._ctab = [{"": 0} for _ in range(8)]
            self._cn = 1
        idx_l = list(map(rows.get, words))  # map over the bound method: no Python-level loop
        if None in idx_l:  # rows start at 1: "not" is true for the words without one (C-level, no Python loop)
            miss = list(compress(count(), map(not_, idx_l)))
            self._add_rows(list(dict.fromkeys(map(words.__getitem__, miss))))
            for i in miss:  # (the new words' tokens only: a second look-up of every token cost more)
                idx_l[i] = rows[words[i]]
        idx = np.fromiter(idx_l, dtype=np.intp, count=T)
        self._last = (words, idx)
        extra = self.featurizer.extra & {"quote", "run"}  # the sequence flags not added by emissions()
        add_at, add_w = self._no_add
        if extra:
            fl: list[tuple[int, str]] = []
            for a, b in zip(starts, [*starts[1:], T], strict=True):
                fl.extend((a + i, f) for i, f in self.featurizer.sparse_flags(words[a:b], None)
                          if f == "inq" or f.startswith("run="))
            if fl:
                add_at = np.array([i for i, _f in fl], dtype=np.intp)
                add_w = np.array([self.flag(f) for _i, f in fl])
        # one compiled call: emission scores, then the document features (capitalised forms also seen in lower case
        # anywhere in the document, by string ids: a row's form and its lower-cased form; and capitalised
        # sentence-initial forms also seen capitalised inside a sentence (DocContext.midcap: not the first token,
        # nor the second after an opening quote)), the sequence flags, and the Viterbi search over the sequences
        # with a word starting with a letter
        return tag_labels(idx, np.array(starts, dtype=np.intp), self._store, self._props, self._cls, self._pp,
                          self._pn, self.pair, self._bos, self._eos, self._bosq, self._self_lid, self._lower_lid,
                          len(self._lid), len(rows), self._lcdoc, self._midcap, add_at, add_w, self.trans, o)

    def _last_rows(self, words: list[str]) -> np.ndarray:
        """The word rows of ``words``, which :meth:`tag` has seen (their rows exist): :meth:`tag`'s when it read
        this very list last."""
        last = self._last
        return last[1] if last is not None and last[0] is words else np.fromiter(
            map(self._rows.__getitem__, words), dtype=np.intp, count=len(words))

    def word_flags(self, words: list[str]) -> tuple[list[int], list[int]]:
        """Token indices of the nouns for a country's people and of the capitalised rank adjectives among the
        words :meth:`tag` has just seen."""
        rows = self._last_rows(words)
        # (a take per row of ``_props``: a gather of two rows at once by a slice and an index array takes numpy's
        # general indexing path, a few times slower)
        props = self._props
        return np.flatnonzero(props[4].take(rows)).tolist(), np.flatnonzero(props[5].take(rows)).tolist()

    def group_hits(self, words: list[str]) -> list[int]:
        """Token indices of the words of more than three characters whose lower case is in ``group_words``,
        among the words :meth:`tag` has just seen."""
        return np.flatnonzero(self._props[6].take(self._last_rows(words))).tolist()

    def names(self, labels: np.ndarray, starts: list[int]) -> list[tuple[int, int, str]]:
        """Names as token ranges [i, j) and type from BIO labels: a name begins at a B- label, at an I- label after
        another type or "O", and at a sequence start; it goes on over I- labels of its type."""
        types = self.types
        # (one compiled pass: the numpy version took a dozen array operations per document)
        ranges = name_ranges(labels, self.lab_type, self.lab_begin, np.array(starts, dtype=np.intp))
        return [(i, j, types[t]) for i, j, t in ranges.tolist()]


_HEAD_TABLE: np.ndarray | None = None


def _head_classes(words: list[str]) -> np.ndarray:
    """[3, word]: whether each word's first character is a letter, upper case, lower case (``str.isalpha``,
    ``isupper``, ``islower``), read from a table by code point (built on first use) instead of three calls per
    word; words that start above the Basic Multilingual Plane take the calls."""
    global _HEAD_TABLE
    heads = "".join(map(itemgetter(0), words))  # tokens are never empty
    cp = np.frombuffer(heads.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(cp) and cp.max() > 0xFFFF:
        return np.array([[h.isalpha() for h in heads], [h.isupper() for h in heads], [h.islower() for h in heads]],
                        dtype=bool).reshape(3, len(heads))
    if _HEAD_TABLE is None:
        chars = list(map(chr, range(0x10000)))
        _HEAD_TABLE = np.array([list(map(str.isalpha, chars)), list(map(str.isupper, chars)),
                                list(map(str.islower, chars))], dtype=bool)
    return _HEAD_TABLE.take(cp, axis=1)


#: votes a head noun's type gets for the name after it (see NerModel._trigger_cues): more than the tagger's labels
#: of one document usually add up to
_CUE_VOTES = 50.0
#: closing quotation marks (a name opened with a mark inside the span takes its closing mark too)
_CLOSE_Q = frozenset('"”“»\'')
_Q_MARKS = _CLOSE_Q | frozenset("„«")
_SENT_END = frozenset(".!?…")


@dataclass
class NerModel:
    lang: str
    #: a pycrfsuite.Tagger (pycrfsuite has no type hints). Any, not object: compiled by mypyc, the dataclass looks
    #: its fields' types up by name among the module's globals, and ``object`` is not one (KeyError at import)
    tagger: Any
    featurizer: Featurizer
    bases: BaseForms
    decoder: Decoder | None = field(default=None, repr=False)
    #: document-level consistency after tagging: "" none, "p" repeat found names, "s"/"S" + surnames (weak/strong
    #: evidence), "v" + majority type per name, "m" a one-word place before a one-word person is the person's
    #: first name, "l" a longer name found elsewhere in the document wins over its parts, "f" with "s"/"S": the
    #: first name of a two-word person's name alone is that person too (Азия Биби ... Азия), "t" the head noun
    #: before a name votes for its type (авиокомпания Райънеър), "h" a capitalised head noun joins the name after
    #: it (Летище София) (see _trigger_cues), "g" a court named by rank alone is no name, with its place it is
    #: one (Върховният съд на Пакистан; see _institutions), "d" a noun for a country's people is a person's name
    #: (пакистанката; see _demonyms), "i" with "s"/"S": a surname written inflected votes for its other case forms
    #: too (Хаканом Фиданом ... Фидан; see _surname_forms) (set per model, see the model's .json; cross-topic
    #: validation in models/README.md)
    propagate: str = "pSv"
    #: plural nouns for a party's members (демократите, республиканцев), names of people in BSNLP
    #: (vestnik/lang/<lang>/ner_groups.txt; see _groups)
    groups: frozenset[str] = frozenset()
    #: sentence adverbs and conjunctions that never begin a name (vestnik/lang/<lang>/ner_not_first.txt): "Днес
    #: Денков заяви" is Denkov; the tagger takes the capitalised first word of a sentence into the name
    not_first: frozenset[str] = frozenset()
    _bases: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.decoder is not None and not self.decoder._rows and not self.decoder.group_words:
            self.decoder.group_words = self.groups  # (marked per word form from its first row on)

    @classmethod
    def load(cls, lang: str, model_dir: Path = MODEL_DIR) -> NerModel:
        import pycrfsuite

        path = model_dir / f"ner-{lang}.crfsuite"
        if not path.exists():
            raise ModelMissing(f"no NER model at {path}: run `make train-ner` (needs ../shared/eval/ner-{lang})")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        gaz = load_gazetteer(model_dir / "ner-gazetteer.tsv")
        info = tagger.info()
        known = frozenset(attr for attr, _label in info.state_features)
        cfg_path = model_dir / f"ner-{lang}.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8")) if cfg_path.exists() else {}
        extra = frozenset(cfg.get("features", []))
        feat = Featurizer(gaz, make_morph(), known, extra, load_triggers(lang) if "trig" in extra else None)
        morph = RuMorph() if lang == "ru" else None
        return cls(lang, tagger, feat, BaseForms.load(model_dir / f"ner-{lang}.base.json", morph),
                   Decoder(info, tagger.labels(), feat), cfg.get("propagate", "pSv"), load_groups(lang),
                   lang_words(lang, "ner_not_first.txt"))

    def spans(self, text: str, crfsuite: bool = False, propagate: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, type) of every name the CRF finds in ``text`` (``crfsuite``: decode with crfsuite's tagger,
        the reference the numpy decoder must agree with)."""
        propagate = self.propagate if propagate is None else propagate
        if self.decoder is not None and not crfsuite:
            t_start, t_end, words, starts = split_offsets(text)
            found = self.decoder.names(self.decoder.tag(words, starts), starts)
        else:
            toks, words, seqs = split(text)
            starts = [q[0] for q in seqs if q]
            t_start, t_end = [a for a, _ in toks], [b for _, b in toks]
            all_words = [[words[i] for i in seq] for seq in seqs]
            ctx = DocContext(all_words)
            keep = [k for k, ws in enumerate(all_words) if any(w[:1].isalpha() for w in ws)]
            tagged = [self.tagger.tag(self.featurizer.features(all_words[k], ctx)) for k in keep]
            found = []  # token index range [i, j) and type
            for k, labels in zip(keep, tagged, strict=True):
                cur: list = []  # [i, j, type]
                for i, lab in zip(seqs[k], labels, strict=True):
                    if lab == "O":
                        if cur:
                            found.append((cur[0], cur[1], cur[2]))
                        cur = []
                        continue
                    bio, typ = lab.split("-", 1)
                    if bio == "B" or not cur or typ != cur[2]:
                        if cur:
                            found.append((cur[0], cur[1], cur[2]))
                        cur = [i, i + 1, typ]
                    else:
                        cur[1] = i + 1
                if cur:
                    found.append((cur[0], cur[1], cur[2]))
        if self.not_first:
            # (after a dateline: "(БТА) - Триста души ..."; the closing brackets found in a C-level pass)
            first = set(starts) | {k + 2 for k in compress(count(), map(")".__eq__, words[:-2]))
                                   if words[k + 1] in ("-", "–", "—")}
            found = [(i + 1, j, t) if j - i > 1 and i in first and words[i].lower() in self.not_first
                     and words[i + 1][:1].isupper() else (i, j, t) for i, j, t in found  # (not "Днес+", a site)
                     if not (j - i == 1 and i in first and words[i].lower() in self.not_first)]  # ("Триста души")
        if propagate:
            flags = (self.decoder.word_flags(words) if self.decoder is not None and not crfsuite
                     and ("d" in propagate or "g" in propagate) else None)
            found = self._propagate(text, t_start, t_end, words, found, propagate, flags)
        if self.groups:
            found = self._groups(words, found, starts)
        return [(t_start[i], t_end[j - 1], t) for i, j, t in found]

    def _groups(self, words: list[str], found: list[tuple[int, int, str]], starts: list[int]
                ) -> list[tuple[int, int, str]]:
        """A party's members named by their plural noun (демократите, лейбористов) are a PER name in BSNLP, as a
        country's people are; the tagger knows the parties its training texts discussed. A noun after a
        capitalised word inside a sentence ends a party's own name ("Свободните демократи") and is left to the
        tagger (``starts``: the first token of each sentence)."""
        groups = self.groups
        dec = self.decoder
        if dec is not None and dec.group_words is groups and dec._last is not None and dec._last[0] is words:
            hits = dec.group_hits(words)  # marked once per word form when its row was made
        else:  # the look-up over all words in C-level passes; the length test only for the few found
            hits = [i for i in compress(count(), map(groups.__contains__, map(str.lower, words))) if len(words[i]) > 3]
        if not hits:
            return found
        first = set(starts)
        return _with_persons(found, [i for i in hits if not (i and words[i - 1][:1].isupper() and i - 1 not in first)])

    def _propagate(self, text: str, t_start: list[int], t_end: list[int], words: list[str],
                   found: list[tuple[int, int, str]], mode: str,
                   flags: tuple[list[int], list[int]] | None = None) -> list[tuple[int, int, str]]:
        """One sense per document: a name the tagger found once is a name (of the same type) wherever else it is
        written the same way; a person's surname (and first name) alone refers to them (Азия Биби ... Биби).
        ``t_start``, ``t_end``: the tokens' character offsets; ``flags``: the decoder's demonym and rank-adjective
        token indices (:meth:`Decoder.word_flags`), else they are looked up here."""
        if "m" in mode:
            found = self._merge_place_person(text, t_start, t_end, found)
        if "g" in mode and self.featurizer.generic_stems:
            found = self._institutions(text, t_start, words, found, flags[1] if flags else None)
        if "d" in mode and self.featurizer.dem_stems:
            found = self._demonyms(words, found, flags[0] if flags else None)
        known: dict[tuple[str, ...], dict[str, float]] = {}  # name -> type -> votes (plain dicts: no Counter)
        for i, j, t in found:
            c = known.setdefault(tuple(words[i:j]), {})
            c[t] = c.get(t, 0) + 1
        if ("t" in mode or "h" in mode) and self.featurizer.triggers:
            found = self._trigger_cues(text, t_start, words, found, known, mode)
        if "s" in mode or "S" in mode:
            weight = 2.0 if "S" in mode else 0.5  # a full name is better evidence than a lone word's label
            for i, j, t in found:
                if t == "PER" and j - i > 1 and words[j - 1][:1].isupper() and len(words[j - 1]) > 2:
                    c = known.setdefault((words[j - 1],), {})
                    c["PER"] = c.get("PER", 0) + weight
                    # the first name too, from a two-word name inside a sentence (after a lower-case word)
                    if "f" in mode and j - i == 2 and i and words[i - 1][:1].islower() and len(words[i]) > 2:
                        c = known.setdefault((words[i],), {})
                        c["PER"] = c.get("PER", 0) + weight
                    if "i" in mode:  # "с Хаканом Фиданом ... Фидан": the surname's other cases
                        for form in self._surname_forms(text[t_start[i] : t_end[j - 1]], words[j - 1]):
                            c = known.setdefault((form,), {})
                            c["PER"] = c.get("PER", 0) + weight
        # the most votes, ties to the first type seen (as Counter.most_common(1)); most names have one type
        types = {k: next(iter(c)) if len(c) == 1 else max(c.items(), key=itemgetter(1))[0] for k, c in known.items()}
        # the majority type for each name ("v"), and, per token, the index in ``found`` of the name covering it (-1:
        # none), in one pass over the names (slice assignments: no Python step per token)
        owner = [-1] * len(words)
        if "v" in mode:
            voted: list[tuple[int, int, str]] = []
            for f, (i, j, _t) in enumerate(found):
                voted.append((i, j, types[tuple(words[i:j])]))
                owner[i:j] = [f] * (j - i)
            found = voted
        else:
            for f, (i, j, _t) in enumerate(found):
                owner[i:j] = [f] * (j - i)
        longest = "l" in mode
        replaced: set[int] = set()
        # the names as a trie of words (None marks a name's end): at each word, the names written there are found
        # by walking the words that follow, not by trying every length of every name that starts with that word
        # (a text of nothing but names has names of many lengths)
        # (built on first need: where a found name starts, it is mostly already the longest name of the document
        # that starts with its word (``reach``: per first word, the length of its longest name), and a word inside
        # a found name is never a candidate: neither needs a walk)
        trie: dict[str | None, Any] | None = None
        reach: dict[str, int] = {}
        for key in types:
            if reach.get(key[0], 0) < len(key):
                reach[key[0]] = len(key)
        extra = []
        n = len(words)
        nxt = 0  # the scan resumes after the last name it added
        for i in list(compress(count(), map(reach.__contains__, words))):
            if i < nxt or (owner[i] >= 0 and not longest) or not words[i][:1].isupper():
                continue
            if owner[i] >= 0:
                f0, f1, _t = found[owner[i]]
                if f0 < i or reach[words[i]] <= f1 - f0:
                    continue  # (no longer candidate: the test below keeps every one out)
            if trie is None:
                trie = {}
                for key in types:
                    node = trie
                    for w in key:
                        node = node.setdefault(w, {})
                    node[None] = True
            lens = []
            node = trie
            for k in range(i, n):
                child = node.get(words[k])
                if child is None:
                    break
                node = child
                if None in node:
                    lens.append(k + 1 - i)
            # a name found here that starts before this word, or is no shorter than a candidate, keeps the
            # candidate out (the test below): only longer candidates need it
            floor = 0
            if owner[i] >= 0:
                f0, f1, _t = found[owner[i]]
                floor = n if f0 < i else f1 - f0
            for ln in reversed(lens):  # longest first
                if ln <= floor:
                    break
                if "\n" in text[t_start[i] : t_end[i + ln - 1]]:
                    continue
                key = tuple(words[i : i + ln])
                inner = {owner[k] for k in range(i, i + ln) if owner[k] >= 0}
                if inner and not (longest and ln > 1 and all(
                        found[f][0] >= i and found[f][1] <= i + ln and found[f][1] - found[f][0] < ln for f in inner)):
                    continue
                replaced.update(inner)  # a longer name the document writes elsewhere wins over its parts here
                extra.append((i, i + ln, types[key]))
                nxt = i + ln
                break
        if replaced:
            found = [x for f, x in enumerate(found) if f not in replaced]
        return sorted(found + extra)

    def _surname_forms(self, surface: str, last: str) -> list[str]:
        """The other case forms of a person's surname written inflected ("Фиданом" -> Фидан, Фидана, ...), from
        its base form and the language's name inflection (``vestnik/kb/curated/morph_<lang>.tsv``); [] when the
        name is written in its base form."""
        base = self.base(surface, "PER").rpartition(" ")[2]
        if len(base) < 3 or base.lower() == last.lower() or not base[:1].isupper():
            return []
        return [f[:1].upper() + f[1:] for f in sorted(variants(base, self.lang)) if f != last.lower()]

    def _trigger_cues(self, text: str, t_start: list[int], words: list[str], found: list[tuple[int, int, str]],
                      known: dict[tuple[str, ...], dict[str, float]], mode: str) -> list[tuple[int, int, str]]:
        """What the head noun before a name says (``vestnik/lang/<lang>/ner_triggers.tsv``). "t": a name right
        after a lower-case head noun (авиокомпания "Райънеър", превозвача Райънеър, град Варна) has that noun's
        type, and the vote decides the name's type in the whole document (with "v"); not when the noun ends a
        name of its own (Европейската комисия Жан-Клод Юнкер), nor for a person's full name after an ORG/LOC noun
        (стратегът на партията Джеймс Торанс); after "ROLE of NOUN" (председателят на комисията Хилари Бен) the
        name is the role's person. "h": a capitalised head noun inside a sentence is part of the name that follows
        (Летище София, Агенция "Фокус")."""
        feat = self.featurizer
        cue_of, head_of, of_words = feat.cue, feat.head_cue, feat.of_words
        use_t, use_h = "t" in mode, "h" in mode
        n = len(words)
        out: list[tuple[int, int, str]] = []

        def vote(key: tuple[str, ...], typ: str) -> None:
            c = known.setdefault(key, {})
            c[typ] = c.get(typ, 0) + _CUE_VOTES

        for i, j, t in found:
            if use_h and j - i > 1 and (cue := head_of(words[i])) and cue != t:
                vote(tuple(words[i:j]), cue)  # the tagger's "Летище Чампино" is a place, whatever its type
            k = i - 1
            if k >= 0 and words[k] in _OPEN and words[k] not in "([-–—":
                k -= 1
            w = words[k] if k >= 0 and text.find("\n", t_start[k], t_start[i]) < 0 else ""
            prev = words[k - 1] if k > 0 else ""
            if use_t and w[:1].islower():
                cue = cue_of(w)
                if (not cue or (out and out[-1][1] > k)
                        or (prev[:1].isupper() and k > 1 and words[k - 2] not in _SENT_END)):
                    pass
                elif prev in of_words and k > 1 and cue_of(words[k - 2]) == "PER":
                    vote(tuple(words[i:j]), "PER")
                elif cue == t or not (t == "PER" and j - i > 1):
                    vote(tuple(words[i:j]), cue)
            elif (use_h and w[:1].isupper() and prev[:1].islower() and cue_of(w) in ("LOC", "ORG")
                  and (not out or out[-1][1] <= k or out[-1][:2] == (k, k + 1))):
                if out and out[-1][:2] == (k, k + 1):
                    out.pop()  # the head noun tagged as a name of its own
                if k < i - 1 and j < n and words[j] in _CLOSE_Q:
                    j += 1  # Агенция "Фокус": the quoted name with its marks
                i, t = k, cue_of(w)
                vote(tuple(words[i:j]), t)
            if use_h and j < n and words[j] in _CLOSE_Q and sum(map(_Q_MARKS.__contains__, words[i:j])) % 2:
                j += 1  # the tagger's Агенция "Фокус: the closing mark too
                known.setdefault(tuple(words[i:j]), {}).setdefault(t, 1.0)
            out.append((i, j, t))
        return out

    def _demonyms(self, words: list[str], found: list[tuple[int, int, str]], hits: list[int] | None = None
                  ) -> list[tuple[int, int, str]]:
        """A noun for a country's people (пакистанката, британци, италианци) is a PER name in BSNLP, linked to
        the country; the tagger misses many in lower case. Stems come from the KB's country adjectives."""
        if hits is None:  # without the decoder (crfsuite's reference path): the same test, per token
            trigger = self.featurizer.trigger
            hits = [i for i, w in enumerate(words) if len(w) > 4 and trigger(w.lower()) == "dem"]
        return _with_persons(found, hits)

    def _institutions(self, text: str, t_start: list[int], words: list[str], found: list[tuple[int, int, str]],
                      ranks: list[int] | None = None) -> list[tuple[int, int, str]]:
        """A court or office named by rank alone (Върховният съд, Апелативния съд) is a description, not a name
        (BSNLP marks none of them); with its place (Върховният съд на Пакистан, Районния съд в Лахор) the whole
        phrase is an organisation's name. Rank adjectives are the "generic" entries of ner_triggers.tsv, the
        nouns its ORG head nouns."""
        feat = self.featurizer
        generic, trigger, of_words = feat.generic, feat.trigger, feat.of_words
        if ranks is None:  # without the decoder (crfsuite's reference path): the same test, per token
            ranks = [i for i, w in enumerate(words) if w[:1].isupper() and generic(w.lower())]
        if not ranks:
            return found
        starts = {i: f for f, (i, _j, _t) in enumerate(found)}
        drop: set[int] = set()
        add: list[tuple[int, int, str]] = []
        n = len(words)
        for i in ranks:
            e = i + 1
            if e < n and words[e][:1].islower() and generic(words[e]):
                e += 1  # Върховния касационен съд
            if not (e < n and words[e][:1].islower() and trigger(words[e]) == "ORG"):
                continue
            e += 1
            place = starts.get(e + 1) if e + 1 < n and words[e] in of_words else None
            if place is not None and found[place][2] == "LOC" and "\n" not in text[t_start[i] : t_start[e + 1]]:
                drop.add(place)
                add.append((i, found[place][1], "ORG"))
            elif (f := starts.get(i)) is not None and found[f][1] == e:
                drop.add(f)
        if not drop and not add:
            return found
        cover = {k for i, j, _t in add for k in range(i, j)}
        return sorted([x for f, x in enumerate(found) if f not in drop and x[0] not in cover] + add)

    @staticmethod
    def _merge_place_person(text: str, t_start: list[int], t_end: list[int], found: list[tuple[int, int, str]]
                            ) -> list[tuple[int, int, str]]:
        """A one-word place directly followed by a one-word person's name (one space) is that person's first
        name: "Азия Биби" is a person, not Asia and Bibi (but "на Великобритания Тереза Мей" is two names)."""
        out: list[tuple[int, int, str]] = []
        for i, j, t in found:
            if (out and t == "PER" and j - i == 1 and text[t_start[i]].isupper() and out[-1][2] == "LOC"
                    and out[-1][1] == i and out[-1][1] - out[-1][0] == 1 and text[t_end[i - 1] : t_start[i]] == " "):
                out[-1] = (out[-1][0], j, "PER")
                continue
            out.append((i, j, t))
        return out

    def base(self, surface: str, typ: str) -> str:
        """Base form, memoised: news repeats its names. A capitalised head noun in its base form that starts a
        name (Летище София, Агенция "Фокус") stays as written; the rules see the rest."""
        key = (surface, typ)
        b = self._bases.get(key)
        if b is None:
            if len(self._bases) > 100_000:
                self._bases.clear()
            head, sp, rest = surface.partition(" ")
            if rest and typ in ("LOC", "ORG") and self.featurizer.head_noun(head) in ("LOC", "ORG"):
                b = head + sp + self.bases.base(rest, typ)
            else:
                b = self.bases.base(surface, typ)
            self._bases[key] = b
        return b

    def mentions(self, text: str) -> list[Mention]:
        ev = f"crf:{self.lang}"
        memo = self._bases  # :meth:`base`'s memo read here first: most names were seen before (no call per name)
        out: list[Mention] = []
        for s, e, t in self.spans(text):
            # (_unquoted changes only a span of two or more characters with a "&" in it or a quote mark at an end:
            # the rest, most names, skip its call)
            if e - s > 1 and (text.find("&", s, e) >= 0 or text[s] in _MARK_OPEN or text[e - 1] in _MARK_CLOSE):
                s, e, t = _unquoted(text, (s, e, t))
            if e > s:
                surface = text[s:e]
                b = memo.get((surface, t))
                out.append(Mention(span=(s, e), type=t, form="name", base=b if b is not None else self.base(surface, t),
                                   entity=None, evidence=ev))
        return out


_MARK_OPEN, _MARK_CLOSE = "«„“\"'", "»“”\"'"
_CHAR_REF_END = re.compile(r"&(?:[a-zA-Z]{2,6}|#\d{2,5});?$")


def _unquoted(text: str, found: tuple[int, int, str]) -> tuple[int, int, str]:
    """A name's span without a quote mark it does not close or open: the tagger's token may carry the mark that
    begins a quoted title («Архив публичных собраний», ...), and the name is the words ('Агенция "Фокус"' keeps
    both of its marks)."""
    s, e, t = found
    if text.find("&", s, e) >= 0 and (ref := _CHAR_REF_END.search(text, s, e)) is not None and ref.start() > s:
        e = ref.start()  # a page saved with its character references unresolved: "Райънеър&quot;"
    if e - s > 1 and text[s] in _MARK_OPEN and not any(c in _MARK_CLOSE for c in text[s + 1 : e]):
        s += 1
    if e - s > 1 and text[e - 1] in _MARK_CLOSE and not any(c in _MARK_OPEN for c in text[s : e - 1]):
        e -= 1
    return s, e, t


def _with_persons(found: list[tuple[int, int, str]], hits: list[int]) -> list[tuple[int, int, str]]:
    """``found`` and a one-word PER name at each token of ``hits`` that no name covers (a country's people, a
    party's members), in order."""
    if not hits:
        return found
    covered = {k for i, j, _t in found for k in range(i, j)}
    extra = [(i, i + 1, "PER") for i in hits if i not in covered]
    return sorted(found + extra) if extra else found


def load_groups(lang: str) -> frozenset[str]:
    """The lower-case forms of vestnik/lang/<lang>/ner_groups.txt (empty when the language has none)."""
    return lang_words(lang, "ner_groups.txt")


def model_language(doc: Document, res: Resources) -> str | None:
    """The model for the document's language; without the language layer, ask its identifier (loaded once)."""
    lang = doc.language
    if lang is None and doc.text:
        from vestnik.language.lid import load_identifier

        lang = res.get("language.lid", load_identifier).detect(doc.text[:4000]).language
    return MODEL_FOR.get(lang or "")


def model_dir() -> Path:
    """Where the models load from: ``$VESTNIK_NER_MODELS`` when set (e.g. a cross-topic model from
    ``scripts/train_ner.py --holdout``), else the shipped ``vestnik/entities/models``."""
    env = os.environ.get("VESTNIK_NER_MODELS")
    return Path(env) if env else MODEL_DIR


def load_model(res: Resources, lang: str) -> NerModel:
    """The tagger for ``lang`` ("bg" or "ru"), loaded once per process."""
    return res.get(f"ner:{lang}", lambda: NerModel.load(lang, model_dir()))


def recognize(doc: Document, res: Resources) -> list[Mention]:
    """Name mentions over the whole ``doc.text`` (article and teasers); [] for languages without a model."""
    lang = model_language(doc, res)
    if lang is None or not doc.text:
        return []
    return load_model(res, lang).mentions(doc.text)
