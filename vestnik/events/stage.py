"""The events stage: PLOVER/CAMEO events for every sentence of the article and the teasers."""

from __future__ import annotations

from vestnik.document import Document, WhenFn
from vestnik.events.coder import code_events
from vestnik.pipeline import Resources, stage


def _when_fn(res: Resources) -> WhenFn | None:
    def load() -> WhenFn | None:
        try:
            from vestnik.time import when_for
        except ImportError:
            return None
        return when_for

    return res.get("events.when_for", load)


@stage("events")
def events_stage(doc: Document, res: Resources) -> Document:
    doc.events = code_events(doc, _when_fn(res))
    return doc
