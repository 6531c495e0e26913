"""Site templates: passages repeated across a batch in articles that have nothing else in common.

Pages saved as plain text keep their site's navigation and footer ("всички права запазени, забранява се
възпроизвеждането..."). Those words are rare in the corpus, so TF-IDF weighs them high, and a site's unrelated
articles then look alike and join one story. A passage that reprints share is the story itself; a passage that
articles with different headlines share is the template. So: a word ``N``-gram found in at least ``MIN_DOCS``
documents of a batch whose headlines overlap on average less than ``MAX_HEAD_OVERLAP`` (Jaccard of their content
stems) marks its words as template; the story vectors and the duplicate index's shingles leave them out (its
exact key still reads the whole text: copies of one page are copies, template and all). A passage that is most
of the body of two or more of its holders is their content, though their headlines differ (one article reprinted
by several sites under headlines of their own): the duplicate index keeps it.

The test needs a batch (``StoryClusterer.prime``, which ``vestnik stories`` and the store sync call per batch);
one document alone has no template to compare with.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from typing import NamedTuple

import numpy as np

from vestnik.stories.features import StoryDoc

N = 8  # words per n-gram: long enough that ordinary phrases do not repeat by chance
MIN_DOCS = 3
MAX_HEAD_OVERLAP = 0.05
HEAD_COMMON = 0.1  # a headline term in this share of the batch's headlines ...
HEAD_COMMON_MIN = 10  # ... and in at least this many is the batch's topic, not a sign of one story (template_masks)
SAMPLE = 6  # holders of an n-gram whose headlines are compared (15 pairs at most)
CONTENT_SHARE = 0.8  # a passage this much of two holders' bodies is their content (see template_masks)
CONTENT_HOLDERS = 0.25  # ... and of this share of its holders at least (chrome: a small part of most pages)
_P = np.uint64(0x100000001B3)  # FNV prime: a polynomial hash of the words' hashes (uint64 arithmetic wraps)


def _grams(words: list[str]) -> np.ndarray:
    """Hashes of the document's word ``N``-grams (position i: words i .. i + N - 1)."""
    n = len(words) - N + 1
    if n <= 0:
        return np.empty(0, np.uint64)
    wh = np.fromiter(map(hash, words), np.int64, len(words)).view(np.uint64)
    g = wh[:n].copy()
    for j in range(1, N):
        g = g * _P + wh[j : j + n]
    return g


def _head_bits(terms: set[str]) -> tuple[int, int]:
    """A 128-bit Bloom signature of the headline's terms: pairs of signatures give the overlap test in bulk."""
    bits = 0
    for t in terms:
        bits |= 1 << (zlib.crc32(t.encode()) & 127)  # not hash(): its seed changes per process
    return bits & (2**64 - 1), bits >> 64


_POP = np.array([bin(i).count("1") for i in range(256)], np.uint8)  # bits set per byte value


def _popcount(x: np.ndarray) -> np.ndarray:
    """Bits set per row of a uint64 matrix (numpy < 2 has no bitwise_count)."""
    return _POP[x.view(np.uint8)].reshape(len(x), 8 * x.shape[1]).sum(axis=1, dtype=np.int64)


def _per_doc(flags: np.ndarray, word_off: np.ndarray) -> np.ndarray:
    """How many of each document's words are flagged (documents are ``word_off`` ranges of the batch)."""
    c = np.r_[0, np.cumsum(flags, dtype=np.int64)]
    return c[word_off[1:]] - c[word_off[:-1]]


class Masks(NamedTuple):
    """Per document id, a boolean mask over its ``words`` (True: template), for the documents that have any."""

    story: dict[str, np.ndarray]  # what the story vectors leave out: every template passage
    dedup: dict[str, np.ndarray]  # what the duplicate index leaves out: the same but content passages (below)


def template_masks(docs: list[StoryDoc], head_terms: Callable[[StoryDoc], set[str]]) -> Masks:
    """The batch's template masks. A passage that is most of the body (``CONTENT_SHARE``) of two or more of its
    holders, and of at least ``CONTENT_HOLDERS`` of them, is their content to the duplicate index: one article
    reprinted by several sites under headlines of their own, or a press digest's item found again inside the
    whole digest (chrome is a small part of most pages it is on, even where a few of them are mostly such
    passages). Blind labels call such pairs reprints (docs/stories-eval.md); the story vectors still leave the
    passage out of the digests that repeat it.

    All in bulk: the batch's n-grams sorted once; for each n-gram in ``MIN_DOCS`` documents or more, the
    headline overlap of its first ``SAMPLE`` holders estimated from Bloom signatures (no Python loop per
    n-gram: a batch built from shared passages has millions of them).

    Headline terms common to the batch (``HEAD_COMMON`` of its headlines, ``HEAD_COMMON_MIN`` at least) are left
    out of that overlap: in a batch on one topic most headlines name it ("Брекзит" in 60 % of the BSNLP brexit
    files), so any two holders' headlines overlapped through it and a site's footer on its unrelated reports
    passed for a reprint (the focus-news.net footer tied its brexit reports at cosine 0.4-0.7; stop 24)."""
    grams = [_grams(d.words) for d in docs]
    n_grams = np.array([len(g) for g in grams])
    if not n_grams.sum():
        return Masks({}, {})
    allg = np.concatenate(grams)
    owner = np.repeat(np.arange(len(docs)), n_grams)
    order = np.argsort(allg, kind="stable")  # stable: a document's repeats of one n-gram end up adjacent
    g_s, o_s = allg[order], owner[order]
    new_gram = np.r_[True, g_s[1:] != g_s[:-1]]
    group = np.cumsum(new_gram) - 1  # n-gram number of each sorted occurrence
    first = new_gram | np.r_[True, o_s[1:] != o_s[:-1]]  # one (n-gram, document) pair each
    g_s, o_s, group_u = g_s[first], o_s[first], group[first]
    starts = np.flatnonzero(np.r_[True, group_u[1:] != group_u[:-1]])
    counts = np.diff(np.r_[starts, len(g_s)])
    frequent = np.flatnonzero(counts >= MIN_DOCS)
    if not len(frequent):
        return Masks({}, {})
    starts, counts = starts[frequent], counts[frequent]
    heads = [head_terms(d) for d in docs]
    df = Counter(t for h in heads for t in h)
    common = {t for t, n in df.items() if n >= HEAD_COMMON_MIN and n >= HEAD_COMMON * len(docs)}
    sig = np.array([_head_bits(h - common if common else h) for h in heads], dtype=np.uint64)  # (documents, 2)
    k = np.minimum(counts, SAMPLE)
    overlap, pairs = np.zeros(len(starts)), np.zeros(len(starts))
    for a, b in combinations(range(SAMPLE), 2):
        ok = b < k
        x, y = sig[o_s[starts[ok] + a]], sig[o_s[starts[ok] + b]]
        inter, union = _popcount(x & y), _popcount(x | y)
        overlap[ok] += np.where(union > 0, inter / np.maximum(union, 1), 0.0)
        pairs[ok] += 1
    bad = overlap / pairs < MAX_HEAD_OVERLAP
    n_words = np.array([len(d.words) for d in docs])
    word_off = np.r_[0, np.cumsum(n_words)]
    gram_off = np.r_[0, np.cumsum(n_grams)]

    def covered_by(bad: np.ndarray) -> np.ndarray | None:
        """Words (batch-wide) inside an n-gram of the bad groups."""
        bad_group = np.zeros(group[-1] + 1, bool)
        bad_group[group_u[starts[bad]]] = True
        if not bad_group.any():
            return None
        is_bad = np.empty(len(allg), bool)
        is_bad[order] = bad_group[group]  # back from sorted to document order
        hit = np.flatnonzero(is_bad)
        at = word_off[owner[hit]] + hit - gram_off[owner[hit]]  # each template n-gram's first word, batch-wide
        cover = np.zeros(word_off[-1] + 1, np.int32)
        cover[at] += 1  # positions are distinct: no np.add.at needed
        cover[at + N] -= 1  # distinct too (a start and an end may share a cell: two statements)
        return np.cumsum(cover[:-1]) > 0

    covered = covered_by(bad)
    if covered is None:
        return Masks({}, {})
    # holders whose body is mostly such passages; a passage two of them hold is content (duplicate index only)
    body = np.ones(word_off[-1], bool)
    for i, d in enumerate(docs):
        body[word_off[i] : word_off[i] + d.body_start] = False
    share = _per_doc(covered & body, word_off) / np.maximum(_per_doc(body, word_off), 1)
    cs = np.r_[0, np.cumsum(share[o_s] >= CONTENT_SHARE)]
    held = cs[starts + counts] - cs[starts]
    content = (held >= 2) & (held >= CONTENT_HOLDERS * counts)
    story = _by_doc(docs, covered, word_off)
    if not (bad & content).any():
        return Masks(story, story)
    dedup = covered_by(bad & ~content)
    return Masks(story, _by_doc(docs, dedup, word_off) if dedup is not None else {})


def _by_doc(docs: list[StoryDoc], covered: np.ndarray, word_off: np.ndarray) -> dict[str, np.ndarray]:
    out = {}
    for i in np.flatnonzero(_per_doc(covered, word_off)).tolist():
        d = docs[i]
        mask = covered[word_off[i] : word_off[i + 1]].copy()
        mask[: d.body_start] = False  # the headline is the article's own, even when a template repeats it
        if mask.any():
            out[d.id] = mask
    return out
