"""``vestnik spark``: the pipeline over a corpus on a Spark cluster (or local cores), to Parquet."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from vestnik.cli import common
from vestnik.stories.distributed import SHARD_DOCS


def spark(
    inputs: Annotated[list[str], typer.Argument(help="JSON Lines files or folders of text/HTML files "
                                                     "(any path or URL Spark reads: hdfs://, s3a://...).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder for the Parquet datasets "
                                                               "`documents`, `events` and `duplicates`.")],
    master: Annotated[str | None, typer.Option("--master", help="Spark master (default: what spark-submit or "
                                                                "SPARK_MASTER set, else local[*]).")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", help="Repartition the input into this many "
                                                                        "tasks (default: Spark's choice).")] = None,
    text_field: str = common.TEXT_FIELD,
    id_field: Annotated[str, typer.Option("--id-field", help="JSON Lines: field holding the id.")] = "id",
    title_field: str = common.TITLE_FIELD,
    date_field: str = common.DATE_FIELD,
    url_field: str = common.URL_FIELD,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace existing output.")] = False,
    with_duplicates: Annotated[bool, typer.Option("--duplicates/--no-duplicates", help="Also write the duplicate "
                                                  "pairs across the corpus (`duplicates`: exact, near-duplicate, "
                                                  "contains), as `vestnik stories` finds them.")] = True,
    shard_docs: Annotated[int, typer.Option("--shard-docs", min=1, help="Duplicates: documents per shard, whose "
                                            "index one task holds (~3.4 GiB per million).")] = SHARD_DOCS,
) -> None:
    """Extract every layer on Spark: one Parquet row per document (contract JSON), one per event and one per
    duplicate pair."""
    try:
        from pyspark.errors import AnalysisException
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F
    except ImportError:
        common.err.print("[red]error[/red] Spark is not installed: pip install 'vestnik[spark]' (needs Java 17+)")
        raise typer.Exit(1) from None
    from vestnik.spark import annotate, duplicates, events

    out = output.rstrip("/")
    if not overwrite and "://" not in out and Path(out).exists():  # fail before an hour of work, not after
        common.err.print(f"[red]error[/red] {out} already exists; add --overwrite or choose another -o")
        raise typer.Exit(1)
    builder = SparkSession.builder.appName("vestnik")
    if master:
        builder = builder.master(master)
    if not master or master.startswith("local"):  # local workers must run this Python, where vestnik is installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        session = builder.getOrCreate()
    except Exception as e:  # no JVM, bad master URL
        common.err.print(f"[red]error[/red] cannot start Spark ({type(e).__name__}: {e}); "
                         "check that Java 17+ is installed and --master is right")
        raise typer.Exit(1) from None
    try:
        try:
            jsonl = [p for p in inputs if p.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz"))]
            files = [p for p in inputs if p not in jsonl]
            frames = []
            if jsonl:
                df = session.read.json(jsonl)
                have = set(df.columns)
                if text_field not in have:
                    common.err.print(f"[red]error[/red] no field {text_field!r} in {', '.join(jsonl)} (fields: "
                                     f"{', '.join(sorted(have))}); name it with --text-field")
                    raise typer.Exit(1)
                pick = {"text": text_field, "id": id_field, "title": title_field, "published": date_field,
                        "url": url_field}
                frames.append(df.select(*[(F.col(src) if src in have else F.lit(None)).cast("string").alias(dst)
                                          for dst, src in pick.items()]))
            if files:
                df = session.read.text(files, wholetext=True, recursiveFileLookup=True)
                name = F.regexp_extract(F.input_file_name(), r"([^/]+?)(\.[^./]*)?$", 1)
                frames.append(df.select(F.col("value").alias("text"), name.alias("id"), F.lit(None).cast("string")
                                        .alias("title"), F.lit(None).cast("string").alias("published"),
                                        F.input_file_name().alias("url")))
            data = frames[0]
            for f in frames[1:]:
                data = data.unionByName(f)
        except AnalysisException as e:  # a missing path, an unreadable file: say which, not a JVM stack trace
            common.err.print(f"[red]error[/red] cannot read the input: {str(e).splitlines()[0]}; check the paths")
            raise typer.Exit(1) from None
        if partitions:
            data = data.repartition(partitions)
        docs = annotate(data, text="text", id="id", title="title", published="published", url="url").cache()
        mode = "overwrite" if overwrite else "errorifexists"
        try:
            docs.write.mode(mode).parquet(f"{out}/documents")
            events(docs).write.mode(mode).parquet(f"{out}/events")
            if with_duplicates:
                duplicates(docs, shard_docs).write.mode(mode).parquet(f"{out}/duplicates")
        except Exception as e:
            if "already exists" in str(e):
                common.err.print(f"[red]error[/red] {out} already holds output; add --overwrite or choose another -o")
                raise typer.Exit(1) from None
            raise
        counts = docs.groupBy(F.col("error").isNull().alias("ok")).count().collect()
        ok = next((r["count"] for r in counts if r["ok"]), 0)
        failed = sum(r["count"] for r in counts if not r["ok"])
        for r in docs.where(F.col("error").isNotNull()).select("error").limit(20).collect():
            common.err.print(f"[yellow]skipped[/yellow] {r['error']}", highlight=False)
        n_events = session.read.parquet(f"{out}/events").count()
        summary: dict[str, int | str] = {"documents": ok, "failed": failed, "events": n_events}
        if with_duplicates:
            summary["duplicate_pairs"] = session.read.parquet(f"{out}/duplicates").count()
        sys.stderr.write(json.dumps({**summary, "output": out}) + "\n")
    finally:
        session.stop()
    if failed:  # as `vestnik ingest`: 3 when some inputs failed, 1 when all did
        raise typer.Exit(3 if ok else 1)


def register(app: typer.Typer) -> None:
    app.command("spark")(spark)

