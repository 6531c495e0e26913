"""The per-document ``stories`` stage: duplicates among the items of one page.

Corpus-level deduplication and clustering are not per-document work; they live in
:class:`vestnik.stories.index.DedupIndex` and :class:`vestnik.stories.cluster.StoryClusterer`, driven by
``vestnik stories`` and the store.
"""

from __future__ import annotations

from vestnik.document import Document
from vestnik.pipeline import Resources, stage
from vestnik.stories.items import page_duplicates


@stage("stories")
def stories_stage(doc: Document, res: Resources) -> Document:
    doc.duplicates = page_duplicates(doc)
    return doc
