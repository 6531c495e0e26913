"""Run the pipeline over a stream of documents: in-process or in a process pool.

Each worker builds its pipeline once (models load once per process) and gets
documents in chunks; results come back in input order. An exception inside a
stage fails that document only: it becomes a :class:`ReadError` with the stage
named, and the batch goes on.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from vestnik.document import Document
from vestnik.ingest.readers import InputError, ReadError
from vestnik.pipeline import Pipeline, make_pipeline

log = logging.getLogger(__name__)

_WORKER: Pipeline | None = None


def _init_worker(disable: tuple[str, ...]) -> None:
    global _WORKER
    _WORKER = make_pipeline(disable=disable)


def process_one(pipe: Pipeline, doc: Document) -> Document | ReadError:
    try:
        return pipe(doc)
    except InputError as e:  # the input's own fault (e.g. a script-only page): its message says what to do
        return ReadError(doc.source or doc.id, str(e))
    except Exception as e:  # one bad document must not stop the batch
        log.debug("pipeline failed on %s\n%s", doc.source, traceback.format_exc())
        return ReadError(doc.source or doc.id, f"processing failed ({type(e).__name__}: {e}); "
                                               "please report this with the input file")


def _work(doc: Document) -> Document | ReadError:
    assert _WORKER is not None
    return process_one(_WORKER, doc)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run(items: Iterable[Document | ReadError], jobs: int = 1, disable: tuple[str, ...] = ()
        ) -> Iterator[Document | ReadError]:
    """Process documents; read errors pass through untouched, in order."""
    if jobs <= 1:
        pipe = make_pipeline(disable=disable)
        for it in items:
            yield it if isinstance(it, ReadError) else process_one(pipe, it)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(disable,)) as ex:
        batch: list[Document | ReadError] = []
        for it in items:
            batch.append(it)
            if len(batch) >= 64 * jobs:
                yield from _run_batch(ex, batch)
                batch = []
        if batch:
            yield from _run_batch(ex, batch)


def _run_batch(ex: ProcessPoolExecutor, batch: list[Document | ReadError]) -> Iterator[Document | ReadError]:
    docs = [d for d in batch if isinstance(d, Document)]
    results = iter(ex.map(_work, docs, chunksize=max(1, len(docs) // (4 * (ex._max_workers or 1)))))  # type: ignore[attr-defined]  # (private, not in the stubs)
    for it in batch:
        yield it if isinstance(it, ReadError) else next(results)
