"""Per-text derived data that several layers compute from the same text: computed once, shared, never stored.

- :func:`lowered`: the gazetteer, the time, quote and event layers each lower-case the text (whole, by item, by
  sentence or by token) before matching words. Lower-casing a slice equals slicing the lower-cased text whenever
  every character lower-cases to exactly one character and the text has no capital sigma (the one letter whose
  lower case depends on the next one: final ς); ``lowered`` returns the lower-cased text only then, and ``None``
  otherwise, so a caller falls back to lower-casing its own slices and gets the same strings either way.
- :func:`codes`: the text's code points and its white-space mask (for :func:`chunks` and the name tagger's token
  offsets, which work on arrays).
- :func:`chunks`: the text's white-space separated chunks (``text.split()``) and where each starts and ends (the
  language layer's tokenizer and the name tagger read most chunks as one word without running a regex over them).

Values are derived data, not part of the document: they are kept for the last few texts (by identity) only, and a
stage that runs alone computes them on its first call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np

_CAPITAL_SIGMA = "\u03a3"
_KEEP = 4  # texts remembered: a document's stages run one after another, worker threads each on their own
_lock = threading.Lock()
_recent: dict[str, list[tuple[Any, Any]]] = {"lowered": [], "chunks": [], "codes": []}
#: code point -> str.isspace() (the regex's \s, str.split's white space); none above U+3000, index 0x3001: False
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)] + [False])


def remembered(kind: str, text: Any, compute: Callable[[Any], Any],
               valid: Callable[[Any], bool] | None = None) -> Any:
    """``compute(text)``, remembered for the last few objects of this ``kind`` by identity (a text, or a list a
    stage asks many questions about: ``vestnik.spans``); ``valid(value)``: whether a remembered value still holds
    (a list may have grown since), else it is computed and remembered again."""
    recent = _recent.setdefault(kind, [])
    for t, value in reversed(recent):  # entries are only ever appended and dropped, under the lock
        if t is text:
            if valid is None or valid(value):
                return value
            break
    value = compute(text)
    with _lock:
        recent[:] = [e for e in recent if e[0] is not text]
        recent.append((text, value))
        if len(recent) > _KEEP:
            del recent[0]
    return value


def last(kind: str, obj: Any) -> Any:
    """The value remembered last for ``kind`` when it was for ``obj`` (by identity), else None: the common case of
    :func:`remembered` (a stage asking again about the text or list it just asked about) without its call."""
    recent = _recent.get(kind)
    if recent:
        try:
            t, value = recent[-1]
        except IndexError:  # (another thread dropped it meanwhile)
            return None
        if t is obj:
            return value
    return None


def _lowered(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) and _CAPITAL_SIGMA not in text else None


def lowered(text: str) -> str | None:
    """``text.lower()`` when its slices are the lower case of the same slices of ``text`` (see the module), else
    None. Memoised for the last few texts, by identity."""
    low = last("lowered", text)
    return low if low is not None else remembered("lowered", text, _lowered)


def lower_slice(text: str, start: int, end: int) -> str:
    """``text[start:end].lower()``, sliced from the shared lower-cased text when that gives the same string."""
    low = lowered(text)
    return low[start:end] if low is not None else text[start:end].lower()


def _codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    # ("surrogatepass": a lone surrogate, from a name decoded with surrogateescape, is one code point too)
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return cp, _SPACE.take(np.minimum(cp, 0x3001))


def codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The text's code points (uint32) and which of them are white space (``str.isspace``), memoised for the last
    few texts: :func:`chunks` and the name tagger's token offsets both read them. Callers must not change them."""
    return remembered("codes", text, _codes)


def _chunks(text: str) -> tuple[list[str], list[int], list[int]]:
    n = len(text)
    if not n:
        return [], [], []
    space = codes(text)[1]
    edges = (np.flatnonzero(space[1:] != space[:-1]) + 1).tolist()  # where white space begins or ends
    if not space[0]:
        edges.insert(0, 0)
    if not space[-1]:
        edges.append(n)
    return text.split(), edges[0::2], edges[1::2]


def chunks(text: str) -> tuple[list[str], list[int], list[int]]:
    """``text.split()`` and the start and end offset of each of its chunks (the maximal runs of characters that are
    not white space), memoised for the last few texts. Callers must not change the lists."""
    return remembered("chunks", text, _chunks)
