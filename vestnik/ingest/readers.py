"""Readers: every input a user can name becomes a stream of documents or of one-line errors.

A reader never raises on one bad item: it yields a :class:`ReadError` that the
CLI reports, counts in the summary and reflects in the exit code, and goes on.
Problems found later, while a stage reads the content (a script-only page, markup
too hostile to parse), are raised as :class:`InputError`, which the runner turns
into the same kind of one-line error.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vestnik.document import Document
from vestnik.ingest.encoding import DecodeError, decode

if TYPE_CHECKING:
    from vestnik.ingest.robots import Robots

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
# Skipped (with a log line) when met while walking a directory; named explicitly they are read and rejected.
SKIP_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".pdf", ".zip", ".gz",
    ".bz2", ".xz", ".zst", ".7z", ".tar", ".rar", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt",
    ".mp3", ".mp4", ".wav", ".ogg", ".webm", ".avi", ".mov", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".exe",
    ".dll", ".so", ".dylib", ".py", ".pyc", ".db", ".sqlite", ".parquet", ".arrow", ".bin", ".pkl", ".npy", ".css", ".js",
}
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I)


class InputError(ValueError):
    """The input itself is the problem (not vestnik); the message says what is wrong and what to do."""


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
    head = text[:4096].lower()
    return bool(_HTML_START.match(head)) or head[:2048].count("<p") + head.count("<div") >= 3


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})\b")


def normalize_date(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``, from the forms JSON exports use, else None.

    ISO dates and datetimes, ``17.05.2017``, RFC 2822 (``Wed, 17 May 2017 09:57:00 GMT``),
    Unix timestamps and Excel serial days (``42872.41``, as spreadsheet exports write them).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        v = float(value)
        if 20000 <= v <= 80000:  # Excel serial day
            return (_EXCEL_EPOCH + dt.timedelta(days=int(v))).isoformat()
        if 1e8 <= v <= 1e10:  # Unix seconds
            return dt.datetime.fromtimestamp(v, tz=dt.UTC).date().isoformat()
        if 1e11 <= v <= 1e13:  # Unix milliseconds
            return dt.datetime.fromtimestamp(v / 1000, tz=dt.UTC).date().isoformat()
        return None
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = _DMY.match(s)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return normalize_date(float(s))
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


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
        norm = normalize_date(published)
        if norm:
            doc.published, doc.published_source = norm, "given"
        else:
            doc.meta["published_raw"] = str(published)
            log.warning("%s: date %r not understood; use YYYY-MM-DD", source or id, published)
    return doc


def _doc_id(path: Path) -> str:
    """The contract's id: the file name without its last extension."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return name.rsplit(".", 1)[0] if "." in name else name


def _declared_charset(data: bytes) -> str | None:
    m = _XML_ENCODING.match(data[:200]) or _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "ignore") if m else None


def read_file(path: Path, *, published: str | None = None, fields: FieldMap | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, feeds: FeedOptions | None = None,
              note: Callable[[str], None] | None = None) -> Iterator[Document | ReadError]:
    src = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield ReadError(src, f"cannot read: {e.strerror or e}")
        return
    if size == 0:
        yield ReadError(src, "empty file; nothing to extract")
        return
    suffix = path.suffix.lower()
    gz = suffix == ".gz"
    if gz:
        suffix = Path(path.stem).suffix.lower()  # page.html.gz → .html
    from vestnik.ingest import warc

    if suffix not in HTML_SUFFIXES | JSONL_SUFFIXES | {".json"} and warc.is_warc(path):
        yield from warc.read_warc(path, published=published, max_bytes=max_bytes, note=note)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published=published, fields=fields or FieldMap(), max_bytes=max_bytes)
        return
    if size > max_bytes:
        yield ReadError(src, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit; "
                             "raise it with --max-bytes if this really is one page")
        return
    try:
        data = path.read_bytes()
        if gz:
            with gzip.open(path, "rb") as zf:
                data = zf.read(max_bytes + 1)  # bounded: a gzip bomb stops at the limit
            if len(data) > max_bytes:
                yield ReadError(src, f"unpacks to over the {max_bytes / 2**20:.0f} MB limit; raise --max-bytes")
                return
            if not data:
                yield ReadError(src, "empty file; nothing to extract")
                return
    except (OSError, EOFError, zlib.error) as e:
        yield ReadError(src, f"cannot read: {getattr(e, 'strerror', None) or e}")
        return
    if suffix not in HTML_SUFFIXES and suffix != ".json":
        from vestnik.ingest.feeds import looks_like_feed, read_feed

        if looks_like_feed(data):  # by content: an RSS, Atom or RDF root, whatever the file is called
            yield from read_feed(data, source=src, base=None, client=None, options=feeds or FeedOptions(),
                                 published=published, max_bytes=max_bytes)
            return
    try:
        text, enc = decode(data, _declared_charset(data))
    except DecodeError as e:
        yield ReadError(src, str(e))
        return
    if not text.strip():
        yield ReadError(src, "file holds only whitespace; nothing to extract")
        return
    if suffix == ".json":
        yield from _read_json(src, path.name, text, published, fields or FieldMap())
        return
    is_html = True if suffix in HTML_SUFFIXES else None
    yield document_from_string(text, id=_doc_id(path), source=src, published=published, encoding=enc,
                               is_html=is_html)


def _from_record(rec: dict[str, Any], fields: FieldMap, *, default_id: str, where: str,
                 published: str | None) -> Document | ReadError:
    text, html = rec.get(fields.text), rec.get(fields.html)
    if not isinstance(text, str) and not isinstance(html, str):
        have = ", ".join(repr(k) for k, v in rec.items() if isinstance(v, str))[:200] or "no string fields"
        return ReadError(where, f"no {fields.text!r} (or {fields.html!r}) string field (it has {have}); "
                                "name the text field with --text-field")
    content = text if isinstance(text, str) else html
    assert isinstance(content, str)
    if not content.strip():
        return ReadError(where, f"field {fields.text!r} is empty; nothing to extract")
    rid = rec.get(fields.id)
    url, title = rec.get(fields.url), rec.get(fields.title)
    own_date = rec.get(fields.date)
    doc = document_from_string(
        content,
        id=str(rid) if rid not in (None, "") else default_id,
        source=where,
        url=url if isinstance(url, str) and url else None,
        published=own_date if own_date not in (None, "") else published,
        title=title if isinstance(title, str) and title else None,
        encoding="utf-8",
        is_html=not isinstance(text, str),
    )
    if own_date not in (None, "") and doc.published:
        doc.published_source = "field"
    return doc


def _safe_lines(fh: Any, src: str) -> Iterator[tuple[int, bytes | ReadError]]:
    """Numbered lines of a (possibly gzipped) file; a corrupt or truncated stream ends in one error."""
    n = 0
    try:
        for n, raw in enumerate(fh, 1):
            yield n, raw
    except (OSError, EOFError, zlib.error) as e:
        yield n + 1, ReadError(src, f"corrupt or truncated file after line {n} ({e}); re-download or re-compress it")


def read_jsonl(path: Path, *, published: str | None = None, fields: FieldMap | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """One document per line; a broken line is one error, the rest of the file goes on.

    When the first records all lack the text field, the file is reported once (with the
    fields it does have) instead of once per line: the user named the wrong field.
    """
    fields = fields or FieldMap()
    name = path.name
    try:
        fh = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")  # noqa: SIM115
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")
        return
    ok = 0
    pending: list[ReadError] = []  # "no text field" errors held until we know whether every record has them
    with fh:
        for n, raw in _safe_lines(fh, str(path)):
            if isinstance(raw, ReadError):
                yield raw
                return
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield ReadError(where, f"record is {len(raw) / 2**20:.1f} MB, over the limit; raise --max-bytes")
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
            doc = _from_record(rec, fields, default_id=f"{name}:{n}", where=where, published=published)
            if isinstance(doc, ReadError) and "--text-field" in doc.message and not ok:
                pending.append(doc)
                if len(pending) >= 3:
                    yield ReadError(str(path), doc.message.split("; name")[0].replace(where, str(path)) +
                                    "; name the text field with --text-field (the first records all lack it; "
                                    "skipped the file)")
                    return
                continue
            if isinstance(doc, Document):
                yield from pending
                pending = []
                ok += 1
            yield doc
    yield from pending


def _read_json(src: str, name: str, text: str, published: str | None, fields: FieldMap
               ) -> Iterator[Document | ReadError]:
    """A ``.json`` file: one record (object) or a list of records, like JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield ReadError(src, f"not valid JSON ({e}); JSON Lines files should end in .jsonl")
        return
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records):
        where = src if len(records) == 1 else f"{src}[{i}]"
        if not isinstance(rec, dict):
            yield ReadError(where, "not a JSON object with a text field")
            continue
        default = name.rsplit(".", 1)[0] if len(records) == 1 else f"{name}:{i}"
        yield _from_record(rec, fields, default_id=default, where=where, published=published)


def _readable_gz(p: Path) -> bool:
    """``page.html.gz``, ``docs.jsonl.gz``…: gzip of a format we read (a ``.tar.gz`` is not)."""
    return p.suffix.lower() == ".gz" and Path(p.stem).suffix.lower() in (
        HTML_SUFFIXES | JSONL_SUFFIXES | {".txt", ".text", ".json", ".warc", ".wet", ".xml", ".rss", ".atom"})


def iter_paths(path: Path) -> Iterator[Path]:
    """Files under a directory, recursively, in a stable order; hidden and binary-suffixed files skipped."""
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in p.relative_to(path).parts):
                continue
            if not p.is_file():
                if p.is_symlink():
                    yield p  # a link to nothing: reading it reports the error, the file is not silently lost
                continue
            if p.suffix.lower() in SKIP_SUFFIXES and not _readable_gz(p):
                log.info("skipped %s (not a text, HTML or JSON file)", p)
                continue
            yield p
    else:
        yield path


USER_AGENT = "vestnik/0.1 (+news intelligence)"


@dataclass
class FeedOptions:
    """How feeds are read: follow each entry's link (politely: ``delay`` seconds between fetches, or the site's
    robots.txt Crawl-delay when longer; never a link robots.txt disallows) or keep the feed's own text; ``known`` maps contract ids to the URLs already stored under them (the store's look-up), so a
    re-run fetches no entry it already has; ``skipped`` counts those entries."""

    follow: bool = True
    delay: float = 0.0
    timeout: float = 20.0
    known: Callable[[list[str]], set[str]] | None = None
    skipped: int = 0
    seen: set[str] = field(default_factory=set)  # links read in this run (two feeds may share entries)
    # ETag / Last-Modified of each feed URL, sent back on the next poll (``vestnik watch``): an unchanged feed
    # answers 304 and costs nothing
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    # entry links are crawling: each site's robots.txt decides (``--ignore-robots`` turns it off); the answers
    # (a :class:`vestnik.ingest.robots.Robots`) live as long as these options, e.g. across ``watch`` polls
    respect_robots: bool = True
    robots: Robots | None = None


@dataclass
class Fetched:
    """One HTTP response the user asked for, read within the byte limit."""

    url: str
    final_url: str
    data: bytes
    declared: str | None
    ctype: str
    status: int = 200
    validators: dict[str, str] = field(default_factory=dict)  # If-None-Match / If-Modified-Since for next time


def url_id(url: str) -> str:
    """The contract id of a fetched page: its URL without the scheme, as a safe file-name-like slug."""
    return re.sub(r"[^\w.-]+", "_", url.split("://", 1)[-1]).strip("_")[:120]


def http_client(timeout: float = 20.0) -> Any:
    """A polite client: one connection, a timeout, redirects followed, a User-Agent naming vestnik."""
    import httpx

    return httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT},
                        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))


def fetch(client: Any, url: str, max_bytes: int = DEFAULT_MAX_BYTES, headers: dict[str, str] | None = None
          ) -> Fetched | ReadError:
    """GET one URL: the body (at most ``max_bytes``) or a one-line error saying what went wrong.

    ``headers`` may carry validators from an earlier fetch; a 304 answer is a :class:`Fetched` with status 304
    and no data.
    """
    import httpx

    try:
        with client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304 and headers:
                return Fetched(url, str(r.url), b"", None, "", status=304)
            if r.status_code >= 400:
                return ReadError(url, f"HTTP {r.status_code} {r.reason_phrase}; the server refused the page")
            ctype = r.headers.get("content-type", "").lower()
            if ctype and not any(t in ctype for t in ("text", "html", "xml", "json")):
                return ReadError(url, f"not a web page (content-type {ctype.split(';')[0]}); give an HTML or text URL")
            chunks: list[bytes] = []
            got = 0
            for chunk in r.iter_bytes():
                got += len(chunk)
                if got > max_bytes:
                    return ReadError(url, f"response is over the {max_bytes / 2**20:.0f} MB limit; raise --max-bytes")
                chunks.append(chunk)
            declared = r.charset_encoding
            final_url = str(r.url)
            validators = {k: r.headers[h] for k, h in (("If-None-Match", "etag"), ("If-Modified-Since", "last-modified"))
                          if h in r.headers}
    except httpx.InvalidURL as e:
        return ReadError(url, f"invalid URL ({e}); check how it is written")
    except httpx.HTTPError as e:
        return ReadError(url, f"cannot fetch: {type(e).__name__}: {e or 'no answer'}; check the URL and your network")
    data = b"".join(chunks)
    if not data.strip():
        return ReadError(url, "empty response; nothing to extract")
    return Fetched(url, final_url, data, declared, ctype, validators=validators)


def page_document(f: Fetched, published: str | None = None) -> Document | ReadError:
    """The fetched page as a document (decoded: HTTP charset, then the page's own declaration, then detection)."""
    try:
        text, enc = decode(f.data, f.declared or _declared_charset(f.data))
    except DecodeError as e:
        return ReadError(f.url, str(e))
    return document_from_string(text, id=url_id(f.url), source=f.url, url=f.final_url, published=published,
                                encoding=enc, is_html=True if "html" in f.ctype else None)


def read_url(url: str, *, published: str | None = None, timeout: float = 20.0,
             max_bytes: int = DEFAULT_MAX_BYTES, feeds: FeedOptions | None = None) -> Iterator[Document | ReadError]:
    """Fetch one page or feed the user asked for (the only outbound traffic vestnik makes).

    A feed is recognised by its content (an RSS, Atom or RDF root element), whatever the URL or content type.
    """
    with http_client(timeout) as client:
        f = fetch(client, url, max_bytes, headers=feeds.validators.get(url) if feeds else None)
        if isinstance(f, ReadError):
            yield f
            return
        if f.status == 304:  # only when we sent validators: a feed polled before and unchanged since
            log.info("%s: not modified since the last poll", url)
            return
        from vestnik.ingest.feeds import looks_like_feed, read_feed

        if looks_like_feed(f.data):
            yield from read_feed(f.data, source=url, base=f.final_url, client=client, options=feeds or FeedOptions(),
                                 published=published, max_bytes=max_bytes)
            if feeds is not None and f.validators:  # every entry was read: next time, ask only for changes
                feeds.validators[url] = f.validators
            return
        yield page_document(f, published)


def read_inputs(inputs: list[str], *, published: str | None = None, fields: FieldMap | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, feeds: FeedOptions | None = None,
                note: Callable[[str], None] | None = None) -> Iterator[Document | ReadError]:
    """Every document (or error) named by the user's arguments, in order.

    ``feeds`` says how RSS/Atom feeds are read (one options object for the whole run, so entries shared by two
    feeds are fetched once); ``note`` receives progress lines from long inputs (WARC records read, feed entries).
    """
    feeds = feeds or FeedOptions()
    for item in inputs:
        if re.match(r"https?://", item, re.I):
            yield from read_url(item, published=published, max_bytes=max_bytes, feeds=feeds, timeout=feeds.timeout)
            continue
        path = Path(item)
        if not path.exists():
            yield ReadError(item, "no such file or directory")
            continue
        if path.is_dir() and not any(True for _ in iter_paths(path)):
            yield ReadError(item, "directory holds no readable files")
            continue
        for p in iter_paths(path):
            yield from read_file(p, published=published, fields=fields, max_bytes=max_bytes, feeds=feeds, note=note)
