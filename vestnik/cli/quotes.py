"""``vestnik quotes``: who said what, and according to whom, over the store (or JSON Lines files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vestnik.cli import common
from vestnik.quotes.query import select_quotes


def quotes(
    files: Annotated[list[Path] | None, typer.Argument(help="`vestnik extract --format jsonl` output to read "
                                                              "instead of the store.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name (entity name or text) contains.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Some source of the chain (agency, outlet, "
                                                                "publisher) contains.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Said on or after this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many quotes.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one quote a line.")] = False,
    store: Annotated[str | None, typer.Option("--store", "-s", envvar="VESTNIK_STORE",
                                              help="Store: a SQLite file or a database URL.")] = None,
) -> None:
    """Who said what, and according to whom: quotes with speaker, date and source chain."""
    since = common.check_date(since)
    # a quote said on day D may be published later: the store filters by publication only as a lower bound
    docs = common.contract_documents(files, store, since)
    n = 0
    for row in select_quotes(docs, speaker=speaker, source=source, since=since, limit=limit):
        n += 1
        if as_json:
            common.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        who = row["speaker"] or row["speaker_text"] or "?"
        chain = " ← ".join(x for x in row["chain"] if x) or "-"
        mark = "„{}“" if row["direct"] else "{}"
        common.write(f"{row['when'] or row['published'] or '?'}  {who}  [{row['cue'] or ''}]  "
                     f"{mark.format(row['content'])}\n    via {chain}  ({row['document']})\n")
    if n == 0:
        common.err.print("no quotes matched; try without --speaker/--source/--since, or ingest documents first "
                         "(`vestnik ingest DIR`)")


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)
