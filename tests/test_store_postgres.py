"""vestnik on a PostgreSQL server, as when one machine is not enough: several ingesters, one database.

The store's own tests (test_store_basic.py) already run on both backends; these add what only a server
store shows: concurrent writers from separate processes, the CLI against a database URL, and the
state blobs that let every machine continue the same story clustering.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, SHARED
from sqlalchemy import func, select

from vestnik.document import content_id
from vestnik.store import Store
from vestnik.store import schema as S
from vestnik.stories import state, store_sync

VESTNIK = [sys.executable, "-m", "vestnik.cli.main"]
RYANAIR = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))


def vestnik(*args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "VESTNIK_STORE"}
    env.update({"COLUMNS": "200", "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    return subprocess.Popen([*VESTNIK, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(p: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = p.communicate(timeout=600)
    return p.returncode, out, err


def test_two_ingesters_share_one_database_without_duplicates(pg_url: str, tmp_path: Path) -> None:
    """Two processes ingest overlapping halves at the same time: every document once, with its facts once."""
    files = RYANAIR[:30]
    a, b = tmp_path / "a", tmp_path / "b"
    for d, part in ((a, files[:20]), (b, files[10:])):  # files 10-19 go to both
        d.mkdir()
        for f in part:
            (d / f.name).symlink_to(f)
    procs = [vestnik("ingest", str(d), "--store", pg_url, "--jobs", "1")
             for d in (a, b)]
    results = [finish(p) for p in procs]
    assert all(rc == 0 for rc, _, _ in results), [err[-2000:] for _, _, err in results]
    distinct = {content_id(f.read_text(encoding="utf-8")) for f in files}
    with Store.open(pg_url) as st:
        assert st.count() == len(distinct)
        with st.engine.connect() as conn:
            per_doc = dict(conn.execute(select(S.mentions.c.doc_id, func.count()).group_by(S.mentions.c.doc_id)).all())
            again = {d: len(st.get(d)["mentions"]) for d in distinct}
        assert per_doc == {d: n for d, n in again.items() if n}  # fact rows written once, not per ingester
        texts = [f.read_text(encoding="utf-8") for f in files]
        expected = sum(1 for t in set(texts) if re.search(r"(?<!\w)ryanair", t, re.I))
        assert st.stats()["search"] == "tsvector" and st.search_count("RYANAIR") == expected >= 3


def counts(st: Store) -> dict[str, int]:
    with st.engine.connect() as conn:
        return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
                for t in (S.stories, S.story_members, S.duplicates)}


def test_cli_ingest_search_and_stories_on_a_database_url(pg_url: str, tmp_path: Path) -> None:
    rc, _, err = finish(vestnik("ingest", str(SEED), "--store", pg_url, "--published", "2024-12-18", "--jobs", "1"))
    assert rc == 0, err[-2000:]
    rc, out, err = finish(vestnik("search", "ПХЕНЯН", "--store", pg_url))
    assert rc == 0 and "Путин: Русия и Северна Корея" in out, out + err
    rc, out, err = finish(vestnik("stories", "--store", pg_url, "--format", "jsonl"))
    assert rc == 0, err[-2000:]
    assert '"bta-putin-north-korea"' in out
    assert '"entities": [{"id": "vk:north-korea"' in out  # who it is about, counted in SQL on PostgreSQL
    seed = next(x for x in map(json.loads, out.splitlines()) if "bta-putin-north-korea" in x["documents"])
    assert {"KCNA", "Reuters", "TASS"} <= {e["name"] for e in seed["cited"]} and seed["events"]  # what it tells
    with Store.open(pg_url) as st:  # the clusterer's state lives in the database, for every machine to continue
        assert st.get_state("stories", state.VERSION) and st.state_names("stories@")  # a manifest and its parts
        before = counts(st)
    rc, out2, err = finish(vestnik("stories", "--store", pg_url, "--format", "jsonl"))
    assert rc == 0 and out2 == out, err[-2000:]  # nothing new: the same stories, no rows written twice
    with Store.open(pg_url) as st:
        after = counts(st)
    assert after == before and before["story_members"] >= 1
    with Store.open(pg_url) as st:  # entity look-up by an inflected form: the same SQL on PostgreSQL
        assert [e["id"] for e in st.list_entities("Путина")[1]] == ["vk:vladimir-putin"]
        assert "vk:north-korea" in [e["id"] for e in st.list_entities("КНДР", "LOC")[1]]
        # a story's facts: the article's names and cited agencies, not its teaser box's (the JSON column read back)
        story = st.story(st.stories_with(doc_id=content_id(SEED.read_text(encoding="utf-8")))[0]["id"])
        assert story is not None and {"KCNA", "Reuters", "TASS"} <= {e["name"] for e in story["cited"]}
        names = {e["name"] for e in story["entities"]}
        assert "Vladimir Putin" in names and "Brussels" not in names
        # the stories' filters: the same SQL (sub-selects, a date prefix) on PostgreSQL
        assert st.list_stories(entity="vk:vladimir-putin", until="2024-12", language="bg")[0] == 1
        assert st.list_stories(since="2024-12-19")[0] == 0
        # quotes by speaker and by a source of their chain (the JSON column of source indexes read back)
        n, said = st.list_quotes(speaker="vk:vladimir-putin", until="2024-12")
        assert n == len(said) >= 3 and any(q["content"].startswith("Убеден съм") for q in said)
        n, kcna = st.list_quotes(source="vk:kcna")
        assert n >= 1 and all(any(x["entity"] == "vk:kcna" for x in q["chain"]) for q in kcna)
        n, words = st.list_quotes(q="партньорство")  # the full-text search's documents, then the quote's words
        assert n >= 1 and all("партньорство" in q["content"] for q in words)
        assert st.list_quotes(q="несъществуващадума")[0] == 0
    # an undated reprint: a small undated run reads the latest stored documents back as its context (the same SQL
    # on PostgreSQL), and joins the seed's story as a copy (its line comes after the teaser box), which its member row says
    reprint = tmp_path / "reprint.txt"
    reprint.write_text(SEED.read_text(encoding="utf-8") + "\nОще един абзац от препечатката.\n", encoding="utf-8")
    rc, _, err = finish(vestnik("ingest", str(reprint), "--store", pg_url, "--jobs", "1"))
    assert rc == 0, err[-2000:]
    rc, out3, err = finish(vestnik("stories", "--store", pg_url, "--format", "jsonl"))
    assert rc == 0, err[-2000:]
    seed = next(x for x in map(json.loads, out3.splitlines()) if "bta-putin-north-korea" in x["documents"])
    assert "reprint" in seed["documents"] and seed["joined"]["reprint"]["by"] in ("exact", "contains", "near-duplicate")
    with Store.open(pg_url) as st, st.engine.connect() as conn:
        why = dict(conn.execute(select(S.story_members.c.doc_id, S.story_members.c.evidence)).all())
    assert sorted(v.split(":")[1] for v in why.values()) == sorted(["first", seed["joined"]["reprint"]["by"]])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_state_blobs_round_trip_by_version(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    where = request.getfixturevalue("pg_url") if backend == "postgresql" else tmp_path / "v.db"
    with Store.open(where) as st:
        assert st.get_state("stories", 2) is None
        st.put_state("stories", 2, b"\x00first")
        st.put_state("stories", 2, bytes(range(256)) * 1000)
        assert st.get_state("stories", 2) == bytes(range(256)) * 1000
        assert st.get_state("stories", 3) is None  # another format version is never handed back
        # a server store's stories state passes PostgreSQL's 1 GB per value at ~200,000 documents: it is cut into
        # rows (64 MB each; here 1,000 bytes), read back whole, and a smaller one leaves none of its parts behind
        big = bytes(range(256)) * 999 + b"end"
        st.put_state("stories", 2, big, part=1000)
        st.put_state("other", 2, b"#" * 2500, part=1000)
        assert st.get_state("stories", 2) == big and st.get_state("other", 2) == b"#" * 2500
        with st.engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(S.state)) == 256 + 3
        st.put_state("stories", 2, b"small", part=1000)
        assert st.get_state("stories", 2) == b"small" and st.get_state("other", 2) == b"#" * 2500
        with st.engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(S.state)) == 1 + 3
    assert SEED.exists()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_one_stories_update_at_a_time(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """A watch round and a hand-run `vestnik stories` (or two machines) must not both cluster the same documents:
    while one update holds the store's lock another one says so (``wait``) or waits, and then adds what is left,
    so that every document is in one story, once."""
    import threading
    import time

    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline

    where = request.getfixturevalue("pg_url") if backend == "postgresql" else tmp_path / "l.db"
    pipe = make_pipeline(only=["segment"])
    docs = [pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem)) for f in RYANAIR[:12]]
    with Store.open(where, fulltext=False) as st:
        for d in docs[:6]:
            st.add(d)
        done: list[tuple[object, int]] = []
        with store_sync.exclusive(st, wait=0):  # an update is running
            t0 = time.monotonic()
            with pytest.raises(store_sync.StoriesBusy, match="another stories update is running"):
                store_sync.update(st, wait=0.5)
            assert time.monotonic() - t0 >= 0.5
            for d in docs[6:]:
                st.add(d)
            waiting = threading.Thread(target=lambda: done.append(store_sync.update(st, show=False)))
            waiting.start()
            time.sleep(1.5)
            assert waiting.is_alive() and not done  # it waits for the lock ...
        waiting.join(120)
        stored = {content_id(d.text) for d in docs}
        assert done and done[0][1] == len(stored) >= 10  # ... then clusters every document stored
        with st.engine.connect() as conn:
            rows = conn.execute(select(S.story_members.c.doc_id)).scalars().all()
        assert sorted(rows) == sorted(stored)  # each document in one story, once
        with store_sync.exclusive(st, wait=0):  # released: it can be taken again at once
            pass


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_rule_longer_than_the_evidence_column_is_stored_cut(backend: str, tmp_path: Path,
                                                             request: pytest.FixtureRequest) -> None:
    """A lexicon pattern can be longer than the 128 characters of an ``evidence`` column ("lexicon:bg:купува|купуват|
    ..."): PostgreSQL refused the whole document (stop 44's patterns failed an ingest), SQLite stored it whole. Both
    now keep its first 127 characters and an ellipsis; the document's JSON keeps it whole."""
    import vestnik

    doc = vestnik.extract("Сделка\n\nРайънеър купува авиокомпанията на Ники Лауда.", published="2018-03-20", lang="bg")
    long_ev = [e.evidence for e in doc.events if len(e.evidence) > S.EVIDENCE_LEN]
    assert long_ev, [e.evidence for e in doc.events]
    where = request.getfixturevalue("pg_url") if backend == "postgresql" else tmp_path / "e.db"
    with Store.open(where) as st:
        doc_id, created = st.add(doc)
        assert created
        with st.engine.connect() as conn:
            stored = conn.scalars(select(S.events.c.evidence).where(S.events.c.doc_id == doc_id)).all()
        got = st.get(doc_id)
    assert long_ev[0][: S.EVIDENCE_LEN - 1] + "…" in stored
    assert all(len(ev) <= S.EVIDENCE_LEN for ev in stored)
    assert got is not None and long_ev[0] in [e["evidence"] for e in got["events"]]
