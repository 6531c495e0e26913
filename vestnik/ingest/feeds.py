"""RSS, Atom and RDF feeds: each entry becomes a document, read from the page its link points to.

A feed is recognised by its content (the root element), never by its name. For every
entry the linked page is fetched with the same polite client as any URL (one
connection, a timeout, a User-Agent naming vestnik, the byte limit, ``--delay``
seconds between fetches or the site's Crawl-delay if longer), unless the site's
robots.txt disallows it (:mod:`vestnik.ingest.robots`), and goes through the normal
HTML extraction. The entry's
date and title are kept as *fallbacks* (``meta["fallback"]``): the segment stage
uses them only when the page has no date or title of its own; likewise the entry's
summary (``meta["fallback_text"]``) replaces a page with no extractable article text
(script-only pages), and the document says so.

When the link cannot be fetched (404, time-out, not a web page, disallowed by robots.txt) the entry's own
content or summary becomes the document, and it says so: a warning in the log and
``meta["feed"]["text_from"]`` / ``meta["feed"]["page"]`` in the document. With
``--no-follow`` every entry is read that way. Entries whose link is already in the
store are skipped before any fetch (``FeedOptions.known``).

feedparser parses the feed: it reads every RSS version, Atom 0.3/1.0 and RDF, fixes
the encodings and the malformed XML real feeds are full of, resolves relative links
and sanitises entry HTML.
"""

from __future__ import annotations

import html
import io
import logging
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from vestnik.document import Document
from vestnik.ingest.readers import (
    DEFAULT_MAX_BYTES,
    FeedOptions,
    Fetched,
    ReadError,
    document_from_string,
    fetch,
    http_client,
    normalize_date,
    page_document,
    url_id,
)
from vestnik.ingest.robots import Robots

log = logging.getLogger(__name__)

# The root element after an optional BOM, XML declaration, processing instructions, comments and DOCTYPE.
_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*"
                   rb"<(?:[\w.-]+:)?(rss|feed|RDF)\b", re.S | re.I)
_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes are an RSS, Atom or RSS 1.0 (RDF) document, judged by the root element."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 feeds exist; look at them as ASCII
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
        except UnicodeError:
            return False
    m = _ROOT.match(head)
    if not m:
        return False
    if m.group(1).lower() == b"rdf":  # an RDF document is a feed only when it holds RSS 1.0 channel/items
        return b"purl.org/rss/1.0" in head or b"<channel" in head or b"<item" in head
    return True


def html_to_text(fragment: str) -> str:
    """Plain paragraphs from an entry's HTML summary (already sanitised by feedparser)."""
    text = _BLOCK_END.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as YYYY-MM-DD, in the feed's own time zone."""
    for key in ("published", "updated", "created", "dc_date"):
        norm = normalize_date(entry.get(key))
        if norm:
            return norm
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%d", st)
    return None


def entry_text(entry: Any) -> tuple[str, str]:
    """``(text, where)``: the entry's longest own text (full ``content`` or ``summary``) as plain paragraphs."""
    best, where = "", ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        text = html_to_text(value) if "html" in (c.get("type") or "html") else value.strip()
        if len(text) > len(best):
            best, where = text, "content"
    summary = entry.get("summary") or ""
    text = html_to_text(summary)
    if len(text) > len(best):
        best, where = text, "summary"
    return best, where


def _link(entry: Any, base: str | None) -> str | None:
    link = entry.get("link") or ""
    if not link and re.match(r"https?://", entry.get("id") or ""):
        link = entry["id"]  # Atom feeds sometimes carry the page only as the entry id
    link = urljoin(base, link) if base and link else link
    return link if re.match(r"https?://", link or "", re.I) else None


def entry_body(entry: Any) -> tuple[str, str]:
    """``(body, where)``: the entry as a plain-text page, its title as the first line; ``""`` when it has no text."""
    title = html_to_text(entry.get("title") or "").replace("\n", " ").strip()
    text, where = entry_text(entry)
    if not text and not title:
        return "", ""
    body = f"{title}\n\n{text}\n" if title and text and not text.startswith(title) else f"{text or title}\n"
    return body, where or "title"


def _entry_document(entry: Any, link: str | None, source: str, index: int, reason: str) -> Document | ReadError:
    """The entry's own text as a plain-text document (the page itself could not be, or was not to be, read)."""
    title = html_to_text(entry.get("title") or "").replace("\n", " ").strip()
    body, where = entry_body(entry)
    if not body:
        return ReadError(link or f"{source}#{index}", f"{reason}; and the feed entry has no text to fall back on")
    doc = document_from_string(body, id=url_id(link) if link else f"{url_id(source)}#{index}",
                               source=link or f"{source}#{index}", url=link, title=title or None, encoding="utf-8",
                               is_html=False)
    doc.meta["feed"] = {"text_from": where, "page": reason}
    return doc


def read_feed(data: bytes, *, source: str, base: str | None, client: Any | None, options: FeedOptions,
              published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | ReadError]:
    """Every entry of one feed as a document (or a one-line error); never raises on one bad entry."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": base} if base else None)
    entries = parsed.get("entries") or []
    if not entries:
        why = f"not a readable feed ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "the feed has no entries"
        yield ReadError(source, f"{why}; nothing to extract")
        return
    if parsed.get("bozo"):
        log.warning("%s: the feed is not well-formed (%s); read its %d entries anyway", source,
                    parsed.get("bozo_exception"), len(entries))
    feed_info = {"url": base or source, "title": (parsed.get("feed") or {}).get("title")}
    links = [_link(e, base) for e in entries]
    have: set[str] = set()
    if options.known is not None:
        wanted = [url_id(link) for link in links if link and link not in options.seen]
        have = options.known(wanted) if wanted else set()
    own_client = client is None and options.follow
    fetched = 0
    if options.follow and options.respect_robots and options.robots is None:
        options.robots = Robots()  # kept on the options: a watch asks each site once a day, not once a poll
    robots = options.robots if options.respect_robots else None
    try:
        for i, (entry, link) in enumerate(zip(entries, links, strict=True)):
            if link and (link in have or link in options.seen):
                options.skipped += 1
                log.info("%s: already stored, not fetched again", link)
                continue
            if link:
                options.seen.add(link)
            date = entry_date(entry)
            title = html_to_text(entry.get("title") or "").replace("\n", " ").strip() or None
            info = {**feed_info, "entry_id": entry.get("id"), "entry_title": title, "entry_published": date}
            doc: Document | None = None
            reason = "not followed (--no-follow)" if not options.follow else "the entry has no link"
            if options.follow and link:
                if client is None:
                    client = http_client(options.timeout)
                if robots is not None and not robots.allowed(client, link):
                    got: Fetched | ReadError = ReadError(link, "robots.txt does not allow vestnik to fetch it")
                else:
                    delay = max(options.delay, robots.crawl_delay(client, link) if robots is not None else 0.0)
                    if fetched and delay > 0:
                        time.sleep(delay)
                    fetched += 1
                    got = fetch(client, link, max_bytes)
                if not isinstance(got, ReadError) and looks_like_feed(got.data):
                    got = ReadError(link, "the link is itself a feed, not a page")
                page = got if isinstance(got, ReadError) else page_document(got)
                if isinstance(page, Document):
                    doc = page
                    doc.meta["feed"] = {**info, "text_from": "page"}
                    body, where = entry_body(entry)
                    if body and len(body) > len(title or "") + 1:  # if the page holds no article text after all
                        doc.meta["fallback_text"] = {"text": body, "from": where}
                else:
                    reason = page.message.split(";")[0]
                    log.warning("%s: %s; stored the feed entry's own text instead", link, reason)
            if doc is None:
                made = _entry_document(entry, link, source, i, reason)
                if isinstance(made, ReadError):
                    yield made
                    continue
                doc = made
                doc.meta["feed"] = {**info, **doc.meta["feed"]}
            fallback: dict[str, str] = {}
            if date or published:
                fallback.update(published=date or published or "", published_from="feed" if date else "cli")
            if title:
                fallback["title"] = title
            if fallback:
                doc.meta["fallback"] = fallback
            yield doc
    finally:
        if own_client and client is not None:
            client.close()
