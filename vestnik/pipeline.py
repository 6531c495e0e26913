"""Stages, resources and the pipeline that chains them.

A stage is a pure function ``stage(doc, resources) -> doc`` (it fills fields of
the document it is given and returns it). Resources (models, lexicons, the
knowledge base) are loaded lazily, once per process, through
:class:`Resources`, so the same stage runs unchanged in-process, in a worker
pool (one ``Resources`` per worker) and on Spark (one per executor).

Stages register themselves by name with :func:`stage`; the pipeline order is
``STAGE_ORDER``. A stage whose module is not importable yet is skipped, so the
document keeps the contract's empty fields.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vestnik.document import Document
from vestnik.gc_pause import no_cyclic_gc
from vestnik.language.script import unmask

log = logging.getLogger(__name__)

StageFn = Callable[[Document, "Resources"], Document]

#: (stage name, module that registers it). The order is the data flow.
STAGE_ORDER: list[tuple[str, str]] = [
    ("segment", "vestnik.extract.segment"),
    ("language", "vestnik.language.stage"),
    ("entities", "vestnik.entities.stage"),
    ("time", "vestnik.time.stage"),
    ("quotes", "vestnik.quotes.stage"),
    ("events", "vestnik.events.stage"),
    ("stories", "vestnik.stories.stage"),
]

_REGISTRY: dict[str, StageFn] = {}


def stage(name: str) -> Callable[[StageFn], StageFn]:
    """Register a stage function under ``name``."""

    def deco(fn: StageFn) -> StageFn:
        _REGISTRY[name] = fn
        return fn

    return deco


class Resources:
    """Per-process cache of loaded models and data: each loader runs once."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}
        self._lock = threading.RLock()  # re-entrant: a loader may get() another resource

    def get(self, name: str, loader: Callable[[], Any]) -> Any:
        if name not in self._cache:
            with self._lock:
                if name not in self._cache:
                    t0 = time.perf_counter()
                    self._cache[name] = loader()
                    log.debug("loaded %s in %.2fs", name, time.perf_counter() - t0)
                    # Loaded data lives as long as the process: move it out of the cyclic collector's generations,
                    # which would otherwise rescan its hundreds of thousands of objects (half the GC time per article).
                    gc.freeze()
        return self._cache[name]


_DEFAULT: Resources | None = None


def default_resources() -> Resources:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Resources()
    return _DEFAULT


def available_stages() -> list[str]:
    """Names of the stages whose modules import, in pipeline order."""
    names = []
    for name, module in STAGE_ORDER:
        if name not in _REGISTRY:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as e:
                if e.name and (e.name == module or module.startswith(e.name + ".")):
                    continue
                raise
        if name in _REGISTRY:
            names.append(name)
    return names


@dataclass
class Pipeline:
    """An ordered list of stages plus the resources they share."""

    stages: list[str] = field(default_factory=available_stages)
    resources: Resources = field(default_factory=default_resources)
    timings: dict[str, float] = field(default_factory=dict)

    def __call__(self, doc: Document) -> Document:
        # Disguised Cyrillic words ("Baнгa") are read in Cyrillic by every stage; the reading has the same length,
        # so its offsets are the verbatim text's, which the document keeps (CONTRACT.md: a file's text verbatim).
        # A stage that makes the text (a page's extracted text) has its text read so before the next stage.
        verbatim: str | None = None
        reading: str | None = None
        letters = 0
        # the cyclic collector waits while one document runs: its temporaries die by reference counting, and a
        # collection every 700 allocations rescanned the document's live tokens and spans again and again
        try:
            with no_cyclic_gc():
                for name in self.stages:
                    if doc.text is not reading:
                        verbatim = reading = doc.text
                        unmasked = unmask(doc.text) if doc.text else None
                        if unmasked is not None:
                            reading, letters = unmasked
                            doc.text = reading
                    t0 = time.perf_counter()
                    doc = _REGISTRY[name](doc, self.resources)
                    self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
        finally:
            if verbatim is not reading and doc.text is reading:
                doc.text = verbatim  # type: ignore[assignment]
                doc.meta["unmasked_letters"] = letters
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)


def make_pipeline(disable: Iterable[str] = (), only: Iterable[str] | None = None) -> Pipeline:
    names = available_stages()
    if only is not None:
        keep = set(only)
        names = [n for n in names if n in keep]
    skip = set(disable)
    return Pipeline(stages=[n for n in names if n not in skip])
