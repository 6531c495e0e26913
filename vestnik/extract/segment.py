"""The segment stage: plain text or HTML → article and teasers, with the publisher when visible."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.extract.text import segment_text
from vestnik.pipeline import Resources, stage


@stage("segment")
def segment(doc: Document, res: Resources) -> Document:
    if doc.html is not None and not doc.text:
        from vestnik.extract.html import segment_html

        doc = segment_html(doc, res)
    else:
        doc = segment_text(doc)
    if doc.publisher is None and doc.meta.get("dateline_agency"):
        doc.publisher = {"name": doc.meta["dateline_agency"], "entity": None, "from": "dateline"}
    return doc
