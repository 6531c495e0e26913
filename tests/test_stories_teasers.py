"""Teasers on one page linked to the full articles they announce on another (corpus level), on real text.

The page is the seed BTA page with one more teaser in its box, made the way the box makes its items: a dateline
city, the real headline of a real Bulgarian report (BSNLP ryanair) and its lead cut with "...".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.stories.batch import cluster_documents
from vestnik.stories.features import teaser_docs

ARTICLE = SHARED / "eval" / "ner-bg" / "raw" / "ryanair" / "ryan-BG.txt_file_1120.txt"


@pytest.fixture(scope="module")
def pipe():
    return make_pipeline()


@pytest.fixture(scope="module")
def article(pipe) -> Document:
    return pipe(Document(text=ARTICLE.read_text(encoding="utf-8"), id="article"))


def _page(pipe, page_text: str, article: Document, page_id: str) -> Document:
    head = article.span_text(article.article.headline)
    lead = article.span_text(article.article.paragraphs[0])[:140].rsplit(" ", 1)[0] + "..."
    return pipe(Document(text=f"{page_text}\n\nСофия\n\n{head}\n\n{lead}", id=page_id))


def _other_page(seed_text: str) -> str:
    """Another real report (BSNLP nord_stream) under the seed page's teaser box."""
    report = sorted((SHARED / "eval" / "ner-bg" / "raw" / "nord_stream").glob("*.txt"))[0].read_text(encoding="utf-8")
    lines = seed_text.splitlines()
    return report.rstrip() + "\n\n" + "\n".join(lines[lines.index("Брюксел") :])


def test_a_teaser_is_linked_to_the_article_it_announces(pipe, seed_text: str, article: Document):
    page = _page(pipe, seed_text, article, "page")
    assert len(page.teasers) == 7 and page.teasers[6].truncated
    items = teaser_docs(page)
    assert [t.id for t in items] == [f"page#teaser:{i}" for i in range(7)]
    assert all(t.published is None for t in items)  # a teaser box tells stories of other days
    stories = [s.to_dict() for s in cluster_documents([page, article])]
    assert sorted(d for s in stories for d in s["documents"]) == ["article", "page"]  # teasers are no members
    told = next(s for s in stories if "article" in s["documents"])
    assert "page" not in told["documents"]
    [link] = told["teasers"]
    assert (link["page"], link["item"], link["document"], link["kind"]) == ("page", "teaser:6", "article", "contains")
    assert link["score"] >= 0.9
    assert not any(s.get("teasers") for s in stories if s is not told)  # the six BTA teasers announce nothing here
    assert not any("#" in p["a"] + p["b"] for s in stories for p in s["duplicates"])


def test_cli_stories_reports_teasers(tmp_path: Path, seed_text: str, pipe, article: Document):
    page = _page(pipe, seed_text, article, "page")
    (tmp_path / "page.txt").write_text(page.text, encoding="utf-8")
    (tmp_path / "report.txt").write_text(article.text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "vestnik.cli.main", "stories", str(tmp_path), "--format", "jsonl"],
                       capture_output=True, text=True, check=True)
    stories = [json.loads(x) for x in r.stdout.splitlines()]
    told = next(s for s in stories if "report" in s["documents"])
    assert [(t["page"], t["item"], t["document"]) for t in told["teasers"]] == [("page", "teaser:6", "report")]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_store_links_a_teaser_stored_before_its_article(tmp_path: Path, seed_text: str, pipe, article: Document,
                                                        backend: str, request: pytest.FixtureRequest):
    """Run 1 stores the page (the article is not there yet); run 2 the article and a second page with the same
    box: the teaser indexed in run 1 is found by the article, the second page's copy shares the link; the
    links keep the teasers' offsets, and the API and the story page show them; a rebuild gives the same links."""
    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from vestnik.api.app import create_app
    from vestnik.store import Store
    from vestnik.store.schema import duplicates
    from vestnik.stories import store_sync

    first, second = _page(pipe, seed_text, article, "page-1"), _page(pipe, _other_page(seed_text), article, "page-2")
    assert len(second.teasers) == 7
    db = request.getfixturevalue("pg_url") if backend == "postgresql" else tmp_path / "t.db"
    with Store.open(db, fulltext=False) as store:
        store.add(first)
        store_sync.update(store)
        with store.engine.connect() as conn:
            assert not conn.execute(select(duplicates).where(duplicates.c.evidence == "stories:teaser-link")).all()
        store.add(article)
        store.add(second)
        shown, added = store_sync.update(store)
        assert added == 2
        assert store_sync.update(store)[1] == 0  # nothing new: no link written twice
        with store.engine.connect() as conn:
            rows = conn.execute(select(duplicates).where(duplicates.c.evidence == "stories:teaser-link")).all()
        store_sync.update(store, rebuild=True)  # all three again, in one run: the same two links
        with store.engine.connect() as conn:
            again = conn.execute(select(duplicates).where(duplicates.c.evidence == "stories:teaser-link")).all()
        assert sorted((r.a_doc, r.a_item, r.b_doc) for r in again) == sorted((r.a_doc, r.a_item, r.b_doc) for r in rows)
    assert len(rows) == 2
    assert sorted((r.a_item, r.kind, r.a_start_char, r.a_end_char) for r in rows) == sorted(
        ("teaser:6", "contains", *p.teasers[6].span) for p in (first, second))
    told = next(s for s in shown if any(m == "article" for m in s.members))
    assert sorted((t.split("#")[0], a) for t, a, _, _ in told.teased) == [("page-1", "article"), ("page-2", "article")]
    client = TestClient(create_app(str(db)))
    sid = next(s for s in client.get("/api/stories").json()["items"] if s["size"] == 1
               and s["documents"][0]["external_id"] == "article")["id"]
    one = client.get(f"/api/stories/{sid}").json()
    assert sorted(t["item"] for t in one["teasers"]) == ["teaser:6", "teaser:6"]
    assert {t["page_headline"] for t in one["teasers"]} == {p.span_text(p.article.headline) for p in (first, second)}
    page = client.get(f"/stories/{sid}").text
    assert "Announced on other pages" in page and page.count("teaser 6") == 2


def test_a_box_on_every_page_keeps_links_bounded(pipe, seed_text: str, article: Document):
    """One teaser repeated on 100 pages of a site (a "most read" box): indexed once, every page linked to the
    article (the store writes them all), the story lists the first 64, and 16 pages are kept per teaser text
    for articles that come later."""
    from dataclasses import replace

    from vestnik.stories.cluster import MAX_TEASED, TEASER_COPIES, StoryClusterer
    from vestnik.stories.features import story_doc

    item = teaser_docs(_page(pipe, seed_text, article, "page"))[6]
    copies = [replace(item, id=f"page{i}#teaser:6") for i in range(100)]
    cl = StoryClusterer()
    n_index = len(cl.index)
    cl.add(story_doc(article))
    cl.add_teasers(copies)
    assert len(cl.index) == n_index + 2  # the article and one teaser text
    [st] = cl.stories.values()
    assert len(cl.new_links) == 100 and len(st.teased) == MAX_TEASED == 64
    assert [len(v) for v in cl.teasers.values()] == [TEASER_COPIES]
    later = StoryClusterer()  # the pages first, the article after: the links reach the pages kept
    later.add_teasers(copies)
    later.add(story_doc(article))
    assert len(later.new_links) == TEASER_COPIES


def _state_from_before_teasers(store) -> None:
    """Cluster what the store holds the way a state from before teasers was saved: no teaser item indexed, and no
    teaser tables pickled."""
    from vestnik.stories import store_sync
    from vestnik.stories.cluster import StoryClusterer
    from vestnik.stories.features import story_doc

    sds = []
    for d in store.iter_documents():
        sd = story_doc(Document.from_dict(d))
        sd.id = d["store_id"]
        sds.append(sd)
    cl = StoryClusterer()
    cl.prime(sds)
    cl.add_many(sds)
    old = StoryClusterer.__new__(StoryClusterer)
    old.__setstate__({k: v for k, v in cl.__dict__.items()
                      if k not in ("teasers", "teaser_links", "_teaser_key", "new_links")})
    assert old.teasers_missing and not cl.teasers_missing
    store_sync.save_state(store_sync.state_path(store.location), old, store)


def test_a_store_clustered_before_teasers_were_linked_gets_its_links_once(tmp_path: Path, seed_text: str, pipe,
                                                                          article: Document):
    """A stories state pickled before teasers were indexed (its pages' boxes never compared with anything): the
    next run over the store indexes the stored pages' teasers once and writes their links, as a run that knew
    teasers from the start would have, without a --rebuild; the run after adds nothing, and a box that announces
    nothing stored is not indexed again at every run."""
    from sqlalchemy import select

    from vestnik.store import Store
    from vestnik.store.schema import duplicates
    from vestnik.stories import store_sync

    with Store.open(tmp_path / "t.db", fulltext=False) as store:
        store.add(_page(pipe, seed_text, article, "page"))
        store.add(article)
        _state_from_before_teasers(store)

        def links() -> list:
            with store.engine.connect() as conn:
                return conn.execute(select(duplicates.c.a_item, duplicates.c.b_doc, duplicates.c.kind)
                                    .where(duplicates.c.evidence == "stories:teaser-link")).all()

        assert links() == []
        assert store_sync.update(store)[1] == 0  # no new document, yet the stored page's teaser is linked
        ids = {d["id"]: d["store_id"] for d in store.iter_documents()}
        assert links() == [("teaser:6", ids["article"], "contains")]
        path = store_sync.state_path(store.location)
        assert not store_sync.load_state(path, store).teasers_missing
        store_sync.update(store)
        assert len(links()) == 1
    with Store.open(tmp_path / "alone.db", fulltext=False) as store:
        store.add(_page(pipe, seed_text, article, "page"))
        _state_from_before_teasers(store)
        store_sync.update(store)
        assert not store_sync.load_state(store_sync.state_path(store.location), store).teasers_missing


@pytest.mark.parametrize("chunk", [10_000, 1])
def test_a_run_killed_before_saving_its_state_writes_nothing_twice(tmp_path: Path, seed_text: str, pipe,
                                                                   article: Document, monkeypatch, chunk: int):
    """The rows commit before the state is saved: a run killed in between leaves rows the next run (from the
    state before) makes again. They must not be doubled: the same rows as in a store that was never killed.
    ``chunk``: the store's IN lists cut into pieces of one value (a first run over a large store touches more
    stories than PostgreSQL takes parameters in one statement): the same rows."""
    from sqlalchemy import select

    from vestnik.store import Store
    from vestnik.store.schema import duplicates, story_members
    from vestnik.stories import store_sync

    chunks = store_sync._chunks
    monkeypatch.setattr(store_sync, "_chunks", lambda xs, n=chunk: chunks(xs, n))

    first, second = _page(pipe, seed_text, article, "page-1"), _page(pipe, _other_page(seed_text), article, "page-2")
    text = article.text.rstrip() + "\n\nОчаква се официално съобщение от летището.\n"
    reprint = pipe(Document(text=text, id="reprint"))  # a near-duplicate of the article

    def rows(store: Store) -> tuple[list, list]:
        with store.engine.connect() as conn:
            pairs = conn.execute(select(duplicates.c.kind, duplicates.c.a_doc, duplicates.c.a_item, duplicates.c.b_doc)
                                 .where(duplicates.c.evidence.like("stories:%"))).all()
            members = conn.execute(select(story_members.c.story_id, story_members.c.doc_id)).all()
        return sorted(map(tuple, pairs)), sorted(map(tuple, members))

    with Store.open(tmp_path / "clean.db", fulltext=False) as clean, \
            Store.open(tmp_path / "killed.db", fulltext=False) as killed:
        for store in (clean, killed):
            store.add(first)
            store_sync.update(store)
            for d in (article, reprint, second):
                store.add(d)
        store_sync.update(clean)

        def killed_here(*args: object, **kw: object) -> None:
            raise KeyboardInterrupt  # as if the process were killed after the commit

        with monkeypatch.context() as m:
            m.setattr(store_sync, "save_state", killed_here)
            with pytest.raises(KeyboardInterrupt):
                store_sync.update(killed)
        assert rows(killed) == rows(clean)  # the rows committed ...
        assert store_sync.update(killed)[1] == 3  # ... the state did not: the three documents are read again
        expected = rows(clean)
        assert rows(killed) == expected
    pairs, members = expected
    assert len(set(pairs)) == len(pairs) and len(set(members)) == len(members) == 4
    assert [k for k, _, i, _ in pairs if i == "article"] == ["near-duplicate"]  # the reprint
    assert sum(i == "teaser:6" for _, _, i, _ in pairs) == 4  # both pages' teaser of the article, and of its reprint
