"""robots.txt for the pages vestnik finds by itself (the links of feed entries).

A URL the user names is fetched because they asked for it; the pages a feed links to are crawling, and a
polite crawler reads each site's robots.txt first (RFC 9309) and keeps its ``Crawl-delay``. The standard
library's :mod:`urllib.robotparser` does the parsing; this module fetches the file with vestnik's own client
(same User-Agent, time-out and size limit) and applies the RFC's rules for missing or failing files:

- 2xx: the rules apply; a file over 500 KiB is read up to that size (RFC 9309 §2.5);
- 4xx (no robots.txt): everything is allowed;
- 5xx, time-out, network error: nothing is fetched from that site in this run (§2.3.1.4), and the log says so.

Answers are cached per site for 24 hours (§2.4), so ``vestnik watch`` asks again once a day.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from vestnik.ingest.readers import USER_AGENT

log = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 500 * 1024
CACHE_SECONDS = 24 * 3600
MAX_CRAWL_DELAY = 60.0  # a larger Crawl-delay is kept at this (and logged): one feed would otherwise take hours
AGENT = USER_AGENT.split("/", 1)[0]  # the product token robots.txt groups name ("vestnik")


@dataclass
class _Site:
    parser: RobotFileParser | None  # None: allow everything
    deny_all: bool
    fetched_at: float


@dataclass
class Robots:
    """Per-site robots.txt answers for one run (or one ``watch``), fetched on first use."""

    sites: dict[str, _Site] = field(default_factory=dict)

    def _site(self, client: Any, url: str) -> _Site:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        site = self.sites.get(key)
        if site is None or time.monotonic() - site.fetched_at > CACHE_SECONDS:
            site = self.sites[key] = self._fetch(client, key)
        return site

    @staticmethod
    def _fetch(client: Any, origin: str) -> _Site:
        import httpx

        now = time.monotonic()
        url = origin + "/robots.txt"
        try:
            with client.stream("GET", url) as r:
                status = r.status_code
                body = b""
                if 200 <= status < 300:
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) >= MAX_ROBOTS_BYTES:
                            body = body[:MAX_ROBOTS_BYTES]
                            break
        except httpx.HTTPError as e:
            log.warning("%s: cannot read it (%s: %s); no page of this site is fetched in this run", url,
                        type(e).__name__, e or "no answer")
            return _Site(None, True, now)
        if 400 <= status < 500:
            return _Site(None, False, now)  # no robots.txt: everything is allowed
        if status >= 500 or not 200 <= status < 300:
            log.warning("%s: HTTP %d; no page of this site is fetched in this run (RFC 9309)", url, status)
            return _Site(None, True, now)
        parser = RobotFileParser(url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Site(parser, False, now)

    def allowed(self, client: Any, url: str) -> bool:
        """Whether the site's robots.txt lets vestnik fetch this URL."""
        site = self._site(client, url)
        if site.deny_all:
            return False
        return site.parser is None or site.parser.can_fetch(AGENT, url)

    def crawl_delay(self, client: Any, url: str) -> float:
        """The site's Crawl-delay for vestnik in seconds (0 when none), at most ``MAX_CRAWL_DELAY``."""
        site = self._site(client, url)
        if site.parser is None:
            return 0.0
        d = site.parser.crawl_delay(AGENT)
        if d is None:
            return 0.0
        delay = float(d)
        if delay > MAX_CRAWL_DELAY:
            log.warning("%s asks for %.0f s between fetches; waiting %.0f s", url, delay, MAX_CRAWL_DELAY)
        return min(delay, MAX_CRAWL_DELAY)
