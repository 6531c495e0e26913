"""Stories over the store: incremental clustering whose state persists next to the database file.

Each run reads only the documents stored since the previous run (after the ingestion number the state
keeps: a run costs what is new, not what is stored), adds them to the persisted
:class:`StoryClusterer` (duplicate index included) and writes the stories it touched to the store's
``stories`` / ``story_members`` / ``duplicates`` tables. The state is saved in parts (:mod:`~vestnik.stories.state`:
a run writes what changed, and a process reuses the state it saved instead of reading it back): a manifest in
``<store file>.stories.pkl`` (``$VESTNIK_STORIES_STATE`` names another file) and the parts in ``<that file>.parts/``.
For a database server (a URL store) the state is kept in the store itself (``state`` table), so every machine that
runs ``vestnik stories`` against it continues the same clustering.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import bindparam, delete, insert, select, text

from vestnik.document import Document
from vestnik.stories import state
from vestnik.stories.batch import Progress, order, phase, prime_batch
from vestnik.stories.cluster import Story, StoryClusterer
from vestnik.stories.features import StoryDoc, page_of, story_doc, teaser_docs

log = logging.getLogger(__name__)
STATE_NAME = "stories"
LOCK_KEY = 7306256475  # PostgreSQL advisory lock of the stories update (the schema migration's key + 1)
#: a run of fewer new documents reads back this many less of the latest stored ones (:func:`_update`): measured
#: on four topics fed in rounds of 20 (docs/stories-eval.md, stop 27)
CONTEXT = 400
#: the context a small undated run last read, per store (location -> (number, id) -> its StoryDoc), in this process:
#: a watch round reads back mostly the documents the round before read, and reading and parsing them again was half
#: of the round's cost (stop 28); a store's documents never change under a number and id
_READ: dict[str, dict[tuple[int, str], StoryDoc]] = {}
_READ_STORES = 4  # stores whose last context is kept (a process seldom serves more)


class StoriesBusy(RuntimeError):
    """Another stories update holds this store's lock."""


def state_path(location: str) -> Path | None:
    env = os.environ.get("VESTNIK_STORIES_STATE")
    if env:
        return Path(env)
    if "://" in location:
        return None
    return Path(location + ".stories.pkl")


def backend(path: Path | None, store: Any = None) -> state.Backend | None:
    """Where the state lives: the file ``path``, else the store's ``state`` table (None: neither)."""
    if path is not None:
        return state.Files(path)
    return state.Rows(store, STATE_NAME) if store is not None else None


def load_state(path: Path | None, store: Any = None, reuse: bool = True, lazy: bool = False) -> StoryClusterer:
    """The persisted clusterer (:mod:`~vestnik.stories.state`): from ``path``, else from the store's ``state``
    table, else a new one. ``reuse``: this process's last save, if still current, without reading it back;
    ``lazy``: its duplicate index read at its first use (:func:`~vestnik.stories.state.load`)."""
    where = backend(path, store)
    if where is None:
        return StoryClusterer()
    try:
        return state.load(where, reuse, lazy)
    except Exception as e:  # a damaged state costs a rebuild, never the run
        log.warning("%s: cannot read stories state (%s); rebuilding", path or "the store's state table", e)
    return StoryClusterer()


def save_state(path: Path | None, cl: StoryClusterer, store: Any = None) -> None:
    """Write what changed in the clusterer since it was loaded (:mod:`~vestnik.stories.state`)."""
    where = backend(path, store)
    if where is not None:
        state.save(where, cl)


@contextmanager
def exclusive(store: Any, wait: float | None = None) -> Iterator[None]:
    """Hold the store's stories lock (see the module's docstring); ``wait``: seconds to wait for another update
    to finish (None: as long as it takes), then :class:`StoriesBusy`."""
    deadline = None if wait is None else time.monotonic() + wait
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar():
                conn.commit()
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoriesBusy(f"another stories update is running on {store.location}")
                time.sleep(0.2)
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                conn.commit()
        return
    path = state_path(store.location)
    if path is None:  # the state in the store's table of a database file given by URL: lock beside that file
        db = store.engine.url.database
        if not db or db == ":memory:":  # one process only
            yield
            return
        path = Path(db + ".stories")
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=-1 if wait is None else wait)
    except Timeout:
        raise StoriesBusy(f"another stories update is running on {store.location} (it holds {lock.lock_file})"
                          ) from None
    try:
        yield
    finally:
        lock.release()


def update(store: Any, since: str | None = None, rebuild: bool = False, show: bool = True,
           wait: float | None = None, min_size: int = 1, limit: int | None = None,
           progress: Progress | None = None) -> tuple[list[Story], int]:
    """Cluster the documents stored since the last run; returns (stories to show, documents added).

    ``rebuild``: start over from every stored document (after an upgrade or a change of settings). A state that
    is missing or unreadable starts over the same way: the tables this module wrote are cleared with it, so no
    story, member or pair of the old state is left beside the new ones. ``show=False``: no stories returned
    (``vestnik watch`` reads them from the store; copying every story out costs more than a run with little new).
    ``wait``: seconds to wait for an update already running on the store (None: until it ends), then
    :class:`StoriesBusy`; the documents it did not read are left to the next run. ``since``, ``min_size``,
    ``limit``: which stories to show (:func:`~vestnik.stories.cluster.select`). ``progress``: see
    :data:`~vestnik.stories.batch.Progress`."""
    with exclusive(store, wait):
        try:
            return _update(store, since, rebuild, show, min_size, limit, progress)
        except state.StateDamaged as e:  # a part read lazily: as for a damaged manifest, start over
            log.warning("%s: cannot read the stories state (%s); rebuilding", store.location, e)
            state.forget(backend(state_path(store.location), store))
            return _update(store, since, True, show, min_size, limit, progress)


def _update(store: Any, since: str | None, rebuild: bool, show: bool, min_size: int = 1,
            limit: int | None = None, progress: Progress | None = None) -> tuple[list[Story], int]:
    from vestnik.store.schema import duplicates, stories, story_members, teasers

    path = state_path(store.location)
    cl = StoryClusterer() if rebuild else load_state(path, store, lazy=True)  # (under the lock)
    if not cl.doc_story:  # a new clusterer: the stories tables start over with it
        with store.engine.begin() as conn:
            conn.execute(delete(story_members))
            conn.execute(delete(stories))
            conn.execute(delete(duplicates).where(duplicates.c.evidence.like("stories:%")))
    new = []
    items = []  # the new pages' teasers (and, once, those of pages a state from before teasers left out)
    backfill = cl.teasers_missing
    read_to = cl.store_seq
    # only the documents stored after the last one read (the state keeps its ingestion number), unless every page
    # must be read (a teaser backfill) or some stored document is still unclustered: a writer that committed
    # after a later number had been read (concurrent ingestion into a database server), then everything is read
    seen = 0 if backfill else cl.store_seq
    if seen and store.count() > len(cl.doc_story) + store.count(after=seen):
        seen = 0
    to_read, n_read = store.count(after=seen) if progress is not None else 0, 0
    if progress is not None:
        progress("read", 0, to_read)
    for seq, d in store.documents_after(seen):
        n_read += 1
        if progress is not None and n_read % 200 == 0:
            progress("read", n_read, max(to_read, n_read))
        cl.store_seq = max(cl.store_seq, seq)
        sid = d.get("store_id") or d.get("id")
        if sid in cl.doc_story:
            if backfill and d.get("teasers"):
                items += teaser_docs(Document.from_dict(d), sid)
            continue
        doc = Document.from_dict(d)
        new.append((_story_doc(doc, sid), d.get("id") or sid))
        items += teaser_docs(doc, sid)
    if progress is not None:
        progress("read", n_read, n_read)
    names: dict[str, str] = getattr(cl, "names", {})
    cl.names = names  # type: ignore[attr-defined]
    touched: set[str] = set()
    new_pairs = []
    batch = [sd for sd, _ in new]
    prime_batch(cl, batch, progress, _context(store, cl, batch, read_to))
    ordered = order(batch)
    for sd, (s, matches) in zip(ordered, cl.add_many(ordered, progress=phase(progress, "cluster", len(ordered))),
                                strict=True):
        touched.add(s)
        new_pairs += [(m, sd.id) for m in matches]
    if progress is not None:  # (merges, the tables, the state: seconds on a large first run)
        progress("write", 0, 1)
    cl.add_teasers(items)  # after the articles: a teaser finds its article in this run or an earlier one
    if backfill:
        log.info("stories: teasers of %d item(s) on pages stored before teasers were linked, indexed", len(items))
        cl.teasers_missing = False
    links, cl.new_links = cl.new_links, []  # written to the store below
    # as after a batch (cluster_story_docs): one event that started twice within this run, or across runs while
    # both stories are open, meets; measured on the labelled set in batches of 20 and 100 (docs/stories-eval.md)
    gone = set()
    merges = [*cl.merge_mutual(incremental=True), *((k, d) for k, d, _ in cl.merge_languages())] if new else []
    for keep, drop in merges:
        touched.add(keep)
        gone.add(drop)
    touched -= gone
    for sd, ext in new:
        names[sd.id] = ext
    now = dt.datetime.now(dt.UTC)
    if touched or gone or links or backfill:  # (a backfill changed the state even without a link)
        with store.engine.begin() as conn:
            # pairs of a run killed after its commit and before its state was saved: this run makes them again
            # (the state it loaded is the one that run started from), so they are not written twice
            mine = duplicates.c.evidence.like("stories:%")
            for part in _chunks([sd.id for sd, _ in new]):
                conn.execute(delete(duplicates).where(mine, duplicates.c.b_doc.in_(part)))
            if links:  # (a teaser of an older page linked to an older article: that very row only)
                conn.execute(delete(duplicates).where(
                    duplicates.c.evidence == "stories:teaser-link", duplicates.c.a_doc == bindparam("p"),
                    duplicates.c.a_item == bindparam("i"), duplicates.c.b_doc == bindparam("d")),
                    [{"p": pg, "i": it, "d": article} for item, article, *_ in links for pg, it in [page_of(item)]])
            for part in _chunks(list(gone)):  # absorbed stories: their members now belong to the one that took them
                conn.execute(delete(story_members).where(story_members.c.story_id.in_(part)))
                conn.execute(delete(stories).where(stories.c.id.in_(part)))
            have = {x for part in _chunks(list(touched))
                    for x in conn.scalars(select(stories.c.id).where(stories.c.id.in_(part)))}
            for s in touched:
                st = cl.story(s)
                if s in have:
                    conn.execute(stories.update().where(stories.c.id == s).values(label=st.title, updated_at=now))
                else:
                    conn.execute(insert(stories).values(id=s, label=st.title, created_at=now, updated_at=now,
                                                        evidence="stories:online-tfidf"))
                conn.execute(delete(story_members).where(story_members.c.story_id == s))
                bridged, joined = st.bridged, st.joined
                conn.execute(insert(story_members), [
                    {"story_id": s, "doc_id": m, "item": "article",
                     "evidence": f"stories:bridge:{bridged[m]}" if m in bridged
                     else joined[m].evidence() if m in joined else "stories:online-tfidf"}
                    for m in st.members])
            if new_pairs:
                conn.execute(insert(duplicates), [
                    {"kind": m.kind, "a_doc": m.other, "a_item": "article", "b_doc": b, "b_item": "article",
                     "score": m.score, "evidence": f"stories:{m.evidence}"} for m, b in new_pairs])
            if links:  # another page's teaser of an article: (page, teaser:N) is cut from (article)
                where = [(page_of(item), article, kind, score) for item, article, kind, score in links]
                spans = {(d, f"teaser:{i}"): (a, b) for part in _chunks(list({pg for (pg, _), *_ in where}))
                         for d, i, a, b in conn.execute(
                             select(teasers.c.doc_id, teasers.c.idx, teasers.c.start_char, teasers.c.end_char)
                             .where(teasers.c.doc_id.in_(part)))}
                conn.execute(insert(duplicates), [
                    {"kind": kind, "a_doc": pg, "a_item": it, "a_start_char": span[0], "a_end_char": span[1],
                     "b_doc": article, "b_item": "article", "score": score, "evidence": "stories:teaser-link"}
                    for (pg, it), article, kind, score in where
                    for span in [spans.get((pg, it), (None, None))]])
    saved = touched or gone or links or backfill or cl.store_seq != read_to  # (or only the number read moved)
    if saved:
        save_state(path, cl, store)
    if progress is not None:
        progress("write", 1, 1)
    shown = [_external(st, names) for st in cl.listing(since, min_size, limit)] if show else []
    if (saved or not (new or items)) and (where_saved := backend(path, store)) is not None:
        state.keep(where_saved, cl)  # as saved, or unchanged: this process's next run takes it as it is
    return shown, len(new)


def _context(store: Any, cl: StoryClusterer, batch: list[StoryDoc], read_to: int) -> list[StoryDoc]:
    """The latest documents clustered before a small run of undated documents, which it is weighed among
    (:func:`~vestnik.stories.batch.prime_batch`'s ``context``). Twenty undated reports hold no topic and no
    site's chrome, while four hundred do; without dates no time window keeps a topic's different events apart,
    so they merge where the topic's words are rare. Measured on four topics fed to a store in shuffled rounds
    (docs/stories-eval.md, stop 27): B³ 0.733 → 0.804 in rounds of 20, 0.795 → 0.828 in rounds of 100. Dated
    rounds gain nothing measurable (0.870 → 0.873, 0.869 → 0.867) and are left as they are: reading the context
    makes a round of 20 cost ~8× as much (~4× since the documents a process read for the round before are kept,
    :data:`_READ`)."""
    if not batch or not cl.doc_story or len(batch) >= CONTEXT or 2 * sum(sd.day is None for sd in batch) < len(batch):
        return []
    held = _READ.pop(store.location, {})
    read = {(seq, i): held[seq, i] if d is None else _story_doc(Document.from_dict(d), i)
            for seq, i, d in store.documents_latest(CONTEXT - len(batch), read_to, held)}
    _READ[store.location] = read
    while len(_READ) > _READ_STORES:
        del _READ[next(iter(_READ))]
    return list(read.values())


def _story_doc(doc: Document, sid: str) -> StoryDoc:
    """A stored document's features under its store id."""
    sd = story_doc(doc)
    sd.id = sid
    return sd


def _chunks(xs: list[str], n: int = 10_000) -> Iterator[list[str]]:
    """``IN`` lists of at most ``n`` values: PostgreSQL takes 65,535 parameters per statement, and a first run
    over a large store touches more stories than that."""
    for i in range(0, len(xs), n):
        yield xs[i : i + n]


def _external(st: Story, names: dict[str, str]) -> Story:
    """The story with documents named by their external ids (the contract's ``id``)."""
    title = st.title  # chosen over the centroid, which the copy leaves out
    out = Story(id=st.id, members=[names.get(m, m) for m in st.members],
                titles=[title, *(t for t in st.titles if t != title)], centroid={},
                first_day=st.first_day, last_day=st.last_day, first_seen=st.first_seen, last_seen=st.last_seen,
                outlets=st.outlets, languages=st.languages)
    out.duplicates = [(names.get(a, a), names.get(b, b), k) for a, b, k in st.duplicates]
    out.bridged = {names.get(m, m): s for m, s in st.bridged.items()}
    out.joined = {names.get(m, m): j._replace(other=names.get(j.other, j.other)) if j.other else j
                  for m, j in st.joined.items()}
    out.teased = [(names.get(pg, pg) + "#" + it, names.get(a, a), k, sc)
                  for t, a, k, sc in st.teased for pg, it in [page_of(t)]]
    return out
