"""The JSON API and the web pages, on a store holding the seed page (with hand-placed facts) and BSNLP texts."""

from __future__ import annotations

import html
import json
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
    assert re.search(r'<a class="[^"]*m m-PER[^"]*" href="/entities/[^"]+" title="PER · name · Владимир Путин · Vladimir Putin',
                     page)  # a mention links to its entity's page
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
    assert all(d["evidence"].startswith("stories:") for d in one["documents"])  # why each member is there
    assert client.get("/api/stories/no-such-story").status_code == 404


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus as `make run` builds it: `vestnik ingest` (whole pipeline), then `vestnik stories`."""
    from vestnik.stories import store_sync

    db = tmp_path_factory.mktemp("samples") / "v.db"
    root = Path(__file__).resolve().parents[1]
    samples = root / "vestnik" / "samples"
    for args in (["--published", "2024-12-18", str(samples / "bta-putin-north-korea.txt")], [str(samples)]):
        subprocess.run([sys.executable, "-m", "vestnik.cli.main", "ingest", *args, "--store", str(db)], check=True,
                       capture_output=True)
    with Store.open(db) as st:  # what `vestnik stories --store` does
        store_sync.update(st)
    return db


@pytest.fixture(scope="module")
def samples(samples_db: Path) -> TestClient:
    from vestnik.api.app import create_app

    return TestClient(create_app(str(samples_db)))


def test_api_events_who_did_what_to_whom(samples: TestClient) -> None:
    """The bundled sample corpus through the whole pipeline: events come with actors, names, the trigger and the
    sentence they were read from; filters by entity and by CAMEO prefix narrow them."""
    c = samples
    page = c.get("/api/events", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) >= 5
    for ev in page["items"]:
        assert ev["sentence"] and ev["trigger"] and ev["trigger"] in ev["sentence"]
        a, b = ev["span"][0] - ev["sentence_span"][0], ev["span"][1] - ev["sentence_span"][0]
        assert ev["sentence"][a:b] == ev["trigger"]
        assert ev["cameo"] and ev["evidence"]
    for doc_id in {ev["document"]["id"] for ev in page["items"]}:  # the document's id, not the event row's
        assert c.get(f"/api/documents/{doc_id}").status_code == 200
    dated = c.get("/api/events", params={"since": "2024-12-17", "until": "2024-12-18", "limit": 200}).json()["items"]
    assert 0 < len(dated) < page["total"]
    assert all("2024-12-17" <= ev["document"]["published"][:10] <= "2024-12-18" for ev in dated)
    actor = next(ev["source"]["entity"] for ev in page["items"] if ev["source"]["entity"])
    mine = c.get("/api/events", params={"entity": actor}).json()["items"]
    assert mine and all(actor in (ev["source"]["entity"], ev["target"]["entity"]) for ev in mine)
    assert all(ev["source"]["name"] for ev in mine if ev["source"]["entity"] == actor)
    root_code = page["items"][0]["cameo"][:2]
    same = c.get("/api/events", params={"type": root_code}).json()["items"]
    assert same and all(ev["cameo"].startswith(root_code) for ev in same)


# ---------------------------------------------------------------------- pages: entities, stories, events

def _links(page: str) -> list[str]:
    """The page's links to other pages of the UI (not the JSON API, the API docs, static files or the web)."""
    out = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]
    return [h for h in out if h.startswith("/") and not h.startswith(("/api/", "/docs", "/static/", "//"))]


def _rows(page: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)


def test_every_page_links_to_every_list_and_every_link_resolves(samples: TestClient) -> None:
    """From the front page, follow every link of the UI (documents, entities, stories, events, their filters):
    each answers 200 and carries the header navigation."""
    todo, seen = ["/", "/entities?limit=200", "/events?limit=200", "/quotes?limit=200"], set()
    kinds: set[str] = set()
    while todo and len(seen) < 600:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = samples.get(url)
        assert r.status_code == 200, url
        for nav in ('href="/"', 'href="/entities"', 'href="/stories"', 'href="/events"', 'href="/quotes"',
                    'href="/stats"'):
            assert nav in r.text, (url, nav)
        kinds.add(url.split("?")[0].split("/")[1])
        todo.extend(h for h in _links(r.text) if h not in seen)
    assert {"", "documents", "entities", "stories", "events", "quotes", "stats"} <= kinds
    assert sum(u.startswith("/entities/") for u in seen) >= 100  # every entity page of the sample corpus
    # eight stories of ten pages: the reprint joins the BTA report, the dated seed page the English report
    assert sum(u.startswith("/stories/") for u in seen) == 8 and not todo


def test_entities_page_lists_most_widely_named_first_and_filters(samples: TestClient) -> None:
    r = samples.get("/entities")
    assert r.status_code == 200 and 'class="on" aria-current="page">Entities' in r.text
    total = int(re.search(r"<h1>(\d+) entities", r.text).group(1))
    rows = _rows(r.text)[1:]
    assert total > 100 and len(rows) == 50 and "next →" in r.text
    docs = [int(re.findall(r'<td class="num">(\d+)</td>', row)[0]) for row in rows]
    assert docs == sorted(docs, reverse=True) and docs[0] >= 5
    r = samples.get("/entities", params={"q": "putin"})
    rows = _rows(r.text)[1:]
    assert len(rows) == 1 and "Vladimir Putin" in rows[0] and 'href="/entities/vk:vladimir-putin"' in rows[0]
    assert "<td>PER</td>" in rows[0] and "Q7747" in rows[0]  # the KB id and its Wikidata QID
    assert _rows(samples.get("/entities", params={"q": "путин"}).text)[1:] == rows  # as the documents write it
    per = samples.get("/entities", params={"type": "per", "limit": 200}).text
    assert 0 < len(_rows(per)[1:]) < total and all("<td>PER</td>" in row for row in _rows(per)[1:])
    assert "No entity matches" in samples.get("/entities", params={"q": "несъществуващо"}).text


def test_putin_entity_page_lists_the_seed_page_its_events_and_story(samples: TestClient) -> None:
    r = samples.get("/entities/vk:vladimir-putin")
    assert r.status_code == 200
    page = html.unescape(r.text)
    assert "<h1>Vladimir Putin</h1>" in page and "<code>vk:vladimir-putin</code>" in page and "Q7747" in page
    assert "Путин" in page and "Putin" in page  # the forms it is written in, Bulgarian and English
    assert f'href="/documents/{SEED_ID}"' in page  # the seed page names him
    ev_rows = [row for row in _rows(page) if 'class="sentence"' in row]
    assert ev_rows and all('href="/entities/vk:vladimir-putin"' in row for row in ev_rows)
    assert all("<mark>" in row and 'href="/documents/' in row for row in ev_rows)
    stories = re.findall(r'href="(/stories/[^"]+)"', page)
    assert stories and all(samples.get(s).status_code == 200 for s in stories)
    n = int(re.search(r"actor in <a [^>]*>(\d+) event", page).group(1))
    assert n == samples.get("/api/events", params={"entity": "vk:vladimir-putin"}).json()["total"]


def test_stories_pages_largest_first_members_in_date_order_with_duplicates(samples: TestClient) -> None:
    r = samples.get("/stories")
    rows = _rows(r.text)[1:]
    assert r.status_code == 200 and len(rows) == 8
    sizes = [int(re.findall(r'<td class="num">(\d+)</td>', row)[0]) for row in rows]
    assert sizes == sorted(sizes, reverse=True) and sizes[:3] == [2, 2, 1]
    eu = next(row for row in rows if "Агенция Новини БГ" in row)
    assert "Дневен Преглед" in eu  # the reprint joined the original
    href = re.search(r'href="(/stories/[^"]+)"', eu).group(1)
    story = samples.get(href).text
    dates = re.findall(r'<td class="date">([^<]+)</td>', story)
    assert len(dates) == 2 and dates == sorted(dates)
    members, pairs = story.split("<h2>Duplicates", 1)
    reprint = next(row for row in _rows(members) if "Дневен Преглед" in row)
    assert "near-duplicate" in reprint  # why it is here: a reprint of the other member
    assert "first" in next(row for row in _rows(members) if "Агенция Новини БГ" in row)
    dup = next(row for row in _rows(pairs) if "near-duplicate" in row)
    assert len(re.findall(r'href="/documents/', dup)) == 2
    for doc in re.findall(r'href="(/documents/[^"]+)"', dup):  # and each document links back to its story
        assert f'href="{href}"' in samples.get(doc).text


def test_story_says_who_and_what_its_reports_tell_together(samples: TestClient) -> None:
    """A story's page sums its reports: who they name, quote and cite, and what happened (event groups with a
    sentence as evidence), counted in documents; a page's teaser box (other stories) does not count."""
    items = samples.get("/api/stories", params={"limit": 50}).json()["items"]
    eu_id = next(s["id"] for s in items if "Агенция Новини БГ" in s["publishers"])  # the BTA report and its reprint
    eu = samples.get(f"/api/stories/{eu_id}").json()
    assert eu["size"] == 2 and eu["languages"] == ["bg"]
    named = {e["name"]: e for e in eu["entities"]}
    assert named["European Union"]["documents"] == 2 and named["Russia"]["documents"] == 2
    assert [e["documents"] for e in eu["entities"]] == sorted((e["documents"] for e in eu["entities"]), reverse=True)
    assert {"Kaja Kallas", "Peter Szijjarto"} <= {e["name"] for e in eu["speakers"] if e["documents"] == 2}
    assert "Reuters" in {e["name"] for e in eu["cited"]}
    top = eu["events"][0]  # the sanctions: told by both outlets
    assert (top["type"], top["source"]["name"], top["target"]["name"], top["documents"]) == (
        "SANCTION", "European Union", "Russia", 2)
    ex = top["example"]
    text = samples.get(f"/api/documents/{ex['document']}").json()["text"]
    assert text[slice(*ex["sentence_span"])] == ex["sentence"] and "санкции" in ex["sentence"]
    assert ex["sentence_span"][0] <= ex["span"][0] < ex["span"][1] <= ex["sentence_span"][1]

    seed_story = next(s["id"] for s in items if SEED_ID in {d["id"] for d in s["documents"]})
    seed = samples.get(f"/api/stories/{seed_story}").json()
    names = {e["name"] for e in seed["entities"]}
    assert {"Vladimir Putin", "North Korea", "Kim Jong Un"} <= names
    # the seed's teaser box names Brussels and the coalition of the willing: other days' stories
    assert not names & {"Brussels", "Coalition of the willing"}
    assert {"KCNA", "Reuters", "TASS"} <= {e["name"] for e in seed["cited"]}
    assert "Vladimir Putin" in {e["name"] for e in seed["speakers"]}
    assert all(g["source"]["entity"] or g["source"]["code"] or g["target"]["entity"] or g["target"]["code"]
               for g in seed["events"])

    page = samples.get(f"/stories/{eu_id}").text
    assert "<h3>According to</h3>" in page and 'href="/entities/vk:european-union"' in page
    happened = page.split("What happened", 1)[1].split("</table>", 1)[0]
    assert "<mark>" in happened and 'class="type">SANCTION</a>' in happened


def test_stories_filter_by_entity_dates_and_language(samples: TestClient) -> None:
    """Stories about someone, of a period, in a language: each filter is met by some member document."""
    def get(**params: str) -> list[dict]:
        page = samples.get("/api/stories", params={**params, "limit": 50}).json()
        assert page["total"] == len(page["items"])
        return page["items"]

    every = get()
    english = get(language="en")
    assert 0 < len(english) < len(every) and all("en" in s["languages"] for s in english)
    assert all("en" not in s["languages"] for s in every if s not in english)
    late = get(since="2024-12-17")
    assert 0 < len(late) < len(every) and all(s["last_seen"] >= "2024-12-17" for s in late)
    early = get(until="2024-11-30")
    assert early and all(s["first_seen"] <= "2024-11-30" for s in early)
    assert get(until="2024-12") == every  # a month: all of December
    putin = get(entity="vk:vladimir-putin", language="bg")
    assert [SEED_ID in {d["id"] for d in s["documents"]} for s in putin] == [True]
    assert get(entity="vk:no-such-entity") == []
    # the seed page's teaser box names Brussels (another day's story): its own story does not
    seed_doc = samples.get(f"/api/documents/{SEED_ID}").json()
    assert "vk:brussels" in {m.get("entity") for m in seed_doc["mentions"]}
    brussels = get(entity="vk:brussels")
    assert brussels and all(SEED_ID not in {d["id"] for d in s["documents"]} for s in brussels)
    listed = samples.get("/entities/vk:brussels").text.split("<h2>Stories</h2>", 1)[1].split("</table>", 1)[0]
    assert listed.count('href="/stories/') == len(brussels) and "Putin" not in listed and "Путин" not in listed
    page = samples.get("/stories", params={"entity": "vk:vladimir-putin"}).text
    assert 'naming <a href="/entities/vk:vladimir-putin">' in page and len(_rows(page)) - 1 == len(
        get(entity="vk:vladimir-putin"))
    assert "No story matches" in samples.get("/stories", params={"entity": "vk:no-such-entity"}).text
    entity = samples.get("/entities/vk:vladimir-putin").text  # the entity page links to its stories' list
    assert 'href="/stories?entity=vk%3Avladimir-putin"' in entity


def test_story_of_a_text_without_a_headline_shows_its_facts(tmp_path: Path) -> None:
    """A one-line text has no headline (the article is one paragraph): its story's page and API answer still say
    who it names (this raised a TypeError while the facts were filtered by the article's spans)."""
    from vestnik.api.app import create_app
    from vestnik.ingest.readers import ReadError, read_inputs
    from vestnik.runner import run
    from vestnik.stories import store_sync

    path = SHARED / "eval" / "ner-bg" / "raw" / "ryanair" / "ryan-BG.txt_file_2001.txt"
    doc = next(d for d in run(read_inputs([str(path)], published=None), jobs=1) if not isinstance(d, ReadError))
    assert doc.article.headline is None
    with Store.open(tmp_path / "v.db") as st:
        st.add(doc)
        store_sync.update(st)
    web = TestClient(create_app(str(tmp_path / "v.db")))
    sid = web.get("/api/stories").json()["items"][0]["id"]
    story = web.get(f"/api/stories/{sid}").json()
    assert "vk:ryanair" in {e["entity"] for e in story["entities"]}
    assert web.get(f"/stories/{sid}").status_code == 200


def test_events_page_filters_and_pages(samples: TestClient) -> None:
    r = samples.get("/events")
    total = int(re.search(r"<h1>(\d+) events", r.text).group(1))
    assert r.status_code == 200 and total > 50 and len(_rows(r.text)) == 51
    page = html.unescape(r.text)
    assert "lexicon:" in page and "<mark>" in page  # the rule, and the trigger marked in its sentence
    nxt = html.unescape(re.search(r'<a href="([^"]+)">next →</a>', r.text).group(1))
    second = samples.get(nxt).text
    assert "1–50 of" in page and "51–" in second and _rows(second)[1] not in _rows(r.text)
    agree = samples.get("/events", params={"type": "agree", "limit": 200}).text
    types = re.findall(r'class="type">([A-Z]+)</a>', agree)
    assert types and set(types) == {"AGREE"} and len(types) < total
    codes = re.findall(r"<code>(\d+)</code></a>", samples.get("/events", params={"type": "04", "limit": 200}).text)
    assert codes and all(c.startswith("04") for c in codes)
    day = samples.get("/events", params={"since": "2024-12-18", "until": "2024-12-18", "limit": 200}).text
    assert 0 < len(_rows(day)) - 1 < total and "The Daily Ledger" in day and "Capital Wire" not in day
    mine = samples.get("/events", params={"entity": "vk:european-union", "limit": 200}).text
    assert 'with <a href="/entities/vk:european-union">European Union</a>' in mine
    assert all('href="/entities/vk:european-union"' in row for row in _rows(mine)[1:])
    none = samples.get("/events", params={"type": "ZZZ"}).text
    assert "No event matches" in none and "<h1>0 events" in none


def test_api_quotes_who_said_what_according_to_whom(samples: TestClient) -> None:
    """The sample corpus's quotes through the store: each with its content, cue and speaker as the document's text
    has them, and its chain of sources publisher first; filters by speaker, by a source of the chain and by date."""
    c = samples
    page = c.get("/api/quotes", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) >= 20
    for q in page["items"]:
        text = c.get(f"/api/documents/{q['document']['id']}").json()["text"]
        assert text[q["span"][0] : q["span"][1]] == q["content"]
        assert q["cue"] is None or q["cue"] in text
        if q["document"]["publisher"]:
            assert q["chain"][0] == {"entity": None, "name": q["document"]["publisher"], "text": None,
                                     "publisher": True}
    putin = c.get("/api/quotes", params={"speaker": "vk:vladimir-putin", "limit": 200}).json()["items"]
    assert putin and all(q["speaker"]["entity"] == "vk:vladimir-putin" for q in putin)
    assert any(q["content"].startswith("Убеден съм, че през следващата 2025 г.") and q["direct"] for q in putin)
    assert len({q["document"]["language"] for q in putin}) >= 2  # the same speaker across languages
    kcna = c.get("/api/quotes", params={"source": "vk:kcna", "limit": 200}).json()
    assert 0 < kcna["total"] < page["total"]
    assert all(any(x["entity"] == "vk:kcna" for x in q["chain"]) for q in kcna["items"])
    # the seed's first quote: BTA reports what Reuters reported, citing KCNA
    assert any([x["name"] for x in q["chain"] if not x["publisher"]] == ["Reuters", "KCNA"] for q in kcna["items"])
    paged = c.get("/api/quotes", params={"source": "vk:kcna", "limit": 1, "offset": 1}).json()
    assert paged["total"] == kcna["total"] and paged["items"] == kcna["items"][1:2]
    day = c.get("/api/quotes", params={"since": "2024-12-18", "until": "2024-12-18", "limit": 200}).json()["items"]
    assert 0 < len(day) < page["total"] and all(q["document"]["published"][:10] == "2024-12-18" for q in day)
    # words in the quote itself (a document that names them elsewhere is not enough), a phrase, a prefix
    said = c.get("/api/quotes", params={"q": "санкции", "limit": 200}).json()
    assert 0 < said["total"] < page["total"] and all("санкци" in q["content"].lower() for q in said["items"])
    phrase = c.get("/api/quotes", params={"q": '"стратегическо партньорство"'}).json()["items"]
    assert phrase and all("стратегическо партньорство" in " ".join(q["content"].split()) for q in phrase)
    both = c.get("/api/quotes", params={"q": "партньорство", "source": "vk:kcna"}).json()["items"]
    assert both == [q for q in kcna["items"] if "партньорство" in q["content"]] and both  # the filters combine
    agreed = c.get("/api/quotes", params={"q": "договор*"}).json()["items"]
    assert any("договорились" in q["content"] for q in agreed)


def test_quotes_page_and_the_speakers_page(samples: TestClient) -> None:
    r = samples.get("/quotes")
    assert r.status_code == 200 and re.search(r"<h1>\d+ quotes", r.text) and "„" in r.text
    mine = html.unescape(samples.get("/quotes", params={"speaker": "vk:vladimir-putin"}).text)
    assert 'by <a href="/entities/vk:vladimir-putin">Vladimir Putin</a>' in mine and "Убеден съм" in mine
    via = html.unescape(samples.get("/quotes", params={"source": "vk:kcna"}).text)
    assert "according to <a href=\"/entities/vk:kcna\">" in via and "KCNA" in via
    entity = html.unescape(samples.get("/entities/vk:vladimir-putin").text)
    assert re.search(r'speaker of <a href="/quotes\?speaker=vk%3Avladimir-putin">\d+ quotes</a>', entity)
    assert "<h2>Quotes" in entity and "Убеден съм" in entity
    agency = html.unescape(samples.get("/entities/vk:kcna").text)
    assert '<a href="/quotes?source=vk%3Akcna">list</a>' in agency
    words = html.unescape(samples.get("/quotes", params={"q": "санкции"}).text)
    assert "saying “санкции”" in words and 'value="санкции"' in words
    none = samples.get("/quotes", params={"speaker": "vk:nobody"}).text
    assert "No quote matches" in none and "<h1>0 quotes" in none


def test_document_page_links_mentions_actors_and_story(samples: TestClient) -> None:
    r = samples.get(f"/documents/{SEED_ID}")
    page = r.text
    assert re.search(r'<a class="m m-PER[^"]*" href="/entities/vk:vladimir-putin" title="[^"]*">Путин</a>', page)
    events = page.split("<h2>Events</h2>", 1)[1].split("</table>", 1)[0]
    assert 'href="/entities/vk:vladimir-putin"' in events
    story = re.search(r'Story: <a href="(/stories/[^"]+)">', page).group(1)
    story_page = samples.get(story).text
    assert f'href="/documents/{SEED_ID}"' in story_page
    dup = next(row for row in _rows(story_page) if "near-duplicate" in row)  # the page's two teasers on one story
    assert "(teaser 1)" in dup and "(teaser 5)" in dup


def test_unknown_ids_give_a_404_page(samples: TestClient) -> None:
    for url, what in (("/entities/vk:no-such-entity", "entity"), ("/stories/no-such-story", "story"),
                      ("/documents/no-such-document", "document")):
        r = samples.get(url)
        assert r.status_code == 404 and f"<h1>No such {what}</h1>" in r.text and 'href="/entities"' in r.text


def test_empty_store_pages_say_what_to_do(tmp_path: Path) -> None:
    from vestnik.api.app import create_app

    with Store.open(tmp_path / "empty.db") as st:
        c = TestClient(create_app(st))
        for url in ("/", "/entities", "/stories", "/events"):
            r = c.get(url)
            assert r.status_code == 200 and "The store is empty" in r.text and "vestnik ingest" in r.text, url


def test_hostile_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    """A page whose title, text, names and URL carry markup: every page shows it as text, never runs it."""
    import vestnik
    from vestnik.api.app import create_app
    from vestnik.stories import store_sync

    evil = "<script>alert(1)</script>"
    text = (f"Путин заяви {evil}\n\nМОСКВА, 18 декември (БТА) - Руският президент Владимир Путин заяви днес, че "
            f"Русия ще подкрепя Северна Корея. „{evil}“, каза Путин. Иван <img src=x onerror=alert(2)> Петров "
            f"осъди Русия.")
    doc = vestnik.extract(text, published="2024-12-18", id=evil, url="javascript:alert(3)")
    doc.title = evil
    assert doc.events and doc.mentions
    with Store.open(tmp_path / "evil.db") as st:
        doc_id, _ = st.add(doc)
        store_sync.update(st)
        c = TestClient(create_app(st))
        pages = ["/", f"/documents/{doc_id}", "/entities", "/entities/vk:vladimir-putin", "/stories", "/events",
                 "/stats", "/", f"/?q={evil}", f"/entities?q={evil}", f"/events?type={evil}", f"/entities/{evil}"]
        pages += _links(c.get("/stories").text)
        for url in pages:
            r = c.get(url)
            assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
            assert 'href="javascript:' not in r.text, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.get(f"/documents/{doc_id}").text
        assert "&lt;script&gt;" in c.get("/stories").text  # the story's title is the headline, escaped


def test_cli_stories_say_what_their_reports_tell_over_files_as_over_the_store(samples_db: Path) -> None:
    """`vestnik stories --format jsonl` lists each story's speakers, cited sources and event groups: over files
    they are counted in Python (vestnik.stories.facts), over the store in SQL, with the same rules (articles only,
    counted in documents, actors known), so the two runs of the sample corpus agree."""
    root = Path(__file__).resolve().parents[1]
    cli = [sys.executable, "-m", "vestnik.cli.main", "stories", "--format", "jsonl"]

    def run(*args: str) -> dict[frozenset[str], dict]:
        out = subprocess.run([*cli, *args], capture_output=True, text=True, check=True).stdout
        return {frozenset(s["documents"]): s for s in map(json.loads, out.splitlines())}

    files = run(str(root / "vestnik" / "samples"), "--published", "2024-12-18")
    stored = run("--store", str(samples_db))
    assert files.keys() == stored.keys() and len(files) == 8

    def groups(s: dict) -> list[tuple]:
        return [(e["type"], e["source"]["entity"], e["source"]["code"], e["target"]["entity"], e["target"]["code"],
                 e["documents"], e["events"]) for e in s["events"]]

    for members, s in files.items():
        t = stored[members]
        assert s["speakers"] == t["speakers"] and s["cited"] == t["cited"]
        assert groups(s) == groups(t)
        for e in s["events"]:  # the evidence: a member's sentence holding the trigger
            ex = e["example"]
            assert ex["document"] in members and ex["sentence"]
    seed = files[frozenset({"bta-putin-north-korea", "en-reuters-putin-kim"})]
    assert {x["entity"] for x in seed["cited"]} >= {"vk:kcna", "vk:reuters"}
    assert any(e["source"]["entity"] == "vk:vladimir-putin" and e["documents"] == 2 for e in seed["events"])
