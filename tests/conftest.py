"""Shared fixtures: paths to the seed page and the shared evaluation data (CI has ../shared)."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bta-putin-north-korea.txt"


def eval_scorer():
    """The shared scorer itself (../shared/eval/score.py), so a test measures what score.py measures."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("vestnik_eval_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def planted_reprints() -> list[dict[str, str]]:
    """The ryanair reports (SlavicNER raw texts) and four documents planted among them, written here from three
    of those reports: ``copy`` (word for word), ``disguised`` (Cyrillic letters swapped for look-alike Latin
    ones, as some reprints are), ``teaser`` (headline and first 30 words, cut with "...") and ``release``
    (another release of a recurring report: every figure changed, the words kept). Rows of id and text."""
    import re

    files = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))
    rows = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]
    text = {r["id"]: r["text"] for r in rows}
    head, _, body = text["ryan-BG.txt_file_1069"].partition("\n\n")
    latin = str.maketrans("аеорсхАЕОРСХ", "aeopcxAEOPCX")
    rows += [{"id": "copy", "text": text["ryan-BG.txt_file_1029"]},
             {"id": "disguised", "text": text["ryan-BG.txt_file_1071"].translate(latin)},
             {"id": "teaser", "text": head + "\n\n" + " ".join(body.split()[:30]) + "..."},
             {"id": "release", "text": re.sub(r"\d+", lambda m: str(int(m.group()) + 7),
                                              text["ryan-BG.txt_file_1065"])}]
    return rows


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text: str):
    """The seed page through the whole pipeline, once per test session."""
    import vestnik

    return vestnik.extract(seed_text, published="2024-12-18", id="bta-putin-north-korea")


@pytest.fixture(scope="session")
def ryanair() -> list:
    """The ryanair topic's real articles (ner-bg raw) as the stories layer sees them (segment stage only)."""
    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.stories.features import story_doc

    pipe = make_pipeline(only=["segment"])
    return [story_doc(pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem)))
            for f in sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))]


@pytest.fixture(scope="session")
def pg_admin():
    """A PostgreSQL server for this test session (see tests/pgserver.py); its admin URL."""
    import shutil
    import tempfile

    from pgserver import server

    # not under pytest's tmp: its parent is private to this user, and the server may run as 'postgres'
    work = Path(tempfile.mkdtemp(prefix="vestnik-pg-"))
    try:
        with server(work) as url:
            yield url
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_admin: str) -> str:
    """A fresh empty PostgreSQL database for one test."""
    from pgserver import new_database

    return new_database(pg_admin)


class PageHandler(http.server.BaseHTTPRequestHandler):
    """A loopback test server's handler: serves ``pages`` (path -> status, content type, body), 404 otherwise."""

    pages: dict[str, tuple[int, str, bytes]] = {}

    def reply(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.reply(*self.pages.get(self.path, (404, "text/plain", b"not found")))

    def log_message(self, *args: object) -> None:
        pass
