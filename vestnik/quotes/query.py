"""Quotes as flat rows over contract dicts (the store's documents or ``vestnik extract`` output)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def _sub(text: str, span: Any) -> str:
    if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(v, int) for v in span):
        return text[span[0]:span[1]]
    return ""


def _name(doc: dict[str, Any], eid: Any) -> str | None:
    ents = doc.get("entities") or {}
    if eid is None or not isinstance(ents, dict):
        return None
    e = ents.get(eid)
    return str(e.get("name")) if isinstance(e, dict) and e.get("name") else str(eid)


def quote_rows(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per quote: who said what, when, and the chain of sources (publisher first)."""
    text = doc.get("text") or ""
    sources = [s for s in doc.get("sources") or [] if isinstance(s, dict)]
    pub = (doc.get("publisher") or {}).get("name") if isinstance(doc.get("publisher"), dict) else None
    for q in doc.get("quotes") or []:
        if not isinstance(q, dict):
            continue
        spk = q.get("speaker") or {}
        chain = []
        for k in q.get("sources") or []:
            if isinstance(k, int) and 0 <= k < len(sources):
                s = sources[k]
                chain.append(_name(doc, s.get("entity")) or _sub(text, s.get("span")))
        yield {
            "document": doc.get("id") or doc.get("store_id"),
            "published": doc.get("published"),
            "when": q.get("when"),
            "speaker": _name(doc, spk.get("entity")),
            "speaker_text": _sub(text, spk.get("span")) or None,
            "cue": _sub(text, q.get("cue")) or None,
            "direct": bool(q.get("direct")),
            "content": _sub(text, q.get("span")),
            "chain": ([pub] if pub else []) + chain,
            "span": q.get("span"),
        }


def _has(needle: str | None, *hay: str | None) -> bool:
    if not needle:
        return True
    n = needle.casefold()
    return any(h and n in h.casefold() for h in hay)


def select_quotes(docs: Iterable[dict[str, Any]], speaker: str | None = None, source: str | None = None,
                  since: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Quotes whose speaker (entity name or text) and some source of its chain contain the given words,
    said (``when``, else published) on or after ``since`` (ISO date)."""
    n = 0
    for doc in docs:
        for row in quote_rows(doc):
            date = row["when"] or row["published"]
            if since and (not date or str(date)[:10] < since):
                continue
            if not _has(speaker, row["speaker"], row["speaker_text"]):
                continue
            if source and not _has(source, *row["chain"]):
                continue
            yield row
            n += 1
            if limit is not None and n >= limit:
                return
