"""Cross-document merge: the same event told by several articles of one story becomes one row with mention
counts, like GDELT's NumMentions / NumSources / NumArticles.

Key: story id + CAMEO base code (3 digits) + source and target actor codes; rows of one key whose dates lie
within ``window_days`` of the group's first row are one event. Rows of documents without a story stay as they are.
The merged row is the earliest mention (its evidence and offsets point into that document); ``merged_docs`` lists
every document that reports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any


def _day(r: dict[str, Any]) -> date | None:
    d = r.get("SQLDATE") or ""
    try:
        return date(int(d[:4]), int(d[4:6]), int(d[6:8])) if len(d) == 8 else None
    except ValueError:
        return None


def _outlet(r: dict[str, Any]) -> str:
    """Who published the mention: the URL's host, else the document (the source chain names who is cited)."""
    url = r.get("SOURCEURL") or ""
    if "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return str(r.get("vestnik_doc") or "")


def merge_rows(rows: Iterable[dict[str, Any]], story_of: dict[str, str], window_days: int = 2) -> list[dict[str, Any]]:
    """Merged event rows (see the module doc). ``story_of`` maps document id -> story id."""
    out: list[dict[str, Any]] = []
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        story = story_of.get(str(r.get("vestnik_doc")))
        r = dict(r)
        r.setdefault("merged_docs", str(r.get("vestnik_doc") or ""))
        if story is None:
            out.append(r)
            continue
        key = (story, str(r.get("EventBaseCode") or ""), str(r.get("Actor1Code") or ""), str(r.get("Actor2Code") or ""))
        day = _day(r)
        for g in groups.setdefault(key, []):
            first = _day(g)
            if day is None or first is None or abs((day - first).days) <= window_days:
                g["_members"].append(r)
                break
        else:
            r["_members"] = [r]
            groups[key].append(r)
            out.append(r)
    for r in out:
        members = r.pop("_members", None)
        if not members:
            continue
        docs = list(dict.fromkeys(str(m.get("vestnik_doc") or "") for m in members))
        r["NumMentions"] = len(members)
        r["NumArticles"] = len(docs)
        r["NumSources"] = len({_outlet(m) for m in members})
        r["merged_docs"] = " ".join(docs)
    return out


def story_map(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Document id -> story id, clustering the documents with the stories layer (empty when it is unavailable)."""
    try:
        from vestnik.document import Document
        from vestnik.stories.batch import cluster_documents
    except ImportError:
        return {}
    stories = cluster_documents(Document.from_dict(d) for d in docs)
    return {m: s.id for s in stories for m in s.members}
