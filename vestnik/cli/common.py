"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from vestnik.document import Document
from vestnik.ingest.readers import DEFAULT_MAX_BYTES, FeedOptions, FieldMap, ReadError, read_inputs

err = Console(stderr=True)

JOBS = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores).")
PUBLISHED = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
TEXT_FIELD = typer.Option("text", "--text-field", help="JSON Lines: field holding the text.")
TITLE_FIELD = typer.Option("title", "--title-field", help="JSON Lines: field holding the title.")
DATE_FIELD = typer.Option("published", "--date-field", help="JSON Lines: field holding the date.")
URL_FIELD = typer.Option("url", "--url-field", help="JSON Lines: field holding the URL.")
MAX_BYTES = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip single inputs larger than this.")
FOLLOW = typer.Option(True, "--follow/--no-follow",
                      help="Feeds: fetch each entry's page (default), or keep only the feed's own text.")
DELAY = typer.Option(0.0, "--delay", min=0.0, help="Feeds: seconds to wait between two page fetches.")
ROBOTS = typer.Option(True, "--robots/--ignore-robots",
                      help="Feeds: fetch an entry's page only where the site's robots.txt allows it (default), "
                           "waiting its Crawl-delay.")


def progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.fields[rate]}"), console=err, transient=False,
                    disable=not err.is_terminal)


class Status:
    """Progress lines from long inputs (WARC records read) shown in the progress bar's description."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.prog: Progress | None = None
        self.task: Any = None

    def __call__(self, line: str) -> None:
        if self.prog is not None:
            self.prog.update(self.task, description=f"{self.label} {line}")


def inputs(paths: list[str], published: str | None, text_field: str, title_field: str, date_field: str,
           url_field: str, max_bytes: int, feeds: FeedOptions | None = None,
           note: Callable[[str], None] | None = None) -> Iterator[Document | ReadError]:
    fields = FieldMap(text=text_field, title=title_field, date=date_field, url=url_field)
    return read_inputs(paths, published=published, fields=fields, max_bytes=max_bytes, feeds=feeds, note=note)


def report_errors(items: Iterable[Document | ReadError], errors: list[ReadError]) -> Iterator[Document]:
    """Pass documents on; print one line per error to stderr and keep it for the summary."""
    for it in items:
        if isinstance(it, ReadError):
            errors.append(it)
            err.print(f"[red]error[/red] {it}", highlight=False, markup=True, soft_wrap=True)
        else:
            yield it


def check_date(value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        err.print(f"[red]error[/red] --published {value!r}: use YYYY-MM-DD, e.g. 2024-12-18")
        raise typer.Exit(2) from None


def exit_code(errors: list[ReadError], ok: int) -> int:
    if errors and not ok:
        return 1
    return 3 if errors else 0


def write(s: str) -> None:
    sys.stdout.write(s)


def read_contract_jsonl(paths: list[Path]) -> Iterator[dict]:
    """Documents from `vestnik extract --format jsonl` files; a broken line is a warning, not a stop."""
    import json

    for p in paths:
        try:
            f = p.open(encoding="utf-8")
        except OSError as e:
            err.print(f"[red]error[/red] cannot read {p}: {e.strerror}; give `vestnik extract` JSON Lines output")
            raise typer.Exit(2) from None
        with f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                except ValueError:
                    err.print(f"[yellow]warning[/yellow] {p}:{n}: not JSON, skipped")
                    continue
                if isinstance(d, dict):
                    yield d


def store_documents(store: str | None, since: str | None = None) -> Iterator[dict]:
    """Every stored document (contract dicts), published on or after ``since``."""
    from vestnik.store import Store, StoreError

    try:
        st = Store.open(store)
    except StoreError as e:
        err.print(f"[red]error[/red] {e}")
        raise typer.Exit(2) from None
    try:
        yield from st.iter_documents(since=since)
    finally:
        st.close()


def contract_documents(files: list[Path] | None, store: str | None, since: str | None = None) -> Iterator[dict]:
    """JSON Lines files when given, else the store."""
    return read_contract_jsonl(files) if files else store_documents(store, since)
