"""The store's tables (SQLAlchemy Core), designed for every layer of the pipeline.

One row per document (keyed by the content hash of its raw input, so ingest is
idempotent) plus one table per fact layer. Every fact row carries the document
id, its character offsets into ``documents.text`` (``start_char``/``end_char``,
end exclusive) and the ``evidence`` (rule or model) that produced it. The full
contract JSON (``Document.to_dict()`` without ``text``, which has its own column)
is kept in ``documents.contract`` so a document reads back exactly as extracted.

The schema is portable SQL (SQLite and PostgreSQL, both tested); full-text search is a
dialect-specific side index managed by :mod:`vestnik.store.fts`. Changes go
through Alembic migrations in ``vestnik/store/migrations`` (this module is the
model they must match).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

#: a rule's evidence ("lexicon:bg:<pattern>", "quote:trailing:speech"); longer ones are cut to fit (store.fact_rows)
EVIDENCE_LEN = 128

metadata = MetaData()

DOC_ID = String(40)


def _doc_fk(nullable: bool = False) -> Column:
    return Column("doc_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=nullable, index=True)


def _span(prefix: str = "") -> list[Column]:
    p = f"{prefix}_" if prefix else ""
    return [Column(f"{p}start_char", Integer, nullable=bool(prefix)),
            Column(f"{p}end_char", Integer, nullable=bool(prefix))]


documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingestion order; FTS rowid
    Column("id", DOC_ID, nullable=False, unique=True),  # content hash of the raw input
    Column("external_id", String(512)),  # the contract's ``id`` (file name, JSON Lines id)
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("headline", Text),  # the headline's text, for listings
    Column("language", String(16), index=True),
    Column("language_confidence", Float),
    Column("published", String(32), index=True),  # ISO date (or partial date) as in the contract
    Column("published_source", String(32)),
    Column("publisher", String(256), index=True),
    Column("publisher_entity", String(128)),
    Column("encoding", String(64)),
    Column("text", Text, nullable=False),
    Column("article", JSON),
    Column("contract", JSON, nullable=False),  # Document.to_dict() minus "text"
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("pipeline", String(256)),  # the stages that ran, comma-separated
)
Index("ix_documents_external_id", documents.c.external_id)

teasers = Table(
    "teasers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    Column("headline", Text),
    Column("snippet", Text),
    Column("dateline", String(256)),
    Column("truncated", Boolean),
    Column("language", String(16)),
    Column("evidence", String(EVIDENCE_LEN)),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(128), primary_key=True),  # stable across documents and languages
    Column("name", Text),
    Column("type", String(16), index=True),
    Column("codes", JSON),
    Column("kind", String(64)),
    Column("country", String(16)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    Column("type", String(16)),
    Column("form", String(16)),
    Column("base", Text),
    Column("entity_id", String(128), index=True),
    Column("evidence", String(EVIDENCE_LEN)),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    Column("entity_id", String(128), index=True),
    Column("cites", Integer),
    *_span("scope"),
    *_span("cue"),
    Column("evidence", String(EVIDENCE_LEN)),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    Column("direct", Boolean),
    *_span("cue"),
    *_span("speaker"),
    Column("speaker_entity", String(128), index=True),
    Column("source_idx", JSON),  # indexes into this document's sources
    Column("when_value", String(64)),
    Column("when_source", String(32)),
    Column("evidence", String(EVIDENCE_LEN)),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    Column("type", String(16)),
    Column("value", String(64), index=True),
    Column("evidence", String(EVIDENCE_LEN)),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    *_span(),
    *_span("sentence"),
    Column("type", String(16), index=True),
    Column("cameo", String(8)),
    *_span("source"),
    Column("source_entity", String(128)),
    Column("source_code", String(32)),
    *_span("target"),
    Column("target_entity", String(128)),
    Column("target_code", String(32)),
    Column("when_value", String(64)),
    Column("where_entity", String(128)),
    Column("negated", Boolean),
    Column("hedged", Boolean),
    Column("quadclass", Integer),
    Column("goldstein", Float),
    Column("source_idx", JSON),
    Column("evidence", String(EVIDENCE_LEN)),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("label", Text),
    Column("created_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True)),
    Column("evidence", String(EVIDENCE_LEN)),
)

story_members = Table(
    "story_members",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("item", String(32), primary_key=True),  # "article" or "teaser:N"
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("evidence", String(EVIDENCE_LEN)),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),  # exact | near-duplicate | contains
    Column("a_doc", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("a_item", String(32), nullable=False),
    Column("a_start_char", Integer),
    Column("a_end_char", Integer),
    Column("b_doc", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("b_item", String(32), nullable=False),
    Column("b_start_char", Integer),
    Column("b_end_char", Integer),
    Column("score", Float),
    Column("evidence", String(EVIDENCE_LEN)),
)

#: Fact tables that hang off one document (deleted and rewritten with it).
# Named state blobs kept with the data (the stories clusterer's state when the store is a database server,
# so every machine that runs ``vestnik stories`` against it continues the same clustering).
state = Table(
    "state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

DOC_FACT_TABLES = [teasers, mentions, sources, quotes, times, events]
