"""WARC archives: a small .warc.gz written here record by record (WARC/1.1, one gzip member each) with the sample
pages, a cp1251 page, a plain-text record, records to skip and a truncated record; what is stored, what is skipped."""

from __future__ import annotations

import gzip
import json
import logging
import re
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vestnik.cli.main import app
from vestnik.document import Document
from vestnik.ingest.readers import ReadError, read_inputs
from vestnik.ingest.warc import is_warc
from vestnik.pipeline import available_stages
from vestnik.runner import run

SAMPLES = Path(__file__).resolve().parents[1] / "vestnik" / "samples"
CRAWLED = "2024-12-24T06:15:00Z"


def _record(rtype: str, uri: str, block: bytes, content_type: str, date: str = CRAWLED) -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Date: {date}\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def _response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return _record("response", uri, http, "application/http; msgtype=response")


def _undated_cp1251() -> bytes:
    """A Bulgarian page saved as cp1251 whose <meta charset> still says utf-8, with no date of its own."""
    page = (SAMPLES / "bg-tbilisi-protests.html").read_text(encoding="utf-8")
    page = re.sub(r'<meta property="article:[a-z_]*time"[^>]*>', "", page)
    page = re.sub(r'"date(?:Published|Modified)":\s*"[^"]*",?', "", page)
    page = re.sub(r"<time[^>]*>.*?</time>", "", page)
    return page.encode("cp1251")


def _write_warc(path: Path) -> None:
    """Records, each its own gzip member (as Common Crawl writes them); the seventh is cut short."""
    html = "text/html; charset=UTF-8"
    good_after = _response("https://capital-wire.example/iran", (SAMPLES / "en-ap-iran-sanctions.html").read_bytes(), html)
    records = [
        _record("warcinfo", "", b"software: test\r\nformat: WARC File Format 1.1\r\n", "application/warc-fields"),
        _record("request", "https://novini-bg.example/eu", b"GET /eu HTTP/1.1\r\nHost: novini-bg.example\r\n\r\n",
                "application/http; msgtype=request"),
        _response("https://novini-bg.example/eu", (SAMPLES / "bg-bta-eu-sanctions.html").read_bytes(), html),
        _response("https://severnaya-lenta.example/peskov", (SAMPLES / "ru-tass-peskov-talks.html").read_bytes(),
                  "text/html; charset=koi8-r"),
        _response("https://balkanski-vestnik.example/tbilisi", _undated_cp1251(), "text/html"),
        _response("https://bta.example/putin.txt", (SAMPLES / "bta-putin-north-korea.txt").read_bytes(),
                  "text/plain; charset=utf-8"),
        _response("https://novini-bg.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        _response("https://novini-bg.example/old", b"<html><body>gone</body></html>", "text/html", "404 Not Found"),
    ]
    broken = gzip.compress(_response("https://broken.example/a", (SAMPLES / "en-reuters-putin-kim.html").read_bytes(),
                                     html))
    with path.open("wb") as fh:
        for r in records:
            fh.write(gzip.compress(r))
        fh.write(broken[: len(broken) // 2])  # a download cut in the middle of a record
        fh.write(gzip.compress(good_after))


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    p = tmp_path / "CC-NEWS-20241224061500-00001.warc.gz"
    _write_warc(p)
    return p


def test_warc_records_become_documents_and_the_rest_is_counted(crawl: Path, caplog: pytest.LogCaptureFixture
                                                                ) -> None:
    others = tuple(s for s in available_stages() if s != "segment")
    with caplog.at_level(logging.WARNING, logger="vestnik.ingest.warc"):
        out = list(run(read_inputs([str(crawl)]), jobs=1, disable=others))
    docs = {d.url: d for d in out if isinstance(d, Document)}
    errors = [e for e in out if isinstance(e, ReadError)]
    assert sorted(docs) == ["https://balkanski-vestnik.example/tbilisi", "https://bta.example/putin.txt",
                            "https://capital-wire.example/iran", "https://novini-bg.example/eu",
                            "https://severnaya-lenta.example/peskov"]
    assert len(errors) == 1 and "broken WARC record" in errors[0].message and "reading on" in errors[0].message
    assert "skipped 1 image/png, 1 HTTP 404" in caplog.text
    eu = docs["https://novini-bg.example/eu"]
    assert (eu.published, eu.published_source) == ("2024-12-16", "metadata")  # the page's own date wins
    assert eu.meta["warc"]["file"] == str(crawl) and eu.meta["warc"]["record_id"].startswith("<urn:uuid:")
    assert docs["https://severnaya-lenta.example/peskov"].encoding == "koi8-r"
    cp = docs["https://balkanski-vestnik.example/tbilisi"]
    assert cp.encoding == "cp1251" and "Тбилиси" in cp.text
    assert (cp.published, cp.published_source) == ("2024-12-24", "warc-date")  # no date on the page: the crawl's
    txt = docs["https://bta.example/putin.txt"]
    assert txt.html is None and "Путин" in txt.text
    assert "Iran" in docs["https://capital-wire.example/iran"].text  # read after the broken record: resynchronised


def test_warc_is_recognised_by_content(crawl: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "crawl-segment-7"
    renamed.write_bytes(crawl.read_bytes())
    plain = tmp_path / "plain.dat"
    plain.write_bytes(gzip.decompress(gzip.compress(_response("https://x.example/", b"<p>x</p>", "text/html"))))
    assert is_warc(crawl) and is_warc(renamed) and is_warc(plain)
    assert not is_warc(SAMPLES / "bg-bta-eu-sanctions.html")
    assert len([d for d in read_inputs([str(renamed)]) if isinstance(d, Document)]) == 5
    walked = [d for d in read_inputs([str(tmp_path)]) if isinstance(d, Document)]  # found in a directory walk too
    assert sum(d.url == "https://novini-bg.example/eu" for d in walked) == 2  # crawl + its renamed copy


def test_uncompressed_warc_with_a_garbled_record(tmp_path: Path) -> None:
    p = tmp_path / "own.warc"
    good = _response("https://a.example/1", (SAMPLES / "ru-ria-ankara-meeting.html").read_bytes(), "text/html")
    garbled = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n<html>junk</html>\r\n\r\n"
    p.write_bytes(good + garbled + _response("https://a.example/2", b"<html><body><p>" + "Текст на статията. " .encode()
                                             * 30 + b"</p></body></html>", "text/html; charset=utf-8"))
    out = list(read_inputs([str(p)]))
    assert [d.url for d in out if isinstance(d, Document)] == ["https://a.example/1", "https://a.example/2"]
    assert len([e for e in out if isinstance(e, ReadError)]) == 1


def test_ingest_warc_twice_and_extract(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(crawl), "--store", str(db), "-j", "1"])
    assert r.exit_code == 3, r.output  # stored what it could; the broken record is a reported failure
    assert "5 new, 0 already stored, 1 failed" in r.output
    r = runner.invoke(app, ["ingest", str(crawl), "--store", str(db), "-j", "1"])
    assert "0 new, 5 already stored, 1 failed" in r.output
    r = runner.invoke(app, ["extract", str(crawl), "-j", "1"])
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 5 and {d["language"] for d in lines} == {"bg", "ru", "en"}
    dates = {d["url"]: (d["published"], d["published_source"]) for d in lines}
    assert dates["https://novini-bg.example/eu"] == ("2024-12-16", "metadata")
    # no date in the page's metadata: its dateline (ТБИЛИСИ, 1 декември) beats the crawl time, which is kept when the
    # text has no date at all
    assert dates["https://balkanski-vestnik.example/tbilisi"] == ("2024-12-01", "dateline")
    assert dates["https://bta.example/putin.txt"] == ("2024-12-24", "warc-date")


def test_http_body_encodings_and_headers_that_lie(tmp_path: Path) -> None:
    """Crawlers store bodies decoded but keep the headers: each record is decoded on its own terms."""
    page = (SAMPLES / "en-reuters-putin-kim.html").read_bytes()
    brotli = pytest.importorskip("brotli")

    def rec(uri: str, extra: str, body: bytes) -> bytes:
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n").encode() + body
        return gzip.compress(_record("response", uri, http, "application/http; msgtype=response"))

    chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i : i + 1000]), page[i : i + 1000]) for i in range(0, len(page), 1000))
    p = tmp_path / "enc.warc.gz"
    p.write_bytes(rec("https://e.example/stored-decoded", "Content-Encoding: gzip\r\n", page)
                  + rec("https://e.example/gzip", "Content-Encoding: gzip\r\n", gzip.compress(page))
                  + rec("https://e.example/br", "Content-Encoding: br\r\n", brotli.compress(page))
                  + rec("https://e.example/chunked", "Transfer-Encoding: chunked\r\n", chunked + b"0\r\n\r\n")
                  + rec("https://e.example/not-chunked", "Transfer-Encoding: chunked\r\n", page)
                  + rec("https://e.example/cut-gzip", "Content-Encoding: gzip\r\n", gzip.compress(page)[:1500])
                  + rec("https://e.example/junk-gzip", "Content-Encoding: gzip\r\n", b"\x1f\x8b\x08" + bytes(500)))
    out = list(read_inputs([str(p)]))
    docs = [d for d in out if isinstance(d, Document)]
    assert [d.url.rsplit("/", 1)[1] for d in docs] == ["stored-decoded", "gzip", "br", "chunked", "not-chunked",
                                                       "cut-gzip"]
    assert all(d.html == page.decode("utf-8") for d in docs[:5]), "each body decodes to the page itself"
    cut = docs[5].html or ""
    assert 1500 < len(cut) < len(page) and page.decode("utf-8").startswith(cut)  # what arrived is kept
    assert len(out) == 6  # the undecodable one is skipped and counted, not an error


def test_wet_conversion_records_are_plain_text(tmp_path: Path) -> None:
    """Common Crawl's WET files: the crawler's own text extract of each page, as `conversion` records."""
    text = (SAMPLES / "bta-putin-north-korea.txt").read_bytes()
    p = tmp_path / "CC-MAIN-00001.warc.wet.gz"
    p.write_bytes(gzip.compress(_record("warcinfo", "", b"software: test\r\n", "application/warc-fields"))
                  + gzip.compress(_record("conversion", "https://bta.example/putin", text, "text/plain"))
                  + gzip.compress(_record("conversion", "https://x.example/a.pdf", b"%PDF", "application/pdf")))
    (doc,) = [d for d in read_inputs([str(tmp_path)]) if isinstance(d, Document)]  # found in a directory walk
    assert doc.html is None and doc.text == text.decode("utf-8") and doc.url == "https://bta.example/putin"
    assert doc.meta["fallback"] == {"published": "2024-12-24", "published_from": "warc-date"}
