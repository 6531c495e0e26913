"""``vestnik events`` (query) and ``vestnik export events`` (GDELT, PLOVER, JSON Lines, Parquet)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from vestnik.cli import common
from vestnik.events.export import EXTRA_COLUMNS, GDELT_COLUMNS, gdelt_line, plover_record, rows
from vestnik.events.merge import merge_rows, story_map

FILES = typer.Argument(help="`vestnik extract --format jsonl` output to read instead of the store.")
STORE = typer.Option(None, "--store", "-s", envvar="VESTNIK_STORE", help="Store path or database URL.")


def _selected(files: list[Path] | None, store: str | None, actor: str | None, type_: str | None,
              since: str | None, until: str | None) -> Iterator[dict[str, Any]]:
    return _selected_from(common.contract_documents(files, store, common.check_date(since)), since, until, actor,
                          type_)


def _selected_from(docs: Iterable[dict[str, Any]], since: str | None, until: str | None, actor: str | None = None,
                   type_: str | None = None) -> Iterator[dict[str, Any]]:
    since, until = common.check_date(since), common.check_date(until)
    for r in rows(docs):
        day = r["SQLDATE"]
        if since and (not day or day < since.replace("-", "")):
            continue
        if until and (not day or day > until.replace("-", "")):
            continue
        if type_ and type_.upper() not in (r["plover_type"], r["EventCode"], r["EventRootCode"]):
            continue
        if actor:
            a = actor.casefold()
            hay = [r["Actor1Code"], r["Actor2Code"], r["Actor1Name"], r["Actor2Name"]]
            if not any(a in (h or "").casefold() for h in hay):
                continue
        yield r


def events(
    files: Annotated[list[Path] | None, FILES] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name or CAMEO code contains (RUS, Putin).")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type (AGREE) or CAMEO code (036, 03).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    store: str | None = STORE,
) -> None:
    """Who did what to whom: events by actor, type and period, with their evidence and sources."""
    table = Table("date", "type", "cameo", "source", "target", "trigger", "according to", show_lines=False)
    n = 0
    for r in _selected(files, store, actor, type_, since, until):
        if n >= limit:
            break
        n += 1
        if as_json:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            day = r["SQLDATE"]
            table.add_row(f"{day[:4]}-{day[4:6]}-{day[6:]}" if day else "?", r["plover_type"], r["EventCode"],
                          f"{r['Actor1Name']} ({r['Actor1Code'] or '?'})" if r["Actor1Name"] else "",
                          f"{r['Actor2Name']} ({r['Actor2Code'] or '?'})" if r["Actor2Name"] else "",
                          r["trigger"], r["source_chain"])
    if not as_json:
        Console().print(table)
    common.err.print(f"{n} event(s)")


def export_events(
    files: Annotated[list[Path] | None, FILES] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="gdelt | plover | jsonl | parquet")] = "gdelt",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (required for parquet).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (YYYY-MM-DD).")] = None,
    merge: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge the same event across the articles of "
                                        "a story (NumMentions, NumSources, NumArticles).")] = True,
    store: str | None = STORE,
) -> None:
    """Export events: GDELT 2.0 event rows (TSV with a header; see docs/events.md), PLOVER JSON, JSON Lines, Parquet."""
    if format not in ("gdelt", "plover", "jsonl", "parquet"):
        common.err.print(f"[red]error[/red] --format {format!r}: choose gdelt, plover, jsonl or parquet")
        raise typer.Exit(2)
    if format == "parquet" and output is None:
        common.err.print("[red]error[/red] Parquet is binary: give a file with -o events.parquet")
        raise typer.Exit(2)
    recs: Iterable[dict[str, Any]] = _selected(files, store, None, None, since, until)
    if merge:
        docs = list(common.contract_documents(files, store, since))
        try:
            stories = story_map(docs)
        except Exception as e:  # a clustering failure must not lose the export
            common.err.print(f"[yellow]warning[/yellow] story clustering failed ({e}); exporting without the merge "
                             "(use --no-merge to skip it)")
            stories = {}
        recs = merge_rows(_selected_from(docs, since, until), stories)
    n = 0
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = list(recs)
        n = len(data)
        cols = GDELT_COLUMNS + EXTRA_COLUMNS
        table = pa.table({c: [r.get(c) for r in data] for c in cols}) if data else pa.table(
            {c: pa.array([], pa.string()) for c in cols})
        pq.write_table(table, output)
    else:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            if format == "gdelt":
                out.write("\t".join(GDELT_COLUMNS + EXTRA_COLUMNS) + "\n")
            for r in recs:
                n += 1
                if format == "gdelt":
                    out.write(gdelt_line(r) + "\n")
                elif format == "plover":
                    out.write(json.dumps(plover_record(r), ensure_ascii=False) + "\n")
                else:
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")
        finally:
            if output:
                out.close()
    common.err.print(f"exported {n} event(s)")


def register(app: typer.Typer) -> None:
    app.command("events")(events)
    export = typer.Typer(help="Export facts for other tools.", no_args_is_help=True)
    export.command("events")(export_events)
    app.add_typer(export, name="export")
