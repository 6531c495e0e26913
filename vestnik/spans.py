"""Position look-ups over a document's spans that stay logarithmic in its length.

The quotes and events layers ask, for each fact they find, which sentence holds it, which time expressions lie in
that sentence, which sources' scopes cover it. Answered by scanning the document's lists, each question costs the
length of the document, and a long text (a 500 KB transcript or a feed dump saved as one file: 20,000 sentences,
thousands of quotes) took minutes in those layers, growing with the square of its length (stop 24, measured with
``python -m bench.long``). These helpers answer the same questions from sorted start offsets, and say when they
cannot (spans out of order or overlapping): the caller then scans, as before, so answers never change.

Indexes are built once per list and kept for the last few lists asked about (by identity, while their length is
unchanged): a stage asks many questions about one document's list in a row.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, pairwise
from typing import Any, TypeVar

from vestnik.document import Span
from vestnik.language.shared import last, remembered

T = TypeVar("T")

def memo(kind: str, items: Sequence[object], build: Callable[[Sequence[Any]], T]) -> T:
    """``build(items)``, remembered for the list (by identity, :func:`vestnik.language.shared.remembered`) while its
    length is the one it was built for (a list that grew since is built for again, and remembered so)."""
    hit = last(kind, items)  # (most questions are about the list asked about last: no closures to make then)
    if hit is not None and hit[0] == len(items):
        return hit[1]
    return remembered(kind, items, lambda xs: (len(xs), build(xs)), lambda v: v[0] == len(items))[1]


def disjoint_starts(spans: Sequence[Span]) -> list[int] | None:
    """The spans' starts when they are in order and do not overlap (each ends before the next starts), else None."""
    starts = [s[0] for s in spans]
    for (a0, a1), (b0, _) in pairwise(spans):
        if not (a0 < b0 and a1 <= b0):
            return None
    return starts


def sorted_starts(spans: Sequence[Span]) -> list[int] | None:
    """The spans' starts when they are in order of start (ties allowed), else None."""
    starts = [s[0] for s in spans]
    return starts if all(a <= b for a, b in pairwise(starts)) else None


def containing(spans: Sequence[Span], starts: list[int], pos: int) -> int | None:
    """Index of the span that holds ``pos`` among disjoint spans in order (``starts``: :func:`disjoint_starts`)."""
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i][1] else None


def starting_in(starts: list[int], a: int, b: int) -> range:
    """Indexes of the spans (in order of start) that start in ``[a, b)``."""
    return range(bisect_left(starts, a), bisect_left(starts, b))


def cover_index(spans: Iterable[Span]) -> tuple[list[int], list[int]]:
    """What :func:`covers` reads: the spans' starts in order and the furthest end reached up to each."""
    starts: list[int] = []
    reach: list[int] = []
    far = -1
    for a, b in sorted(spans):
        far = max(far, b)
        starts.append(a)
        reach.append(far)
    return starts, reach


def covers(index: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether any of the spans (:func:`cover_index`) holds ``pos`` (``start <= pos < end``)."""
    starts, reach = index
    i = bisect_right(starts, pos) - 1
    return i >= 0 and reach[i] > pos


def hold_index(spans: Sequence[Span]) -> tuple[list[int], list[int], list[int], list[int]]:
    """What :func:`holding` reads: the spans' starts in order, the furthest end reached up to each, each one's end,
    and each one's index in ``spans``."""
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    ends = [spans[k][1] for k in order]
    return [spans[k][0] for k in order], list(accumulate(ends, max)), ends, order


def holding(index: tuple[list[int], list[int], list[int], list[int]], a: int, b: int) -> list[int]:
    """Indexes of the spans that hold all of ``[a, b)`` (:func:`hold_index`): a walk back from the last span that
    starts at or before ``a``, stopped where no earlier span reaches ``b``, not a scan of every span."""
    starts, reach, ends, order = index
    out = []
    i = bisect_right(starts, a) - 1
    while i >= 0 and reach[i] >= b:
        if ends[i] >= b:
            out.append(order[i])
        i -= 1
    return sorted(out)


def stabbing(intervals: Sequence[Span | None], points: Iterable[int]) -> list[list[int]]:
    """For each point, the indexes (ascending) of the intervals ``[start, end)`` that hold it; None intervals hold
    nothing. One sweep over both, sorted: the cost of sorting plus the answers' size, not points × intervals."""
    pts = sorted((p, i) for i, p in enumerate(points))
    order = sorted((iv[0], k) for k, iv in enumerate(intervals) if iv is not None)
    out: list[list[int]] = [[] for _ in pts]
    active: list[tuple[int, int]] = []  # (end, index): ended ones are dropped lazily
    live: set[int] = set()
    j = 0
    for p, i in pts:
        while j < len(order) and order[j][0] <= p:
            k = order[j][1]
            heapq.heappush(active, (intervals[k][1], k))  # type: ignore[index]
            live.add(k)
            j += 1
        while active and active[0][0] <= p:
            live.discard(heapq.heappop(active)[1])
        out[i] = sorted(live)
    return out
