"""The stories state saved in parts (vestnik.stories.state): a save writes what changed, a load gives back the
clusterer that was saved, and a process takes its own last save instead of reading it back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from vestnik.stories import state
from vestnik.stories.cluster import StoryClusterer
from vestnik.stories.features import StoryDoc


def snapshot(cl: StoryClusterer) -> dict[str, Any]:
    """What a clusterer holds, in comparable form (the index's arrays as lists)."""
    index = {k: v.tolist() if isinstance(v, np.ndarray) else v for k, v in cl.index._state().items()}
    return {"index": index, "stories": [st.to_dict() for st in cl.all_stories()],
            "open": {sid: dict(st.centroid) for sid, st in cl.stories.items()}, "closed": dict(cl.closed),
            "df": dict(cl.df), "doc_story": dict(cl.doc_story), "next": cl._next, "postings": cl.postings}


def dated(docs: list[StoryDoc]) -> list[StoryDoc]:
    """~4 reports a day from 2018-01-01: most stories close (the time window) while the rest come in."""
    day = dt.date(2018, 1, 1)
    return [dataclasses.replace(d, published=(day + dt.timedelta(days=i // 4)).isoformat()) for i, d in enumerate(docs)]


def run(cl: StoryClusterer, batch: list[StoryDoc]) -> None:
    """As a store run does with its new documents (store_sync.update)."""
    cl.prime(batch)
    cl.add_many(batch)
    cl.merge_mutual(incremental=True)
    cl._sweep()


def saved(ryanair: list[StoryDoc], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          n: int) -> tuple[state.Files, StoryClusterer, list[str]]:
    """A state of the first ``n`` articles saved in files (segments of 8 documents), and the list of the parts
    read from it from now on."""
    monkeypatch.setattr(state, "SEGMENT_DOCS", 8)
    b = state.Files(tmp_path / "s.pkl")
    cl = StoryClusterer()
    run(cl, dated(ryanair)[:n])
    state.save(b, cl)
    reads: list[str] = []
    get = b.get
    monkeypatch.setattr(b, "get", lambda name: (reads.append(name), get(name))[1])
    return b, cl, reads


@pytest.fixture(params=["files", "sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "files":
        yield state.Files(tmp_path / "s.db.stories.pkl")
        return
    from vestnik.store import Store

    where = request.getfixturevalue("pg_url") if request.param == "postgresql" else tmp_path / "s.db"
    with Store.open(where, fulltext=False) as store:
        yield state.Rows(store, "stories")


def size(b: Any, name: str) -> int:
    """Bytes of a stored part."""
    if isinstance(b, state.Files):
        return (b.dir / name).stat().st_size
    return len(b.store.get_state(f"stories@{name}", state.VERSION))


def stored(b: Any) -> set[str]:
    """The parts the backend holds."""
    if isinstance(b, state.Files):
        return {f.name for f in b.dir.iterdir()}
    return {n.partition("@")[2] for n in b.store.state_names("stories@")}


def test_saves_write_what_changed_and_loads_give_back_what_was_saved(ryanair: list[StoryDoc], backend: Any,
                                                                       monkeypatch: pytest.MonkeyPatch):
    """Three runs (with segments of 8 documents and 4 closed stories, so that the 87 articles make many): after
    each save a fresh load equals the clusterer saved, the backend holds exactly the manifest's parts, and a run
    that adds a few documents writes the head and the few segments it changed. A reprint of an old article weeks later brings
    its closed story back; the next save rewrites that story's segment and the load has it open."""
    monkeypatch.setattr(state, "SEGMENT_DOCS", 8)
    monkeypatch.setattr(state, "CLOSED_SEGMENT", 4)
    docs = dated(ryanair)
    cl = StoryClusterer()
    parts: dict[str, str] = {}
    for batch in (docs[:60], docs[60:80], docs[80:]):
        before, n = backend.written, len(cl.index)
        run(cl, batch)
        cl.archive()  # (as save does first)
        closing = {state._closed_segment(s) for s in cl.closed_changed}
        state.save(backend, cl)
        written = backend.written - before
        assert not cl.closed_changed
        manifest = pickle.loads(backend.manifest())
        # written again: the head, the segments that got rows, those whose stories closed or came back
        rewritten = {k for k, name in manifest["parts"].items() if parts.get(k) != name}
        assert rewritten <= {"head", "ixhead", *(f"ix.{k}" for k in range(n // 8, 99)),
                             *(f"closed.{s}" for s in closing)}
        assert sum(size(backend, manifest["parts"][k]) for k in rewritten) == written
        parts = manifest["parts"]
        assert stored(backend) == set(manifest["parts"].values())
        total = sum(size(backend, n) for n in set(manifest["parts"].values()))
        back = state.load(backend, reuse=False)
        assert snapshot(back) == snapshot(cl)  # the index's tables too: replayed from rows after the saved head
        assert back.saved_as == cl.saved_as == manifest and manifest["docs"] == len(cl.index)
        assert manifest["ixhead_docs"] == 60 and ("ixhead" in rewritten) == (n == 0)  # few added: head kept
    assert len(cl.closed) > 8 and len(cl.index) // 8 >= 10  # several segments of each kind
    assert len(rewritten) < len(parts) / 3 and written < total  # the last run: 7 documents

    old = next(d for d in docs if cl.doc_story[d.id] in cl.closed)
    sid = cl.doc_story[old.id]
    reprint = dataclasses.replace(old, id="reprint", published="2018-03-01")
    run(cl, [reprint])
    assert cl.doc_story["reprint"] == sid and sid in cl.stories and sid in cl.closed_changed
    state.save(backend, cl)
    back = state.load(backend, reuse=False)
    assert sid in back.stories and sid not in back.closed and snapshot(back) == snapshot(cl)


def test_the_index_head_is_written_again_once_enough_documents_came_after_it(ryanair: list[StoryDoc],
                                                                             tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    """The index's hash tables are saved again only when the documents added since pass the budget
    (``REPLAY_DOCS`` or an eighth of the index); until then a load replays those from their rows. Rows saved
    before stop 23 carry no keys to replay: their state's next save writes the head."""
    monkeypatch.setattr(state, "SEGMENT_DOCS", 8)
    monkeypatch.setattr(state, "REPLAY_DOCS", 12)
    b = state.Files(tmp_path / "s.pkl")
    cl = StoryClusterer()
    docs = dated(ryanair)
    covered = []
    for lo, hi in ((0, 40), (40, 50), (50, 56), (56, 62), (62, 87)):
        run(cl, docs[lo:hi])
        state.save(b, cl)
        covered.append(cl.saved_as["ixhead_docs"])
        back = state.load(b, reuse=False)
        assert snapshot(back) == snapshot(cl)
    assert covered == [40, 40, 56, 56, 87]  # 10 after 40 kept; 16 > 12 written; 6 kept; 31 written
    run(cl, [dataclasses.replace(docs[0], id="late", published="2018-02-01")])
    state.save(b, cl)
    assert cl.saved_as["ixhead_docs"] == 87 and cl.saved_as["docs"] == 88
    # a state whose rows after its head have no keys (as stop 22 saved them) gets its head written
    old = state.load(b, reuse=False)
    old.index._ekey[87] = 0
    assert not old.index.replayable(87)
    state.save(b, old)
    assert old.saved_as["ixhead_docs"] == 88
    got, want = snapshot(state.load(b, reuse=False))["index"], snapshot(old)["index"]
    assert {k: v for k, v in got.items() if k != "ekey"} == {k: v for k, v in want.items() if k != "ekey"}


def test_a_process_takes_its_own_last_save_and_never_a_stale_one(ryanair: list[StoryDoc], tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch):
    """``keep`` hands the saved clusterer to the next load (no part read), once. A save by someone else in
    between (another process, a clusterer loaded earlier) makes the kept one stale: the load reads the disk. A
    clusterer loaded before another save writes all its parts (the ones it was loaded with may be gone)."""
    docs = dated(ryanair)
    b, cl, reads = saved(ryanair, tmp_path, monkeypatch, 40)
    state.keep(b, cl)
    assert state.load(b) is cl and reads == []
    assert state.load(b) is not cl and reads  # taken once: the next load reads

    first = state.load(b, reuse=False)  # two clusterers of the same save
    second = state.load(b, reuse=False)
    state.keep(b, cl)
    run(second, docs[40:60])
    state.save(b, second)  # its parts replace the ones it changed
    assert state.load(b) is not cl  # stale: read from the disk
    run(first, docs[60:])
    before = b.written
    state.save(b, first)
    manifest = pickle.loads(b.manifest())
    assert b.written - before == sum(size(b, n) for n in set(manifest["parts"].values()))  # everything
    assert snapshot(state.load(b, reuse=False)) == snapshot(first)


def test_a_state_of_one_pickle_is_read_and_saved_in_parts(ryanair: list[StoryDoc], tmp_path: Path):
    """States saved before stop 22 are one pickle of the whole clusterer (version 4): read as they are; their
    first save writes a manifest and every part."""
    cl = StoryClusterer()
    run(cl, dated(ryanair))
    path = tmp_path / "s.pkl"
    path.write_bytes(pickle.dumps({"version": 4, "clusterer": cl}))
    b = state.Files(path)
    old = state.load(b)
    assert old.saved_as is None and snapshot(old) == snapshot(cl)
    state.save(b, old)
    assert pickle.loads(path.read_bytes())["version"] == state.VERSION
    back = state.load(b, reuse=False)
    assert snapshot(back) == snapshot(old) and back.closed  # (the save archived the closed stories)
    assert snapshot(back)["stories"] == snapshot(cl)["stories"]
    path.write_bytes(pickle.dumps({"version": 2, "clusterer": cl}))
    with pytest.raises(ValueError, match="version 2"):
        state.load(b)
    # saved under the join threshold of its day, it goes on with today's; a threshold set on purpose is kept
    from vestnik.stories.cluster import THRESHOLD

    for saved, loaded in ((0.35, THRESHOLD), (0.4, 0.4)):
        cl.threshold = saved
        path.write_bytes(pickle.dumps({"version": 4, "clusterer": cl}))
        assert state.load(b, reuse=False).threshold == loaded != 0.35
    # ... and so with the neighbourhood test's margin (0.2 until stop 27)
    from vestnik.stories.cluster import ADAPT_MARGIN

    for saved, loaded in ((0.2, ADAPT_MARGIN), (0.3, 0.3)):
        cl.adapt_margin = saved
        path.write_bytes(pickle.dumps({"version": 4, "clusterer": cl}))
        assert state.load(b, reuse=False).adapt_margin == loaded != 0.2


def test_store_runs_take_their_own_state_and_end_as_runs_that_read_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    """``vestnik watch`` rounds in one process: after the first, no round reads a part of the state (its own
    save is taken as it is), a round with nothing new included; and the stories, members and pairs they write are
    those of rounds that each read the state back from the disk (a new process each time)."""
    from conftest import SHARED
    from sqlalchemy import select

    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.store import Store
    from vestnik.store.schema import duplicates, story_members
    from vestnik.stories import store_sync

    pipe = make_pipeline(only=["segment"])
    files = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))
    day = dt.date(2018, 1, 1)
    docs = [pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem,
                          published=(day + dt.timedelta(days=i // 4)).isoformat())) for i, f in enumerate(files)]
    reads: list[str] = []
    get = state.Files.get
    monkeypatch.setattr(state.Files, "get", lambda self, name: (reads.append(name), get(self, name))[1])

    def rows(store: Store) -> tuple[list, list]:
        with store.engine.connect() as conn:
            return (sorted(map(tuple, conn.execute(select(story_members.c.story_id, story_members.c.doc_id)))),
                    sorted(map(tuple, conn.execute(select(duplicates.c.kind, duplicates.c.a_doc, duplicates.c.b_doc)))))

    with Store.open(tmp_path / "kept.db", fulltext=False) as kept, Store.open(tmp_path / "read.db",
                                                                             fulltext=False) as read:
        on_disk = state.Files(store_sync.state_path(read.location))
        for k, part in enumerate((docs[:40], docs[40:70], docs[70:], [])):
            for store in (kept, read):
                for d in part:
                    store.add(d)
            reads.clear()
            store_sync.update(kept, show=False)
            assert k == 0 or reads == []  # (the first run starts from nothing)
            state.forget(on_disk)
            store_sync.update(read, show=False)
            assert k == 0 or reads  # read back ...
            assert k == 0 or bool(part) == any(r.startswith("ix") for r in reads)  # ... its index when there is news
            state.forget(on_disk)
            assert rows(kept) == rows(read) and rows(kept)[0]
        path = store_sync.state_path
        assert snapshot(store_sync.load_state(path(kept.location), kept)) == snapshot(
            store_sync.load_state(path(read.location), read))


def test_a_lazy_load_reads_the_index_only_when_it_is_used(ryanair: list[StoryDoc], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    """A store run loads the state with ``lazy``: the index's parts are read at its first use, a closed story's
    part when the story is first asked for (a listing of five reads five parts at most), and a save before keeps
    them as they are (a run that read documents it already had, or only listed stories)."""
    docs = dated(ryanair)
    b, cl, reads = saved(ryanair, tmp_path, monkeypatch, 60)
    lazy = state.load(b, reuse=False, lazy=True)
    assert [r.partition("-")[0] for r in reads] == ["head"] and set(lazy.closed) == set(cl.closed)
    assert [s.to_dict() for s in lazy.listing(limit=5)] == [s.to_dict() for s in cl.listing(limit=5)]
    assert len([r for r in reads if r.startswith("closed.")]) <= 5  # the parts of the stories shown, at most
    before = pickle.loads(b.manifest())["parts"]
    lazy.store_seq += 1
    state.save(b, lazy)
    after = pickle.loads(b.manifest())["parts"]
    assert {k for k in after if after[k] != before[k]} == {"head"} and not any(r.startswith("ix") for r in reads)
    assert snapshot(lazy) == snapshot(cl)  # (reads the index now)
    assert any(r.startswith("ix") for r in reads)
    run(lazy, docs[60:])
    state.save(b, lazy)
    assert snapshot(state.load(b, reuse=False)) == snapshot(lazy)


def test_a_save_killed_midway_leaves_the_last_state_and_its_parts_are_collected(ryanair: list[StoryDoc],
                                                                                tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch):
    """Killed after writing some of its parts (before its manifest): the state on disk is the one before, and
    loads whole; the next save deletes the parts the killed one left."""
    b, cl, _ = saved(ryanair, tmp_path, monkeypatch, 40)
    before = snapshot(state.load(b, reuse=False))
    run(cl, dated(ryanair)[40:])
    put = state.Files.put
    written: list[str] = []

    def killed_after_two(self: state.Files, name: str, obj: object) -> None:
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(name)
        put(self, name, obj)

    monkeypatch.setattr(state.Files, "put", killed_after_two)
    with pytest.raises(KeyboardInterrupt):
        state.save(b, cl)
    monkeypatch.setattr(state.Files, "put", put)
    assert set(written) <= stored(b) and snapshot(state.load(b, reuse=False)) == before
    state.save(b, cl)
    assert stored(b) == set(pickle.loads(b.manifest())["parts"].values()) and not set(written) & stored(b)
    assert snapshot(state.load(b, reuse=False)) == snapshot(cl)


def test_a_closed_story_that_comes_back_before_its_part_is_read_stays_open(ryanair: list[StoryDoc], tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    """Lazily loaded closed stories: one brought back (a reprint joins it) leaves them; the others of its part
    are still there, with the same bytes; a save writes that part again."""
    b, cl, _ = saved(ryanair, tmp_path, monkeypatch, len(ryanair))
    sid = sorted(cl.closed)[0]
    lazy = state.load(b, reuse=False, lazy=True)
    assert lazy.story(sid).members == pickle.loads(cl.closed[sid]).members
    assert sid not in lazy.closed and sid in lazy.stories and len(lazy.closed) == len(cl.closed) - 1
    assert dict(lazy.closed) == {k: v for k, v in cl.closed.items() if k != sid}
    lazy.stories[sid].first_seen = "2018-01-01"  # (changed while open)
    state.save(b, lazy)  # (no document joined it: the save closes it again, and writes its part anew)
    back = state.load(b, reuse=False)
    assert set(back.closed) == set(cl.closed) and pickle.loads(back.closed[sid]).first_seen == "2018-01-01"
    assert dict(back.closed) == dict(lazy.closed)


def test_a_store_run_reports_its_progress(tmp_path: Path):
    """A first run over a large store takes minutes: it tells how many documents it has read and placed, up to
    all of them (the CLI shows it as progress bars); a run with nothing new reads none."""
    from conftest import SHARED

    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.store import Store
    from vestnik.stories import store_sync

    pipe = make_pipeline(only=["segment"])
    files = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))
    told: list[tuple[str, int, int]] = []
    with Store.open(tmp_path / "p.db", fulltext=False) as store:
        for f in files:
            store.add(pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem)))
        n = store.count()
        store_sync.update(store, show=False, progress=lambda *x: told.append(x))
        reads = [(d, t) for p, d, t in told if p == "read"]
        placed = [(d, t) for p, d, t in told if p == "cluster"]
        assert ("group", n, n) in told and told[-1] == ("write", 1, 1)  # (the first pass; then the rest)
        assert reads[-1] == (n, n) and placed[-1] == (n, n) and n > 80
        assert [d for d, _ in placed] == sorted(d for d, _ in placed) and len(placed) >= 1
        told.clear()
        store_sync.update(store, show=False, progress=lambda *x: told.append(x))
        assert told[-1] == ("write", 1, 1) and all(done == 0 for ph, done, _ in told if ph != "write")


@pytest.mark.parametrize("lost", ["ix.0", "closed.0"])
def test_a_lost_part_costs_a_rebuild_not_the_run(tmp_path: Path, lost: str, caplog: pytest.LogCaptureFixture,
                                                  monkeypatch: pytest.MonkeyPatch):
    """A part read lazily (the index's, when news comes; a closed story's, when it is asked for) that is gone or
    cut short: the run says so and rebuilds, as for a damaged manifest, and ends as a store never damaged."""
    from conftest import SHARED
    from sqlalchemy import select

    from vestnik.document import Document
    from vestnik.pipeline import make_pipeline
    from vestnik.store import Store
    from vestnik.store.schema import story_members
    from vestnik.stories import cluster, store_sync

    monkeypatch.setattr(cluster, "SWEEP_EVERY", 20)  # stories close within the 70 documents of the first run
    pipe = make_pipeline(only=["segment"])
    files = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))
    day = dt.date(2018, 1, 1)
    docs = [pipe(Document(text=f.read_text(encoding="utf-8"), id=f.stem,
                          published=(day + dt.timedelta(days=i // 4)).isoformat())) for i, f in enumerate(files)]

    def members(store: Store) -> list:
        with store.engine.connect() as conn:
            return sorted(map(tuple, conn.execute(select(story_members.c.story_id, story_members.c.doc_id))))

    with Store.open(tmp_path / "d.db", fulltext=False) as damaged, Store.open(tmp_path / "c.db",
                                                                             fulltext=False) as clean:
        for store in (damaged, clean):
            for d in docs[:70]:
                store.add(d)
            store_sync.update(store, show=False)
        path = store_sync.state_path(damaged.location)
        name = pickle.loads(path.read_bytes())["parts"][lost]
        Path(str(path) + ".parts", name).write_bytes(b"\x80\x05cut short")
        state.forget()  # (a new process)
        for store in (damaged, clean):
            for d in docs[70:]:
                store.add(d)
        shown, added = store_sync.update(damaged, limit=5 if lost.startswith("closed") else None)
        assert "cannot read the stories state" in caplog.text and "rebuilding" in caplog.text
        assert added == len(docs)  # all again
        store_sync.update(clean, rebuild=True, show=False)
        assert members(damaged) == members(clean) and shown
