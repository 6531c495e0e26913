"""Temporal expressions (TIMEX3) in bg, ru and en, the document date, and ``when`` for facts."""

from vestnik.time.anchoring import fill_when, when_for

__all__ = ["fill_when", "when_for"]
