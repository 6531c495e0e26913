"""RSS and Atom feeds: entries are followed to their pages on a loopback server, dates and titles fall back to the
feed, an unreachable link falls back to the entry's summary, and a re-run fetches nothing it has stored."""

from __future__ import annotations

import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PageHandler
from typer.testing import CliRunner

from vestnik.cli.main import app
from vestnik.document import Document
from vestnik.ingest.feeds import looks_like_feed
from vestnik.ingest.readers import FeedOptions, ReadError, read_inputs
from vestnik.pipeline import available_stages
from vestnik.runner import run
from vestnik.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"


def _undated(name: str) -> bytes:
    """A sample page with every date it carries removed (meta, JSON-LD, <time>): only the feed can date it."""
    page = (SAMPLES / name).read_text(encoding="utf-8")
    page = re.sub(r'<meta property="article:[a-z_]*time"[^>]*>', "", page)
    page = re.sub(r'"date(?:Published|Modified)":\s*"[^"]*",?', "", page)
    page = re.sub(r"<time[^>]*>.*?</time>", "", page)
    return page.encode("utf-8")


RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Новини БГ</title><link>{base}/</link><description>Последни</description>
<item><title>Хиляди протестираха в Тбилиси (от емисията)</title><link>{base}/undated.html</link>
  <pubDate>Mon, 02 Dec 2024 23:30:00 +0200</pubDate><guid>tbilisi</guid></item>
<item><title>ЕС прие 15-ия пакет санкции</title><link>{base}/bta.html</link>
  <pubDate>Tue, 17 Dec 2024 10:00:00 +0200</pubDate></item>
<item><title>Изчезнала статия за Белград</title><link>{base}/gone.html</link>
  <description>&lt;p&gt;Десетки хиляди души протестираха в Белград срещу правителството.&lt;/p&gt;&lt;p&gt;Шествието мина мирно.&lt;/p&gt;</description>
  <pubDate>Sun, 22 Dec 2024 18:00:00 +0200</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- an Atom feed whose links are relative to the feed -->
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru"><title>Лента</title><id>urn:feed</id>
<updated>2024-12-22T12:00:00+03:00</updated>
<entry><title>Фидан и Лавров</title><id>urn:ankara</id><link href="ria.html"/>
  <updated>2024-12-12T08:00:00+03:00</updated></entry>
<entry><title>Акция протеста в Белграде</title><id>urn:belgrade</id><link href="/interfax.html"/>
  <published>2024-12-22T20:00:00+03:00</published><updated>2024-12-23T01:00:00+03:00</updated></entry>
</feed>
"""


class _Handler(PageHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}
    fetched: list[str] = []
    base = ""

    def do_GET(self) -> None:
        self.fetched.append(self.path)
        if self.path == "/etag.xml":  # a feed that never changes and says so (ETag, 304 Not Modified)
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            body = f'<rss version="2.0"><channel><item><link>{self.base}/bta.html</link></item></channel></rss>'
            self.reply(200, "application/rss+xml", body.encode(), {"ETag": '"v1"'})
        elif self.path == "/growing.xml":  # a feed that gains an entry each time it is read
            polls = self.fetched.count(self.path)
            items = "".join(f"<item><title>T{i}</title><link>{self.base}/{page}</link></item>"
                            for i, page in enumerate(["bta.html", "undated.html", "interfax.html"][:polls]))
            self.reply(200, "application/rss+xml", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
        else:
            super().do_GET()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = "text/html; charset=utf-8"
    _Handler.pages = {
        "/rss.xml": (200, "application/rss+xml", RSS.format(base=base).encode("cp1251")),
        "/feeds/atom.xml": (200, "text/xml", ATOM.encode("utf-8")),  # served as plain XML: found by content
        "/undated.html": (200, html, _undated("bg-tbilisi-protests.html")),
        "/bta.html": (200, html, (SAMPLES / "bg-bta-eu-sanctions.html").read_bytes()),
        "/feeds/ria.html": (200, html, (SAMPLES / "ru-ria-ankara-meeting.html").read_bytes()),
        "/interfax.html": (200, html, (SAMPLES / "ru-interfax-belgrade-protests.html").read_bytes()),
        "/app.html": (200, html, b"<html><head><script>render('story-42')</script></head><body></body></html>"),
        "/scripty.xml": (200, "application/rss+xml", (
            f'<rss version="2.0"><channel><item><title>Парламентът прие бюджета</title><link>{base}/app.html</link>'
            "<description>Народното събрание прие на второ четене държавния бюджет за 2025 година.</description>"
            "</item></channel></rss>").encode()),
    }
    _Handler.base = base
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def _segment(items: Iterator[Document | ReadError]) -> list[Document | ReadError]:
    others = tuple(s for s in available_stages() if s != "segment")
    return list(run(items, jobs=1, disable=others))


def test_feed_is_recognised_by_its_root_element_not_its_name() -> None:
    assert looks_like_feed(RSS.encode("cp1251")) and looks_like_feed(ATOM.encode())
    assert looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x" xmlns="http://purl.org/rss/1.0/">')
    assert not looks_like_feed((SAMPLES / "bg-bta-eu-sanctions.html").read_bytes())
    assert not looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><rdf:Description/></rdf:RDF>')
    assert not looks_like_feed(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')


def test_rss_entries_become_pages_with_feed_dates_titles_and_a_summary_fallback(server: str) -> None:
    out = _segment(read_inputs([f"{server}/rss.xml"]))
    docs = {d.url: d for d in out if isinstance(d, Document)}
    assert not [e for e in out if isinstance(e, ReadError)]
    assert len(docs) == 3
    undated = docs[f"{server}/undated.html"]
    assert "Тбилиси" in undated.text and undated.meta["feed"]["text_from"] == "page"
    # the page has no date of its own: the entry's pubDate, in the feed's time zone (23:30 +0200 is still the 2nd)
    assert (undated.published, undated.published_source) == ("2024-12-02", "feed")
    dated = docs[f"{server}/bta.html"]
    assert (dated.published, dated.published_source) == ("2024-12-16", "metadata")  # the page's own date wins
    assert dated.meta["feed"]["title"] == "Новини БГ" and dated.meta["feed"]["entry_published"] == "2024-12-17"
    gone = docs[f"{server}/gone.html"]  # HTTP 404: the entry's summary, and the document says so
    assert gone.meta["feed"]["text_from"] == "summary" and "HTTP 404" in gone.meta["feed"]["page"]
    assert gone.text.startswith("Изчезнала статия за Белград\n\nДесетки хиляди души протестираха в Белград")
    assert "Шествието мина мирно." in gone.text and "<p>" not in gone.text
    assert (gone.published, gone.published_source) == ("2024-12-22", "feed")
    assert gone.title == "Изчезнала статия за Белград"


def test_atom_feed_with_relative_links_and_no_follow(server: str) -> None:
    docs = [d for d in _segment(read_inputs([f"{server}/feeds/atom.xml"])) if isinstance(d, Document)]
    assert [d.url for d in docs] == [f"{server}/feeds/ria.html", f"{server}/interfax.html"]
    assert "Лавров" in docs[0].text and docs[1].meta["feed"]["entry_published"] == "2024-12-22"
    _Handler.fetched.clear()
    own = [d for d in _segment(read_inputs([f"{server}/feeds/atom.xml"], feeds=FeedOptions(follow=False)))
           if isinstance(d, Document)]
    assert _Handler.fetched == ["/feeds/atom.xml"]  # the feed only: no page fetched
    assert [d.meta["feed"]["page"] for d in own] == ["not followed (--no-follow)"] * 2
    assert own[0].text.strip() == "Фидан и Лавров" and own[0].published == "2024-12-12"


def test_a_page_without_article_text_falls_back_to_the_entry_summary(server: str) -> None:
    (doc,) = _segment(read_inputs([f"{server}/scripty.xml"]))
    assert isinstance(doc, Document) and doc.url == f"{server}/app.html" and doc.html is None
    assert doc.text.startswith("Парламентът прие бюджета\n\nНародното събрание прие на второ четене")
    assert doc.meta["feed"]["text_from"] == "summary" and "no article text" in doc.meta["feed"]["page"]
    assert doc.article.headline is not None and "fallback_text" not in doc.meta


def test_a_local_feed_file_is_read_by_content(tmp_path: Path, server: str) -> None:
    feed = tmp_path / "news"  # no suffix at all
    feed.write_bytes(RSS.format(base=server).encode("cp1251"))
    docs = [d for d in read_inputs([str(feed)], feeds=FeedOptions(follow=False)) if isinstance(d, Document)]
    assert docs[0].title == "Хиляди протестираха в Тбилиси (от емисията)"
    assert len(docs) == 3 and all(d.meta["feed"]["url"] == str(feed) for d in docs)


def test_broken_feed_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (err,) = list(read_inputs([str(bad)]))
    assert isinstance(err, ReadError) and "no entries" in err.message


def test_ingest_feeds_then_rerun_fetches_nothing_stored(tmp_path: Path, server: str) -> None:
    db = tmp_path / "v.db"
    runner = CliRunner()
    _Handler.fetched.clear()
    r = runner.invoke(app, ["ingest", f"{server}/rss.xml", f"{server}/feeds/atom.xml", "--store", str(db), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert "5 new, 0 already stored, 0 failed" in r.output
    assert sorted(_Handler.fetched) == sorted(["/rss.xml", "/undated.html", "/bta.html", "/gone.html",
                                               "/feeds/atom.xml", "/feeds/ria.html", "/interfax.html",
                                               "/robots.txt"])  # the site's robots.txt once (a 404: all allowed)
    with Store.open(db) as st:
        stored = {d["url"]: d for d in st.iter_documents()}
    assert stored[f"{server}/undated.html"]["published_source"] == "feed"
    assert stored[f"{server}/gone.html"]["meta"]["feed"]["text_from"] == "summary"
    _Handler.fetched.clear()
    r = runner.invoke(app, ["ingest", f"{server}/rss.xml", f"{server}/feeds/atom.xml", "--store", str(db), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert "0 new, 5 already stored, 0 failed" in r.output
    assert _Handler.fetched == ["/rss.xml", "/feeds/atom.xml"]  # the feeds themselves, no page again


def test_extract_reads_a_feed_like_any_input(server: str) -> None:
    r = CliRunner().invoke(app, ["extract", f"{server}/feeds/atom.xml", "-j", "1", "--delay", "0.05"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [d["url"] for d in lines] == [f"{server}/feeds/ria.html", f"{server}/interfax.html"]
    assert lines[0]["language"] == "ru" and lines[0]["meta"]["feed"]["title"] == "Лента"


def test_watch_polls_and_ingests_only_new_entries(tmp_path: Path, server: str) -> None:
    _Handler.fetched.clear()
    r = CliRunner().invoke(app, ["watch", f"{server}/growing.xml", "--every", "1s", "--rounds", "3",
                                 "--store", str(tmp_path / "w.db")])
    assert r.exit_code == 0, r.output
    rounds = re.findall(r"round (\d): (\d) new, (\d) already stored, (\d) failed", r.output)
    assert rounds == [("1", "1", "0", "0"), ("2", "1", "1", "0"), ("3", "1", "2", "0")]
    assert _Handler.fetched == ["/growing.xml", "/robots.txt", "/bta.html", "/growing.xml", "/undated.html",
                                "/growing.xml", "/interfax.html"]  # each page once, robots.txt once per day
    # each round's new document joined the store's stories at once: the Stories page follows the feed
    assert re.findall(r"stories: (\d) document\(s\) added, (\d) story\(ies\)", r.output) == [("1", "1"), ("1", "2"),
                                                                                            ("1", "3")]
    with Store.open(str(tmp_path / "w.db")) as st:
        total, items = st.list_stories()
        assert total == 3 and sorted(i["size"] for i in items) == [1, 1, 1]  # three events: Brussels, Tbilisi, Belgrade
    # the state persisted with the store: a later `vestnik stories` run has nothing left to add
    again = CliRunner().invoke(app, ["stories", "--store", str(tmp_path / "w.db"), "--format", "jsonl"])
    assert again.exit_code == 0, again.output
    assert sorted(len(json.loads(x)["documents"]) for x in again.stdout.splitlines()) == [1, 1, 1]
    bad = CliRunner().invoke(app, ["watch", f"{server}/growing.xml", "--every", "soon"])
    assert bad.exit_code == 2 and "--every" in bad.output


def test_watch_outlives_a_stories_failure(tmp_path: Path, server: str) -> None:
    """The stories state cannot be written (its path is a directory): each round says so and the watch goes on,
    its documents stored."""
    _Handler.fetched.clear()
    state = tmp_path / "state-is-a-directory"
    state.mkdir()
    r = CliRunner().invoke(app, ["watch", f"{server}/growing.xml", "--every", "1s", "--rounds", "2",
                                 "--store", str(tmp_path / "f.db")], env={"VESTNIK_STORIES_STATE": str(state)})
    assert r.exit_code == 0, r.output
    assert len(re.findall(r"round \d: stories not updated", r.output)) == 2
    assert "round 2: 1 new, 1 already stored, 0 failed" in r.output
    with Store.open(str(tmp_path / "f.db")) as st:
        assert st.count() == 2


def test_watch_leaves_stories_to_an_update_already_running(tmp_path: Path, server: str) -> None:
    """A `vestnik stories` run holds the store's stories lock: the round stores its entry, says that the stories
    are another update's business, and does not wait; the next update clusters the entry."""
    from vestnik.stories import store_sync

    _Handler.fetched.clear()
    db = str(tmp_path / "busy.db")
    with Store.open(db) as st, store_sync.exclusive(st, wait=0):
        r = CliRunner().invoke(app, ["watch", f"{server}/growing.xml", "--every", "1s", "--rounds", "1",
                                     "--store", db])
    assert r.exit_code == 0, r.output
    assert "round 1: 1 new" in r.output and "another update is running on this store" in r.output
    with Store.open(db) as st:
        assert st.count() == 1 and st.list_stories()[0] == 0
        assert store_sync.update(st, show=False)[1] == 1 and st.list_stories()[0] == 1


def test_watch_asks_an_unchanged_feed_only_for_changes(tmp_path: Path, server: str) -> None:
    _Handler.fetched.clear()
    r = CliRunner().invoke(app, ["watch", f"{server}/etag.xml", "--every", "1", "--rounds", "2",
                                 "--store", str(tmp_path / "e.db"), "--no-stories"])
    assert r.exit_code == 0, r.output
    assert "round 1: 1 new" in r.output and "round 2: 0 new, 0 already stored, 0 failed" in r.output
    assert "stories:" not in r.output  # --no-stories: clustering is left to a `vestnik stories` run
    with Store.open(str(tmp_path / "e.db")) as st:
        assert st.count() == 1 and st.list_stories()[0] == 0
    assert _Handler.fetched == ["/etag.xml", "/robots.txt", "/bta.html", "/etag.xml"]  # then 304, nothing else


def test_watch_stops_cleanly_on_ctrl_c(tmp_path: Path, server: str) -> None:
    """A real process: after its first round it is waiting for the next poll; SIGINT ends it with exit code 0."""
    db = tmp_path / "w.db"
    env = {k: v for k, v in os.environ.items() if k != "VESTNIK_STORE"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    proc = subprocess.Popen([sys.executable, "-m", "vestnik.cli.main", "watch", f"{server}/rss.xml", "--every", "1h",
                             "--store", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None
        seen = ""
        while "round 1:" not in seen:  # the first round's summary line: the store holds the feed's entries
            line = proc.stderr.readline()
            assert line, f"watch ended early: {seen}"
            seen += line
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, seen + rest
    assert "round 1: 3 new" in seen and "stopped: 1 round(s), 3 new, 0 failed" in rest
    with Store.open(db) as st:
        assert st.count() == 3


class _RobotsHandler(PageHandler):
    """A site whose robots.txt keeps vestnik out of /private/ (the rule for all robots lets everyone in)."""

    pages: dict[str, tuple[int, str, bytes]] = {}
    fetched: list[str] = []

    def do_GET(self) -> None:
        self.fetched.append(self.path)
        super().do_GET()


def _site(robots: tuple[int, str, bytes]) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RobotsHandler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = (f'<rss version="2.0"><channel><title>Сайт</title>'
            f"<item><title>Открита статия</title><link>{base}/news/bta.html</link></item>"
            f"<item><title>Затворена статия</title><link>{base}/private/interfax.html</link>"
            "<description>Десетки хиляди души протестираха в Белград срещу правителството.</description></item>"
            "</channel></rss>")
    html = "text/html; charset=utf-8"
    _RobotsHandler.pages = {
        "/robots.txt": robots,
        "/feed.xml": (200, "application/rss+xml", feed.encode()),
        "/news/bta.html": (200, html, (SAMPLES / "bg-bta-eu-sanctions.html").read_bytes()),
        "/private/interfax.html": (200, html, (SAMPLES / "ru-interfax-belgrade-protests.html").read_bytes()),
    }
    _RobotsHandler.fetched = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


ROBOTS_TXT = b"User-agent: *\nAllow: /\n\nUser-agent: vestnik\nDisallow: /private/\nCrawl-delay: 1\n"


@pytest.fixture
def robots_site() -> Iterator[str]:
    yield from _site((200, "text/plain", ROBOTS_TXT))


@pytest.fixture
def failing_robots_site() -> Iterator[str]:
    yield from _site((503, "text/plain", b"busy"))


def test_feed_links_obey_robots_txt(robots_site: str) -> None:
    out = _segment(read_inputs([f"{robots_site}/feed.xml"]))
    docs = {d.url: d for d in out if isinstance(d, Document)}
    assert docs[f"{robots_site}/news/bta.html"].meta["feed"]["text_from"] == "page"
    kept_out = docs[f"{robots_site}/private/interfax.html"]  # never fetched: the entry's summary instead
    assert kept_out.meta["feed"]["text_from"] == "summary" and "robots.txt" in kept_out.meta["feed"]["page"]
    assert "Белград" in kept_out.text
    assert "/private/interfax.html" not in _RobotsHandler.fetched
    assert _RobotsHandler.fetched.count("/robots.txt") == 1
    # --ignore-robots: the user takes responsibility, every link is fetched and robots.txt is not read
    _RobotsHandler.fetched.clear()
    out = _segment(read_inputs([f"{robots_site}/feed.xml"], feeds=FeedOptions(respect_robots=False)))
    assert all(d.meta["feed"]["text_from"] == "page" for d in out if isinstance(d, Document))
    assert "/private/interfax.html" in _RobotsHandler.fetched and "/robots.txt" not in _RobotsHandler.fetched


def test_robots_txt_crawl_delay_is_read_for_vestnik(robots_site: str) -> None:
    from vestnik.ingest.readers import http_client
    from vestnik.ingest.robots import Robots

    robots = Robots()
    with http_client() as client:
        assert robots.crawl_delay(client, f"{robots_site}/news/bta.html") == 1.0
        assert robots.allowed(client, f"{robots_site}/news/x.html")
        assert not robots.allowed(client, f"{robots_site}/private/x.html")


def test_a_failing_robots_txt_keeps_the_site_out(failing_robots_site: str) -> None:
    out = _segment(read_inputs([f"{failing_robots_site}/feed.xml"]))
    docs = [d for d in out if isinstance(d, Document)]
    # RFC 9309: a server error on robots.txt means "disallow all": each entry is kept from the feed's own text
    # (its title, its summary), and no page is fetched
    assert [d.meta["feed"]["text_from"] for d in docs] == ["title", "summary"]
    assert all("robots.txt" in d.meta["feed"]["page"] for d in docs)
    assert sorted(_RobotsHandler.fetched) == ["/feed.xml", "/robots.txt"]
