"""Stories over the store: what an incremental ``vestnik stories --store`` run (and each ``vestnik watch`` round)
costs as the store grows.

Documents are built from real Bulgarian news (../shared/eval/news-bg, read at run time, never copied) as
``bench.stories --mixed`` builds them (8-16 sentences from random articles, one in five a reprint), run through
the segment stage only (the store path is timed here, not the pipeline: ``bench.pipeline`` times that) and added
to a fresh SQLite store in steps. At each size:

- ``update``: ``store_sync.update`` adding the step's new documents, as a watch round (``show=False``: no listing
  of every story, which ``vestnik stories --store`` prints); and of it the state's save: the bytes of the parts
  it wrote (since stop 22, :mod:`vestnik.stories.state`) against the whole state saved as one pickle, as until then;
- ``nothing new``: one more update with nothing stored since (``show=False``; fastest of 3), in the same process
  (which takes its own last save, since stop 22) and as a new process (the state read back from the parts): the
  fixed cost every run and every round pays;
- baseline: the new process's plus reading every stored document (``Store.iter_documents``, fastest of 3), which
  every run did until stop 19 to find the new ones (and copying every story out, which a watch round no longer
  does);
- the state read back from its parts against the same state loaded from one pickle (as until stop 22), and the
  update's ``merge_mutual`` pass (only what changed, since stop 20) against a full pass over every open story on a
  copy of the same state (what each run made until then);
- at the largest size, ``vestnik stories --store --limit 20`` with nothing new as a new process (the head read,
  then the parts of the 20 stories shown, since stop 22) against the same listing after reading the whole state;
- at the largest size, the stories ``vestnik stories --store --limit 20`` picks (the closed ones chosen by the
  size and last day kept beside their bytes, since stop 21) against every story, as a listing without a limit;
- at the largest size, what ``vestnik stories --store --format jsonl`` asks of the store for every story (whom
  its reports quote and cite, its events: ``Store.story_facts``, a few queries per 500 stories since stop 20)
  against the same asked one story at a time (``Store._story_facts`` of one story at a time, as until then). The bench's
  documents went through the segment stage only, so the fact tables are empty: this times the queries' cost;
- at the largest size, a round of 20 undated documents, which reads the latest stored back as its context (since
  stop 27, ``store_sync.CONTEXT``), then a second such round in the same process, which parses only the documents
  its context holds that the first did not read (``store_sync._READ``, since stop 28: a ``vestnik watch`` process),
  each against another such round without a context (as before: the named baseline).

    python -m bench.stories_store [--sizes 1000,4000,16000] [--step-new 200]
"""

from __future__ import annotations

import argparse
import copy
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.stories import make_texts

if TYPE_CHECKING:
    from vestnik.document import Document
    from vestnik.stories.cluster import StoryClusterer


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


def one_pickle(cl: StoryClusterer, path: Path) -> tuple[float, float, int]:
    """Save and load ``cl`` as until stop 22 (one pickle of the whole clusterer, closed stories as bytes, the
    cyclic collector paused on loading): (save s, load s, bytes), fastest of 3 each."""
    from vestnik.gc_pause import no_cyclic_gc

    def save() -> None:
        with path.open("wb") as f:
            pickle.dump({"version": 4, "clusterer": cl}, f, protocol=pickle.HIGHEST_PROTOCOL)

    def load() -> None:
        with path.open("rb") as f, no_cyclic_gc():
            pickle.load(f)

    t_save = fastest(save)
    return t_save, fastest(load), path.stat().st_size


def main() -> None:
    from sqlalchemy import select

    from vestnik.pipeline import make_pipeline
    from vestnik.store import Store
    from vestnik.store import schema as S
    from vestnik.stories import state, store_sync
    from vestnik.stories.cluster import StoryClusterer

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,4000,16000")
    ap.add_argument("--step-new", type=int, default=200, help="documents the timed update adds at each size")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    texts = make_texts(max(sizes) + 60, mixed=True)  # (+ the three undated rounds)
    pipe = make_pipeline(only=["segment"])
    merge = StoryClusterer.merge_mutual
    watch: list[tuple[StoryClusterer, float, float]] = []  # the timed update's: (state before, copy s, merge s)
    watching = False

    def watched(self: StoryClusterer, incremental: bool = False) -> list[tuple[str, str]]:
        """The update's merge pass, timed; a copy of the state before it kept (the copy's time left out)."""
        if not watching:
            return merge(self, incremental)
        t0 = time.process_time()
        before = copy.deepcopy(self)
        t1 = time.process_time()
        out = merge(self, incremental)
        watch.append((before, t1 - t0, time.process_time() - t1))
        return out

    StoryClusterer.merge_mutual = watched  # type: ignore[method-assign]
    saves: list[tuple[float, int]] = []  # each state save: (s, bytes of parts written)
    save = state.save

    def timed_save(backend: state.Backend, cl: StoryClusterer) -> None:
        """The save, its stories closed by this round pickled first (as one pickle would need them too)."""
        cl.archive()
        before = getattr(backend, "written", 0)
        t0 = time.process_time()
        save(backend, cl)
        saves.append((time.process_time() - t0, getattr(backend, "written", 0) - before))

    state.save = timed_save  # type: ignore[assignment]
    print("store size | watch round adding new | its state save: written (one pickle) | nothing new: same process "
          "/ new process | + reading every document (before stop 19) | state read: parts / one pickle | "
          "merge pass: what changed / full")
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
            watch.clear()
            watching = True
            t0 = time.process_time()
            _, added = store_sync.update(store, show=False)
            watching = False
            before, t_copy, t_merge = watch[-1]
            t_new = time.process_time() - t0 - t_copy
            t_save, written = saves[-1]
            t0 = time.process_time()
            merge(before, False)
            t_full = time.process_time() - t0
            path = store_sync.state_path(store.location)
            on_disk = store_sync.backend(path, store)
            t_none = fastest(lambda: store_sync.update(store, show=False))  # as each watch round
            t_fresh = fastest(lambda b=on_disk: (state.forget(b), store_sync.update(store, show=False)))  # type: ignore[misc]
            t_load = fastest(lambda p=path: store_sync.load_state(p, store, reuse=False))  # type: ignore[misc]
            cl = store_sync.load_state(path, store, reuse=False)
            t_save1, t_load1, size1 = one_pickle(cl, Path(tmp) / "one.pkl")
            t_all = fastest(lambda: sum(1 for _ in store.iter_documents()))
            print(f"{n:>10,} | {added} in {t_new:.2f}s | {written / 1e6:,.1f} MB in {t_save * 1e3:,.0f} ms "
                  f"({size1 / 1e6:,.1f} MB in {t_save1 * 1e3:,.0f} ms: {t_save / t_save1:.2f}x) | "
                  f"{t_none * 1e3:,.0f} / {t_fresh * 1e3:,.0f} ms | {(t_fresh + t_all) * 1e3:,.0f} ms "
                  f"({t_none / (t_fresh + t_all):.2f}x) | {t_load * 1e3:,.0f} / {t_load1 * 1e3:,.0f} ms "
                  f"({t_load / t_load1:.2f}x) | {t_merge * 1e3:,.0f} / {t_full * 1e3:,.0f} ms "
                  f"({t_merge / t_full:.2f}x)", flush=True)
        t_lazy = fastest(lambda b=on_disk: (state.forget(b), store_sync.update(store, limit=20)))  # type: ignore[misc]
        t_eager = fastest(lambda p=path: list(store_sync.load_state(p, store, reuse=False).listing(limit=20)))  # type: ignore[misc]
        print(f"the 20 largest stories as a new process (vestnik stories --store --limit 20, nothing new): "
              f"{t_lazy * 1e3:,.0f} ms, the whole state read first {t_eager * 1e3:,.0f} ms ({t_lazy / t_eager:.2f}x)")
        cl = store_sync.load_state(store_sync.state_path(store.location), store)
        t_top = fastest(lambda: list(cl.listing(limit=20)))
        t_every = fastest(lambda: list(cl.all_stories()))
        print(f"the 20 largest stories (vestnik stories --limit 20): {t_top * 1e3:,.0f} ms, every story "
              f"{t_every * 1e3:,.0f} ms ({t_top / t_every:.2f}x; {len(cl.closed):,} of them closed)")
        with store.engine.connect() as conn:
            ids = list(conn.scalars(select(S.stories.c.id)))
        t_batched = fastest(lambda: store.story_facts(ids), 1)

        def one_by_one() -> None:
            with store.engine.connect() as conn:
                for sid in ids:
                    store._story_facts(conn, [sid], with_entities=False)

        t_each = fastest(one_by_one, 1)
        print(f"facts of all {len(ids):,} stories (vestnik stories --format jsonl): {t_batched:.2f}s, one story at a "
              f"time {t_each:.2f}s ({t_batched / t_each:.2f}x)")
        undated = [d for d in build(texts, n, 60) if not setattr(d, "published", None)]
        timed = []
        store_sync._READ.clear()  # (a new process)
        for context, part in ((store_sync.CONTEXT, undated[:20]), (store_sync.CONTEXT, undated[20:40]),
                              (0, undated[40:])):
            store.add_many((pipe(d), None) for d in part)
            store_sync.CONTEXT, keep = context, store_sync.CONTEXT
            t0 = time.process_time()
            store_sync.update(store, show=False)
            timed.append(time.process_time() - t0)
            store_sync.CONTEXT = keep
        first, kept, alone = timed
        print(f"a round of 20 undated documents, weighed among the {store_sync.CONTEXT - 20} latest stored (since "
              f"stop 27): {first * 1e3:,.0f} ms as a new process's first round ({first / alone:.2f}x), "
              f"{kept * 1e3:,.0f} ms as the next round of the same process, which parses only the 20 stored since "
              f"(stop 28; {kept / alone:.2f}x), alone (as before, the baseline) {alone * 1e3:,.0f} ms")
        store.close()


if __name__ == "__main__":
    main()
