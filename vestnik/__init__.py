"""vestnik: news intelligence from agency text.

The public API is as small as trafilatura's::

    import vestnik
    doc = vestnik.extract(open("page.html").read(), published="2024-12-18")
    doc.to_dict()   # the JSON Lines contract
"""

from __future__ import annotations

# The ``vestnik.extract`` package (the page → article stage) is imported first, so that the
# ``extract`` function defined below, not the subpackage, is what ``vestnik.extract`` names.
import vestnik.extract as _extract_stage  # noqa: F401
from vestnik.document import Document

__version__ = "0.1.0"
__all__ = ["Document", "__version__", "extract"]


def extract(text_or_html: str, published: str | None = None, lang: str | None = None, *,
            url: str | None = None, id: str = "", layers: frozenset[str] = frozenset()) -> Document:
    """Run the whole pipeline on one page (plain text or HTML) and return the annotated document."""
    from vestnik.ingest.readers import document_from_string
    from vestnik.pipeline import make_pipeline

    doc = document_from_string(text_or_html, id=id, url=url, published=published)
    if lang:
        doc.language = lang
        doc.meta["language_forced"] = True
    return make_pipeline()(doc)
