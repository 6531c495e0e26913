"""Readers: files, directories, JSON Lines field mapping, URLs, and bad input that must not stop a batch."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PageHandler
from typer.testing import CliRunner

from vestnik.document import Document
from vestnik.ingest.readers import FieldMap, ReadError, normalize_date, read_inputs, read_url
from vestnik.pipeline import available_stages
from vestnik.runner import run

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "vestnik" / "samples"
HTFN = ROOT.parent / "shared" / "eval" / "news-bg" / "hack-the-fake-news.jsonl"
GOOD_TEXT = "Преговорите продължават\n\nМинистърът заяви днес, че преговорите с партньорите продължават.\n"


def _split(items: list[Document | ReadError]) -> tuple[list[Document], list[ReadError]]:
    return [d for d in items if isinstance(d, Document)], [e for e in items if isinstance(e, ReadError)]


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    """Each kind of bad input the readers must survive, written into ``tmp``."""
    files = {
        "empty": tmp / "empty.txt",
        "whitespace": tmp / "blank.txt",
        "binary": tmp / "binary.txt",
        "big": tmp / "big.html",
        "undecodable": tmp / "undecodable.txt",
        "broken-json": tmp / "broken.jsonl",
    }
    files["empty"].write_bytes(b"")
    files["whitespace"].write_bytes(b" \n\n\t \n")
    files["binary"].write_bytes(bytes(range(256)) * 40)
    with files["big"].open("wb") as fh:  # a sparse 50 MB file: over the default limit without writing 50 MB
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    files["undecodable"].write_bytes(bytes([0x80, 0x81, 0x9F, 0xA0, 0xFF, 0xFE, 0x8D, 0x8F] * 300))
    files["broken-json"].write_text('{"text": "Първи запис, който е наред."}\n{"text": "счупен\n[1, 2]\n\n'
                                    '{"title": "без текст"}\n{"text": "Последен запис, също наред."}\n',
                                    encoding="utf-8")
    return files


def test_each_bad_input_is_one_clear_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    docs, errors = _split(list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])))
    by_source = {Path(e.source.split(":")[0]).name: e.message for e in errors}
    assert "empty file" in by_source["empty.txt"]
    assert "only whitespace" in by_source["blank.txt"]
    assert "binary" in by_source["binary.txt"]
    assert "50.0 MB" in by_source["big.html"] and "--max-bytes" in by_source["big.html"]
    assert "UTF-8" in by_source["undecodable.txt"]
    assert "no such file" in by_source["missing.txt"]
    json_errors = [e for e in errors if "broken.jsonl" in e.source]
    assert len(json_errors) == 3  # the broken line, the array, the record without text: one error each
    assert all("\n" not in e.message for e in errors)
    assert sorted(d.text for d in docs) == sorted(
        [GOOD_TEXT, "Първи запис, който е наред.", "Последен запис, също наред."])
    assert bad  # every file above was read


def test_max_bytes_can_be_raised(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    _, errors = _split(list(read_inputs([str(bad["big"])], max_bytes=60 * 1024 * 1024)))
    assert errors and "over the" not in errors[0].message  # now read, and rejected for its content instead


def test_directory_walk_skips_hidden_and_binary_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(1000))
    items = list(read_inputs([str(tmp_path)]))
    assert [d.id for d in items if isinstance(d, Document)] == ["a"] and len(items) == 1
    # a link to nothing is reported, not silently left out of the batch
    (tmp_path / "sub" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert [d.id for d in items if isinstance(d, Document)] == ["a"]
    assert [(Path(e.source).name, "No such file" in e.message) for e in items if isinstance(e, ReadError)] == [
        ("gone.txt", True)]
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    (err,) = list(read_inputs([str(empty)]))
    assert isinstance(err, ReadError) and "no readable files" in err.message


def test_sample_directory_reads_html_and_text() -> None:
    docs, errors = _split(list(read_inputs([str(SAMPLES)])))
    assert not errors
    assert sum(d.html is not None for d in docs) == 9 and sum(d.html is None for d in docs) == 1


@pytest.mark.skipif(not HTFN.exists(), reason="shared eval data not present")
def test_jsonl_field_mapping_on_hack_the_fake_news() -> None:
    fields = FieldMap(text="Content", title="Content Title", date="published_iso", url="Content Url")
    docs, errors = _split(list(read_inputs([str(HTFN)], fields=fields)))
    assert not errors and len(docs) == 761
    d = docs[0]
    rec = json.loads(HTFN.read_text(encoding="utf-8").splitlines()[0])
    assert d.text == rec["Content"] and d.title == rec["Content Title"] and d.url == rec["Content Url"]
    assert d.published == rec["published_iso"][:10] and d.published_source == "field"
    assert d.id == "hack-the-fake-news.jsonl:1"
    # The spreadsheet serial date in "Content Published Time" reads as the same day.
    fields2 = FieldMap(text="Content", date="Content Published Time")
    d2 = next(x for x in read_inputs([str(HTFN)], fields=fields2) if isinstance(x, Document))
    assert d2.published == d.published


@pytest.mark.skipif(not HTFN.exists(), reason="shared eval data not present")
def test_jsonl_wrong_text_field_is_one_error_naming_the_fields() -> None:
    (err,) = list(read_inputs([str(HTFN)]))
    assert isinstance(err, ReadError)
    assert "'Content'" in err.message and "--text-field" in err.message


def test_jsonl_records_date_and_defaults(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a", "text": "Текст едно.", "published": "2024-12-17T10:00:00Z"},
        {"text": "Текст две."},
        {"id": 7, "html": "<html><body><h1>Заглавие на страницата</h1><p>Абзац с текст.</p></body></html>"},
    ]) + "\n", encoding="utf-8")
    a, b, c = list(read_inputs([str(p)], published="2024-01-01"))
    assert isinstance(a, Document) and (a.id, a.published, a.published_source) == ("a", "2024-12-17", "field")
    assert isinstance(b, Document) and (b.id, b.published, b.published_source) == ("docs.jsonl:2", "2024-01-01", "given")
    assert isinstance(c, Document) and c.id == "7" and c.html and not c.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-12-17", "2024-12-17"), ("2017-05-17T09:57", "2017-05-17"), ("17.05.2017", "2017-05-17"),
     ("42872.414583333331", "2017-05-17"), ("Wed, 17 May 2017 09:57:00 GMT", "2017-05-17"), (1494990000, "2017-05-17"),
     ("yesterday", None), ("2024-13-45", None), ("", None)],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


# ------------------------------------------------------------------ URLs (a local server on 127.0.0.1 only)


class _Handler(PageHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    koi8 = (SAMPLES / "ru-tass-peskov-talks.html").read_bytes()
    _Handler.pages = {
        "/page.html": (200, "text/html; charset=koi8-r", koi8),
        "/nocharset.html": (200, "text/html", (SAMPLES / "ru-ria-ankara-meeting.html").read_bytes()),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "/empty": (200, "text/html", b""),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_url_pages_are_fetched_and_decoded(server: str) -> None:
    (doc,) = list(read_url(f"{server}/page.html"))
    assert isinstance(doc, Document) and doc.encoding == "koi8-r" and doc.url == f"{server}/page.html"
    assert "Песков" in (doc.html or "")
    (doc2,) = list(read_url(f"{server}/nocharset.html"))
    assert isinstance(doc2, Document) and doc2.encoding == "koi8-r" and "Лавров" in (doc2.html or "")


@pytest.mark.parametrize(
    ("path", "words"),
    [("/missing.html", "HTTP 404"), ("/image.png", "not a web page"), ("/empty", "empty response")],
)
def test_url_errors(server: str, path: str, words: str) -> None:
    (err,) = list(read_url(server + path))
    assert isinstance(err, ReadError) and words in err.message


def test_unreachable_url_and_oversized_response(server: str) -> None:
    (err,) = list(read_url(f"http://127.0.0.1:{_closed_port()}/x.html", timeout=5))
    assert isinstance(err, ReadError) and "cannot fetch" in err.message and "network" in err.message
    (big,) = list(read_url(f"{server}/page.html", max_bytes=1000))
    assert isinstance(big, ReadError) and "--max-bytes" in big.message


# ------------------------------------------------------------------ the batch, end to end


def test_runner_turns_hostile_pages_into_errors_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "script.html").write_text("<html><head><script>var a=1;</script></head><body></body></html>")
    (tmp_path / "good.html").write_bytes((SAMPLES / "en-ap-iran-sanctions.html").read_bytes())
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    others = tuple(s for s in available_stages() if s != "segment")
    out = list(run(read_inputs([str(tmp_path)]), jobs=1, disable=others))
    docs, errors = _split(out)
    assert [d.id for d in docs] == ["good", "good"] and docs[0].teasers
    (err,) = errors
    assert err.source.endswith("script.html") and "no article text" in err.message
    assert "please report" not in err.message  # the input's fault, said as such


def test_cli_summary_and_exit_code(tmp_path: Path) -> None:
    from vestnik.cli.main import app

    _bad_inputs(tmp_path)
    (tmp_path / "broken.jsonl").unlink()
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 1  # nothing extracted
    assert "extracted 0 document(s), 5 failed" in result.output
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 3  # some failed
    assert "extracted 1 document(s), 5 failed" in result.output
    assert '"id": "good"' in result.output


def test_gzipped_inputs(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "bg-bta-eu-sanctions.html.gz").write_bytes(
        gzip.compress((SAMPLES / "bg-bta-eu-sanctions.html").read_bytes()))
    (tmp_path / "docs.jsonl.gz").write_bytes(gzip.compress(
        "\n".join(json.dumps({"id": f"d{i}", "text": f"Текст номер {i}."}, ensure_ascii=False) for i in range(3))
        .encode("utf-8")))
    whole = gzip.compress(GOOD_TEXT.encode("utf-8") * 200)
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])  # truncated download
    (tmp_path / "archive.tar.gz").write_bytes(gzip.compress(b"not read"))
    docs, errors = _split(list(read_inputs([str(tmp_path)])))
    assert sorted(d.id for d in docs) == ["bg-bta-eu-sanctions", "d0", "d1", "d2"]
    page = next(d for d in docs if d.id == "bg-bta-eu-sanctions")
    assert page.encoding == "cp1251" and page.html and "Калас" in page.html
    (err,) = errors
    assert err.source.endswith("cut.txt.gz") and "cannot read" in err.message
    bomb = tmp_path / "bomb" / "big.txt.gz"
    bomb.parent.mkdir()
    bomb.write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    (err2,) = list(read_inputs([str(bomb)], max_bytes=1024 * 1024))
    assert isinstance(err2, ReadError) and "unpacks to over" in err2.message
