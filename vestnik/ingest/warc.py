"""WARC archives (``.warc``, ``.warc.gz``: Common Crawl's CC-NEWS, your own crawls): one document per page.

The archive is streamed record by record (memory stays flat however big the file):
``response`` records with HTTP 200 and an HTML or plain-text payload become
documents, and so do the plain-text ``conversion`` records of WET files; every other
response is skipped and counted (status, content type, size), and
request/metadata/warcinfo/revisit records are passed over. The payload is decoded like
any page: the HTTP ``charset`` first, then the page's own declaration, then
detection. The URL is ``WARC-Target-URI``; ``WARC-Date`` (the crawl time) is only a
fallback for ``published`` when the page has no date of its own, and then
``published_source`` is ``warc-date``. ``meta["warc"]`` keeps the file, offset and
record id, so every document can be traced back to its record.

A broken record (a truncated gzip member, a garbled header) is one error and the
reader resynchronises at the next record, so the rest of the file is still read.

fastwarc parses the records: it is a streaming reader written in native code,
by its authors' measure several times faster than warcio, and it reads both plain and per-record-gzipped files.
HTTP bodies are decoded here (chunked, gzip, deflate, brotli), record by record, because
crawlers often keep a ``Content-Encoding`` header over a body they stored decoded.
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from vestnik.document import Document
from vestnik.ingest.encoding import DecodeError, decode, looks_binary
from vestnik.ingest.readers import DEFAULT_MAX_BYTES, ReadError, _declared_charset, document_from_string, url_id

log = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_SCAN = 1 << 20  # bytes read at a time while looking for the next record after a broken one


def is_warc(path: Path) -> bool:
    """A WARC file, by name (``.warc``, ``.warc.gz``) or by its first bytes (``WARC/1.``, gzipped or not)."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(3)
            if head == _GZIP_MAGIC:
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as zf:
                    head = zf.read(len(_WARC_MAGIC))
            else:
                head += fh.read(len(_WARC_MAGIC) - 3)
    except (OSError, EOFError, zlib.error):
        return False
    return head == _WARC_MAGIC


def _next_start(fh: BinaryIO, pos: int, magic: bytes) -> int | None:
    """The offset of the next possible record start (a gzip member, or a ``WARC/1.`` line) at or after ``pos``."""
    fh.seek(pos)
    carry = b""
    base = pos
    while True:
        chunk = fh.read(_SCAN)
        if not chunk:
            return None
        buf = carry + chunk
        i = buf.find(magic)
        while i >= 0 and magic == _WARC_MAGIC and i > 0 and buf[i - 1 : i] != b"\n":
            i = buf.find(magic, i + 1)  # a WARC header starts a line
        if i >= 0:
            return base - len(carry) + i
        carry = buf[-(len(magic)) :]
        base += len(chunk)


def _payload_type(record: Any) -> str:
    ctype = record.http_content_type or record.http_headers.get("Content-Type") or ""
    return ctype.split(";")[0].strip().lower()


def read_warc(path: Path, *, published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              note: Callable[[str], None] | None = None) -> Iterator[Document | ReadError]:
    """Every page in the archive as a document; broken records are one error each, the rest goes on."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    src = str(path)
    skipped: Counter[str] = Counter()
    records = docs = broken = 0
    try:
        fh = path.open("rb")
    except OSError as e:
        yield ReadError(src, f"cannot read: {e.strerror or e}")
        return
    with fh:
        gzipped = fh.read(3) == _GZIP_MAGIC
        magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
        start: int | None = 0
        last = -1
        while start is not None:
            fh.seek(start)
            # auto_decode stays off: one record whose headers lie about its Content-Encoding would stop fastwarc's
            # whole iteration; _http_body decodes each body on its own and falls back to the raw bytes
            it = iter(ArchiveIterator(fh, parse_http=True, auto_decode="none", stream_detect=True))
            got = 0
            while True:
                try:
                    rec = next(it)
                except StopIteration:
                    start = None
                    break
                except Exception as e:  # fastwarc raises OSError/ValueError-like errors on corrupt input
                    if got or start == 0:  # a failed resynchronisation attempt is the same broken stretch: one error
                        broken += 1
                        after = f"after the record at byte {last}" if last >= 0 else "at the start of the file"
                        yield ReadError(src, f"broken WARC record {after} ({type(e).__name__}: {e}); "
                                             "skipped it, reading on from the next record")
                    start = _next_start(fh, max(start + 1, last + 1), magic)
                    break
                last = rec.stream_pos
                records += 1
                got += 1
                if note and records % 100 == 0:
                    note(f"{path.name}: {records} records")
                kind = rec.record_type
                if kind not in (WarcRecordType.response, WarcRecordType.conversion):
                    continue
                try:
                    item = _document(rec, src, max_bytes, published, skipped, kind == WarcRecordType.conversion)
                except Exception as e:  # a payload cut short, say; the iterator resynchronises on the next record
                    item = ReadError(f"{src}@{last}", f"cannot read this record ({type(e).__name__}: {e}); skipped it")
                if item is None:
                    continue
                if isinstance(item, Document):
                    docs += 1
                yield item
    if note:
        note(f"{path.name}: {records} records")
    if skipped or not docs:
        what = ", ".join(f"{n} {why}" for why, n in skipped.most_common()) or "nothing"
        log.warning("%s: %d WARC records, %d pages read as documents; skipped %s", src, records, docs, what)
    if not records and not broken:
        yield ReadError(src, "no WARC records found; is this a WARC file?")


def _document(rec: Any, src: str, max_bytes: int, published: str | None, skipped: Counter[str], converted: bool
              ) -> Document | ReadError | None:
    """One response (or WET conversion) record as a document; None (counted in ``skipped``) when it is not a
    readable page."""
    uri = (rec.headers.get("WARC-Target-URI") or "").strip("<> ")
    if converted:  # WET: the crawler's plain-text extract of a page
        ctype = (rec.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype and ctype != "text/plain":
            skipped[f"{ctype} conversions"] += 1
            return None
    elif not rec.is_http:
        skipped["non-HTTP response records"] += 1
        return None
    else:
        status = rec.http_headers.status_code
        if status != 200:
            skipped[f"HTTP {status}"] += 1
            return None
        ctype = _payload_type(rec)
        if ctype and ctype not in _TEXT_TYPES:
            skipped[ctype] += 1
            return None
    data = rec.reader.read(max_bytes + 1)
    if len(data) > max_bytes:
        skipped["over --max-bytes"] += 1
        return None
    if not converted:
        data = _http_body(data, rec.http_headers, max_bytes)
        if data is None:
            skipped["undecodable Content-Encoding"] += 1
            return None
        if len(data) > max_bytes:
            skipped["over --max-bytes"] += 1
            return None
    if not data.strip():
        skipped["empty payloads"] += 1
        return None
    where = f"{src}@{rec.stream_pos}"
    try:
        text, enc = decode(data, None if converted else rec.http_charset or _declared_charset(data))
    except DecodeError as e:
        return ReadError(f"{where} ({uri})", str(e))
    if not text.strip():
        skipped["empty payloads"] += 1
        return None
    is_html = False if converted else None if not ctype else ctype != "text/plain"
    doc = document_from_string(text, id=url_id(uri) if uri else f"{Path(src).name}@{rec.stream_pos}", source=uri or where,
                               url=uri or None, encoding=enc, is_html=is_html)
    crawled = _warc_date(rec)
    doc.meta["warc"] = {"file": src, "offset": rec.stream_pos, "record_id": rec.record_id, "date": crawled}
    if rec.headers.get("WARC-Truncated"):  # the crawler cut the page (length, time): say so, keep what is there
        doc.meta["warc"]["truncated"] = rec.headers.get("WARC-Truncated")
    fallback_date = crawled or published
    if fallback_date:
        doc.meta["fallback"] = {"published": fallback_date, "published_from": "warc-date" if crawled else "cli"}
    return doc


def _dechunk(data: bytes) -> bytes | None:
    """The body of a ``Transfer-Encoding: chunked`` payload, or None when it is not chunked after all."""
    out = bytearray()
    pos = 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            return bytes(out) if out else None  # cut short: keep what arrived
        try:
            size = int(data[pos:nl].split(b";")[0].strip(), 16)
        except ValueError:
            return None
        if size == 0:
            return bytes(out)
        out += data[nl + 1 : nl + 1 + size]
        pos = nl + 1 + size
        pos += 2 if data[pos : pos + 2] == b"\r\n" else 1 if data[pos : pos + 1] == b"\n" else 0


def _http_body(data: bytes, headers: Any, max_bytes: int) -> bytes | None:
    """Undo the HTTP transfer and content encodings the headers name; crawlers often store bodies already decoded
    while keeping the headers, so a body that does not decode as announced is taken as it is, when it is not
    compressed data. None: compressed, but not decodable."""
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        data = _dechunk(data) or data
    enc = (headers.get("Content-Encoding") or "").strip().lower()
    if enc in ("gzip", "x-gzip", "deflate"):
        try:
            wbits = 47 if data[:2] == b"\x1f\x8b" else 15 if data[:1] == b"\x78" else -15
            return zlib.decompressobj(wbits).decompress(data, max_bytes + 1)
        except zlib.error:
            return None if data[:2] == b"\x1f\x8b" else data
    if enc == "br":
        import brotli  # installed with fastwarc

        try:
            return brotli.Decompressor().process(data, output_buffer_limit=max_bytes + 1)
        except brotli.error:
            return data if not looks_binary(data) else None
    return data


_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def _warc_date(rec: Any) -> str | None:
    raw = rec.headers.get("WARC-Date") or ""
    m = _ISO_DAY.match(raw.strip())
    return m.group(0) if m else None
