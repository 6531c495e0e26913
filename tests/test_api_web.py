"""The JSON API and the web pages, on a store holding the seed page (with hand-placed facts) and BSNLP texts."""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import SEED, SHARED
from fastapi.testclient import TestClient
from test_store_basic import annotated_seed, segmented

from vestnik.document import content_id
from vestnik.store import Store

NORD_STREAM = SHARED / "eval" / "ner-bg" / "raw" / "nord_stream"
SEED_ID = content_id(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "v.db"
    with Store.open(path) as st:
        docs = segmented([str(NORD_STREAM)])
        st.add_many([(d, None) for d in docs])
        st.add(annotated_seed())
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    from vestnik.api.app import create_app

    return TestClient(create_app(str(db)))


def test_api_documents_lists_and_pages(client: TestClient) -> None:
    r = client.get("/api/documents", params={"limit": 10})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] > 100 and len(page["items"]) == 10
    assert page["items"][0]["id"] == SEED_ID  # newest first
    nxt = client.get("/api/documents", params={"limit": 10, "offset": 10}).json()
    assert not {h["id"] for h in page["items"]} & {h["id"] for h in nxt["items"]}
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422


def test_api_documents_with_query_searches(client: TestClient) -> None:
    page = client.get("/api/documents", params={"q": "ПУТИН", "limit": 50}).json()
    assert page["query"] == "ПУТИН" and page["total"] == len(page["items"]) >= 2
    assert SEED_ID in {h["id"] for h in page["items"]}
    for h in page["items"]:
        assert all(h["snippet"][s:e].lower().startswith("путин") for s, e in h["highlights"])


def test_api_document_is_the_contract(client: TestClient) -> None:
    d = client.get(f"/api/documents/{SEED_ID}").json()
    assert d["id"] == "bta-putin-north-korea" and d["store_id"] == SEED_ID
    assert d["text"][d["article"]["headline"][0] : d["article"]["headline"][1]].startswith("Путин: Русия")
    assert len(d["teasers"]) == 6 and len(d["quotes"]) == 3
    assert client.get("/api/documents/bta-putin-north-korea").json()["store_id"] == SEED_ID
    r = client.get("/api/documents/0000000000")
    assert r.status_code == 404 and "/api/search" in r.json()["detail"]


def test_api_search_and_stats(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": '"Северен поток"', "limit": 5})
    hits = r.json()["items"]
    assert r.status_code == 200 and len(hits) == 5
    assert all("северен поток" in (h["headline"] + " " + h["snippet"]).lower() for h in hits)
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    s = client.get("/api/stats").json()
    assert s["documents"] == client.get("/api/documents").json()["total"]
    assert s["layers"]["quotes"]["rows"] == 3 and s["layers"]["teasers"]["documents"] >= 1


def test_openapi_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/stats"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
    assert not re.search(r'(src|href)="(https?:)?//', docs.text)  # Swagger UI served locally: works offline
    js = re.search(r"""['"]([^'"]*swagger-ui-bundle\.js)['"]""", docs.text).group(1)
    assert client.get(js).status_code == 200


def test_index_page_lists_and_searches(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<form" in r.text
    assert f'href="/documents/{SEED_ID}"' in r.text
    assert "older →" in r.text  # more than one page
    r = client.get("/", params={"q": "путин"})
    assert "<mark>Путин</mark>" in r.text and "match “путин”" in r.text
    r = client.get("/", params={"q": "несъществуващадума"})
    assert "Nothing matches" in r.text


def test_document_page_shows_text_teasers_and_facts(client: TestClient) -> None:
    r = client.get(f"/documents/{SEED_ID}")
    assert r.status_code == 200
    page = html.unescape(r.text)
    assert "<h1>" in r.text and "Северна Корея ще продължат" in page
    assert page.count("<p>") >= 6  # the six paragraphs
    assert "[Ханой]" not in page and "Ханой" in page and "Also on the page" in page
    # facts highlighted in the text, with details on hover
    assert re.search(r'<span class="[^"]*m m-PER[^"]*" title="PER · name · Владимир Путин · Vladimir Putin', page)
    assert re.search(r'<span class="q[^"]*" title="quote by Путин', page)
    assert re.search(r'<span class="t" title="DATE = 2024-12-17">на 17 декември</span>', page)
    assert "<h2>Quotes</h2>" in page and "<h2>Times</h2>" in page and "<h2>Entities</h2>" in page
    assert 'href="/static/style.css"' in r.text
    assert not re.search(r'(src|href)="(https?:)?//', r.text)  # no external assets
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/documents/nope").status_code == 404


def test_page_escapes_text(tmp_path: Path) -> None:
    from vestnik.api.app import create_app

    st = Store.open(tmp_path / "v.db")
    evil = SEED.read_text(encoding="utf-8").replace("Пхенян", "<script>alert(1)</script>")
    doc = segmented([str(SEED)])[0]
    doc.text = evil
    st.add(doc)
    c = TestClient(create_app(st))
    r = c.get(f"/documents/{content_id(evil)}")
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text
    st.close()


def test_stats_page(client: TestClient) -> None:
    r = client.get("/stats")
    assert r.status_code == 200 and "<h2>Layers</h2>" in r.text and "quotes" in r.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_vestnik_serve_answers_on_localhost(db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vestnik.cli.main", "serve", "--store", str(db), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["documents"] > 100
        assert "Путин" in httpx.get(f"http://127.0.0.1:{port}/documents/{SEED_ID}", timeout=10).text
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}" in err


def test_serve_on_a_busy_port_says_what_to_do(db: Path) -> None:
    from typer.testing import CliRunner

    from vestnik.cli.main import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = CliRunner().invoke(app, ["serve", "--store", str(db), "--port", str(s.getsockname()[1])])
    assert r.exit_code == 2 and "--port" in r.stderr


def test_api_entities_lists_counts_and_details(client: TestClient) -> None:
    """Entities come with how many documents name them; one entity shows its written forms and the documents."""
    page = client.get("/api/entities", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) >= 5  # the seed page's hand-placed entities
    docs = [e["documents"] for e in page["items"]]
    assert docs == sorted(docs, reverse=True) and all(e["mentions"] >= e["documents"] >= 1 for e in page["items"])
    putin = client.get("/api/entities", params={"q": "putin"}).json()["items"]
    assert putin and putin[0]["type"] == "PER"
    one = client.get(f"/api/entities/{putin[0]['id']}").json()
    assert SEED_ID in {d["id"] for d in one["recent"]}
    assert "Путин" in {f["base"] for f in one["forms"]}
    assert one["mentions"] == sum(f["mentions"] for f in one["forms"])
    locs = client.get("/api/entities", params={"type": "LOC", "limit": 5}).json()
    assert locs["items"] and all(e["type"] == "LOC" for e in locs["items"])
    assert client.get("/api/entities/vk:no-such-entity").status_code == 404


def test_api_stories_after_clustering_the_store(db: Path, client: TestClient) -> None:
    """`vestnik stories` over a store fills its stories; the API lists them largest first, each with its
    documents, dates and duplicate pairs."""
    from vestnik.stories import store_sync

    with Store.open(db) as st:
        shown, added = store_sync.update(st)
    assert added > 100 and shown
    page = client.get("/api/stories", params={"limit": 50}).json()
    assert page["total"] == len(shown) >= len(page["items"]) > 0
    sizes = [s["size"] for s in page["items"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > 1
    big = page["items"][0]
    assert big["first_seen"] is None or big["first_seen"] <= big["last_seen"]
    one = client.get(f"/api/stories/{big['id']}").json()
    assert one["size"] == big["size"] == len(one["documents"])
    ids = {d["id"] for d in one["documents"]}
    assert all(p["a"] in ids and p["b"] in ids for p in one["duplicates"])
    assert client.get("/api/stories/no-such-story").status_code == 404


def test_api_events_who_did_what_to_whom(tmp_path: Path) -> None:
    """The bundled sample corpus through the whole pipeline: events come with actors, names, the trigger and the
    sentence they were read from; filters by entity and by CAMEO prefix narrow them."""
    from vestnik.api.app import create_app

    db = tmp_path / "ev.db"
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "vestnik.cli.main", "ingest", str(root / "vestnik" / "samples"),
                    "--store", str(db)], check=True, capture_output=True)
    c = TestClient(create_app(str(db)))
    page = c.get("/api/events", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) >= 5
    for ev in page["items"]:
        assert ev["sentence"] and ev["trigger"] and ev["trigger"] in ev["sentence"]
        assert ev["cameo"] and ev["evidence"]
    actor = next(ev["source"]["entity"] for ev in page["items"] if ev["source"]["entity"])
    mine = c.get("/api/events", params={"entity": actor}).json()["items"]
    assert mine and all(actor in (ev["source"]["entity"], ev["target"]["entity"]) for ev in mine)
    assert all(ev["source"]["name"] for ev in mine if ev["source"]["entity"] == actor)
    root_code = page["items"][0]["cameo"][:2]
    same = c.get("/api/events", params={"type": root_code}).json()["items"]
    assert same and all(ev["cameo"].startswith(root_code) for ev in same)
