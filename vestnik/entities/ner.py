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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from vestnik.document import Document, Mention
from vestnik.entities.ner_base import BaseForms, RuMorph
from vestnik.entities.ner_features import DocContext, Featurizer, load_gazetteer, make_morph, split
from vestnik.pipeline import Resources

MODEL_DIR = Path(__file__).resolve().parent / "models"
#: document language -> model language
MODEL_FOR = {"bg": "bg", "mk": "bg", "ru": "ru", "uk": "ru", "be": "ru"}
TYPES = ("PER", "LOC", "ORG", "PRO", "EVT")


class Decoder:
    """Viterbi decoding of a crfsuite model in numpy, batched over a document's sentences.

    crfsuite's own ``Tagger.tag`` spends most of its time converting feature strings; here each word form's
    feature weights are summed once (per process) into five label-score vectors (its own features, and its
    features as seen from the neighbours at ±1 and ±2), so a token's emission scores are five row look-ups.
    With ``prune=None`` the result equals crfsuite's (same weights, same model; tests check that on real text);
    the default also decides clear "O" tokens before the search, which is faster and differs very rarely.
    """

    def __init__(self, info: object, labels: list[str], featurizer: Featurizer) -> None:
        self.labels = labels
        self.lab = {x: i for i, x in enumerate(labels)}
        n = len(labels)
        #: feature name -> row of ``self.w`` (its weight for each label); row 0 is all zeros
        self.fid: dict[str, int] = {}
        rows: list[tuple[int, int, float]] = []
        for (attr, label), w in info.state_features.items():  # type: ignore[attr-defined]
            r = self.fid.setdefault(attr, len(self.fid) + 1)
            rows.append((r, self.lab[label], w))
        self.w = np.zeros((len(self.fid) + 1, n))
        if rows:
            ri, li, wv = zip(*rows, strict=True)
            self.w[list(ri), list(li)] = wv
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():  # type: ignore[attr-defined]
            self.trans[self.lab[a], self.lab[b]] = w
        self.featurizer = featurizer
        self.o = self.lab["O"]
        #: margin above which a token is decided "O" before Viterbi (None: exact search, as crfsuite)
        self.prune: float | None = 10.0
        self.zero = np.zeros(n)
        self._rows: dict[str, int] = {}
        self._store = np.zeros((5, 1024, n))  # row 0 stays zero: padding
        self._flag_cache: dict[str, np.ndarray] = {}

    def _vec(self, feats: list[str]) -> np.ndarray:
        """Summed label weights of ``feats`` (one gather and sum, not one add per feature)."""
        fid = self.fid
        ids = [fid.get(f, 0) for f in feats]
        return self.w[ids].sum(axis=0) if ids else self.zero.copy()

    def _row(self, word: str) -> int:
        r = self._rows.get(word)
        if r is not None:
            return r
        r = len(self._rows) + 1
        if r >= self._store.shape[1]:
            grown = np.zeros((5, self._store.shape[1] * 2, self._store.shape[2]))
            grown[:, : self._store.shape[1]] = self._store
            self._store = grown
        fid = self.fid
        ids: list[int] = []
        offsets: list[int] = []
        for part in self.featurizer.word_parts(word):  # own, -1, +1, -2, +2: one gather and one segmented sum
            offsets.append(len(ids))
            ids.append(0)  # the zero row keeps every segment non-empty
            ids.extend([fid.get(f, 0) for f in part])
        self._store[:, r] = np.add.reduceat(self.w[ids], offsets, axis=0)
        self._rows[word] = r
        return r

    def _flag(self, name: str) -> np.ndarray:
        v = self._flag_cache.get(name)
        if v is None:
            v = self._flag_cache[name] = self._vec([name])
        return v

    def decode(self, seqs: list[list[str]], doc: DocContext | None) -> list[list[str]]:
        """Best label sequence for each word sequence (all of a document's sentences in one batch)."""
        if not seqs:
            return []
        lens = [len(x) for x in seqs]
        m, n = len(seqs), max(lens)
        if len(self._rows) + sum(lens) >= 60_000:
            # bounded memory; cleared between documents only, so rows within one batch stay valid
            self._rows.clear()
        rows, row = self._rows, self._row
        flat_rows = [rows.get(w) or row(w) for words in seqs for w in words]
        lens_a = np.array(lens)
        seq_of = np.repeat(np.arange(m), lens_a)
        tok_of = np.arange(len(flat_rows)) - np.repeat(np.cumsum(lens_a) - lens_a, lens_a)
        idx = np.zeros((m, n), dtype=np.intp)
        idx[seq_of, tok_of] = flat_rows
        fs: list[int] = []
        ft: list[int] = []
        fv: list[np.ndarray] = []
        sparse, flag = self.featurizer.sparse_flags, self._flag
        for si, words in enumerate(seqs):
            for ti, f in sparse(words, doc):
                fs.append(si)
                ft.append(ti)
                fv.append(flag(f))
        st = self._store
        e = st[0][idx]
        if n > 1:
            e[:, 1:] += st[1][idx[:, :-1]]
            e[:, :-1] += st[2][idx[:, 1:]]
        if n > 2:
            e[:, 2:] += st[3][idx[:, :-2]]
            e[:, :-2] += st[4][idx[:, 2:]]
        if fv:
            np.add.at(e, (np.array(fs), np.array(ft)), np.array(fv))
        o = self.o
        valid = np.arange(n)[None, :] < np.array(lens)[:, None]
        if self.prune is None:
            keep = valid
        else:
            # Tokens whose "O" score beats every other label by more than `prune` are taken as "O": that cuts
            # the sentences into short islands (names and their neighbours) for Viterbi, far fewer steps. On
            # news text it changes about 0.02% of token labels compared with the full search (prune=None).
            others = e.copy()
            others[:, :, o] = -np.inf
            keep = valid & ((e[:, :, o] - others.max(axis=2)) <= self.prune)
            sure = valid & ~keep
            after_o = np.zeros_like(keep)
            after_o[:, 1:] = sure[:, :-1]
            before_o = np.zeros_like(keep)
            before_o[:, :-1] = sure[:, 1:]
            e[keep & after_o] += self.trans[o]
            e[keep & before_o] += self.trans[:, o][None, :]
        flat = np.flatnonzero(keep)
        labels = np.full(m * n, o, dtype=np.intp)
        if len(flat):
            brk = np.ones(len(flat), dtype=bool)
            brk[1:] = (np.diff(flat) != 1) | (flat[1:] % n == 0)
            starts = np.flatnonzero(brk)
            ilens = np.diff(np.append(starts, len(flat)))
            isl = np.cumsum(brk) - 1
            pos = np.arange(len(flat)) - starts[isl]
            order = np.argsort(ilens, kind="stable")
            rank = np.empty_like(order)
            rank[order] = np.arange(len(order))
            em = np.zeros((len(starts), int(ilens.max()), len(self.labels)))
            em[rank[isl], pos] = e.reshape(m * n, -1)[flat]
            paths = self._viterbi(em, ilens[order].tolist())
            labels[flat] = paths[rank[isl], pos]
        labs = np.array(self.labels, dtype=object)[labels.reshape(m, n)]
        return [labs[si, : lens[si]].tolist() for si in range(m)]

    def _viterbi(self, e: np.ndarray, lens: list[int]) -> np.ndarray:
        """Best label paths (padded rows of label indices) for padded emissions ``e`` (sequences sorted by length,
        ascending): at step t only the sequences longer than t take part; back-tracking runs over all at once."""
        n = lens[-1]
        k = len(lens)
        trans = np.ascontiguousarray(self.trans.T)[None]  # [to, from]: the max runs over the contiguous last axis
        delta = e[:, 0].copy()
        bps = np.zeros((n, k, len(self.labels)), dtype=np.intp)
        firsts = [0] * n  # first live sequence at each step
        lo = 0
        for t in range(1, n):
            while lens[lo] <= t:
                lo += 1
            firsts[t] = lo
            cand = delta[lo:, None, :] + trans
            best = cand.argmax(axis=2)
            bps[t, lo:] = best
            delta[lo:] = cand.max(axis=2) + e[lo:, t]
        paths = np.zeros((k, n), dtype=np.intp)
        cur = delta.argmax(axis=1)
        ar = np.arange(k)
        for t in range(n - 1, 0, -1):
            lo = firsts[t]
            # a sequence of length L joins the back-track at t = L - 1, from its own best last label
            paths[lo:, t] = cur[lo:]
            cur[lo:] = bps[t, ar[lo:], cur[lo:]]
        paths[:, 0] = cur
        return paths


class ModelMissing(RuntimeError):
    """The trained model file is not there: run ``make train-ner``."""


@dataclass
class NerModel:
    lang: str
    tagger: object  # pycrfsuite.Tagger
    featurizer: Featurizer
    bases: BaseForms
    decoder: Decoder | None = field(default=None, repr=False)
    #: document-level consistency after tagging: "" none, "p" repeat found names, "s"/"S" + surnames (weak/strong
    #: evidence), "v" + majority type per name
    propagate: str = "pSv"
    _bases: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

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
        feat = Featurizer(gaz, make_morph(), known, frozenset(cfg.get("features", [])))
        morph = RuMorph() if lang == "ru" else None
        return cls(lang, tagger, feat, BaseForms.load(model_dir / f"ner-{lang}.base.json", morph),
                   Decoder(info, tagger.labels(), feat), cfg.get("propagate", "pSv"))

    def spans(self, text: str, crfsuite: bool = False, propagate: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, type) of every name the CRF finds in ``text`` (``crfsuite``: decode with crfsuite's tagger,
        the reference the numpy decoder must agree with)."""
        propagate = self.propagate if propagate is None else propagate
        toks, words, seqs = split(text)
        all_words = [[words[i] for i in seq] for seq in seqs]
        ctx = DocContext(all_words)
        keep = [k for k, ws in enumerate(all_words) if any(w[:1].isalpha() for w in ws)]
        if self.decoder is not None and not crfsuite:
            tagged = self.decoder.decode([all_words[k] for k in keep], ctx)
        else:
            tagged = [self.tagger.tag(self.featurizer.features(all_words[k], ctx)) for k in keep]  # type: ignore[attr-defined]
        found: list[tuple[int, int, str]] = []  # token index range [i, j) and type
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
        if propagate:
            found = self._propagate(text, toks, words, found, propagate)
        return [(toks[i][0], toks[j - 1][1], t) for i, j, t in found]

    def _propagate(self, text: str, toks: list[tuple[int, int]], words: list[str], found: list[tuple[int, int, str]],
                   mode: str) -> list[tuple[int, int, str]]:
        """One sense per document: a name the tagger found once is a name (of the same type) wherever else it is
        written the same way; a person's surname alone refers to them (Азия Биби ... Биби)."""
        known: dict[tuple[str, ...], Counter] = {}
        for i, j, t in found:
            known.setdefault(tuple(words[i:j]), Counter())[t] += 1
        if "s" in mode or "S" in mode:
            weight = 2.0 if "S" in mode else 0.5  # a full name is better evidence than a lone word's label
            for i, j, t in found:
                if t == "PER" and j - i > 1 and words[j - 1][:1].isupper() and len(words[j - 1]) > 2:
                    known.setdefault((words[j - 1],), Counter())["PER"] += weight
        types = {k: c.most_common(1)[0][0] for k, c in known.items()}
        if "v" in mode:  # majority type for each name
            found = [(i, j, types[tuple(words[i:j])]) for i, j, t in found]
        covered = [False] * len(toks)
        for i, j, _t in found:
            for k in range(i, j):
                covered[k] = True
        by_first: dict[str, list[int]] = {}
        for key in types:
            by_first.setdefault(key[0], []).append(len(key))
        for lens in by_first.values():
            lens.sort(reverse=True)
        extra = []
        i, n = 0, len(words)
        while i < n:
            lens = by_first.get(words[i])
            if lens is None or covered[i] or not words[i][:1].isupper():
                i += 1
                continue
            hit = None
            for ln in lens:
                if i + ln > n:
                    continue
                key = tuple(words[i : i + ln])
                if key in types and not any(covered[i : i + ln]) and "\n" not in text[toks[i][0] : toks[i + ln - 1][1]]:
                    hit = (i, i + ln, types[key])
                    break
            if hit:
                extra.append(hit)
                i = hit[1]
            else:
                i += 1
        return sorted(found + extra)

    def base(self, surface: str, typ: str) -> str:
        """Base form, memoised: news repeats its names."""
        key = (surface, typ)
        b = self._bases.get(key)
        if b is None:
            if len(self._bases) > 100_000:
                self._bases.clear()
            b = self._bases[key] = self.bases.base(surface, typ)
        return b

    def mentions(self, text: str) -> list[Mention]:
        ev = f"crf:{self.lang}"
        return [Mention(span=(s, e), type=t, form="name", base=self.base(text[s:e], t), entity=None, evidence=ev)
                for s, e, t in self.spans(text)]


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
