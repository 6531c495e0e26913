"""The pipeline on Spark, for corpora one machine cannot process in time.

Every stage is a pure function of a document and loaded resources, so Spark runs the very same
pipeline as ``vestnik extract``: each Python worker builds it once (models load once per worker
process and are reused by every later task, Spark reusing its Python workers), and a partition
streams through it. The output is the contract JSON of each document plus a few columns to filter
on, and the events flattened to GDELT-style rows with their evidence; a document that fails keeps
its row with the error message, so nothing is lost silently.

    from vestnik.spark import annotate, events
    docs = annotate(spark.read.json("news/*.jsonl"), text="text", id="id", published="date")
    docs.write.parquet("out/documents"); events(docs).write.parquet("out/events")

``vestnik spark INPUT... -o OUT`` does the same from the command line (``pip install 'vestnik[spark]'``;
Spark needs Java 17 or newer).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vestnik.document import Document
from vestnik.events import export
from vestnik.ingest.readers import ReadError, document_from_string
from vestnik.pipeline import Pipeline, make_pipeline
from vestnik.runner import process_one

if TYPE_CHECKING:  # pyspark is an optional extra: nothing here imports it at module load
    from pyspark.sql import DataFrame

DOCUMENT_SCHEMA = ("id string, language string, published string, headline string, mentions int, quotes int, "
                   "events int, contract string, error string")
_INT = {"trigger_start", "trigger_end", "NumMentions", "NumSources", "NumArticles", "IsRootEvent", "QuadClass"}
_FLOAT = {"GoldsteinScale"}
_BOOL = {"negated", "hedged"}
EVENT_COLUMNS = export.GDELT_COLUMNS + export.EXTRA_COLUMNS
EVENT_SCHEMA = ", ".join(f"{c} {'int' if c in _INT else 'double' if c in _FLOAT else 'boolean' if c in _BOOL else 'string'}"
                         for c in EVENT_COLUMNS)

_PIPELINES: dict[tuple[tuple[str, ...], tuple[str, ...] | None], Pipeline] = {}


def _pipeline(disable: tuple[str, ...], only: tuple[str, ...] | None) -> Pipeline:
    """One pipeline per worker process and configuration: the models load once, not once per partition."""
    key = (disable, only)
    if key not in _PIPELINES:
        _PIPELINES[key] = make_pipeline(disable=disable, only=only)
    return _PIPELINES[key]


@dataclass(frozen=True)
class Columns:
    """Which input columns hold what (None: the input has no such column)."""

    text: str = "text"
    id: str | None = "id"
    title: str | None = None
    published: str | None = None
    url: str | None = None

    def names(self) -> list[str]:
        return [c for c in (self.text, self.id, self.title, self.published, self.url) if c]


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def annotate_rows(rows: Iterable[dict[str, Any]], cols: Columns = Columns(), disable: tuple[str, ...] = (),
                  only: tuple[str, ...] | None = None) -> Iterator[tuple[Any, ...]]:
    """The documents of one partition as rows of :data:`DOCUMENT_SCHEMA` (plain Python, no Spark needed)."""
    pipe = _pipeline(disable, only)
    for i, row in enumerate(rows):
        rid = _str(row.get(cols.id)) if cols.id else None
        text = row.get(cols.text)
        where = rid or f"row {i}"
        if not isinstance(text, str) or not text.strip():
            yield (rid, None, None, None, 0, 0, 0, None, f"{where}: empty or missing {cols.text!r} column; skipped")
            continue
        doc = document_from_string(text, id=rid or "", url=_str(row.get(cols.url)) if cols.url else None,
                                   title=_str(row.get(cols.title)) if cols.title else None,
                                   published=_str(row.get(cols.published)) if cols.published else None,
                                   source=None if rid else where)
        out = process_one(pipe, doc)
        if isinstance(out, ReadError):
            yield (rid, None, None, None, 0, 0, 0, None, str(out))
            continue
        yield _document_row(out)


def _document_row(doc: Document) -> tuple[Any, ...]:
    d = doc.to_dict()
    art = d.get("article") or {}
    h = art.get("headline")
    headline = doc.text[h[0] : h[1]] if h else doc.title
    return (d.get("id") or None, d.get("language"), d.get("published"), headline, len(doc.mentions),
            len(doc.quotes), len(doc.events), json.dumps(d, ensure_ascii=False, separators=(",", ":")), None)


def event_rows(contracts: Iterable[str | None]) -> Iterator[tuple[Any, ...]]:
    """GDELT-style event rows (:data:`EVENT_SCHEMA`) from contract JSON strings."""
    docs = (json.loads(c) for c in contracts if c)
    for r in export.rows(docs):
        yield tuple(_cast(c, r.get(c)) for c in EVENT_COLUMNS)


def _cast(col: str, v: Any) -> Any:
    typed = col in _INT or col in _FLOAT or col in _BOOL
    if v is None or (typed and v == ""):
        return None
    if col in _INT:
        return int(v)
    if col in _FLOAT:
        return float(v)
    if col in _BOOL:
        return bool(v)
    return str(v)


def annotate(df: DataFrame, *, text: str = "text", id: str | None = "id", title: str | None = None,
             published: str | None = None, url: str | None = None, disable: Iterable[str] = (),
             only: Iterable[str] | None = None) -> DataFrame:
    """Run the pipeline over a DataFrame of texts or HTML pages; one output row per input row."""
    cols = Columns(text=text, id=id, title=title, published=published, url=url)
    missing = [c for c in cols.names() if c not in df.columns]
    if missing:
        raise ValueError(f"no column(s) {', '.join(missing)} in the input (it has {', '.join(df.columns)}); "
                         "name the right ones with text=/id=/title=/published=/url=")
    dis, onl = tuple(disable), (tuple(only) if only is not None else None)
    rdd = df.select(*cols.names()).rdd.mapPartitions(
        lambda part: annotate_rows((r.asDict() for r in part), cols, dis, onl))
    return df.sparkSession.createDataFrame(rdd, DOCUMENT_SCHEMA)


def duplicates(annotated: DataFrame, shard_docs: int | None = None) -> DataFrame:
    """Duplicate pairs across :func:`annotate`'s output (:data:`vestnik.stories.distributed.PAIR_SCHEMA`): the
    pairs ``vestnik stories`` finds with its in-process index, for a corpus whose index would not fit one
    machine. Each document's features are computed once on its partition; the corpus is cut into shards of at
    most ``shard_docs`` documents (default :data:`~vestnik.stories.distributed.SHARD_DOCS`), one task builds
    each shard's index and looks every document up in it (:func:`vestnik.stories.distributed.shard_pairs`)."""
    from pyspark.sql import functions as F

    from vestnik.stories import distributed as D

    feats = annotated.where(F.col("contract").isNotNull()).select("id", "contract").rdd.mapPartitions(
        lambda part: D.feature_rows((r[0], r[1]) for r in part)).persist()
    try:
        n = feats.count()
        shards = max(1, -(-n // (shard_docs or D.SHARD_DOCS)))
        # (shard, the corpus's order, 0 = looked up | 1 = stored): every document in order, looked up in each
        # shard and then stored in its own
        stored = feats.map(lambda f: ((D.shard_of(f.order[1], shards), f.order, 1), f))
        lookups = feats.flatMap(lambda f: (((s, f.order, 0), f) for s in range(shards)))
        rows = stored.union(lookups).repartitionAndSortWithinPartitions(
            shards, partitionFunc=lambda k: k[0], keyfunc=lambda k: k)
        pairs = rows.mapPartitions(lambda part: D.shard_pairs((k[2] == 1, f) for k, f in part))
        return annotated.sparkSession.createDataFrame(pairs, D.PAIR_SCHEMA).localCheckpoint()
    finally:
        feats.unpersist()


def events(annotated: DataFrame) -> DataFrame:
    """One row per event of :func:`annotate`'s output, in GDELT 2.0 columns plus vestnik's evidence."""
    rdd = annotated.select("contract").rdd.mapPartitions(lambda part: event_rows(r[0] for r in part))
    return annotated.sparkSession.createDataFrame(rdd, EVENT_SCHEMA)
