"""Duplicate index and story clustering at scale: incremental insertion of 100,000 documents.

Documents are built from real Bulgarian news (../shared/eval/news-bg, read at run time, never copied): each
synthetic document joins 2-4 runs of consecutive sentences from random real articles (``--mixed``: 8-16 single
sentences), and one in five is a reprint of an earlier one with a few words changed, cut with "...", or with
look-alike Latin letters, so that the index has real matches to find. The ~9,400 sentences are reused by many
documents, so the runs make each document match ~28 earlier ones (a stress case: every match is verified and
returned); mixed, ~1.4, nearly all between a planted reprint, its source and their other reprints (the
labelled news set has ~0.56 per document).
Reported:

- documents/s per core for ``DedupIndex.add_many`` (exact key + MinHash LSH + anchors + lead key; each document
  compared with all earlier ones and stored before the next, its features (hashes, shingle set, signature)
  prepared 256 documents at a time), for ``DedupIndex.add`` one document at a time on the first 10,000, and for
  the full ``StoryClusterer.add_many`` (index + TF-IDF clustering), one process, against the same documents
  without their figures;
- ``normalize.figures`` on the real articles, as a multiple of the time ``tokens`` takes on them;
- the memory of a batch's words (``features.words_of``, interned) against plain token lists;
- MinHash signatures: rensa vs datasketch on the same shingles (why rensa is used);
- memory: resident-set growth per document, projected to one million documents;
- the ratio to brute force: comparing each new signature with every stored one (numpy, vectorised), timed on
  samples at the final size and integrated over the insertion (n²/2 comparisons);
- agreement with brute force on the first 3,000 documents: every pair whose exact shingle sets reach the
  thresholds (Jaccard ≥ 0.3 or containment ≥ 0.55), found by comparing each document with all earlier ones, vs the
  pairs the index reports (its lead-key path also reports cut teasers, which the shingle definition misses);
- the topic test every batch run makes after its first pass (``batch.split_topics``), against that first pass;
  with ``--topics``, only a batch's whole stories step on real batches (one topic, general news, four topics),
  with the test and without it (the named baseline).

A family of near-identical pages (``--family 500,1000,2000``: a site's error or login page saved again and again,
here one long real report with one word changed per copy), clustered as ``vestnik stories`` does: seconds per
page, duplicate pairs and resident memory at each size, each size's time per page as a ratio to the smallest's
(1.0: linear), and the same with the look-ups unbounded (``index.CHAIN_CAP``, ``MATCH_CAP`` lifted: the code
before stop 24, the named baseline); then a family of exact copies, bounded, against the near-identical family
(whose members are all verified; the exact copies beyond the first holders were too, until stop 25).

    python -m bench.stories [--n 100000] [--cluster-n 20000] [--mixed] [--family 500,1000,2000] [--topics]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import re
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np

from vestnik.stories.batch import first_pass, split_topics
from vestnik.stories.cluster import StoryClusterer, batch_terms
from vestnik.stories.features import StoryDoc, story_doc, words_of
from vestnik.stories.index import DedupIndex
from vestnik.stories.normalize import figures, shingles, tokens

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news-bg" / "bsnlp-with-metadata"
_SENT = re.compile(r"(?<=[.!?…])\s+(?=[А-ЯA-Z„\"])")
_LATIN = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x"})


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences() -> list[list[str]]:
    arts = []
    for f in sorted(DATA.glob("*/*.txt")):
        body = "\n".join(f.read_text(encoding="utf-8").split("\n")[5:])
        s = [x.strip() for x in _SENT.split(body) if len(x.strip()) > 20]
        if len(s) >= 6:
            arts.append(s)
    if not arts:
        raise SystemExit(f"no articles under {DATA}")
    return arts


def make_texts(n: int, seed: int = 7, mixed: bool = False) -> list[str]:
    """``mixed``: a new document is 8-16 sentences drawn one by one from random articles instead of 2-4 runs of
    consecutive ones. With ~9,400 sentences to draw from, runs are shared by many of 100,000 documents (each
    matches ~28 earlier ones: a stress case for verification); mixed, the planted reprints are most of the
    matches (~1.4 per document; the labelled news set has ~0.56)."""
    rng = random.Random(seed)
    arts = sentences()
    texts: list[str] = []
    for _ in range(n):
        if texts and rng.random() < 0.2:
            src = rng.choice(texts[-5000:])
            kind = rng.random()
            if kind < 0.4:
                w = src.split()
                for _ in range(3):
                    w[rng.randrange(len(w))] = "промяна"
                text = " ".join(w)
            elif kind < 0.7:
                text = src[: max(80, len(src) // 3)].rsplit(" ", 1)[0] + "..."
            else:
                text = src.translate(_LATIN)
        elif mixed:
            parts = [rng.choice(rng.choice(arts)) for _ in range(rng.randint(8, 16))]
            text = " ".join(parts)
        else:  # a new document: runs of sentences of several real articles
            parts = []
            for _ in range(rng.randint(2, 4)):
                a = rng.choice(arts)
                k = rng.randint(2, min(6, len(a)))
                start = rng.randint(0, len(a) - k)
                parts += a[start : start + k]
            text = " ".join(parts)
        texts.append(text)
    return texts


def make_docs(n: int, seed: int = 7, mixed: bool = False) -> list[StoryDoc]:
    """:func:`make_texts` as StoryDocs, spread over about six months."""
    out: list[StoryDoc] = []
    for i, text in enumerate(make_texts(n, seed, mixed)):
        day = 17532 + i * 180 // n
        cut = text.rstrip().endswith(("...", "…"))
        out.append(StoryDoc(id=f"d{i}", title=text[:80], words=tokens(text), truncated=cut,
                            published=str(np.datetime64(day, "D")), figures=figures(text)))
    return out


def bench_family(sizes: list[int]) -> None:
    """Families of near-identical pages through ``cluster_story_docs``, bounded look-ups and unbounded."""
    from vestnik.stories import index as ix
    from vestnik.stories.batch import cluster_story_docs

    page = max(sentences(), key=len)  # the longest real report
    words = tokens(" ".join(page))
    print(f"family of near-identical pages: a report of {len(words):,} words, one word changed per copy "
          "(or copied exactly: a look-up leaves out the exact key's first and newest holders, since stop 25)")
    caps = ix.CHAIN_CAP, ix.MATCH_CAP
    near: dict[int, float] = {}  # per page, bounded near-identical family: the exact family's baseline
    for label, bound, exact in (("bounded", caps, False), ("unbounded (before stop 24)", (10**9, 10**9), False),
                                ("exact copies, bounded", caps, True)):
        ix.CHAIN_CAP, ix.MATCH_CAP = bound
        base = None
        for n in sizes:
            docs = [StoryDoc(id=f"p{i}", title=" ".join(words[:8]), words=words if exact else [*words[:-1], f"x{i}"])
                    for i in range(n)]
            gc.collect()
            m0 = rss_mb()
            t0 = time.process_time()
            stories = cluster_story_docs(docs)
            per = (time.process_time() - t0) / n
            base = base or per
            if label == "bounded":
                near[n] = per
            pairs = sum(len(st.duplicates) for st in stories)
            vs = f", {per / near[n]:.2f}x the near-identical family's" if exact and n in near else ""
            print(f"  {label}: {n:,} pages {per * 1e3:.1f} ms per page ({per / base:.2f}x the smallest family's"
                  f"{vs}), {pairs:,} pairs, {len(stories)} stories, {rss_mb() - m0:+,.0f} MB resident", flush=True)
    ix.CHAIN_CAP, ix.MATCH_CAP = caps


def bench_topics() -> None:
    """``cluster_story_docs`` on real batches with the topic test (stop 26) and without it (the named baseline:
    the code before stop 26), CPU time, the faster of two runs: a batch of one topic and one of general news pay
    for the test only; the four BSNLP topics together also for each topic's own first pass."""
    import json

    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.stories import batch

    pipe = make_pipeline(only=["segment"])  # headline and body, as the stories layer reads them

    def doc(text: str, i: str) -> StoryDoc:
        return story_doc(pipe(Document(text=text, id=i)))

    topics: dict[str, list[StoryDoc]] = {}
    for f in sorted(DATA.glob("*/*.txt")):
        lines = f.read_text(encoding="utf-8").split("\n")
        topics.setdefault(f.parent.name, []).append(doc(f"{lines[4]}\n\n" + "\n".join(lines[5:]), f.stem))
    general = []
    with (DATA.parent / "hack-the-fake-news.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            general.append(doc(f"{rec['Content Title']}\n\n{rec['Content']}", f"g{i}"))
    split = batch.split_topics
    print("a batch's stories (cluster_story_docs) with the topic test, against the same batch without it:")
    for label, docs in (("brexit alone", topics.get("brexit", [])), ("small-site corpus", general),
                        ("four topics together", [d for t in sorted(topics) for d in topics[t]])):
        times = {}
        for on in (False, True, False, True):
            batch.split_topics = split if on else (lambda d, g, c, cl=None: [d])
            t0 = time.process_time()
            n = len(batch.cluster_story_docs(docs))
            times[on] = min(times.get(on, float("inf")), time.process_time() - t0)
        batch.split_topics = split
        print(f"  {label}: {len(docs):,} documents, {n:,} stories, {times[True]:.2f}s, {times[True] / times[False]:.2f}x "
              f"the {times[False]:.2f}s without the test", flush=True)


def bench_minhash(docs: list[StoryDoc]) -> tuple[float, float]:
    import rensa
    from datasketch import MinHash

    sh = [shingles(d.words) for d in docs]
    t0 = time.perf_counter()
    for s in sh:
        m = rensa.RMinHash(num_perm=128, seed=42)
        m.update(s)
        m.digest()
    t_r = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in sh:
        m2 = MinHash(num_perm=128, seed=42)
        m2.update_batch([x.encode("utf-8") for x in s])
    t_d = time.perf_counter() - t0
    return len(sh) / t_r, len(sh) / t_d


def brute_force_agreement(docs: list[StoryDoc], n: int = 3000) -> str:
    """Exact all-pairs check of the index's shingle-defined matches on a prefix of the stream."""
    idx = DedupIndex()
    found = {(i, int(m.other[1:])) for i, ms in enumerate(idx.add_many(docs[:n])) for m in ms}
    truth = set()
    for i in range(1, len(idx)):
        s = idx.shingle_set(i)
        if not len(s):
            continue
        sizes = np.array([len(idx.shingle_set(j)) for j in range(i)])
        flat = np.concatenate([idx.shingle_set(j) for j in range(i)])
        hit = s[np.minimum(np.searchsorted(s, flat), len(s) - 1)] == flat
        cs = np.concatenate(([0], np.cumsum(hit)))
        ends = np.cumsum(sizes)
        inter = cs[ends] - cs[ends - sizes]
        small = np.minimum(sizes, len(s))
        ok = (inter / (len(s) + sizes - inter) >= idx.near) | (
            (small >= idx.min_shingles) & (inter / np.maximum(small, 1) >= idx.contain))
        truth |= {(i, int(j)) for j in np.flatnonzero(ok)}
    return (f"brute-force agreement on the first {len(idx):,} documents: {len(truth):,} pairs by exact definition, "
            f"index found {len(found & truth):,} ({len(found & truth) / max(len(truth), 1):.1%}), "
            f"{len(found - truth):,} more via lead keys (cut texts)")


def word_memory(texts: list[str], words: Callable[[str], list[str]]) -> float:
    """Bytes per text that the word lists ``words`` makes hold, all of them kept at once (as a batch keeps them)."""
    tracemalloc.start()
    kept = [words(t) for t in texts]
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return size / len(texts)


def time_clusterer(docs: list[StoryDoc]) -> tuple[float, int]:
    """CPU seconds of ``StoryClusterer.add_many`` over a primed batch, and the stories it made."""
    cl = StoryClusterer()
    cl.prime(docs)
    t0 = time.process_time()
    cl.add_many(docs)
    return time.process_time() - t0, len(cl.stories)


def time_topics(docs: list[StoryDoc]) -> tuple[float, float, list[list[StoryDoc]]]:
    """CPU seconds of a batch's first pass and of the topic test after it (stop 26), and the parts found."""
    cl = StoryClusterer()
    counted = batch_terms(docs)
    t0 = time.process_time()
    groups = first_pass(docs, cl, counted=counted)
    t1 = time.process_time()
    cl.prime(docs, groups, counted)
    parts = split_topics(docs, groups, counted, cl)
    return t1 - t0, time.process_time() - t1, parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--cluster-n", type=int, default=20_000)
    ap.add_argument("--mixed", action="store_true",
                    help="documents of single sentences from random articles: reprints are most matches, as in news")
    ap.add_argument("--family", help="only the family bench, at these sizes (e.g. 500,1000,2000)")
    ap.add_argument("--topics", action="store_true", help="only the topic test's cost on real batches")
    a = ap.parse_args()
    if a.family:
        bench_family([int(x) for x in a.family.split(",")])
        return
    if a.topics:
        bench_topics()
        return
    t0 = time.perf_counter()
    docs = make_docs(a.n, mixed=a.mixed)
    words = sum(len(d.words) for d in docs) / len(docs)
    print(f"{len(docs)} documents built from real news in {time.perf_counter() - t0:.1f}s, {words:.0f} words each")
    sample = [" ".join(d.words) for d in docs[:5000]]
    t0 = time.process_time()
    for text in sample:
        tokens(text)
    tok_rate = len(sample) / (time.process_time() - t0)
    print(f"normalise + tokenise: {tok_rate:,.0f} docs/s (CPU time, one core)")
    articles = [" ".join(a) for a in sentences()]  # real report text, punctuation and digit groups kept
    t0 = time.process_time()
    for text in articles:
        tokens(text)
    t_tok = time.process_time() - t0
    t0 = time.process_time()
    for text in articles:
        figures(text)
    t_fig = time.process_time() - t0
    print(f"figures (the quantities a text states) on {len(articles):,} real articles: "
          f"{len(articles) / t_fig:,.0f} docs/s, {t_fig / t_tok:.2f}x the time of normalise + tokenise")
    plain, interned = word_memory(articles, tokens), word_memory(articles, words_of)
    print(f"a StoryDoc's words (features.words_of, interned) on the real articles: {interned / 1024:.1f} KiB per "
          f"document, {interned / plain:.2f}x the {plain / 1024:.1f} KiB of the plain token lists (the baseline)")

    r_rate, d_rate = bench_minhash(docs[:2000])
    print(f"MinHash (128 permutations), 2,000 docs: rensa {r_rate:,.0f} docs/s, datasketch {d_rate:,.0f} docs/s "
          f"(rensa {r_rate / d_rate:.1f}x)")

    DedupIndex().add_many(docs[:300])  # compiled kernels loaded (or compiled, once per machine) before timing
    one = docs[:10_000]
    idx = DedupIndex()
    c0 = time.process_time()
    for d in one:
        idx.add(d)
    print(f"DedupIndex.add, one document at a time: {len(one) / (time.process_time() - c0):,.0f} docs/s per core "
          f"(CPU) on the first {len(one):,}")
    del idx
    gc.collect()
    m0 = rss_mb()
    idx = DedupIndex()
    kinds: dict[str, int] = {}
    t0 = time.perf_counter()
    c0 = time.process_time()
    step = 20_000
    for s in range(0, len(docs), step):
        for ms in idx.add_many(docs[s : s + step]):
            for m in ms:
                kinds[m.kind] = kinds.get(m.kind, 0) + 1
        i = min(s + step, len(docs))
        print(f"  {i:,} inserted, {i / (time.perf_counter() - t0):,.0f} docs/s wall so far", flush=True)
    t_idx = time.perf_counter() - t0
    c_idx = time.process_time() - c0
    m1 = rss_mb()
    rate = len(docs) / t_idx
    per_doc = (m1 - m0) * 1024 * 1024 / len(docs)
    print(f"DedupIndex.add_many: {rate:,.0f} docs/s wall, {len(docs) / c_idx:,.0f} docs/s per core of CPU time "
          f"({t_idx:.1f}s for {len(docs):,}); matches {kinds}, {sum(kinds.values()) / len(docs):.2f} per document")
    print(f"memory: {per_doc:,.0f} bytes/document resident -> {per_doc * 1e6 / 2**30:.2f} GiB per million documents")

    # brute force: each new signature against every stored one
    sigs = idx._sigs[: len(idx)]
    probe = sigs[np.random.default_rng(0).integers(0, len(idx), 20)]
    t0 = time.perf_counter()
    for s in probe:
        np.count_nonzero(sigs == s, axis=1)
    per_query_full = (time.perf_counter() - t0) / len(probe)
    brute_total = per_query_full / 2 * len(idx)  # average stored size is n/2 over the insertion
    print(f"brute force: {per_query_full * 1e3:.1f} ms per document against {len(idx):,} signatures; "
          f"all-pairs insertion ≈ {brute_total:,.0f}s vs index {t_idx:.0f}s -> index {brute_total / t_idx:,.0f}x faster "
          f"(and the gap grows linearly with n)")

    print(brute_force_agreement(docs), flush=True)

    sub = docs[: a.cluster_n]
    t_cl, n_st = time_clusterer(sub)
    print(f"StoryClusterer.add_many (index + clustering, 3-day window): {len(sub) / t_cl:,.0f} docs/s per core (CPU) "
          f"on {len(sub):,} documents, {n_st:,} stories")
    t_bare, n_st = time_clusterer([dataclasses.replace(d, figures=[]) for d in sub])  # baseline: no figures
    print(f"  baseline without figures: {len(sub) / t_bare:,.0f} docs/s, {n_st:,} stories -> with figures "
          f"{t_cl / t_bare:.2f}x its time (the documents share runs of sentences, and so their figures)")
    t_first, t_topics, parts = time_topics(sub)
    print(f"topics of the batch (batch.split_topics, what every batch run pays): {t_topics:.2f}s on {len(sub):,} "
          f"documents, {t_topics / t_first:.2f}x its first pass ({t_first:.1f}s, the named baseline); "
          f"{len(parts)} part(s) of {', '.join(str(len(p)) for p in parts)} documents")

if __name__ == "__main__":
    main()
