"""Readers: every input a user can name becomes a stream of documents or of one-line errors.

A reader never raises on one bad item: it yields a :class:`ReadError` that the
CLI reports, counts in the summary and reflects in the exit code, and goes on.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vestnik.document import Document
from vestnik.ingest.encoding import DecodeError, decode

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


@dataclass
class ReadError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class FieldMap:
    """Where a JSON Lines record keeps each field (``--text-field`` and friends)."""

    text: str = "text"
    title: str = "title"
    date: str = "published"
    url: str = "url"
    id: str = "id"
    html: str = "html"


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096])) or text[:2048].lower().count("<p") + text[:4096].lower().count(
        "<div"
    ) >= 3


def document_from_string(content: str, *, id: str = "", source: str | None = None, url: str | None = None,
                         published: str | None = None, title: str | None = None, encoding: str | None = None,
                         is_html: bool | None = None) -> Document:
    """A document from decoded content; HTML is kept in ``html`` and turned into text by the segment stage."""
    if content.startswith("\ufeff"):
        content = content[1:]
    html = looks_like_html(content) if is_html is None else is_html
    doc = Document(text="" if html else content, html=content if html else None, id=id, source=source, url=url,
                   title=title, encoding=encoding)
    if published:
        doc.published = str(published)[:10] if re.match(r"\d{4}-\d\d-\d\d", str(published)) else str(published)
        doc.published_source = "given"
    return doc


def _doc_id(path: Path) -> str:
    """The contract's id: the file name without its last extension."""
    return path.name.rsplit(".", 1)[0] if "." in path.name else path.name


def read_file(path: Path, *, published: str | None = None, fields: FieldMap | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    src = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield ReadError(src, f"cannot read: {e.strerror or e}")
        return
    if size == 0:
        yield ReadError(src, "empty file; nothing to extract")
        return
    if size > max_bytes:
        yield ReadError(src, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit; "
                             "raise it with --max-bytes if this really is one page")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, published=published, fields=fields or FieldMap())
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(src, f"cannot read: {e.strerror or e}")
        return
    declared = None
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore")
    try:
        text, enc = decode(data, declared)
    except DecodeError as e:
        yield ReadError(src, str(e))
        return
    if not text.strip():
        yield ReadError(src, "file holds only whitespace; nothing to extract")
        return
    is_html = True if path.suffix.lower() in HTML_SUFFIXES else None
    yield document_from_string(text, id=_doc_id(path), source=src, published=published, encoding=enc,
                               is_html=is_html)


def read_jsonl(path: Path, *, published: str | None = None, fields: FieldMap | None = None
               ) -> Iterator[Document | ReadError]:
    """One document per line; a broken line is one error, the rest of the file goes on."""
    fields = fields or FieldMap()
    name = path.name
    try:
        fh = path.open("rb")
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line, _ = decode(raw)
                rec = json.loads(line)
            except (DecodeError, json.JSONDecodeError) as e:
                yield ReadError(where, f"not a JSON object ({e})")
                continue
            if not isinstance(rec, dict):
                yield ReadError(where, "not a JSON object")
                continue
            text, html = rec.get(fields.text), rec.get(fields.html)
            if not isinstance(text, str) and not isinstance(html, str):
                yield ReadError(where, f"no '{fields.text}' (or '{fields.html}') string field; "
                                       "name the text field with --text-field")
                continue
            rid = rec.get(fields.id)
            doc = document_from_string(
                html if isinstance(html, str) and not isinstance(text, str) else text,
                id=str(rid) if rid not in (None, "") else f"{name}:{n}",
                source=where,
                url=rec.get(fields.url) if isinstance(rec.get(fields.url), str) else None,
                published=rec.get(fields.date) or published,
                title=rec.get(fields.title) if isinstance(rec.get(fields.title), str) else None,
                encoding="utf-8",
                is_html=not isinstance(text, str),
            )
            if rec.get(fields.date):
                doc.published_source = "field"
            yield doc


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under a directory, recursively, in a stable order; hidden files skipped."""
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                yield p
    else:
        yield path


def read_url(url: str, *, published: str | None = None, timeout: float = 20.0,
             max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Fetch one page the user asked for (the only outbound traffic vestnik makes)."""
    import httpx

    try:
        with httpx.Client(follow_redirects=True, timeout=timeout,
                          headers={"User-Agent": "vestnik/0.1 (+news intelligence)"}) as client:
            r = client.get(url)
    except httpx.HTTPError as e:
        yield ReadError(url, f"cannot fetch: {type(e).__name__}: {e}; check the URL and your network")
        return
    if r.status_code >= 400:
        yield ReadError(url, f"HTTP {r.status_code}; the server refused the page")
        return
    data = r.content
    if not data:
        yield ReadError(url, "empty response")
        return
    if len(data) > max_bytes:
        yield ReadError(url, f"response is {len(data) / 1e6:.1f} MB, over the limit; raise --max-bytes")
        return
    ctype = r.headers.get("content-type", "")
    declared = r.charset_encoding
    try:
        text, enc = decode(data, declared)
    except DecodeError as e:
        yield ReadError(url, str(e))
        return
    slug = re.sub(r"[^\w.-]+", "_", url.split("://", 1)[-1]).strip("_")[:120]
    yield document_from_string(text, id=slug, source=url, url=url, published=published, encoding=enc,
                               is_html=True if "html" in ctype else None)


def read_inputs(inputs: list[str], *, published: str | None = None, fields: FieldMap | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Every document (or error) named by the user's arguments, in order."""
    for item in inputs:
        if re.match(r"https?://", item):
            yield from read_url(item, published=published, max_bytes=max_bytes)
            continue
        path = Path(item)
        if not path.exists():
            yield ReadError(item, "no such file or directory")
            continue
        for p in iter_paths(path):
            yield from read_file(p, published=published, fields=fields, max_bytes=max_bytes)
