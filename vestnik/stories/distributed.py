"""Duplicates of a corpus too large for one machine's index, as rows an engine moves (Spark:
:func:`vestnik.spark.duplicates`).

:class:`~vestnik.stories.index.DedupIndex` holds every stored document's shingles, MinHash and anchors in one
process (~3.4 GiB per million documents). Here the corpus is cut into shards of at most ``shard_docs`` documents;
each shard's index is built by one task (the same class, the same compiled look-ups) and every document of the
corpus is looked up in every shard, so the work grows with documents × shards, never with the square of a
group: grouping documents by shared keys instead (band keys, anchors) made a pair row for every two documents
that share a sentence, and on reports that reuse sentences that filled the disk (docs/stories-eval.md, stop 21).
Within a shard, documents are looked up and stored in the corpus's order (publication date, then id), so a
pair is reported once, by its later document, as the in-process index reports it when documents arrive in
that order; with one shard the answers are the index's.

This module imports no engine: its functions take and return plain tuples.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from vestnik.document import Document
from vestnik.stories.features import StoryDoc, story_doc
from vestnik.stories.index import BATCH, RECURRING, DedupIndex, Prepared, prepare

#: documents per shard (``vestnik spark --shard-docs``): a shard's index, ~3.4 GiB per million documents, must
#: fit one task's memory
SHARD_DOCS = 250_000
#: one row per duplicate pair (Spark DDL): ``a`` the earlier document, ``b`` the later, as ``vestnik stories``
PAIR_SCHEMA = "a string, b string, kind string, score double, jaccard double, contained double, evidence string"

Pair = tuple[str, str, str, float, float, float, str]


class Features(NamedTuple):
    """A document as the index takes it: its id, its place in the corpus's order, and :func:`prepare`'s output."""

    order: tuple[str, str]  # (publication date or "", id): pairs are reported by the later document
    truncated: bool
    prepared: Prepared


def feature_rows(contracts: Iterable[tuple[str, str | None]], batch: int = BATCH) -> Iterator[Features]:
    """Features of documents given as (id, contract JSON), ``batch`` at a time (one compiled pass each, as the
    index prepares them); rows without a contract (failed documents) are skipped, a document without an id is
    named by its content hash, as ``vestnik stories`` names it."""
    chunk = []
    for doc_id, contract in contracts:
        if contract:
            sd = story_doc(Document.from_dict(json.loads(contract)))
            sd.id = doc_id or sd.id
            chunk.append(sd)
        if len(chunk) >= batch:
            yield from features_of(chunk)
            chunk = []
    if chunk:
        yield from features_of(chunk)


def features_of(docs: list[StoryDoc]) -> Iterator[Features]:
    """Features of story documents, prepared together."""
    for sd, p in zip(docs, prepare(docs), strict=True):
        yield Features((sd.published or "", sd.id), sd.truncated, p)


def shard_of(doc_id: str, shards: int) -> int:
    """A stable shard number (Python's ``hash`` of a string changes with each process)."""
    return zlib.crc32(doc_id.encode("utf-8")) % shards


def shard_pairs(rows: Iterable[tuple[bool, Features]]) -> Iterator[Pair]:
    """One shard's pairs. ``rows``: every document of the corpus in the corpus's order, each looked up
    (``False``) and, if it belongs to the shard, then stored (``True``): each look-up meets the shard's index as
    the in-process index would be at that document, so the answers are the same (its anchor postings, capped
    at ANCHOR_CAP, hold only earlier documents). Rows of :data:`PAIR_SCHEMA`, the earlier document first;
    another release of a recurring report is no pair."""
    index = DedupIndex()
    for stored, f in rows:
        if stored:
            index.insert(f.order[1], f.truncated, f.prepared)
            continue
        for m in index.query(f.prepared, f.truncated).values():
            if m.kind != RECURRING:
                yield m.other, f.order[1], m.kind, m.score, m.jaccard, m.contained, m.evidence
