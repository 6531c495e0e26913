"""Stories over the store: what an incremental ``vestnik stories --store`` run (and each ``vestnik watch`` round)
costs as the store grows.

Documents are built from real Bulgarian news (../shared/eval/news-bg, read at run time, never copied) as
``bench.stories --mixed`` builds them (8-16 sentences from random articles, one in five a reprint), run through
the segment stage only (the store path is timed here, not the pipeline: ``bench.pipeline`` times that) and added
to a fresh SQLite store in steps. At each size:

- ``update``: ``store_sync.update`` adding the step's new documents;
- ``nothing new``: one more update with nothing stored since, as a watch round makes it (``show=False``; fastest
  of 3): the fixed cost every run and every round pays, and of it the loading of the persisted clusterer;
- baseline: the same plus reading every stored document (``Store.iter_documents``, fastest of 3), which every run
  did until stop 19 to find the new ones (and copying every story out, which a watch round no longer does).

    python -m bench.stories_store [--sizes 1000,4000,16000] [--step-new 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.stories import make_texts

if TYPE_CHECKING:
    from vestnik.document import Document


def build(texts: list[str], start: int, n: int) -> list[Document]:
    """Documents ``start`` to ``start + n`` of the texts, the first sentence as headline, ~200 a day from 2018."""
    import datetime as dt

    from vestnik.document import Document

    out: list[Document] = []
    for i in range(start, start + n):
        head, _, body = texts[i].partition(". ")
        day = dt.date(2018, 1, 1) + dt.timedelta(days=i // 200)
        out.append(Document(text=f"{head}\n\n{body}", id=f"d{i}", published=f"{day.isoformat()}T12:00:00"))
    return out


def fastest(f: Callable[[], object], k: int = 3) -> float:
    best = float("inf")
    for _ in range(k):
        t0 = time.process_time()
        f()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    from vestnik.pipeline import make_pipeline
    from vestnik.store import Store
    from vestnik.stories import store_sync

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,4000,16000")
    ap.add_argument("--step-new", type=int, default=200, help="documents the timed update adds at each size")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    texts = make_texts(max(sizes), mixed=True)
    pipe = make_pipeline(only=["segment"])
    print("store size | update adding new | nothing new (state load) | + reading every document (before) | ratio")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db", fulltext=False)
        n = 0
        for size in sizes:
            fill = size - a.step_new - n
            if fill > 0:  # untimed: the store grows to the size, its documents clustered
                store.add_many((pipe(d), None) for d in build(texts, n, fill))
                store_sync.update(store)
                n += fill
            store.add_many((pipe(d), None) for d in build(texts, n, a.step_new))
            n += a.step_new
            t0 = time.process_time()
            _, added = store_sync.update(store)
            t_new = time.process_time() - t0
            t_none = fastest(lambda: store_sync.update(store, show=False))  # as each watch round
            t_load = fastest(lambda: store_sync.load_state(store_sync.state_path(store.location), store))
            t_all = fastest(lambda: sum(1 for _ in store.iter_documents()))
            print(f"{n:>10,} | {added} in {t_new:.2f}s | {t_none * 1e3:,.0f} ms ({t_load * 1e3:,.0f} ms) | "
                  f"{(t_none + t_all) * 1e3:,.0f} ms | {t_none / (t_none + t_all):.2f}x", flush=True)
        store.close()


if __name__ == "__main__":
    main()
