"""``vestnik stories``: duplicates and stories across documents (outlets, days, languages)."""

from __future__ import annotations

import importlib
import json
import time
from pathlib import Path
from typing import Annotated

import typer

from vestnik.cli import common
from vestnik.ingest.readers import ReadError
from vestnik.runner import default_jobs, run
from vestnik.stories.batch import cluster_story_docs
from vestnik.stories.cluster import Story
from vestnik.stories.features import story_doc


def _table(stories: list[Story]) -> str:
    rows = sorted(stories, key=lambda s: (-len(s.members), s.first_seen or "", s.id))
    out = [f"{'story':<10} {'size':>4} {'dups':>4}  {'first seen':<10} {'last seen':<10} {'lang':<6} outlets / title"]
    for s in rows:
        outlets = ", ".join(o for o, _ in s.outlets.most_common(3)) + (" …" if len(s.outlets) > 3 else "")
        out.append(f"{s.id:<10} {len(s.members):>4} {len(s.duplicates):>4}  {s.first_seen or '-':<10} "
                   f"{s.last_seen or '-':<10} {','.join(sorted(s.languages)) or '-':<6} {s.title[:90]}"
                   + (f"\n{'':>44}{outlets}" if outlets else ""))
    return "\n".join(out) + "\n"


def _from_store(since: str | None) -> list:
    try:
        store_mod = importlib.import_module("vestnik.store")
    except ModuleNotFoundError:
        common.err.print("[red]error[/red] no store in this installation: give files or directories, "
                         "e.g. `vestnik stories DIR --format jsonl`")
        raise typer.Exit(2) from None
    store_cls = getattr(store_mod, "Store", None)
    if store_cls is None:
        common.err.print("[red]error[/red] the store is not available yet: give files or directories instead")
        raise typer.Exit(2)
    store = store_cls()
    return [story_doc(d) for d in store.iter_documents(since=since)]


def stories(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories (recursive), .jsonl files or URLs; "
                                                        "none: the documents in the store.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only documents published on/after YYYY-MM-DD.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table | jsonl")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    published: str | None = common.PUBLISHED,
    jobs: int | None = common.JOBS,
    text_field: str = common.TEXT_FIELD,
    title_field: str = common.TITLE_FIELD,
    date_field: str = common.DATE_FIELD,
    url_field: str = common.URL_FIELD,
    max_bytes: int = common.MAX_BYTES,
) -> None:
    """Group documents into stories (same event across outlets, days and languages), duplicates folded in."""
    if format not in ("table", "jsonl"):
        common.err.print(f"[red]error[/red] --format {format!r}: choose table or jsonl")
        raise typer.Exit(2)
    since = common.check_date(since)
    published = common.check_date(published)
    t0 = time.perf_counter()
    errors: list[ReadError] = []
    if paths:
        items = common.inputs(paths, published, text_field, title_field, date_field, url_field, max_bytes)
        sds = [story_doc(d) for d in common.report_errors(run(items, jobs=jobs or default_jobs()), errors)]
        if since:
            sds = [d for d in sds if d.published and d.published[:10] >= since]
    else:
        sds = _from_store(since)
    result = cluster_story_docs(sds)
    text = (_table(result) if format == "table"
            else "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in result))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        common.write(text)
    n_dup = sum(len(s.duplicates) for s in result)
    common.err.print(f"{len(sds)} document(s) in {len(result)} story(ies), {n_dup} duplicate pair(s), "
                     f"{len(errors)} failed, in {time.perf_counter() - t0:.1f}s", highlight=False)
    raise typer.Exit(common.exit_code(errors, len(sds)))


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)
