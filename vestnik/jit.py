"""Compiled inner loops: one place that decides how numba compiles them.

A few hot loops (the NER tagger's Viterbi, the duplicate index's probes) are plain loops over numpy arrays that
the interpreter runs slowly and numpy can only vectorise with per-call overhead. numba compiles them on first
use; ``cache=True`` keeps the machine code next to the module (or in numba's user cache directory) so later
processes load it instead of compiling again. Where no cache location is writable (a read-only install without a
home directory) numba refuses ``cache=True`` at import time; the functions are then compiled per process, which
costs a few seconds once and changes no result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from numba import njit

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def compiled(fn: F) -> F:
    """``numba.njit(cache=True, nogil=True)``, falling back to an uncached compile when nothing is writable."""
    try:
        return njit(cache=True, nogil=True)(fn)  # type: ignore[return-value]
    except RuntimeError as e:  # "cannot cache function ...: no locator available"
        log.info("numba cannot cache %s (%s): compiling per process", fn.__qualname__, e)
        return njit(nogil=True)(fn)  # type: ignore[return-value]
