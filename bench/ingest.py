"""Ingest speed: the pipeline alone (``extract``) vs pipeline + store (``ingest``), and the store's share.

Run: ``.venv/bin/python -m bench.ingest [--n 500] [--jobs 1]``. Input: the first N real Bulgarian articles
of ``shared/eval/news-bg/hack-the-fake-news.jsonl``. Three timed passes over the same documents, each on
freshly read copies, after a warm-up that loads every model:

1. ``extract``: ``vestnik.runner.run`` only (the baseline);
2. ``store``: writing pass 1's results with ``Store.add_many`` in batches of 32 (what ingest adds);
3. ``ingest``: the real ``vestnik ingest`` path (skip check, pipeline, batched transactions) into a fresh store.

The headline number is the store's write cost as a ratio to the pipeline time (pass 2 / pass 1), in wall time
(what an ingest waits for, the commits' disk syncs included) and in CPU time (the process's own work). Also:
the full-text index's ё → е fold against ``str.translate`` with the same table (the fold before stop 19).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import timeit
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "eval" / "news-bg" / "hack-the-fake-news.jsonl"


def main() -> None:
    from vestnik.cli.store import _Ingest
    from vestnik.document import Document
    from vestnik.ingest.readers import FieldMap, read_inputs
    from vestnik.runner import run
    from vestnik.store import Store, fts

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (1 = per-core rate)")
    ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    fields = FieldMap(text="Content", title="Content Title", url="Content Url", date="published_iso")

    def docs() -> list[Document]:
        out: list[Document] = []
        for d in read_inputs([a.data], fields=fields):
            if isinstance(d, Document):
                out.append(d)
                if len(out) >= a.n:
                    break
        return out

    first = docs()
    if not first:
        raise SystemExit(f"no documents in {a.data}")
    chars = sum(len(d.text) for d in first)
    list(run(docs()[:4], jobs=1))  # warm-up: every model loads here, outside the timings

    t0, c0 = time.perf_counter(), time.process_time()
    processed = [d for d in run(first, jobs=a.jobs) if isinstance(d, Document)]
    t_pipe, c_pipe = time.perf_counter() - t0, time.process_time() - c0

    with tempfile.TemporaryDirectory() as tmp:
        st = Store.open(Path(tmp) / "store.db")
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(0, len(processed), a.batch):
            st.add_many([(d, None) for d in processed[i : i + a.batch]])
        t_store, c_store = time.perf_counter() - t0, time.process_time() - c0
        with st.engine.connect() as conn:  # fold the WAL into the file before measuring it
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (Path(tmp) / "store.db").stat().st_size + sum(
            p.stat().st_size for p in Path(tmp).glob("store.db-*"))
        t0 = time.perf_counter()
        hits = st.search_count("България")
        t_search = time.perf_counter() - t0
        st.close()

        st = Store.open(Path(tmp) / "ingest.db")
        job = _Ingest(st, a.batch)
        items = docs()
        t0 = time.perf_counter()
        for res in run(job.fresh(items), jobs=a.jobs):
            job.take(res)
        job.flush()
        t_ingest = time.perf_counter() - t0
        st.close()

    n = len(processed)
    print(f"documents: {n} from {Path(a.data).name} ({chars / max(1, len(first)):.0f} chars avg), jobs={a.jobs}")
    print(f"extract (pipeline only, baseline): {n / t_pipe:8.1f} docs/s  {1000 * t_pipe / n:7.2f} ms/doc")
    print(f"store writes alone:                {n / t_store:8.1f} docs/s  {1000 * t_store / n:7.2f} ms/doc  "
          f"({size / n / 1024:.1f} KiB/doc on disk)")
    print(f"ingest (pipeline + store):         {job.new / t_ingest:8.1f} docs/s  "
          f"{1000 * t_ingest / max(1, job.new):7.2f} ms/doc  ({job.new} new, {len(job.errors)} failed)")
    print(f"store write cost / pipeline time:  {t_store / t_pipe:8.3f}  (ingest / extract time: "
          f"{t_ingest / t_pipe:.2f})")
    if a.jobs == 1:  # (with worker processes the pipeline's CPU time is theirs, not this process's)
        print(f"  in CPU time: store writes {1000 * c_store / n:.2f} ms/doc, {c_store / c_pipe:.3f}x the pipeline's "
              f"(wall minus CPU: {1000 * (t_store - c_store) / n:.2f} ms/doc waiting on the disk)")
    fold_table = str.maketrans("ёЁ", "еЕ")  # the fold before stop 19, the baseline
    texts = [d.text for d in processed]
    t_fold = min(timeit.repeat(lambda: [fts.fold(t) for t in texts], number=1, repeat=5)) / n
    t_tr = min(timeit.repeat(lambda: [t.translate(fold_table) for t in texts], number=1, repeat=5)) / n
    print(f"full-text fold (ё as е): {1e6 * t_fold:.2f} us/doc, {t_fold / t_tr:.4f}x the time of str.translate "
          f"({1e6 * t_tr:.0f} us/doc)")
    print(f"search 'България' over {n} docs:    {1000 * t_search:8.2f} ms ({hits} hits)")


if __name__ == "__main__":
    main()
