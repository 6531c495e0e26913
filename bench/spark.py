"""Spark overhead: the pipeline through ``vestnik.spark.annotate`` on local cores vs vestnik's own process pool.

Run: ``.venv/bin/python -m bench.spark [--n 400] [--cores 2]``. Input: the first N real Bulgarian articles of
``shared/eval/news-bg/hack-the-fake-news.jsonl``, read as ``bench.pipeline`` reads them. Baseline: ``vestnik.runner.run`` with the same number of
worker processes (what ``vestnik extract --jobs`` does). Both are timed twice, cold (models load in every
worker) and warm (workers already loaded), in wall-clock time, since both spread work over processes.
The headline is the warm ratio: what Spark's scheduling, serialisation and JVM round trips cost on top of
the pipeline, which is what a cluster multiplies across machines.

Duplicates (``--dup-n``, default 20,000): documents built from real reports as ``bench.stories --mixed`` builds
them (one in five a planted reprint), segmented, then ``vestnik.spark.duplicates`` on local cores, with 1 and 4
shards, against the in-process ``DedupIndex`` over the same documents on one core (the baseline), with the pairs
compared (they should be the same).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench.pipeline import DEFAULT as DATA
from bench.pipeline import load_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--dup-n", type=int, default=20000, help="documents for the duplicates timing (0: none)")
    a = ap.parse_args()
    # the same articles as bench.pipeline, so the two rates compare
    rows = [{"id": str(i), "text": t, "published": p} for i, (t, p) in enumerate(load_texts(a.data, a.n))]
    print(f"{len(rows)} articles, {a.cores} worker processes")

    from vestnik.ingest.readers import document_from_string
    from vestnik.runner import run

    def pool(part: list[dict]) -> float:
        t0 = time.perf_counter()
        docs = (document_from_string(r["text"], id=r["id"], published=r["published"]) for r in part)
        n = sum(1 for _ in run(docs, jobs=a.cores))
        assert n == len(part)
        return time.perf_counter() - t0

    # the pool is built per call, loading the models in every worker: time that on one document per worker and
    # take it off, so the "warm" rate compares like with like (Spark's Python workers keep their models)
    base_cold = pool(rows)
    startup = pool(rows[: a.cores])
    base_warm = max(base_cold - startup, 1e-9)
    print(f"baseline process pool: {len(rows) / base_cold:,.1f} articles/s (with model loading), "
          f"{len(rows) / base_warm:,.1f} without it (start-up {startup:.1f}s)")

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    from vestnik.spark import annotate

    spark = (SparkSession.builder.master(f"local[{a.cores}]").appName("vestnik-bench")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame(rows, "id string, text string, published string").repartition(a.cores * 4).cache()
        df.count()
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            out = annotate(df, text="text", id="id", published="published").where("error is null").count()
            times.append(time.perf_counter() - t0)
            assert out == len(rows), out
        if a.dup_n:
            dup_bench(spark, a.dup_n, a.cores)
    finally:
        spark.stop()
    cold, warm = times
    print(f"spark local[{a.cores}]: {len(rows) / cold:,.1f} articles/s (with model loading), "
          f"{len(rows) / warm:,.1f} warm (Python workers reused)")
    print(f"spark / process pool, warm: {warm / base_warm:.2f}x the time")


def dup_bench(spark: object, n: int, cores: int) -> None:
    """``vestnik.spark.duplicates`` against the in-process index on the same segmented documents."""
    import json

    from bench.stories import make_texts
    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.spark import duplicates
    from vestnik.stories.features import story_doc
    from vestnik.stories.index import RECURRING, DedupIndex

    pipe = make_pipeline(only=["segment"])
    contracts = []
    for i, t in enumerate(make_texts(n, mixed=True)):
        head, _, body = t.partition(". ")
        contracts.append({"id": f"d{i}", "contract": json.dumps(pipe(Document(text=f"{head}\n\n{body}",
                                                                               id=f"d{i}")).to_dict())})
    t0 = time.process_time()  # the baseline starts, as Spark does, from the contract JSON
    docs = sorted((story_doc(Document.from_dict(json.loads(c["contract"]))) for c in contracts),
                  key=lambda d: (d.published or "", d.id))  # the corpus's order, as the shards report pairs
    found = DedupIndex().add_many(docs)
    t_index = time.process_time() - t0
    index = {(m.other, d.id, m.kind) for d, ms in zip(docs, found, strict=True) for m in ms if m.kind != RECURRING}
    df = spark.createDataFrame(contracts, "id string, contract string").repartition(cores * 4).cache()  # type: ignore[attr-defined]
    df.count()
    for shards in (1, 4):
        t0 = time.perf_counter()
        got = {(r["a"], r["b"], r["kind"]) for r in duplicates(df, shard_docs=-(-n // shards)).collect()}
        t_spark = time.perf_counter() - t0
        print(f"duplicates of {n:,} documents: in-process index {n / t_index:,.0f} documents/s on one core "
              f"({len(index):,} pairs); spark local[{cores}], {shards} shard(s): {n / t_spark:,.0f} documents/s "
              f"({len(got):,} pairs, {len(index - got)} of the index's missing, {len(got - index)} more); "
              f"{t_spark * cores / t_index:.1f}x the index's CPU time (wall x cores)", flush=True)


if __name__ == "__main__":
    main()
