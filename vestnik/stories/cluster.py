"""Online story clustering: each new article joins the most similar recent story or starts a new one.

The scheme of Europe Media Monitor and Event Registry: a single pass over documents in time order, each
compared with the centroids of the stories still open (last seen within ``window_days``), found through an
inverted index of the centroids' strongest terms. Features: TF-IDF over prefix stems of the headline
(weighted up) and body, canonical entity ids (which also link articles across languages), and dates when
known. Exact and near-duplicates found by :class:`~vestnik.stories.index.DedupIndex` join their original's
story directly, and their pairs are kept in the story.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import compress, repeat
from operator import mul

import numpy as np

from vestnik.stories.features import StoryDoc
from vestnik.stories.index import BATCH, DedupIndex, Match, Prepared, prepare
from vestnik.stories.normalize import fold, stem
from vestnik.stories.template import template_masks

TOP_TERMS = 80  # terms kept per document vector
CENTROID_TERMS = 150  # terms kept per story centroid
POSTING_TERMS = 25  # strongest centroid terms indexed for candidate search
QUERY_TERMS = 20  # strongest document terms used to find candidates
HEAD_WEIGHT = 2.0
LEAD_WORDS = 120  # the first body words (the lead states the event: inverted pyramid) count like the headline
LEAD_WEIGHT = 2.0
ENTITY_WEIGHT = 1.0
DIGEST_RATIO = 0.3  # a contained text under this share of its container's size does not force the join
# A document joins its best story only if that cosine also beats the mean of its next ADAPT_K best by ADAPT_MARGIN:
# inside a dense neighbourhood (many events of one topic share the topic's words) more evidence is needed.
ADAPT_K = 3
ADAPT_MARGIN = 0.2


@cache
def stopwords() -> frozenset[str]:
    """Function words of every language with a ``vestnik/lang/<code>/stories-stopwords.txt`` file."""
    out: set[str] = set()
    base = resources.files("vestnik") / "lang"
    for d in base.iterdir():
        f = d / "stories-stopwords.txt"
        if f.is_file():
            out |= {fold(w.strip()) for w in f.read_text(encoding="utf-8").splitlines()
                    if w.strip() and not w.startswith("#")}
    return frozenset(out)


class _TermOf(dict[str, str]):
    """Folded word -> its term (prefix stem), or "" for a function word, a short word or a number; memoised
    (news vocabulary is Zipfian), so that counting is one C-level ``Counter`` over a ``map``."""

    def __missing__(self, w: str) -> str:
        if len(self) > 1_000_000:
            self.clear()
        t = self[w] = "" if len(w) < 3 or w in stopwords() or w.isdigit() else stem(w)
        return t


_TERM_OF = _TermOf()


def head_terms(sd: StoryDoc) -> set[str]:
    return set(map(_TERM_OF.__getitem__, sd.words[: sd.body_start])) - {""}


def terms(sd: StoryDoc, template: np.ndarray | None = None) -> Counter[str]:
    """Weighted term counts of a document: headline and lead stems count double (reports of one event share
    their first sentences more than their background paragraphs); entity ids are terms too. Words under the
    ``template`` mask (:mod:`vestnik.stories.template`) are left out."""
    words, get = sd.words, _TERM_OF.__getitem__
    if template is not None:
        words = list(compress(words, ~template))  # the headline is never masked: body_start still holds
    lead_end = sd.body_start + LEAD_WORDS
    c: Counter[str] = Counter()
    for part, weight in ((words[: sd.body_start], HEAD_WEIGHT), (words[sd.body_start : lead_end], LEAD_WEIGHT),
                         (words[lead_end:], 1.0)):
        for t, n in Counter(map(get, part)).items():
            c[t] += n * weight
    c.pop("", None)
    for e in sd.entities if ENTITY_WEIGHT > 0 else ():
        c["E:" + e] += ENTITY_WEIGHT
    return c


@dataclass
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    outlets: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    indexed: set[str] = field(default_factory=set)
    norm: float = 1.0

    @property
    def title(self) -> str:
        return self.titles[0] if self.titles else ""

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "size": len(self.members), "documents": list(self.members),
                "outlets": sorted(self.outlets), "languages": sorted(self.languages),
                "first_seen": self.first_seen, "last_seen": self.last_seen,
                "duplicates": [{"a": a, "b": b, "kind": k} for a, b, k in self.duplicates]}


def _norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values())) or 1.0


class StoryClusterer:
    """Incremental clustering; ``add`` one :class:`StoryDoc` at a time (in date order when dates are known).

    ``threshold``: cosine to a story centroid from which a document joins it. ``window_days``: a story takes
    new documents only this many days after its last one (ignored when either date is unknown).
    ``adapt_k``, ``adapt_margin``: the neighbourhood test of :meth:`_best` (0: off).
    """

    adapt_k: int = ADAPT_K  # class defaults: a clusterer pickled before these existed reads them from here
    adapt_margin: float = ADAPT_MARGIN

    def __init__(self, threshold: float = 0.35, window_days: int = 3, index: DedupIndex | None = None,
                 adapt_k: int = ADAPT_K, adapt_margin: float = ADAPT_MARGIN) -> None:
        self.threshold, self.window_days = threshold, window_days
        self.adapt_k, self.adapt_margin = adapt_k, adapt_margin
        self.index = index or DedupIndex()
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.primed = False
        self._counted: dict[str, Counter[str]] = {}  # primed documents not added yet -> their term counts
        self.stories: dict[str, Story] = {}
        self.doc_story: dict[str, str] = {}
        self.postings: dict[str, set[str]] = {}
        self._next = 0
        self._latest: int | None = None  # latest publication day seen
        self._since_sweep = 0

    def prime(self, docs: list[StoryDoc]) -> None:
        """Count a whole batch's document frequencies before clustering it (better IDF than running counts).

        Additive: an incremental run primes each new batch; documents primed are not counted again by ``add``.
        The batch is also where site templates show (:mod:`vestnik.stories.template`); their words are left out
        of the primed documents' vectors.
        """
        docs = [sd for sd in docs if sd.id not in self._counted and sd.id not in self.doc_story]
        masks = template_masks(docs, head_terms)
        for sd in docs:
            if sd.id in self._counted:  # a repeated id: the first one counts
                continue
            tc = self._counted[sd.id] = terms(sd, masks.get(sd.id))
            self.df.update(tc.keys())
            self.n_docs += 1
        self.primed = True

    def _vector(self, tc: Counter[str]) -> dict[str, float]:
        n = max(self.n_docs, 1)
        df, log = self.df.get, math.log
        v = {t: (1.0 + log(c)) * log((n + 1) / (df(t, 0) + 1) + 1.0) for t, c in tc.items()}
        top = sorted(v.items(), key=lambda x: -x[1])[:TOP_TERMS] if len(v) > TOP_TERMS else list(v.items())
        nn = math.sqrt(sum(x * x for _, x in top)) or 1.0
        return {t: x / nn for t, x in top}

    def _open(self, st: Story, day: int | None) -> bool:
        if day is None or st.last_day is None:
            return True
        return st.first_day - self.window_days <= day <= st.last_day + self.window_days  # type: ignore[operator]

    def add_many(self, docs: list[StoryDoc], batch: int = BATCH) -> list[tuple[str, list[Match]]]:
        """``add`` each document in turn (the same stories as one ``add`` at a time), with the duplicate index's
        per-document features prepared ``batch`` documents at a time (:func:`~vestnik.stories.index.prepare`)."""
        out = []
        for s in range(0, len(docs), batch):
            chunk = docs[s : s + batch]
            out += [self.add(sd, p) for sd, p in zip(chunk, prepare(chunk), strict=True)]
        return out

    def add(self, sd: StoryDoc, prepared: Prepared | None = None) -> tuple[str, list[Match]]:
        """Place one document; returns its story id and the duplicates it has among stored documents."""
        if sd.id in self.doc_story:
            return self.doc_story[sd.id], []
        matches = self.index.add(sd, prepared)
        tc = self._counted.pop(sd.id, None)
        if tc is None:
            tc = terms(sd)
            self.df.update(tc.keys())
            self.n_docs += 1
        vec = self._vector(tc)
        day = sd.day
        if day is not None and (self._latest is None or day > self._latest):
            self._latest = day
        self._since_sweep += 1
        if self._since_sweep >= 1000:
            self._sweep()
        sid = None
        for m in matches:
            # a duplicate joins its original's story, except an article found inside a much longer text (a
            # digest of several stories): there the text similarity decides
            if m.other in self.doc_story and (m.kind != "contains" or m.ratio >= DIGEST_RATIO):
                sid = self.doc_story[m.other]
                break
        if sid is None:
            sid = self._best(vec, day)
        if sid is None:
            sid = f"s{self._next}"
            self._next += 1
            self.stories[sid] = Story(id=sid)
        st = self.stories[sid]
        self._join(st, sd, vec, day)
        for m in matches:
            st.duplicates.append((m.other, sd.id, m.kind))
        return sid, matches

    def _best(self, vec: dict[str, float], day: int | None) -> str | None:
        """The open story to join: the most similar one at cosine >= ``threshold`` that also stands out from the
        document's other close stories (cosine >= their top-``adapt_k`` mean + ``adapt_margin``)."""
        best, best_s = None, -1.0
        ts, ws = list(vec), list(vec.values())
        others: list[float] = []
        for cand in self._candidates(vec):
            st = self.stories[cand]
            if not self._open(st, day):
                continue
            s = sum(map(mul, ws, map(st.centroid.get, ts, repeat(0.0)))) / st.norm
            if s >= best_s:
                if best is not None:
                    others.append(best_s)
                best, best_s = cand, s
            else:
                others.append(s)
        if best is None or best_s < self.threshold:
            return None
        if self.adapt_k and others:
            top = heapq.nlargest(self.adapt_k, others)
            if best_s < sum(top) / len(top) + self.adapt_margin:
                return None
        return best

    def merge_mutual(self) -> list[tuple[str, str]]:
        """Second pass over the stories (input order is arbitrary when undated, so one event can start twice
        before its reports meet): two open stories that are each other's most similar story, at centroid cosine
        >= ``threshold``, become one. One candidate look-up per story, like a document's; returns the merges as
        (kept story, absorbed story) pairs."""
        best: dict[str, tuple[float, str]] = {}
        for sid, st in self.stories.items():
            if not st.indexed:
                continue
            c, b = st.centroid, (-1.0, "")
            for o in self._candidates(c) - {sid}:
                ot = self.stories[o]
                if not self._overlap(st, ot):
                    continue
                oc = ot.centroid
                sim = sum(w * oc.get(t, 0.0) for t, w in c.items()) / (st.norm * ot.norm)
                if sim > b[0]:
                    b = (sim, o)
            if b[0] >= self.threshold:
                best[sid] = b
        merged = []
        for sid, (_, o) in best.items():
            if best.get(o, (0.0, ""))[1] != sid or sid not in self.stories or o not in self.stories:
                continue
            a, b_ = self.stories[sid], self.stories[o]  # a is the older story (dictionary order)
            keep, drop = (a, b_) if len(a.members) >= len(b_.members) else (b_, a)
            self._absorb(keep, drop)
            merged.append((keep.id, drop.id))
        return merged

    def _overlap(self, a: Story, b: Story) -> bool:
        """Whether two stories' day ranges come within the time window of each other (True when undated)."""
        if a.first_day is None or b.first_day is None:
            return True
        w = self.window_days
        return a.first_day - w <= b.last_day and b.first_day - w <= a.last_day  # type: ignore[operator]

    def _absorb(self, keep: Story, drop: Story) -> None:
        """Move ``drop``'s members, duplicates and centroid into ``keep`` and forget ``drop``."""
        for t in drop.indexed:
            self.postings.get(t, set()).discard(drop.id)
        for m in drop.members:
            self.doc_story[m] = keep.id
        keep.members += drop.members
        keep.titles += drop.titles
        keep.duplicates += drop.duplicates
        keep.outlets.update(drop.outlets)
        keep.languages.update(drop.languages)
        for t, w in drop.centroid.items():
            keep.centroid[t] = keep.centroid.get(t, 0.0) + w
        for day, seen in ((drop.first_day, drop.first_seen), (drop.last_day, drop.last_seen)):
            if day is None:
                continue
            if keep.first_day is None or day < keep.first_day:
                keep.first_day, keep.first_seen = day, seen
            if keep.last_day is None or day > keep.last_day:
                keep.last_day, keep.last_seen = day, seen
        self._reindex(keep)
        del self.stories[drop.id]

    def _reindex(self, st: Story) -> None:
        """Truncate the centroid to its strongest terms and index its top terms for the candidate search."""
        if len(st.centroid) > CENTROID_TERMS:
            st.centroid = dict(sorted(st.centroid.items(), key=lambda x: -x[1])[:CENTROID_TERMS])
        st.norm = _norm(st.centroid)
        top = set(heapq.nlargest(POSTING_TERMS, st.centroid, key=st.centroid.__getitem__))
        for t in st.indexed - top:
            self.postings.get(t, set()).discard(st.id)
        for t in top - st.indexed:
            self.postings.setdefault(t, set()).add(st.id)
        st.indexed = top

    def _sweep(self) -> None:
        """Take stories closed by the time window out of the candidate index (they keep their members)."""
        self._since_sweep = 0
        if self._latest is None:
            return
        limit = self._latest - 2 * self.window_days - 1
        for st in self.stories.values():
            if st.indexed and st.last_day is not None and st.last_day < limit:
                for t in st.indexed:
                    self.postings.get(t, set()).discard(st.id)
                st.indexed = set()

    def _candidates(self, vec: dict[str, float]) -> set[str]:
        out: set[str] = set()
        get = self.postings.get
        for t in heapq.nlargest(QUERY_TERMS, vec, key=vec.__getitem__):
            p = get(t)
            if p:
                out |= p
        return out

    def _join(self, st: Story, sd: StoryDoc, vec: dict[str, float], day: int | None) -> None:
        st.members.append(sd.id)
        st.titles.append(sd.title)
        self.doc_story[sd.id] = st.id
        for t, w in vec.items():
            st.centroid[t] = st.centroid.get(t, 0.0) + w
        self._reindex(st)
        if day is not None:
            if st.first_day is None or day < st.first_day:
                st.first_day, st.first_seen = day, sd.published[:10] if sd.published else None
            if st.last_day is None or day > st.last_day:
                st.last_day, st.last_seen = day, sd.published[:10] if sd.published else None
        if sd.outlet:
            st.outlets[sd.outlet] += 1
        if sd.language:
            st.languages[sd.language] += 1
