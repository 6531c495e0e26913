"""``vestnik extract``: pages in, the JSON Lines contract out (stdout carries only documents)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from vestnik.cli import common
from vestnik.ingest.readers import FeedOptions, ReadError
from vestnik.runner import default_jobs, run


def _text_summary(d: dict) -> str:
    t = d["text"]

    def sub(s: list[int] | None) -> str:
        return t[s[0] : s[1]] if s else ""

    art = d["article"]
    lines = [f"== {d['id']}  [{d.get('language')}]  published {d.get('published') or '?'}  ({d.get('source')})",
             f"headline: {sub(art.get('headline'))}"]
    if art.get("dateline"):
        lines.append(f"dateline: {sub(art['dateline'])}")
    for i, p in enumerate(art.get("paragraphs") or [], 1):
        para = sub(p)
        lines.append(f"  ¶{i} {para[:160]}{'…' if len(para) > 160 else ''}")
    for i, tz in enumerate(d.get("teasers") or []):
        cut = " (cut)" if tz.get("truncated") else ""
        lines.append(f"  teaser:{i} [{tz.get('dateline') or '-'}] {tz.get('headline')}{cut}")
    ents = d.get("entities") or {}
    if ents:
        lines.append("entities: " + ", ".join(sorted({e["name"] for e in ents.values()})))
    for q in d.get("quotes") or []:
        spk = (q.get("speaker") or {}).get("entity")
        who = ents.get(spk, {}).get("name") if spk else None
        lines.append(f"  quote ({who or '?'}): {sub(q.get('span'))[:120]}")
    for e in d.get("events") or []:
        lines.append(f"  event {e['type']}/{e['cameo']} {(e.get('source') or {}).get('code')} → "
                     f"{(e.get('target') or {}).get('code')}: {sub(e.get('span'))}")
    for tm in d.get("times") or []:
        lines.append(f"  time {sub(tm.get('span'))!r} = {tm.get('value')}")
    if d.get("duplicates"):
        lines.append(f"duplicates: {d['duplicates']}")
    return "\n".join(lines) + "\n\n"


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), .jsonl files, RSS/Atom feeds, "
                                                    ".warc(.gz) archives or http(s) URLs.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | text")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    layers: Annotated[str, typer.Option("--layers", help="Extra layers to emit, comma-separated: tokens")] = "",
    published: str | None = common.PUBLISHED,
    jobs: int | None = common.JOBS,
    text_field: str = common.TEXT_FIELD,
    title_field: str = common.TITLE_FIELD,
    date_field: str = common.DATE_FIELD,
    url_field: str = common.URL_FIELD,
    max_bytes: int = common.MAX_BYTES,
    follow: bool = common.FOLLOW,
    delay: float = common.DELAY,
    robots: bool = common.ROBOTS,
) -> None:
    """Extract articles, teasers and every fact layer; print the JSON Lines contract."""
    if format not in ("jsonl", "json", "text"):
        common.err.print(f"[red]error[/red] --format {format!r}: choose jsonl, json or text")
        raise typer.Exit(2)
    published = common.check_date(published)
    want = frozenset(x.strip() for x in layers.split(",") if x.strip())
    unknown = want - {"tokens"}
    if unknown:
        common.err.print(f"[red]error[/red] unknown --layers {', '.join(sorted(unknown))}: the optional layer is tokens")
        raise typer.Exit(2)
    errors: list[ReadError] = []
    status = common.Status("extract")
    items = common.inputs(paths, published, text_field, title_field, date_field, url_field, max_bytes,
                          feeds=FeedOptions(follow=follow, delay=delay, respect_robots=robots), note=status)
    out = output.open("w", encoding="utf-8") if output else None
    write = out.write if out else common.write
    n, t0 = 0, time.perf_counter()
    first = True
    try:
        if format == "json":
            write("[\n")
        with common.progress() as prog:
            task = prog.add_task("extract", total=None, rate="")
            status.prog, status.task = prog, task
            for doc in common.report_errors(run(items, jobs=jobs or default_jobs()), errors):
                d = doc.to_dict(layers=want)
                if format == "jsonl":
                    write(json.dumps(d, ensure_ascii=False) + "\n")
                elif format == "json":
                    write(("" if first else ",\n") + json.dumps(d, ensure_ascii=False, indent=2))
                else:
                    write(_text_summary(d))
                first = False
                n += 1
                prog.update(task, advance=1, rate=f"{n / max(1e-9, time.perf_counter() - t0):.1f} docs/s")
        if format == "json":
            write("\n]\n")
    finally:
        if out:
            out.close()
    dt = time.perf_counter() - t0
    common.err.print(f"extracted {n} document(s), {len(errors)} failed, in {dt:.1f}s", highlight=False)
    raise typer.Exit(common.exit_code(errors, n))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
