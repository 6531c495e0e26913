"""What the quotes tests compare: each quote as (text, cue, speaker, direct), shared by the Bulgarian quote tests so
that each file says only how its documents are processed (the quotes stage alone, or the whole pipeline)."""

from __future__ import annotations

from vestnik.document import Document

Row = tuple[str, str | None, str | None, bool]


def quote_rows(doc: Document) -> list[Row]:
    return [(doc.span_text(q.span), doc.span_text(q.cue) or None, doc.span_text(q.speaker.span) or None, q.direct)
            for q in doc.quotes]
