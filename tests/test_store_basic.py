"""The store on real text: idempotent adds, exact read-back, fact rows with offsets, Cyrillic full-text search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SEED, SHARED
from sqlalchemy import func, select, text

from vestnik.document import Document, Entity, Mention, Quote, Speaker, Time, content_id
from vestnik.ingest.readers import read_inputs
from vestnik.pipeline import available_stages
from vestnik.runner import run
from vestnik.store import Store, StoreError
from vestnik.store import schema as S
from vestnik.store.fts import Query

BREXIT = SHARED / "eval" / "ner-bg" / "raw" / "brexit"
EXPECTED = SHARED / "examples" / "bta-putin-north-korea.expected.json"


def segmented(paths: list[str], published: str | None = None) -> list[Document]:
    """Documents through the segment stage only: the store tests do not depend on the other layers' state."""
    skip = tuple(n for n in available_stages() if n != "segment")
    return [d for d in run(read_inputs(paths, published=published), disable=skip) if isinstance(d, Document)]


def annotated_seed() -> Document:
    """The segmented seed page with facts placed from its hand annotation (real text, real offsets)."""
    doc = segmented([str(SEED)], published="2024-12-18")[0]
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))
    t = doc.text
    art_end = doc.items()[0][1][1]
    for e in gold["entities_in_article"]:
        eid = "E:" + e["canonical"].replace(" ", "_")
        doc.entities[eid] = Entity(name=e["canonical"], type=e["type"], country=e.get("country"))
        for form in e["surface"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", t[:art_end]):
                if not any(x.span[0] <= m.start() < x.span[1] for x in doc.mentions):
                    doc.mentions.append(Mention(span=m.span(), type=e["type"], base=form, entity=eid,
                                                evidence="test:hand-annotation"))
    doc.mentions.sort(key=lambda m: m.span)
    for x in gold["time_expressions"]:
        i = t.find(x["text"])
        if i >= 0:
            doc.times.append(Time(span=(i, i + len(x["text"])), type="DATE", value=x["value"], evidence="test"))
    doc.duplicates = [["near-duplicate", a, b] for a, b in gold["near_duplicates"]]
    putin = next(m for m in doc.mentions if m.base == "Путин" and t.find("добавя Путин") < m.span[0])
    for q in gold["quotes"]:
        i = t.find(q["starts"])
        j = t.find("“", i)
        doc.quotes.append(Quote(span=(i, j), direct=True, speaker=Speaker(span=putin.span, entity=putin.entity),
                                evidence="test"))
    return doc


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The same corpus in each backend: every test below runs on SQLite (FTS5) and PostgreSQL (tsvector)."""
    if request.param == "postgresql":
        from pgserver import new_database

        st = Store.open(new_database(request.getfixturevalue("pg_admin")))
    else:
        st = Store.open(tmp_path_factory.mktemp("store") / "v.db")
    docs = segmented([str(BREXIT)], published="2019-01-15")
    st.add_many([(d, None) for d in docs])
    st.add(annotated_seed())
    yield st
    st.close()


def test_open_creates_wal_database_at_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "v.db"
    with Store.open(path) as st:
        with st.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert st.fts
    assert rev == "0002"
    with Store.open(path) as st:  # reopening an up-to-date store is a no-op
        assert st.count() == 0


def test_open_refuses_a_non_database_with_advice(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match="vestnik database"):
        Store.open(bad)
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)


def test_add_is_idempotent_and_keyed_by_content(tmp_path: Path, seed_text: str) -> None:
    with Store.open(tmp_path / "v.db") as st:
        doc = segmented([str(SEED)])[0]
        doc_id, created = st.add(doc)
        assert created and doc_id == content_id(seed_text)
        again = segmented([str(SEED)], published="2024-12-18")[0]
        assert st.add(again) == (doc_id, False)
        assert st.count() == 1
        assert st.stats()["layers"]["teasers"]["rows"] == 6  # not doubled


def test_get_reads_back_the_contract_exactly(store: Store) -> None:
    doc = annotated_seed()
    d = store.get(content_id(doc.text))
    assert d is not None
    assert d.pop("store_id") == content_id(doc.text)
    assert d.pop("ingested_at")
    assert d == json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert store.get("bta-putin-north-korea")["store_id"] == content_id(doc.text)  # by external id
    assert store.get(content_id(doc.text)[:8])["id"] == "bta-putin-north-korea"  # by id prefix
    assert store.get("no-such-document") is None


def test_fact_rows_keep_offsets_and_evidence(store: Store) -> None:
    doc = annotated_seed()
    doc_id = content_id(doc.text)
    with store.engine.connect() as conn:
        ms = conn.execute(select(S.mentions).where(S.mentions.c.doc_id == doc_id).order_by(S.mentions.c.idx)).all()
        qs = conn.execute(select(S.quotes).where(S.quotes.c.doc_id == doc_id)).all()
        ts = conn.execute(select(S.times).where(S.times.c.doc_id == doc_id)).all()
        tz = conn.execute(select(S.teasers).where(S.teasers.c.doc_id == doc_id).order_by(S.teasers.c.idx)).all()
        ents = dict(conn.execute(select(S.entities.c.id, S.entities.c.name)).all())
        dups = conn.execute(select(S.duplicates).where(S.duplicates.c.a_doc == doc_id)).all()
    assert len(ms) == len(doc.mentions) >= 10
    for row in ms:
        assert doc.text[row.start_char : row.end_char] == row.base
        assert row.evidence == "test:hand-annotation"
        assert ents[row.entity_id]
    assert ents["E:Vladimir_Putin"] == "Vladimir Putin"
    assert [(doc.text[r.start_char : r.end_char], r.value) for r in ts] == [(doc.span_text(x.span), x.value) for x in doc.times]
    assert ("на 17 декември", "2024-12-17") in [(doc.text[r.start_char : r.end_char], r.value) for r in ts]
    assert len(qs) == 3
    assert all(doc.text[r.speaker_start_char : r.speaker_end_char] == "Путин" for r in qs)
    assert doc.text[qs[0].start_char : qs[0].end_char].startswith("Споразумението за всеобхватно")
    assert [r.dateline for r in tz] == ["Брюксел", "Киев", "Вашингтон", "Ханой", "Москва", "Киев"]
    assert doc.text[tz[1].start_char : tz[1].end_char].startswith("Киев")
    assert [(r.kind, r.a_item, r.b_item) for r in dups] == [("near-duplicate", "teaser:1", "teaser:5")]


def test_search_folds_cyrillic_case(store: Store) -> None:
    seed_id = content_id(SEED.read_text(encoding="utf-8"))
    results = {q: [h["id"] for h in store.search(q, limit=100)] for q in ("путин", "Путин", "ПУТИН")}
    assert results["путин"] == results["Путин"] == results["ПУТИН"]
    assert seed_id in results["путин"]
    assert store.search_count("ПУТИН") == len(results["путин"])
    hit = next(h for h in store.search("ПУТИН", limit=100) if h["id"] == seed_id)
    marked = [hit["snippet"][s:e] for s, e in hit["highlights"]]
    assert marked and all(m.lower().startswith("путин") for m in marked)


def test_search_phrases_prefixes_and_ranking(store: Store) -> None:
    hits = store.search('"Северна Корея"', limit=5)
    assert hits[0]["headline"].startswith("Путин: Русия и Северна Корея")  # headline match ranks first
    # words of four letters or more match inflected forms as prefixes: Брекзит → Брекзитът, Брекзита
    forms = {m.group(0).lower() for h in store.search("Брекзит", limit=200)
             for m in re.finditer(r"брекзит\w*", store.get(h["id"])["text"], re.I)}
    assert "брекзит" in forms and len(forms) > 1
    assert store.search("") == [] and store.search('"') == []
    assert store.search('нещо " AND OR NEAR(') is not None  # FTS syntax in user input cannot break the query


def test_bulgarian_short_i_is_not_folded(store: Store) -> None:
    """й is a letter, not и with a diacritic: "мои" (my, plural) must not find "мой" (my, masc.)."""
    texts = {d["store_id"]: d["text"] for d in store.iter_documents()}

    def has_word(t: str, w: str) -> bool:
        return re.search(rf"(?<!\w){w}(?!\w)", t, re.I) is not None

    with_moi = {i for i, t in texts.items() if has_word(t, "мои")}
    with_moy = {i for i, t in texts.items() if has_word(t, "мой")}
    assert with_moi - with_moy, "the corpus should hold a text with мои and without мой"
    assert {h["id"] for h in store.search("мои", limit=500)} == with_moi
    assert {h["id"] for h in store.search("мой", limit=500)} == with_moy
    assert Query.parse("ёлка").fts5() == '"елка"*'  # Russian ё is searched as е


def test_search_finds_yo_and_ye_spellings_alike(tmp_path: Path) -> None:
    """Russian writes ё or е in the same word (Пётр / Петр, Ёлка / Елка): the index folds the text as the query."""
    with Store.open(tmp_path / "yo.db") as st:
        a = st.add(Document(text="Пётр Толстой открыл новогоднюю Ёлку в Кремле.", id="yo"))[0]
        b = st.add(Document(text="Петр Толстой пришел на елку в Кремле.", id="ye"))[0]
        for q in ("пётр", "Петр", "ёлку", "ЕЛКУ"):
            assert {h["id"] for h in st.search(q)} == {a, b}, q


def test_like_fallback_is_case_insensitive_for_cyrillic(store: Store) -> None:
    like = Store.open(store.location, fulltext=False)
    try:
        assert not like.fts and like.search_kind == "like"
        seed_id = content_id(SEED.read_text(encoding="utf-8"))
        a = {h["id"] for h in like.search("ПУТИН", limit=500)}
        b = {h["id"] for h in like.search("путин", limit=500)}
        assert a == b and seed_id in a
        assert a >= {h["id"] for h in store.search("путин", limit=500)}
        assert like.search_count('"Северна Корея"') >= 1
    finally:
        like.close()


def test_iter_documents_yields_contract_dicts(store: Store) -> None:
    docs = list(store.iter_documents(batch=50))
    assert len(docs) == store.count() == len({d["store_id"] for d in docs})
    assert all(isinstance(d["text"], str) and "article" in d and "mentions" in d for d in docs)
    assert [d["id"] for d in store.iter_documents(since="2024-01-01")] == ["bta-putin-north-korea"]
    assert Document.from_dict(docs[-1]).text == docs[-1]["text"]


def test_stats_counts_layers(store: Store) -> None:
    s = store.stats()
    assert s["documents"] == store.count() > 100
    assert s["layers"]["mentions"]["documents"] == 1
    assert s["layers"]["quotes"]["rows"] == 3
    assert s["layers"]["teasers"]["rows"] >= 6
    assert s["search"] == {"sqlite": "fts5", "postgresql": "tsvector"}[s["dialect"]]
    assert sum(s["languages"].values()) == s["documents"]


def test_delete_removes_document_facts_and_index(tmp_path: Path) -> None:
    with Store.open(tmp_path / "v.db") as st:
        doc_id, _ = st.add(annotated_seed())
        assert st.search_count("Пхенян") == 1
        assert st.delete(doc_id)
        assert st.count() == 0 and st.search_count("Пхенян") == 0
        with st.engine.connect() as conn:
            for t in S.DOC_FACT_TABLES:
                assert conn.scalar(select(func.count()).select_from(t)) == 0
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_schema_and_search_are_portable_to_postgresql(store: Store) -> None:
    """The migrations render for PostgreSQL with no SQLite-only SQL; the LIKE search compiles there too."""
    import io

    from alembic import command
    from alembic.config import Config
    from sqlalchemy.dialects import postgresql

    from vestnik.store.store import MIGRATIONS

    buf = io.StringIO()
    cfg = Config(output_buffer=buf)
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.cmd_opts = type("Opts", (), {"x": ["url=postgresql://vestnik@localhost/vestnik"]})()
    command.upgrade(cfg, "head", sql=True)
    ddl = buf.getvalue()
    for t in S.metadata.sorted_tables:
        assert f"CREATE TABLE {t.name} " in ddl
    assert "fts5" not in ddl.lower() and "VIRTUAL" not in ddl and "PRAGMA" not in ddl
    like = Store.__new__(Store)
    like.search_kind = "like"
    sql = str(like._match(Query.parse("Путин"), "bg").compile(dialect=postgresql.dialect()))
    assert "lower(documents.headline) LIKE" in sql and "MATCH" not in sql


def test_fast_contract_equals_to_dict_on_full_pipeline_output(seed_doc: Document) -> None:
    """The store's fast serialiser must give exactly ``Document.to_dict()`` (all layers of the real pipeline)."""
    from vestnik.store.store import contract_dict

    assert seed_doc.mentions, "the seed page should have mentions through the whole pipeline"
    assert contract_dict(seed_doc) == seed_doc.to_dict()
    assert contract_dict(annotated_seed()) == annotated_seed().to_dict()
