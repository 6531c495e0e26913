"""The segment stage: plain text or HTML → article and teasers, with the publisher when visible."""

from __future__ import annotations

from vestnik.document import Document
from vestnik.extract.text import segment_text
from vestnik.ingest.readers import InputError
from vestnik.pipeline import Resources, stage


@stage("segment")
def segment(doc: Document, res: Resources) -> Document:
    backup = doc.meta.pop("fallback_text", None)  # a feed entry's own text, for a page with none (ingest/feeds.py)
    if doc.html is not None and not doc.text:
        from vestnik.extract.html import segment_html

        try:
            doc = segment_html(doc, res)
        except InputError as e:
            if not backup:
                raise
            doc.html, doc.text = None, backup["text"]
            doc.meta.setdefault("feed", {}).update(text_from=backup.get("from"), page=str(e).split(";")[0])
            doc = segment_text(doc)
    else:
        doc = segment_text(doc)
    if doc.publisher is None and doc.meta.get("dateline_agency"):
        doc.publisher = {"name": doc.meta["dateline_agency"], "entity": None, "from": "dateline"}
    fallback = doc.meta.pop("fallback", None)  # a feed entry's or WARC record's date/title (vestnik.ingest.feeds, .warc)
    if fallback:  # used only when the page has none of its own; published_source says where it came from
        if not doc.published and fallback.get("published"):
            doc.published, doc.published_source = fallback["published"], fallback.get("published_from")
        if not doc.title and fallback.get("title"):
            doc.title = fallback["title"]
    return doc
