"""Topics of a batch: groups of stories that name what the rest of the batch does not.

A batch gathered by subject (BSNLP's topics, an analyst's folders per subject) puts several topics in one run. A
topic's own words (Asia Bibi, Pakistan, blasphemy) are rare in such a batch, so the batch's document frequencies
weigh them as if they told one event, and the topic's different events look alike: asia_bibi's reports scored B³
0.831 clustered alone and 0.765 in one run with three other topics (docs/stories-eval.md, stop 26). :func:`split`
finds such topics, and the batch path then weighs each one's documents by frequencies counted on that topic alone
(:func:`vestnik.stories.batch.prime_batch`, :meth:`~vestnik.stories.cluster.StoryClusterer.scope`).

A topic, here, is a set of the first pass's stories in most of whose documents one name occurs (a stem or an
entity id), whose stories resemble each other far more than they resemble the rest of the batch: the mean cosine
between two of its documents of different stories is ``TOPIC_RATIO`` times the mean cosine between one of its
documents and one of the rest. Both are taken in the topic's main language, since two languages share few terms.
Different stories, because one large story's reports are alike whatever the batch holds. Measured (B³ vectors,
stop 26): a single-topic batch's largest sub-themes ("the transition period" in brexit, "the Supreme Court" in
asia_bibi) reach 1.6-2.9, the small-site corpus's general news 3.8 at most; four BSNLP topics in one batch 8.2-16.2
(6.9-8.5 from the headline and body alone, without entity ids). Topics are peeled one at a time, the most distinct
first, each from what the others left; then each topic, and the rest, is cut the same way once more
(``TOPIC_DEPTH``), its sizes taken relative to it. A batch without topics is not cut at any depth.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, repeat
from typing import NamedTuple

import numpy as np

TOPIC_MIN_DOCS = 30  # a topic holds at least this many documents ...
TOPIC_MIN_SHARE = 0.08  # ... and this share of the batch; so does what is left beside it
TOPIC_RATIO = 5.0  # mean cosine between its stories / mean cosine between the topic and the rest
#: cuts in all: the batch's, then once more within each of its topics and within the rest (stop 27: asia_bibi's
#: 84 reports, gathered with 53 articles on Christians under "христи…" in a batch of four topics and general
#: news, come apart from them, and ryanair's 87 from the general news they stayed with)
TOPIC_DEPTH = 2


def split(ids: list[str], stories: list[list[str]], terms: dict[str, Counter[str]],
          vectors: dict[str, dict[str, float]], languages: list[str | None] | None = None) -> list[list[str]]:
    """The batch's documents ``ids`` cut into its topics and the rest (each in batch order), or ``[ids]`` when
    it has no topic. ``stories``: the first pass's groups (a topic takes whole stories); ``terms``: each
    document's term counts (:func:`~vestnik.stories.cluster.terms`: figures, ``#...``, are no topic's name);
    ``vectors``: its unit TF-IDF vector under the batch's document frequencies; ``languages``: each document's.

    A topic is compared with the rest of the batch in its main language: two languages share almost no term, so
    against a batch of other-language reports any group of Russian reports would look apart, and the Russian
    reports of a Bulgarian batch would be a topic of their own."""
    n = len(ids)
    min_docs = max(TOPIC_MIN_DOCS, TOPIC_MIN_SHARE * n)
    if n < 2 * min_docs:
        return [list(ids)]
    pos = {d: i for i, d in enumerate(ids)}
    unit = np.full(n, -1, dtype=np.intp)  # document -> its first-pass story (a document in none: a story alone)
    for k, g in enumerate(stories):
        unit[[pos[d] for d in g if d in pos]] = k
    alone = np.flatnonzero(unit < 0)
    unit[alone] = len(stories) + np.arange(len(alone))
    u = len(stories) + len(alone)
    has_doc, has_name, n_names = _names(ids, terms, min_docs)
    row, col, val, n_cols = _vectors(ids, vectors)
    codes: dict[str | None, int] = {}
    lang = np.array([codes.setdefault(x, len(codes)) for x in (languages or [None] * n)], dtype=np.intp)
    # each first-pass story's own share of a topic's cohesion, per language: the squared norm of the summed
    # vectors of its documents in that language
    unit_sq = []
    for code in range(len(codes)):
        own = lang[row] == code
        key = unit[row[own]] * n_cols + col[own]
        cells, cell = np.unique(key, return_inverse=True)
        unit_sq.append(np.bincount(cells // max(n_cols, 1), weights=np.bincount(cell, weights=val[own]) ** 2,
                                   minlength=u))

    batch = _Batch(unit, unit_sq, has_doc, has_name, n_names, row, col, val, n_cols, lang, min_docs)
    parts = _peel(batch, np.ones(n, dtype=bool), TOPIC_DEPTH)
    return [[ids[i] for i in np.flatnonzero(m)] for m in parts]


def _peel(b: _Batch, mask: np.ndarray, depth: int) -> list[np.ndarray]:
    """The documents ``mask`` cut into their topics and the rest, the most distinct topic first, each cut again
    ``depth - 1`` times more (sizes relative to it): a topic may gather a smaller one under a broader name, and
    what is left may hold a topic too small for the whole batch's share. ``[mask]`` when it has no topic."""
    n = int(mask.sum())
    here = b._replace(min_docs=max(TOPIC_MIN_DOCS, TOPIC_MIN_SHARE * n))
    left = mask.copy()
    found: list[np.ndarray] = []
    while True:
        best = _best_topic(here, left)
        if best is None:
            break
        found.append(best)
        left &= ~best
    if not found:
        return [mask]
    return [sub for m in [*found, left] if m.any() for sub in (_peel(b, m, depth - 1) if depth > 1 else [m])]


def _names(ids: list[str], terms: dict[str, Counter[str]], min_docs: float) -> tuple[np.ndarray, np.ndarray, int]:
    """(document, name) pairs, as two index arrays, for the names frequent enough to name a topic, and their
    number; C-level passes over each document's terms."""
    empty: dict[str, float] = {}
    df = Counter(chain.from_iterable(terms.get(d, empty).keys() for d in ids))
    names = {t: i for i, t in enumerate(t for t, c in df.items() if c * 2 >= min_docs and t[:1] != "#")}
    doc_of: list[int] = []
    name_of: list[int] = []
    for i, d in enumerate(ids):
        hits = terms.get(d, empty).keys() & names.keys()
        doc_of += repeat(i, len(hits))
        name_of += map(names.__getitem__, hits)
    return np.array(doc_of, dtype=np.intp), np.array(name_of, dtype=np.intp), len(names)


def _vectors(ids: list[str], vectors: dict[str, dict[str, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The documents' vectors as a sparse matrix (row, column and value arrays) and its number of columns."""
    empty: dict[str, float] = {}
    vecs = [vectors.get(d, empty) for d in ids]
    cols = {t: i for i, t in enumerate(set().union(*vecs))}
    row: list[int] = []
    col: list[int] = []
    val: list[float] = []
    for i, v in enumerate(vecs):
        row += repeat(i, len(v))
        col += map(cols.__getitem__, v)
        val += v.values()
    return np.array(row, dtype=np.intp), np.array(col, dtype=np.intp), np.array(val), len(cols)


class _Batch(NamedTuple):
    """What the topic test reads of a batch, computed once by :func:`split` for every topic it peels."""

    unit: np.ndarray  # each document's first-pass story
    unit_sq: list[np.ndarray]  # per language code, the squared norm of each story's summed vectors
    has_doc: np.ndarray  # (document, name) pairs, for the names frequent enough to name a topic
    has_name: np.ndarray
    n_names: int
    row: np.ndarray  # the documents' vectors, a sparse matrix
    col: np.ndarray
    val: np.ndarray
    n_cols: int
    lang: np.ndarray  # each document's language code
    min_docs: float


def _best_topic(b: _Batch, left: np.ndarray) -> np.ndarray | None:
    """The most distinct topic among the documents ``left`` (a mask of them), None when none reaches
    ``TOPIC_RATIO``."""
    unit, unit_sq, row, col, val, n_cols, lang, min_docs = (b.unit, b.unit_sq, b.row, b.col, b.val, b.n_cols,
                                                             b.lang, b.min_docs)
    n_units = len(unit_sq[0])
    n_left = int(left.sum())
    if n_left < 2 * min_docs:
        return None
    live = left[b.has_doc]
    doc, name = b.has_doc[live], b.has_name[live]
    df = np.bincount(name, minlength=b.n_names)
    unit_size = np.bincount(unit[left], minlength=n_units)
    n_langs = len(unit_sq)
    in_left = left[row]
    totals = [np.bincount(col[m], weights=val[m], minlength=n_cols) for m in (in_left & (lang[row] == c)
                                                                             for c in range(n_langs))]
    order = np.argsort(name, kind="stable")
    doc, name = doc[order], name[order]
    bounds = np.searchsorted(name, np.arange(b.n_names + 1))
    tried: set[bytes] = set()
    best, best_ratio = None, TOPIC_RATIO
    for t in np.flatnonzero(df >= min_docs / 2):
        holders = doc[bounds[t] : bounds[t + 1]]
        per_unit = np.bincount(unit[holders], minlength=n_units)
        units = (per_unit * 2 >= unit_size) & (per_unit > 0)
        mask = units[unit] & left
        k = int(mask.sum())
        if k < min_docs or n_left - k < min_docs:
            continue
        key = np.packbits(mask).tobytes()
        if key in tried:  # (several names of one topic: Asia Bibi, Pakistan, blasphemy)
            continue
        tried.add(key)
        # compared in the topic's main language, with the rest in that language
        main = int(np.argmax(np.bincount(lang[mask], minlength=n_langs)))
        mine = mask & (lang == main)
        rest = left & ~mask & (lang == main)
        k, r = int(mine.sum()), int(rest.sum())
        if r < min_docs:
            continue
        inside = mine[row]
        s_in = np.bincount(col[inside], weights=val[inside], minlength=n_cols)
        s_out = totals[main] - s_in  # (the rest: the documents left in that language, less the topic's)
        # between two documents of different stories of the topic: a topic is many stories alike, not one
        # large story (whose reports are alike whatever the batch)
        sizes = np.bincount(unit[mine], minlength=n_units)
        pairs = k * k - float(sizes @ sizes)
        if pairs <= 0:
            continue
        within = (float(s_in @ s_in) - float(unit_sq[main][units].sum())) / pairs
        if within <= 0:  # (its documents have no term in common)
            continue
        cross = float(s_in @ s_out) / (k * r)
        ratio = within / cross if cross > 0 else float("inf")
        if ratio >= best_ratio and (best is None or ratio > best_ratio or mask.sum() > best.sum()):
            best, best_ratio = mask, ratio
    return best
