"""The embedded store: documents and every fact layer in one SQL database.

``Store.open(path)`` creates or opens the database and upgrades its schema to
the newest Alembic revision, so any vestnik version opens any older store.
SQLite (WAL mode: the web server reads while ``vestnik ingest`` writes) is the
default; a SQLAlchemy URL (``postgresql://...``) selects another database.

Writes are transactional per batch: a document is stored with all its fact rows
or not at all, so a killed ingest leaves nothing half-written and a re-run adds
what is missing. Documents are keyed by the content hash of their raw input
(:func:`raw_id`): the same content always gets the same id.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from collections.abc import Container, Iterable, Iterator
from dataclasses import fields, is_dataclass
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from vestnik.document import Document, content_id
from vestnik.entities.kb import MEDIA_KINDS
from vestnik.store import fts
from vestnik.store.fts import Query  # (in the class body, ``fts`` names the Store.fts property)
from vestnik.store.schema import (
    DOC_FACT_TABLES,
    EVIDENCE_LEN,
    documents,
    duplicates,
    entities,
    events,
    mentions,
    quotes,
    sources,
    state,
    stories,
    story_members,
    teasers,
    times,
)
from vestnik.stories.facts import TOPIC_MIN_DOCS, filled, own_first, topic_wide

if TYPE_CHECKING:
    from sqlalchemy import BindParameter, ColumnClause

DEFAULT_PATH = "var/vestnik.db"
STORY_FACTS = 12  # entities, speakers, cited sources and event groups a story's page lists (most documents first)
ENV_VAR = "VESTNIK_STORE"
MIGRATIONS = Path(__file__).with_name("migrations")
#: bytes per row of a state blob: PostgreSQL's bytea holds at most 1 GB and each value travels whole, and the
#: stories state of a server store grows ~5 KB per document (docs/stories-eval.md), past 1 GB at ~200,000
STATE_PART = 64 * 1024 * 1024


class StoreError(Exception):
    """A store problem the user can fix (the message says how)."""


def raw_id(doc: Document) -> str:
    """The store id of a document: content hash of its raw input (the HTML for a page, else the text)."""
    return content_id(doc.html if doc.html is not None else doc.text)


_FIELDS: dict[type, tuple[str, ...]] = {}
_FACT_LISTS = ("teasers", "mentions", "quotes", "sources", "times", "events")
_FAST_OK: bool | None = None  # verified once per process against Document.to_dict


def _plain(x: Any) -> Any:
    """``dataclasses.asdict`` + tuples as lists, without asdict's deep copies (5-10x faster on fact lists)."""
    cls = type(x)
    if cls in (str, int, float, bool) or x is None:
        return x
    names = _FIELDS.get(cls)
    if names is None and is_dataclass(x):
        names = _FIELDS[cls] = tuple(f.name for f in fields(x))
    if names is not None:
        return {n: _plain(getattr(x, n)) for n in names}
    if cls in (list, tuple):
        return [_plain(v) for v in x]
    if cls is dict:
        return {k: _plain(v) for k, v in x.items()}
    return x


def contract_dict(doc: Document) -> dict[str, Any]:
    """``doc.to_dict()``, fast: the document's own ``to_dict`` builds everything but the big fact lists.

    The first call in each process compares the result with ``to_dict()`` and falls back to it for
    good if they differ, so a change to the contract can never be stored wrongly.
    """
    global _FAST_OK
    if _FAST_OK is False:
        return doc.to_dict()
    light = copy.copy(doc)
    for name in _FACT_LISTS:
        setattr(light, name, [])
    light.entities = {}
    d = light.to_dict()
    for name in _FACT_LISTS:
        d[name] = [_plain(x) for x in getattr(doc, name)]
    d["entities"] = {k: _plain(v) for k, v in doc.entities.items()}
    if _FAST_OK is None:
        _FAST_OK = d == doc.to_dict()
        if not _FAST_OK:
            return doc.to_dict()
    return d


def _json_dumps(obj: Any) -> str:
    """Compact UTF-8 JSON (Cyrillic as itself, not \\uXXXX: a third of the size)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def default_location() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_PATH


def _url_for(location: str | os.PathLike[str]) -> str:
    loc = str(location)
    if "://" in loc:
        return loc
    path = Path(loc).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give a database file such as {path / 'vestnik.db'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create {path.parent}: {e.strerror or e}; choose another --store path") from e
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()
        # Unicode-aware lower() (SQLite's own folds ASCII only): the LIKE fallback then matches Cyrillic too.
        dbapi_conn.create_function("lower", 1, lambda s: s.lower() if isinstance(s, str) else s, deterministic=True)


def _upgrade(conn: Connection) -> None:
    """Bring the schema to the newest revision (no-op when it already is)."""
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    if conn.dialect.name == "postgresql":  # several ingesters opening a new database: one migrates, the rest wait
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7306256474)")
    current = MigrationContext.configure(conn).get_current_heads()
    if set(current) == set(script.get_heads()):
        return
    from alembic import command

    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _parts_of(name: str) -> Any:
    """The rows after the first of a state blob cut in parts (:meth:`Store.put_state`)."""
    return state.c.name.startswith(f"{name}#", autoescape=True)


def _drop_state(conn: Connection, name: str) -> None:
    """Delete a state blob's rows, the first and its parts."""
    conn.execute(state.delete().where(state.c.name == name))
    conn.execute(state.delete().where(_parts_of(name)))


def _span(x: Any) -> tuple[int | None, int | None]:
    if isinstance(x, (list, tuple)) and len(x) == 2:
        return int(x[0]), int(x[1])
    return None, None


def _item_span(d: dict[str, Any], item: str) -> tuple[int | None, int | None]:
    if item.startswith("teaser:"):
        try:
            return _span(d["teasers"][int(item.split(":", 1)[1])]["span"])
        except (IndexError, KeyError, ValueError):
            return None, None
    art = d.get("article") or {}
    spans = [s for s in [art.get("headline"), art.get("dateline"), *(art.get("paragraphs") or [])] if s]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (None, None)


def _published_within(since: str | None, until: str | None) -> list[Any]:
    """Conditions on a document's publication date: on/after ``since``, on/before ``until`` compared on as many
    characters as given ("2024-12" takes all of December)."""
    out = []
    if since:
        out.append(documents.c.published >= since)
    if until:
        out.append(func.substr(documents.c.published, 1, len(until)) <= until)
    return out


def _entity_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """The canonical names of these stored entities, for listings."""
    return dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids))).all()) \
        if ids else {}


def _fit(evidence: str | None, default: str = "") -> str:
    """A rule's evidence as the store can hold it: a lexicon pattern may be longer than the column ("lexicon:bg:купува|
    купуват|..."), which PostgreSQL refuses (SQLite does not check); the JSON output keeps it whole."""
    ev = evidence or default
    return ev if len(ev) <= EVIDENCE_LEN else ev[: EVIDENCE_LEN - 1] + "…"


def fact_rows(doc_id: str, d: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every per-document fact table for one contract dict."""
    out: dict[str, list[dict[str, Any]]] = {t.name: [] for t in DOC_FACT_TABLES}
    out["duplicates"] = []
    for i, t in enumerate(d.get("teasers") or []):
        s, e = _span(t.get("span"))
        out["teasers"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e,
                               "headline": t.get("headline"), "snippet": t.get("snippet"),
                               "dateline": t.get("dateline"), "truncated": bool(t.get("truncated")),
                               "language": t.get("language"), "evidence": _fit(t.get("evidence"), "segment")})
    for i, m in enumerate(d.get("mentions") or []):
        s, e = _span(m.get("span"))
        out["mentions"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e, "type": m.get("type"),
                                "form": m.get("form"), "base": m.get("base"), "entity_id": m.get("entity"),
                                "evidence": _fit(m.get("evidence"))})
    for i, x in enumerate(d.get("sources") or []):
        s, e = _span(x.get("span"))
        ss, se = _span(x.get("scope"))
        cs, ce = _span(x.get("cue"))
        out["sources"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e,
                               "entity_id": x.get("entity"), "cites": x.get("cites"), "scope_start_char": ss,
                               "scope_end_char": se, "cue_start_char": cs, "cue_end_char": ce,
                               "evidence": _fit(x.get("evidence"))})
    for i, q in enumerate(d.get("quotes") or []):
        s, e = _span(q.get("span"))
        cs, ce = _span(q.get("cue"))
        spk = q.get("speaker") or {}
        ps, pe = _span(spk.get("span"))
        out["quotes"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e,
                              "direct": bool(q.get("direct")), "cue_start_char": cs, "cue_end_char": ce,
                              "speaker_start_char": ps, "speaker_end_char": pe, "speaker_entity": spk.get("entity"),
                              "source_idx": q.get("sources") or [], "when_value": q.get("when"),
                              "when_source": q.get("when_source"), "evidence": _fit(q.get("evidence"))})
    for i, t in enumerate(d.get("times") or []):
        s, e = _span(t.get("span"))
        out["times"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e, "type": t.get("type"),
                             "value": t.get("value"), "evidence": _fit(t.get("evidence"))})
    for i, ev in enumerate(d.get("events") or []):
        s, e = _span(ev.get("span"))
        ss, se = _span(ev.get("sentence"))
        src, tgt = ev.get("source") or {}, ev.get("target") or {}
        a, b = _span(src.get("span"))
        c, f = _span(tgt.get("span"))
        out["events"].append({"doc_id": doc_id, "idx": i, "start_char": s, "end_char": e, "sentence_start_char": ss,
                              "sentence_end_char": se, "type": ev.get("type"), "cameo": ev.get("cameo"),
                              "source_start_char": a, "source_end_char": b, "source_entity": src.get("entity"),
                              "source_code": src.get("code"), "target_start_char": c, "target_end_char": f,
                              "target_entity": tgt.get("entity"), "target_code": tgt.get("code"),
                              "when_value": ev.get("when"), "where_entity": ev.get("where"),
                              "negated": bool(ev.get("negated")), "hedged": bool(ev.get("hedged")),
                              "quadclass": ev.get("quadclass"), "goldstein": ev.get("goldstein"),
                              "source_idx": ev.get("sources") or [], "evidence": _fit(ev.get("evidence"))})
    for dup in d.get("duplicates") or []:
        if len(dup) < 3:
            continue
        kind, a_item, b_item = str(dup[0]), str(dup[1]), str(dup[2])
        a, b = _item_span(d, a_item)
        c, f = _item_span(d, b_item)
        out["duplicates"].append({"kind": kind, "a_doc": doc_id, "a_item": a_item, "a_start_char": a,
                                  "a_end_char": b, "b_doc": doc_id, "b_item": b_item, "b_start_char": c,
                                  "b_end_char": f, "score": None, "evidence": "stories"})
    return out


_LAYER_TABLES = {"teasers": teasers, "mentions": mentions, "entities": entities, "quotes": quotes,
                 "sources": sources, "times": times, "events": events, "stories": stories,
                 "story_members": story_members, "duplicates": duplicates}


class Store:
    """A vestnik database. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        with engine.connect() as conn:
            #: "fts5" (SQLite), "tsvector" (PostgreSQL) or "like" (portable fallback)
            self.search_kind = fts.kind(conn)

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, *, fulltext: bool = True) -> Store:
        """Open (creating and migrating as needed) the store at a path or SQLAlchemy URL.

        ``fulltext=False`` uses the portable ``LIKE`` search even where FTS5 exists (tests, debugging).
        """
        loc = str(location) if location is not None else default_location()
        url = _url_for(loc)
        kw: dict[str, Any] = {}
        if make_url(url).get_backend_name() == "sqlite":
            kw["connect_args"] = {"check_same_thread": False, "timeout": 10}
        kw["json_serializer"] = _json_dumps
        try:
            engine = create_engine(url, **kw)
        except Exception as e:
            raise StoreError(f"cannot open store {loc!r}: {e}; give a file path or a database URL") from e
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        try:
            try:
                with engine.begin() as conn:
                    _upgrade(conn)
            except Exception:  # SQLite: another process created the schema between our check and our write
                with engine.begin() as conn:
                    _upgrade(conn)
        except Exception as e:
            engine.dispose()
            raise StoreError(f"cannot open store {loc!r}: {type(e).__name__}: {e}; "
                             "is it a vestnik database (or a path where one can be created)?") from e
        store = cls(engine, loc)
        if not fulltext:
            store.search_kind = "like"
        return store

    @property
    def fts(self) -> bool:
        """Whether search goes through SQLite's FTS5 index, the one index vestnik writes itself."""
        return self.search_kind == "fts5"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def has(self, ids: Iterable[str]) -> set[str]:
        """Which of these ids are already stored."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found.update(conn.scalars(select(documents.c.id).where(documents.c.id.in_(chunk))))
        return found

    def urls_of(self, external_ids: Iterable[str]) -> set[str]:
        """The URLs (``url`` and ``source``) of stored documents with these contract ids: an indexed look-up that
        lets ``ingest`` skip a feed entry it already holds before fetching its page."""
        ids = list(dict.fromkeys(external_ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                rows = conn.execute(select(documents.c.url, documents.c.source)
                                    .where(documents.c.external_id.in_(ids[i : i + 500])))
                found.update(x for row in rows for x in row if x)
        return found

    def add(self, doc: Document, id: str | None = None, pipeline: str | None = None) -> tuple[str, bool]:
        """Store one processed document with all its facts; ``(id, created)``, created False if it was there."""
        return self.add_many([(doc, id)], pipeline=pipeline)[0]

    def add_many(self, docs: Iterable[tuple[Document, str | None]], pipeline: str | None = None
                 ) -> list[tuple[str, bool]]:
        """Store a batch in ONE transaction: after a crash the whole batch is there or none of it.

        Returns ``(id, created)`` per input, in order; ``created`` is False for content already stored.
        """
        now = dt.datetime.now(dt.UTC)
        prepared: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        for doc, given in docs:
            doc_id = given or raw_id(doc)
            d = contract_dict(doc)
            prepared.append((doc_id, d, self._document_row(doc_id, d, now, pipeline)))
        try:
            with self.engine.begin() as conn:
                return self._write(conn, prepared, fast=True)
        except IntegrityError:  # another writer stored some of these meanwhile: go one by one
            with self.engine.begin() as conn:
                return self._write(conn, prepared, fast=False)

    def _write(self, conn: Connection, prepared: list[tuple[str, dict[str, Any], dict[str, Any]]], fast: bool
               ) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        ids = [p[0] for p in prepared]
        have = set(conn.scalars(select(documents.c.id).where(documents.c.id.in_(ids)))) if ids else set()
        new: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        seqs: dict[str, int] = {}
        for doc_id, d, row in prepared:
            if doc_id in have:
                out.append((doc_id, False))
                continue
            have.add(doc_id)
            if not fast:
                seq = self._insert_document(conn, row)
                if seq is None:
                    out.append((doc_id, False))
                    continue
                seqs[doc_id] = seq
            out.append((doc_id, True))
            new.append((doc_id, d, row))
        if not new:
            return out
        if fast:
            conn.execute(insert(documents), [row for _, _, row in new])
            seqs = dict(conn.execute(select(documents.c.id, documents.c.seq)
                                     .where(documents.c.id.in_([i for i, _, _ in new]))).all())
        facts: dict[str, list[dict[str, Any]]] = {}
        ents: dict[str, dict[str, Any]] = {}
        for doc_id, d, _row in new:
            for name, rows in fact_rows(doc_id, d).items():
                facts.setdefault(name, []).extend(rows)
            for eid, e in (d.get("entities") or {}).items():
                ents.setdefault(eid, {"id": eid, "name": e.get("name"), "type": e.get("type"),
                                      "codes": e.get("codes") or {}, "kind": e.get("kind"),
                                      "country": e.get("country")})
        for name, rows in facts.items():
            if rows:
                conn.execute(insert(_LAYER_TABLES[name]), rows)
        if ents:
            self._insert_entities(conn, list(ents.values()))
        if self.fts:
            fts.index_rows(conn, [{"seq": seqs[i], "headline": row["headline"], "text": row["text"]}
                                  for i, _, row in new])
        return out

    @staticmethod
    def _document_row(doc_id: str, d: dict[str, Any], now: dt.datetime, pipeline: str | None) -> dict[str, Any]:
        text_ = d["text"]
        art = d.get("article") or {}
        h = art.get("headline")
        headline = text_[h[0] : h[1]] if h else (d.get("title") or None)
        contract = {k: v for k, v in d.items() if k != "text"}
        pub = d.get("publisher") or {}
        return {
            "id": doc_id, "external_id": d.get("id") or None, "source": d.get("source"), "url": d.get("url"),
            "title": d.get("title"), "headline": headline, "language": d.get("language"),
            "language_confidence": d.get("language_confidence"), "published": d.get("published"),
            "published_source": d.get("published_source"),
            "publisher": (pub.get("name") if isinstance(pub, dict) else None),
            "publisher_entity": (pub.get("entity") if isinstance(pub, dict) else None),
            "encoding": d.get("encoding"), "text": text_, "article": art, "contract": contract,
            "ingested_at": now, "pipeline": pipeline,
        }

    def _insert_document(self, conn: Connection, row: dict[str, Any]) -> int | None:
        """Insert unless the id exists (safe against a concurrent writer); the new ``seq`` or None."""
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            if name == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as dialect_insert
            else:
                from sqlalchemy.dialects.postgresql import insert as dialect_insert  # type: ignore[assignment]  # (same API)
            stmt = dialect_insert(documents).values(**row).on_conflict_do_nothing(index_elements=["id"])
            res = conn.execute(stmt.returning(documents.c.seq))
            seq = res.scalar()
            return int(seq) if seq is not None else None
        if conn.scalar(select(documents.c.seq).where(documents.c.id == row["id"])) is not None:
            return None
        return int(conn.execute(insert(documents).values(**row)).inserted_primary_key[0])  # type: ignore[index]  # (one row inserted)

    @staticmethod
    def _insert_entities(conn: Connection, rows: list[dict[str, Any]]) -> None:
        have = set(conn.scalars(select(entities.c.id).where(entities.c.id.in_([r["id"] for r in rows]))))
        new = [r for r in rows if r["id"] not in have]
        if new:
            conn.execute(insert(entities), new)

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its facts (re-ingest it afterwards to refresh it)."""
        with self.engine.begin() as conn:
            row = conn.execute(select(documents.c.seq, documents.c.headline, documents.c.text)
                               .where(documents.c.id == doc_id)).first()
            if row is None:
                return False
            for t in DOC_FACT_TABLES:
                conn.execute(t.delete().where(t.c.doc_id == doc_id))
            conn.execute(story_members.delete().where(story_members.c.doc_id == doc_id))
            conn.execute(duplicates.delete().where(or_(duplicates.c.a_doc == doc_id, duplicates.c.b_doc == doc_id)))
            if self.fts:
                fts.unindex(conn, row.seq, row.headline, row.text)
            conn.execute(documents.delete().where(documents.c.id == doc_id))
        return True

    # ------------------------------------------------------------------ state blobs
    def get_state(self, name: str, version: int) -> bytes | None:
        """A named blob saved by :meth:`put_state` with this format version, else None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(state.c.version, state.c.data).where(state.c.name == name)).first()
            if row is None or row.version != version:
                return None
            parts = {int(n.rpartition("#")[2]): bytes(d) for n, d in conn.execute(
                select(state.c.name, state.c.data).where(_parts_of(name), state.c.version == version))}
        if sorted(parts) != list(range(1, len(parts) + 1)):  # (one transaction writes them all: never seen)
            raise StoreError(f"the state {name!r} in {self.location!r} lacks parts {sorted(parts)}: rebuild it")
        return b"".join([bytes(row.data), *(parts[i] for i in range(1, len(parts) + 1))])

    def put_state(self, name: str, version: int, data: bytes, part: int = STATE_PART) -> None:
        """Replace a named blob (one transaction: readers see the old or the new one, never half), in rows of
        ``part`` bytes: ``name``, then ``name#1``, ``name#2``..."""
        now, view = dt.datetime.now(dt.UTC), memoryview(data)
        with self.engine.begin() as conn:
            _drop_state(conn, name)
            for k, i in enumerate(range(0, max(len(data), 1), part)):
                conn.execute(insert(state).values(name=f"{name}#{k}" if k else name, version=version,
                                                  data=bytes(view[i : i + part]), updated_at=now))

    def state_names(self, prefix: str) -> list[str]:
        """The names of the blobs saved under names starting with ``prefix`` (their first rows only)."""
        with self.engine.connect() as conn:
            return [n for n in conn.scalars(select(state.c.name).where(state.c.name.startswith(prefix, autoescape=True)))
                    if "#" not in n[len(prefix):]]

    def delete_state(self, names: list[str]) -> None:
        """Delete named blobs with all their rows (one transaction)."""
        with self.engine.begin() as conn:
            for name in names:
                _drop_state(conn, name)

    # ------------------------------------------------------------------ reading
    def resolve(self, ref: str) -> str | None:
        """A store id from an id, a unique id prefix (≥ 6 characters) or an external id."""
        ref = ref.strip()
        if not ref:
            return None
        with self.engine.connect() as conn:
            if conn.scalar(select(documents.c.id).where(documents.c.id == ref)):
                return ref
            if len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref):
                ids = list(conn.scalars(select(documents.c.id).where(documents.c.id.startswith(ref)).limit(2)))
                if len(ids) == 1:
                    return ids[0]
            ids = list(conn.scalars(select(documents.c.id).where(documents.c.external_id == ref)
                                    .order_by(documents.c.seq.desc()).limit(1)))
            return ids[0] if ids else None

    def get(self, ref: str) -> dict[str, Any] | None:
        """The contract dict of a document (``id`` = external id, ``store_id`` = content hash), or None."""
        doc_id = self.resolve(ref)
        if doc_id is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        return None if row is None else self._contract(row)

    @staticmethod
    def _contract(row: Any) -> dict[str, Any]:
        d = dict(row.contract)
        d["text"] = row.text
        d["store_id"] = row.id
        d["ingested_at"] = row.ingested_at.isoformat() if row.ingested_at else None
        return d

    def iter_documents(self, since: str | None = None, language: str | None = None, *,
                       ingested_since: dt.datetime | None = None, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Every stored document as a contract dict, in ingestion order.

        ``since``: published on or after this ISO date; ``language``: ISO 639-1 code;
        ``ingested_since``: stored at or after this time. Reads in pages, so memory stays flat.
        """
        where = []
        if since:
            where.append(documents.c.published >= since)
        if language:
            where.append(documents.c.language == language)
        if ingested_since:
            where.append(documents.c.ingested_at >= ingested_since)
        for row in self._rows(where, 0, batch):
            yield self._contract(row)

    def documents_after(self, seq: int, batch: int = 200) -> Iterator[tuple[int, dict[str, Any]]]:
        """(ingestion sequence number, contract dict) of each document stored after number ``seq``, in ingestion
        order: what an incremental reader (the stories update) has not read yet, without reading the rest."""
        for row in self._rows([], seq, batch):
            yield row.seq, self._contract(row)

    def documents_latest(self, n: int, upto: int,
                         have: Container[tuple[int, str]] = ()) -> list[tuple[int, str, dict[str, Any] | None]]:
        """(ingestion sequence number, store id, contract dict) of the last ``n`` documents stored up to number
        ``upto``, in ingestion order: what a stories update reads back beside a few new documents (their context).
        The dict is None for the (number, id) pairs in ``have``: the caller holds those already (a watch process
        reads most of one round's context again in the next), so only their keys are read."""
        if n <= 0 or upto <= 0:
            return []
        keys = select(documents.c.seq, documents.c.id).where(documents.c.seq <= upto).order_by(
            documents.c.seq.desc()).limit(n)
        with self.engine.connect() as conn:
            latest = [(row.seq, row.id) for row in reversed(conn.execute(keys).all())]
            wanted = [seq for seq, i in latest if (seq, i) not in have]
            rows = {row.seq: row for k in range(0, len(wanted), 10_000)  # (PostgreSQL: 65,535 parameters)
                    for row in conn.execute(select(documents).where(documents.c.seq.in_(wanted[k : k + 10_000])))}
        return [(seq, i, self._contract(rows[seq]) if seq in rows else None) for seq, i in latest]

    def _rows(self, where: list[Any], after: int, batch: int) -> Iterator[Any]:
        """Document rows after sequence number ``after`` that meet ``where``, read ``batch`` at a time."""
        last = after
        while True:
            stmt = select(documents).where(documents.c.seq > last, *where).order_by(documents.c.seq).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).all()
            if not rows:
                return
            yield from rows
            last = rows[-1].seq

    def count(self, language: str | None = None, after: int = 0) -> int:
        """Stored documents (in ``language``; stored after ingestion number ``after``)."""
        stmt = select(func.count()).select_from(documents)
        if language:
            stmt = stmt.where(documents.c.language == language)
        if after:
            stmt = stmt.where(documents.c.seq > after)
        with self.engine.connect() as conn:
            return int(conn.scalar(stmt) or 0)

    _LIST_COLS = (documents.c.seq, documents.c.id, documents.c.external_id, documents.c.published,
                  documents.c.language, documents.c.headline, documents.c.publisher, documents.c.source,
                  documents.c.url)

    @staticmethod
    def _summary(row: Any) -> dict[str, Any]:
        return {"id": row.id, "external_id": row.external_id, "published": row.published, "language": row.language,
                "headline": row.headline, "publisher": row.publisher, "source": row.source, "url": row.url}

    def list_documents(self, limit: int = 50, offset: int = 0, language: str | None = None) -> list[dict[str, Any]]:
        """Newest-ingested first, without the text (for listings)."""
        stmt = select(*self._LIST_COLS).order_by(documents.c.seq.desc()).limit(limit).offset(offset)
        if language:
            stmt = stmt.where(documents.c.language == language)
        with self.engine.connect() as conn:
            return [self._summary(r) for r in conn.execute(stmt)]

    def _match(self, query: Query, language: str | None) -> Any:
        """A select of (seq, rank) for the documents matching ``query``."""
        if self.fts:
            sub = (select(literal_column("rowid").label("seq"),
                          literal_column(f"bm25({fts.FTS_TABLE}, 4.0, 1.0)").label("rank"))
                   .select_from(table(fts.FTS_TABLE))
                   .where(literal_column(fts.FTS_TABLE).op("MATCH")(bindparam("q", query.fts5())))
                   .subquery("m"))
            out = select(documents.c.seq, sub.c.rank).join(sub, sub.c.seq == documents.c.seq)
        elif self.search_kind == "tsvector":
            tsv: ColumnClause[Any] = literal_column(f"({fts.PG_TSV})")
            tsq = None
            for i, (fn, arg) in enumerate(query.tsqueries()):
                one = getattr(func, fn)(literal_column("'simple'::regconfig"), bindparam(f"q{i}", arg))
                tsq = one if tsq is None else tsq.op("&&")(one)
            # negated so that, as with bm25, smaller is better
            out = (select(documents.c.seq, (-func.ts_rank_cd(tsv, tsq)).label("rank"))
                   .where(tsv.op("@@")(tsq)))
        else:
            out = select(documents.c.seq, documents.c.seq.label("rank"))
            for pat in query.like_patterns():
                out = out.where(or_(func.lower(documents.c.headline).like(pat, escape="\\"),
                                    func.lower(documents.c.text).like(pat, escape="\\")))
        if language:
            out = out.where(documents.c.language == language)
        return out

    def search(self, q: str, limit: int = 20, offset: int = 0, language: str | None = None
               ) -> list[dict[str, Any]]:
        """Documents matching ``q`` (all words; "phrases"; words of 4+ letters match as prefixes), best first.

        Each hit has the listing fields plus ``snippet`` and ``highlights`` (spans inside the snippet).
        """
        query = fts.Query.parse(q)
        if not query:
            return []
        m = self._match(query, language).subquery("hits")
        ranked = self.search_kind != "like"
        order = m.c.rank.asc() if ranked else m.c.rank.desc()
        stmt = (select(*self._LIST_COLS, documents.c.text, documents.c.article, m.c.rank).join(m, m.c.seq == documents.c.seq)
                .order_by(order).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        hits = []
        for r in rows:
            h = self._summary(r)
            h_end = ((r.article or {}).get("headline") or [0, 0])[1]
            body_snip, spans = fts.snippet(r.text[h_end:], query)  # the headline is shown anyway
            if not spans and h_end:
                body_snip, spans = fts.snippet(r.text, query)
            h["snippet"], h["highlights"] = body_snip, [list(s) for s in spans]
            h["score"] = -float(r.rank) if ranked else None
            hits.append(h)
        return hits

    def search_count(self, q: str, language: str | None = None) -> int:
        query = fts.Query.parse(q)
        if not query:
            return 0
        m = self._match(query, language).subquery("hits")
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(m)) or 0)

    def _entity_counts(self, q: str | None, type_: str | None) -> Any:
        """A select of (entity row, mentions, documents) for the entities matching a name fragment and type."""
        counts = (select(mentions.c.entity_id, func.count().label("n_mentions"),
                         func.count(mentions.c.doc_id.distinct()).label("n_documents"))
                  .where(mentions.c.entity_id.is_not(None)).group_by(mentions.c.entity_id).subquery("c"))
        stmt = select(entities, counts.c.n_mentions, counts.c.n_documents).join(counts, counts.c.entity_id == entities.c.id)
        if q:  # the canonical name (often English), the id, or a form the documents write it in (Путин)
            ql = q.lower()
            pat = f"%{fts.like_escape(ql)}%"
            base = func.lower(mentions.c.base)
            forms = select(mentions.c.entity_id).where(base.like(pat, escape="\\"))
            # an inflected query (Путина, Русията; Москве): it starts with a base form, or with a base form less its
            # final vowel, and is at most three letters longer
            n = func.length(mentions.c.base)
            word: BindParameter[str] = bindparam("q_word", ql)
            vowel_less = func.substr(base, 1, n - 1)
            inflected = select(mentions.c.entity_id).where(n >= max(3, len(ql) - 3), n <= len(ql), or_(
                (n < len(ql)) & word.like(base + "%"),
                func.substr(base, n, 1).in_(tuple("аяоеийьы")) & (n >= 4) & word.like(vowel_less + "%")))
            stmt = stmt.where(or_(func.lower(entities.c.name).like(pat, escape="\\"),
                                  func.lower(entities.c.id).like(pat, escape="\\"), entities.c.id.in_(forms),
                                  entities.c.id.in_(inflected)))
        if type_:
            stmt = stmt.where(entities.c.type == type_)
        return stmt

    @staticmethod
    def _entity_row(r: Any) -> dict[str, Any]:
        return {"id": r.id, "name": r.name, "type": r.type, "kind": r.kind, "country": r.country,
                "codes": r.codes or {}, "mentions": int(r.n_mentions), "documents": int(r.n_documents)}

    def list_entities(self, q: str | None = None, type_: str | None = None, limit: int = 50, offset: int = 0
                      ) -> tuple[int, list[dict[str, Any]]]:
        """Entities the stored documents mention (``q``: a fragment of the name or id), most widely mentioned
        first: (total, page)."""
        stmt = self._entity_counts(q, type_)
        with self.engine.connect() as conn:
            total = int(conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            sub = stmt.subquery("e")
            rows = conn.execute(select(sub).order_by(sub.c.n_documents.desc(), sub.c.n_mentions.desc(), sub.c.id)
                                .limit(limit).offset(offset)).all()
        return total, [self._entity_row(r) for r in rows]

    def entity(self, entity_id: str, limit: int = 20) -> dict[str, Any] | None:
        """One entity: its counts, the forms the documents write it in, and the newest documents naming it."""
        with self.engine.connect() as conn:
            row = conn.execute(self._entity_counts(None, None).where(entities.c.id == entity_id)).first()
            if row is None:
                return None
            forms = conn.execute(select(mentions.c.base, mentions.c.form, func.count().label("n"))
                                 .where(mentions.c.entity_id == entity_id)
                                 .group_by(mentions.c.base, mentions.c.form).order_by(func.count().desc()).limit(50)).all()
            docs = (select(mentions.c.doc_id, func.count().label("n")).where(mentions.c.entity_id == entity_id)
                    .group_by(mentions.c.doc_id).subquery("d"))
            rows = conn.execute(select(*self._LIST_COLS, docs.c.n).join(docs, docs.c.doc_id == documents.c.id)
                                .order_by(documents.c.seq.desc()).limit(limit)).all()
        out = self._entity_row(row)
        out["forms"] = [{"base": b, "form": f, "mentions": int(n)} for b, f, n in forms]
        out["recent"] = [{**self._summary(r), "mentions": int(r.n)} for r in rows]
        return out

    def list_stories(self, limit: int = 50, offset: int = 0, entity: str | None = None, since: str | None = None,
                     until: str | None = None, language: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        """Stories that ``vestnik stories`` stored, largest and most recently updated first: (total, page), each
        with its size, languages, publishers, first and last publication dates and duplicate pairs. Filters, each
        met by some member: ``entity`` named in it (not only in its teaser box); published on/after ``since``, on/before ``until`` (as many
        characters as given: "2024-12" is all of December); in ``language``."""
        size = (select(story_members.c.story_id, func.count(story_members.c.doc_id.distinct()).label("size"))
                .group_by(story_members.c.story_id).subquery("z"))
        docs = []
        if entity:
            docs.append(self._naming(entity))
        docs += [select(documents.c.id).where(c) for c in _published_within(since, until)]
        if language:
            docs.append(select(documents.c.id).where(documents.c.language == language))
        kept = [stories.c.id.in_(select(story_members.c.story_id).where(story_members.c.doc_id.in_(d)))
                for d in docs]
        with self.engine.connect() as conn:
            total = int(conn.scalar(select(func.count()).select_from(stories).where(*kept)) or 0)
            rows = conn.execute(select(stories, size.c.size).join(size, size.c.story_id == stories.c.id).where(*kept)
                                .order_by(size.c.size.desc(), stories.c.updated_at.desc(), stories.c.id)
                                .limit(limit).offset(offset)).all()
            return total, [self._story(conn, r, 5) for r in rows]

    @staticmethod
    def _outside_teasers(table_: Any = mentions) -> Any:
        """A fact row's condition (a mention, quote, source or event): not inside its page's teaser box (other
        stories, other days)."""
        return ~select(teasers.c.id).where(teasers.c.doc_id == table_.c.doc_id,
                                           teasers.c.start_char <= table_.c.start_char,
                                           table_.c.start_char < teasers.c.end_char).exists()

    def _naming(self, entity: str) -> Any:
        """Documents whose own text names ``entity`` (not only their teaser box)."""
        return select(mentions.c.doc_id).where(mentions.c.entity_id == entity, self._outside_teasers())

    def story_entities(self, story_ids: Iterable[str], top: int = 5) -> dict[str, list[tuple[str, str, int]]]:
        """Per story, the ``top`` entities most of its documents name outside their teaser boxes (ties: more
        mentions), those that half the store's documents name after the others (its topic), agencies and outlets
        left out (its sources, not who it is about; as over files): (id, name, documents), for listings
        (:meth:`story` has the full account)."""
        ids = list(story_ids)
        rows: dict[str, list[tuple[int, int, str, str]]] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                n = func.count(mentions.c.doc_id.distinct())
                for sid, eid, name, docs, times in conn.execute(
                        select(story_members.c.story_id, mentions.c.entity_id, entities.c.name, n, func.count())
                        .join(mentions, mentions.c.doc_id == story_members.c.doc_id)
                        .join(entities, entities.c.id == mentions.c.entity_id)
                        .where(story_members.c.story_id.in_(ids[k : k + 500]), self._outside_teasers(),
                               or_(entities.c.kind.is_(None), entities.c.kind.notin_(sorted(MEDIA_KINDS))))
                        .group_by(story_members.c.story_id, mentions.c.entity_id, entities.c.name)):
                    rows.setdefault(sid, []).append((-int(docs), -int(times), eid, name or eid))
            wide = self._topic_wide(conn, {r[2] for rs in rows.values() for r in rs})
        return {sid: [(e, name, -d) for d, _, e, name in own_first(sorted(r), wide, itemgetter(2))[:top]]
                for sid, r in rows.items()}

    def _topic_wide(self, conn: Connection, candidates: set[str]) -> set[str]:
        """Of ``candidates``, the entities that half the stored documents name (``facts.topic_wide``)."""
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        if n_docs < TOPIC_MIN_DOCS or not candidates:
            return set()
        df: dict[str, int] = {}
        cand = sorted(candidates)
        for k in range(0, len(cand), 500):
            df.update((e, int(c)) for e, c in conn.execute(
                select(mentions.c.entity_id, func.count(mentions.c.doc_id.distinct()))
                .where(mentions.c.entity_id.in_(cand[k : k + 500]), self._outside_teasers())
                .group_by(mentions.c.entity_id)))
        return topic_wide(df, n_docs)

    def story(self, story_id: str, limit: int = 200) -> dict[str, Any] | None:
        """One stored story with its member documents (newest first), the duplicate pairs among them, and what
        its reports say together (:meth:`_story_facts`)."""
        with self.engine.connect() as conn:
            r = conn.execute(select(stories).where(stories.c.id == story_id)).first()
            if r is None:
                return None
            return {**self._story(conn, r, limit), **self._story_facts(conn, [r.id])[r.id]}

    def story_facts(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Whom each story's reports quote and cite and what they report (:meth:`_story_facts` less the entities:
        :meth:`story_entities` lists those), for ``vestnik stories --format jsonl``; a few queries per 500
        stories, not per story."""
        ids = list(dict.fromkeys(story_ids))
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):
                out.update(self._story_facts(conn, ids[k : k + 500], with_entities=False))
        return out

    def _story_facts(self, conn: Connection, story_ids: list[str], top: int = STORY_FACTS,
                     with_entities: bool = True) -> dict[str, dict[str, Any]]:
        """Per story, who and what its reports tell, across outlets: the entities they name, who they quote, whom
        they cite (according to whom) and the coded events (type, source, target), each counted in member
        documents, so that what several outlets report ranks above one outlet's detail; one query per kind of
        fact for all the stories. A page's teaser box (other stories) does not count. Each event group keeps the
        sentence of its first event, as evidence. Over files, with no store, :mod:`vestnik.stories.facts` counts
        the same (tests/test_api_web.py checks that they agree)."""
        Rank = list[tuple[Any, int, int, int]]

        def ranked(table_: Any, key: list[Any], *where: Any) -> dict[str, Rank]:
            """Per story: (key, documents, rows, first row id) per key, most documents first, then most rows,
            then the most complete key (``stories.facts.filled``), then key."""
            rows = conn.execute(select(story_members.c.story_id, *key, func.count(table_.c.doc_id.distinct()),
                                       func.count(), func.min(table_.c.id))
                                .join(table_, table_.c.doc_id == story_members.c.doc_id)
                                .where(story_members.c.story_id.in_(story_ids), self._outside_teasers(table_), *where)
                                .group_by(story_members.c.story_id, *key)).all()
            per: dict[str, Rank] = {}
            for r in rows:
                per.setdefault(r[0], []).append((r[1] if len(key) == 1 else tuple(r[1 : 1 + len(key)]), int(r[-3]),
                                                 int(r[-2]), int(r[-1])))
            return {sid: sorted(out, key=lambda x: (-x[1], -x[2], -filled(x[0]), str(x[0])))[:top]
                    for sid, out in per.items()}

        named = ranked(mentions, [mentions.c.entity_id], mentions.c.entity_id.is_not(None)) if with_entities else {}
        quoted = ranked(quotes, [quotes.c.speaker_entity], quotes.c.speaker_entity.is_not(None))
        cited = ranked(sources, [sources.c.entity_id], sources.c.entity_id.is_not(None))
        # an event without a known actor says what happened but not who did it: it stays on its document's page
        actors = (events.c.source_entity, events.c.source_code, events.c.target_entity, events.c.target_code)
        happened = ranked(events, [events.c.type, *actors], or_(*(func.coalesce(c, "") != "" for c in actors)))
        first = {}  # the evidence: each group's first event, its sentence cut from its document's text
        event_ids = [f for rows in happened.values() for *_, f in rows]
        if event_ids:
            for r in conn.execute(select(events.c.id, events.c.doc_id, events.c.start_char, events.c.end_char,
                                         events.c.sentence_start_char, events.c.sentence_end_char, documents.c.text)
                                  .join(documents, documents.c.id == events.c.doc_id)
                                  .where(events.c.id.in_(event_ids))):
                known = r.sentence_start_char is not None and r.sentence_end_char is not None
                first[r.id] = {"document": r.doc_id, "span": [r.start_char, r.end_char],
                               "sentence": r.text[r.sentence_start_char : r.sentence_end_char] if known else None,
                               "sentence_span": [r.sentence_start_char, r.sentence_end_char] if known else None}
        ids = {k for per in (named, quoted, cited) for rows in per.values() for k, *_ in rows} | {
            x for rows in happened.values() for k, *_ in rows for x in (k[1], k[3]) if x}
        names: dict[str, str] = {}
        types: dict[str, str] = {}
        for eid, name, type_ in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                             .where(entities.c.id.in_(ids))) if ids else ():
            names[eid], types[eid] = name, type_

        def who(rows: Rank, what: str) -> list[dict[str, Any]]:
            return [{"entity": k, "name": names.get(k) or k, "type": types.get(k), "documents": d, what: n}
                    for k, d, n, _ in rows]

        def actor(entity: str | None, code: str | None) -> dict[str, Any]:
            return {"entity": entity, "name": names.get(entity) if entity else None, "code": code}

        return {sid: {**({"entities": who(named.get(sid, []), "mentions")} if with_entities else {}),
                      "speakers": who(quoted.get(sid, []), "quotes"), "cited": who(cited.get(sid, []), "citations"),
                      "events": [{"type": k[0], "source": actor(k[1], k[2]), "target": actor(k[3], k[4]),
                                  "documents": d, "events": n, "example": first[f]}
                                 for k, d, n, f in happened.get(sid, [])]}
                for sid in story_ids}

    def _story(self, conn: Connection, r: Any, limit: int) -> dict[str, Any]:
        member = select(story_members.c.doc_id).where(story_members.c.story_id == r.id)
        docs = conn.execute(select(*self._LIST_COLS).where(documents.c.id.in_(member))
                            .order_by(documents.c.published.desc(), documents.c.seq.desc())).all()
        why = dict(conn.execute(select(story_members.c.doc_id, story_members.c.evidence)
                                .where(story_members.c.story_id == r.id)).all())
        ids = [d.id for d in docs]
        dups = conn.execute(select(duplicates.c.kind, duplicates.c.a_doc, duplicates.c.b_doc, duplicates.c.score,
                                   duplicates.c.a_item, duplicates.c.b_item)
                            .where(duplicates.c.b_doc.in_(ids), duplicates.c.a_doc.in_(ids))).all() if ids else []
        # other pages whose teaser boxes announce a member (vestnik.stories: cut from the member's lead)
        page = documents.alias("page")
        teased = conn.execute(select(duplicates.c.a_doc, duplicates.c.a_item, duplicates.c.b_doc, duplicates.c.kind,
                                     duplicates.c.score, page.c.headline, page.c.external_id, page.c.publisher)
                              .join(page, page.c.id == duplicates.c.a_doc)
                              .where(duplicates.c.b_doc.in_(ids), duplicates.c.b_item == "article",
                                     duplicates.c.a_item.like("teaser:%"), duplicates.c.a_doc != duplicates.c.b_doc)
                              .order_by(duplicates.c.b_doc, duplicates.c.a_doc)).all() if ids else []
        dates = sorted(d.published[:10] for d in docs if d.published)
        return {"id": r.id, "title": r.label, "size": len(docs),
                "languages": sorted({d.language for d in docs if d.language}),
                "publishers": sorted({d.publisher for d in docs if d.publisher}),
                "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
                "updated_at": r.updated_at.isoformat() if r.updated_at else None,
                # each member with the rule that put it here: "stories:first", "stories:similar:0.41", a duplicate
                # ("stories:near-duplicate:0.73"), "stories:merged:0.33", "stories:bridge:0.52" (across languages)
                "documents": [{**self._summary(d), "evidence": why.get(d.id)} for d in docs[:limit]],
                "duplicates": [{"kind": k, "a": a, "b": b, "score": sc, "a_item": ai, "b_item": bi}
                               for k, a, b, sc, ai, bi in dups],
                "teasers": [{"page": pg, "item": it, "document": b, "kind": k, "score": sc,
                             "page_headline": h or ext or pg, "page_publisher": pub}
                            for pg, it, b, k, sc, h, ext, pub in teased]}

    def stories_with(self, doc_id: str | None = None, entity: str | None = None, limit: int = 20
                     ) -> list[dict[str, Any]]:
        """Stored stories holding this document, or documents naming this entity (most such documents first):
        ``[{id, title, documents}]`` (``documents``: how many of the story's documents match), for links."""
        m = select(story_members.c.story_id, story_members.c.doc_id).distinct()
        if doc_id:
            m = m.where(story_members.c.doc_id == doc_id)
        if entity:
            m = m.where(story_members.c.doc_id.in_(self._naming(entity)))
        sub = m.subquery("sm")
        stmt = (select(stories.c.id, stories.c.label, func.count().label("n")).join(sub, sub.c.story_id == stories.c.id)
                .group_by(stories.c.id, stories.c.label).order_by(func.count().desc(), stories.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [{"id": i, "title": t, "documents": int(n)} for i, t, n in conn.execute(stmt)]

    def list_events(self, entity: str | None = None, type_: str | None = None, since: str | None = None,
                    limit: int = 50, offset: int = 0, until: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        """Coded events, newest documents first: (total, page). ``entity``: events with it as source or target;
        ``type_``: a PLOVER type or a CAMEO code prefix ("04"); ``since``/``until``: documents published on/after,
        on/before a date. Each event keeps its evidence: the sentence it was read from, and the rule that coded it."""
        stmt = select(events).join(documents, documents.c.id == events.c.doc_id)
        if entity:
            stmt = stmt.where(or_(events.c.source_entity == entity, events.c.target_entity == entity))
        if type_:
            stmt = stmt.where(or_(events.c.type == type_, events.c.cameo.like(fts.like_escape(type_) + "%", escape="\\")))
        stmt = stmt.where(*_published_within(since, until))
        with self.engine.connect() as conn:
            total = int(conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            sub = stmt.subquery("ev")
            rows = conn.execute(select(sub, *self._LIST_COLS, documents.c.text).join(documents, documents.c.id == sub.c.doc_id)
                                .order_by(documents.c.published.desc(), documents.c.seq.desc(), sub.c.idx)
                                .limit(limit).offset(offset)).all()
            names = _entity_names(conn, {x for r in rows for x in (r.source_entity, r.target_entity, r.where_entity)
                                         if x})
        out = []
        for r in rows:  # r.id is the event row's own id: the document's is r.doc_id
            sent = r.text[r.sentence_start_char : r.sentence_end_char] if r.sentence_start_char is not None else None
            out.append({
                "document": {**self._summary(r), "id": r.doc_id}, "type": r.type, "cameo": r.cameo, "quadclass": r.quadclass,
                "goldstein": r.goldstein, "negated": r.negated, "hedged": r.hedged, "when": r.when_value,
                "source": {"entity": r.source_entity, "name": names.get(r.source_entity), "code": r.source_code},
                "target": {"entity": r.target_entity, "name": names.get(r.target_entity), "code": r.target_code},
                "where": {"entity": r.where_entity, "name": names.get(r.where_entity)},
                "trigger": r.text[r.start_char : r.end_char], "span": [r.start_char, r.end_char],
                "sentence": sent, "sentence_span": [r.sentence_start_char, r.sentence_end_char] if sent else None,
                "evidence": r.evidence})
        return total, out

    def list_quotes(self, speaker: str | None = None, source: str | None = None, since: str | None = None,
                    until: str | None = None, limit: int = 50, offset: int = 0, q: str | None = None
                    ) -> tuple[int, list[dict[str, Any]]]:
        """Quotes, newest documents first: (total, page). ``speaker``: said by this entity; ``source``: resting on a
        chain that names this entity (an agency, an outlet, an institution: "according to whom"); ``since`` /
        ``until``: documents published on/after, on/before a date; ``q``: words (all), "phrases" or word* the quote's
        own content holds, as the full-text search reads them. Each quote keeps its cue, its speaker's mention and
        the chain of sources, publisher first, as the quotes layer read them."""
        query = fts.Query.parse(q) if q else None
        stmt = select(quotes.c.id, quotes.c.doc_id, quotes.c.source_idx, quotes.c.start_char, quotes.c.end_char
                      ).join(documents, documents.c.id == quotes.c.doc_id)
        if query:  # the documents the search finds, then the quotes whose own words match
            stmt = stmt.where(documents.c.seq.in_(select(self._match(query, None).subquery("hits").c.seq)))
        if speaker:
            stmt = stmt.where(quotes.c.speaker_entity == speaker)
        if source:
            stmt = stmt.where(quotes.c.doc_id.in_(select(sources.c.doc_id).where(sources.c.entity_id == source)))
        stmt = stmt.where(*_published_within(since, until))
        order = (documents.c.published.desc(), documents.c.seq.desc(), quotes.c.idx)
        with self.engine.connect() as conn:
            if source or query:  # checked here, then paged: the chain is a JSON list of the document's source
                # indexes, and a quote's words are read in its document's text
                found = conn.execute(stmt.order_by(*order)).all()
                if source:
                    cited = {(d, i) for d, i in conn.execute(select(sources.c.doc_id, sources.c.idx)
                                                             .where(sources.c.entity_id == source))}
                    found = [r for r in found if any((r.doc_id, k) in cited for k in (r.source_idx or []))]
                if query:
                    texts = dict(conn.execute(select(documents.c.id, documents.c.text).where(
                        documents.c.id.in_({r.doc_id for r in found}))).all()) if found else {}
                    words = [fts.Query([t]).regex() for t in query.terms]
                    found = [r for r in found if r.start_char is not None and all(
                        w is not None and w.search(fts.fold(texts[r.doc_id][r.start_char : r.end_char]))
                        for w in words)]
                ids = [r.id for r in found]
                total, page = len(ids), ids[offset : offset + limit]
            else:
                total = int(conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
                page = [r.id for r in conn.execute(stmt.order_by(*order).limit(limit).offset(offset))]
            rows = conn.execute(select(quotes, *self._LIST_COLS, documents.c.text)
                                .join(documents, documents.c.id == quotes.c.doc_id).where(quotes.c.id.in_(page))
                                .order_by(*order)).all() if page else []
            docs = {r.doc_id for r in rows}
            chains: dict[tuple[str, int], Any] = {(s.doc_id, s.idx): s for s in conn.execute(
                select(sources).where(sources.c.doc_id.in_(docs)))} if docs else {}
            names = _entity_names(conn, {r.speaker_entity for r in rows if r.speaker_entity} | {
                s.entity_id for s in chains.values() if s.entity_id})

        def cut(text: str, a: int | None, b: int | None) -> str | None:
            return text[a:b] if a is not None and b is not None else None

        out = []
        for r in rows:  # r.id is the quote row's own id: the document's is r.doc_id
            chain = [{"entity": None, "name": r.publisher, "text": None, "publisher": True}] if r.publisher else []
            for k in r.source_idx or []:
                s = chains.get((r.doc_id, k))
                if s is not None:
                    chain.append({"entity": s.entity_id, "name": names.get(s.entity_id),
                                  "text": cut(r.text, s.start_char, s.end_char), "publisher": False})
            out.append({
                "document": {**self._summary(r), "id": r.doc_id}, "direct": bool(r.direct),
                "content": cut(r.text, r.start_char, r.end_char), "span": [r.start_char, r.end_char],
                "cue": cut(r.text, r.cue_start_char, r.cue_end_char),
                "speaker": {"entity": r.speaker_entity, "name": names.get(r.speaker_entity),
                            "text": cut(r.text, r.speaker_start_char, r.speaker_end_char)},
                "when": r.when_value, "chain": chain, "evidence": r.evidence})
        return total, out

    def stats(self) -> dict[str, Any]:
        """Counts: documents, per language, per publisher, per fact layer (rows and documents having it)."""
        with self.engine.connect() as conn:
            n = int(conn.scalar(select(func.count()).select_from(documents)) or 0)
            langs = {(k or "unknown"): int(v) for k, v in conn.execute(
                select(documents.c.language, func.count()).group_by(documents.c.language)
                .order_by(func.count().desc()))}
            pubs = {(k or "unknown"): int(v) for k, v in conn.execute(
                select(documents.c.publisher, func.count()).group_by(documents.c.publisher)
                .order_by(func.count().desc()).limit(50))}
            layers: dict[str, dict[str, int]] = {}
            for name, t in _LAYER_TABLES.items():
                rows = int(conn.scalar(select(func.count()).select_from(t)) or 0)
                entry = {"rows": rows}
                if "doc_id" in t.c:
                    entry["documents"] = int(conn.scalar(select(func.count(t.c.doc_id.distinct()))) or 0)
                layers[name] = entry
            first, last = conn.execute(select(func.min(documents.c.published), func.max(documents.c.published))).one()
        return {"store": self.location, "dialect": self.engine.dialect.name,
                "search": self.search_kind, "documents": n, "languages": langs,
                "publishers": pubs, "layers": layers, "published": {"first": first, "last": last}}
