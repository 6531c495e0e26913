"""Store commands: ``ingest`` pages into the store, ``search`` / ``show`` / ``stats`` it, ``serve`` the web UI and API."""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from vestnik.cli import common
from vestnik.document import Document
from vestnik.ingest.readers import FeedOptions, ReadError
from vestnik.runner import default_jobs, run
from vestnik.store import Store, StoreError, raw_id

STORE = typer.Option(None, "--store", "-s", envvar="VESTNIK_STORE", show_envvar=True,
                     help="Store: a SQLite file (default var/vestnik.db) or a database URL.")
out = Console(highlight=False, soft_wrap=False)


def open_store(location: str | None) -> Store:
    """Open the store or explain, on stderr, what to do (exit code 2)."""
    try:
        return Store.open(location)
    except StoreError as e:
        common.err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(2) from None


def _pipeline_name() -> str:
    from vestnik.pipeline import available_stages

    return ",".join(available_stages())


class _Ingest:
    """Feeds new documents to the pipeline and writes results to the store in small transactions."""

    def __init__(self, store: Store, batch_size: int, flush_seconds: float = 2.0) -> None:
        self.store = store
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.pending: deque[str | None] = deque()  # store ids of items in flight, in input order
        self.seen: set[str] = set()
        self.batch: list[tuple[Document, str]] = []
        self.last_flush = time.perf_counter()
        self.new = self.already = 0
        self.errors: list[ReadError] = []
        self.pipeline = _pipeline_name()

    def fresh(self, items: Iterable[Document | ReadError]) -> Iterator[Document | ReadError]:
        """Skip documents already stored (or seen earlier in this run) before any work is spent on them."""
        for it in items:
            if isinstance(it, ReadError):
                self.pending.append(None)
                yield it
                continue
            cid = raw_id(it)
            if cid in self.seen or self.store.has([cid]):
                self.already += 1
                continue
            self.seen.add(cid)
            self.pending.append(cid)
            yield it

    def take(self, result: Document | ReadError) -> None:
        cid = self.pending.popleft()
        if isinstance(result, ReadError):
            self.errors.append(result)
            common.err.print(f"[red]error[/red] {result}", highlight=False, markup=True, soft_wrap=True)
            return
        self.batch.append((result, cid or raw_id(result)))
        if len(self.batch) >= self.batch_size or time.perf_counter() - self.last_flush > self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.last_flush = time.perf_counter()
        if not batch:
            return
        try:
            self._count(self.store.add_many(batch, pipeline=self.pipeline))
            return
        except Exception:  # one unstorable document must not lose the others: retry one by one
            pass
        for doc, cid in batch:
            try:
                self._count(self.store.add_many([(doc, cid)], pipeline=self.pipeline))
            except Exception as e:
                err = ReadError(doc.source or doc.id, f"cannot store ({type(e).__name__}: {e}); "
                                "check that the store's disk is writable and not full")
                self.errors.append(err)
                common.err.print(f"[red]error[/red] {err}", highlight=False, soft_wrap=True)

    def _count(self, results: list[tuple[str, bool]]) -> None:
        for _id, created in results:
            if created:
                self.new += 1
            else:
                self.already += 1


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), .jsonl files, RSS/Atom feeds, "
                                                    ".warc(.gz) archives or http(s) URLs.")],
    store: str | None = STORE,
    published: str | None = common.PUBLISHED,
    jobs: int | None = common.JOBS,
    text_field: str = common.TEXT_FIELD,
    title_field: str = common.TITLE_FIELD,
    date_field: str = common.DATE_FIELD,
    url_field: str = common.URL_FIELD,
    max_bytes: int = common.MAX_BYTES,
    batch: Annotated[int, typer.Option("--batch", help="Documents per transaction.", min=1)] = 32,
    follow: bool = common.FOLLOW,
    delay: float = common.DELAY,
    robots: bool = common.ROBOTS,
) -> None:
    """Extract every layer and store the documents. Idempotent: stored content is skipped, a re-run adds nothing
    (feed entries whose link is stored are not even fetched)."""
    published = common.check_date(published)
    st = open_store(store)
    job = _Ingest(st, batch)
    feeds = FeedOptions(follow=follow, delay=delay, known=st.urls_of, respect_robots=robots)
    status = common.Status("ingest")
    items = common.inputs(paths, published, text_field, title_field, date_field, url_field, max_bytes,
                          feeds=feeds, note=status)
    t0 = time.perf_counter()
    interrupted = False
    try:
        with common.progress() as prog:
            task = prog.add_task("ingest", total=None, rate="")
            status.prog, status.task = prog, task
            for res in run(job.fresh(items), jobs=jobs or default_jobs()):
                job.take(res)
                done = job.new + job.already + len(job.batch)
                prog.update(task, completed=done + len(job.errors),
                            rate=f"{done / max(1e-9, time.perf_counter() - t0):.1f} docs/s")
    except KeyboardInterrupt:
        interrupted = True
    finally:
        job.flush()
        st.close()
    secs = time.perf_counter() - t0
    job.already += feeds.skipped  # feed entries found stored by URL, never fetched
    common.err.print(f"{'interrupted: ' if interrupted else ''}{job.new} new, {job.already} already stored, "
                     f"{len(job.errors)} failed, in {secs:.1f}s ({job.new / max(secs, 1e-9):.1f} new docs/s) "
                     f"→ {st.location}", highlight=False, soft_wrap=True)
    if interrupted:
        raise typer.Exit(130)
    raise typer.Exit(common.exit_code(job.errors, job.new + job.already))


def _marked(snippet: str, spans: list[list[int]]) -> Text:
    t = Text(snippet)
    for s, e in spans:
        t.stylize("bold yellow", s, e)
    return t


def search(
    query: Annotated[str, typer.Argument(help='Words (all must match), "quoted phrases"; word* for a prefix.')],
    store: str | None = STORE,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many hits.")] = 20,
    language: Annotated[str | None, typer.Option("--language", "-l", help="Only this language (bg, ru, en).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one hit per line.")] = False,
) -> None:
    """Full-text search over headlines and texts (case-insensitive, Cyrillic included)."""
    st = open_store(store)
    try:
        hits = st.search(query, limit=limit, language=language)
        total = st.search_count(query, language=language)
    finally:
        st.close()
    if as_json:
        for h in hits:
            common.write(json.dumps(h, ensure_ascii=False) + "\n")
        return
    if not hits:
        common.err.print(f"no document matches {query!r}" + (f" in language {language}" if language else ""),
                         highlight=False)
        raise typer.Exit(1)
    table = Table(title=f"{total} document(s) match {query!r}", title_justify="left", show_lines=True)
    columns: list[tuple[str, dict[str, Any]]] = [("id", {"no_wrap": True}), ("date", {"no_wrap": True}), ("lang", {}),
                                                 ("headline", {"ratio": 2}), ("snippet", {"ratio": 3})]
    for col, kw in columns:
        table.add_column(col, **kw)
    for h in hits:
        table.add_row(h["id"][:12], h.get("published") or "", h.get("language") or "", h.get("headline") or "",
                      _marked(h["snippet"], h["highlights"]))
    out.print(table)


def _sub(d: dict[str, Any], span: list[int] | None) -> str:
    return d["text"][span[0] : span[1]] if span else ""


def _show_text(d: dict[str, Any]) -> None:
    art = d.get("article") or {}
    ents = d.get("entities") or {}
    out.print(Text(_sub(d, art.get("headline")) or d.get("title") or "(no headline)", style="bold"))
    meta = [d["store_id"], d.get("id") or "", d.get("language") or "?", d.get("published") or "undated",
            (d.get("publisher") or {}).get("name") or "", d.get("url") or d.get("source") or ""]
    out.print(Text("  ".join(x for x in meta if x), style="dim"))
    if art.get("dateline"):
        out.print(Text(f"dateline: {_sub(d, art['dateline'])}", style="italic"))
    for p in art.get("paragraphs") or []:
        out.print()
        out.print(_sub(d, p))
    if d.get("teasers"):
        out.print()
        out.print(Text("Teasers (separate stories on the page)", style="bold"))
        for i, tz in enumerate(d["teasers"]):
            cut = " …" if tz.get("truncated") else ""
            out.print(f"  {i}. [{tz.get('dateline') or '-'}] {tz.get('headline') or ''}{cut}", markup=False)

    def section(title: str, rows: list[list[str]], cols: list[str]) -> None:
        if not rows:
            return
        t = Table(title=title, title_justify="left", title_style="bold")
        for c in cols:
            t.add_column(c)
        for r in rows:
            t.add_row(*r)
        out.print()
        out.print(t)

    def who(eid: str | None) -> str:
        return (ents.get(eid) or {}).get("name") or eid or "" if eid else ""

    section("Mentions", [[_sub(d, m.get("span")), m.get("type") or "", m.get("form") or "", m.get("base") or "",
                          who(m.get("entity"))] for m in d.get("mentions") or []],
            ["text", "type", "form", "base", "entity"])
    section("Quotes", [[_sub(d, (q.get("speaker") or {}).get("span")) or who((q.get("speaker") or {}).get("entity")),
                        ("“" if q.get("direct") else "") + _sub(d, q.get("span")) + ("”" if q.get("direct") else ""),
                        _sub(d, q.get("cue")), q.get("when") or ""] for q in d.get("quotes") or []],
            ["speaker", "quote", "cue", "when"])
    srcs = d.get("sources") or []

    def cited(i: Any) -> str:
        return _sub(d, srcs[i].get("span")) if isinstance(i, int) and 0 <= i < len(srcs) else ""

    section("Sources", [[_sub(d, s.get("span")), who(s.get("entity")), cited(s.get("cites"))] for s in srcs],
            ["source", "entity", "cites"])
    section("Times", [[_sub(d, t.get("span")), t.get("type") or "", t.get("value") or ""]
                      for t in d.get("times") or []], ["text", "type", "value"])
    section("Events", [[e.get("type") or "", e.get("cameo") or "", (e.get("source") or {}).get("code") or "",
                        (e.get("target") or {}).get("code") or "", _sub(d, e.get("span")), e.get("when") or ""]
                       for e in d.get("events") or []], ["type", "cameo", "source", "target", "text", "when"])
    if d.get("duplicates"):
        out.print()
        out.print(Text("Duplicates within the page: ", style="bold") +
                  Text("; ".join(f"{k}: {a} ~ {b}" for k, a, b, *_ in d["duplicates"])))


def show(
    ref: Annotated[str, typer.Argument(help="Store id (or a unique prefix of it) or the document's own id.")],
    store: str | None = STORE,
    as_json: Annotated[bool, typer.Option("--json", help="The contract JSON.")] = False,
) -> None:
    """One stored document: headline, dateline, paragraphs, teasers and the fact layers it has."""
    st = open_store(store)
    try:
        d = st.get(ref)
    finally:
        st.close()
    if d is None:
        common.err.print(f"[red]error[/red] no document {ref!r} in {st.location}; "
                         "find ids with `vestnik search WORDS`", highlight=False)
        raise typer.Exit(1)
    if as_json:
        common.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        _show_text(d)


def stats(
    store: str | None = STORE,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """What the store holds: documents per language and publisher, rows per fact layer."""
    st = open_store(store)
    try:
        s = st.stats()
    finally:
        st.close()
    if as_json:
        common.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{s['documents']}[/bold] document(s) in {s['store']} ({s['dialect']}, search: {s['search']}); "
              f"published {s['published']['first'] or '?'} … {s['published']['last'] or '?'}")
    for title, data in (("language", s["languages"]), ("publisher", s["publishers"])):
        t = Table(title=f"per {title}", title_justify="left")
        t.add_column(title)
        t.add_column("documents", justify="right")
        for k, v in data.items():
            t.add_row(k, str(v))
        out.print(t)
    t = Table(title="per layer", title_justify="left")
    t.add_column("layer")
    t.add_column("rows", justify="right")
    t.add_column("documents", justify="right")
    for k, v in s["layers"].items():
        t.add_row(k, str(v["rows"]), str(v.get("documents", "")))
    out.print(t)


def entities(
    query: Annotated[str | None, typer.Argument(help="Part of a name or id (Путин, putin, vk:nato); all if omitted.")] = None,
    store: str | None = STORE,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PER, LOC, ORG, PRO or EVT.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many, most widely mentioned first.")] = 25,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """Who the stored documents name: entities with their type, country, codes and how widely they are
    mentioned (the same list as /api/entities)."""
    typ = type_.upper() if type_ else None
    if typ and typ not in ("PER", "LOC", "ORG", "PRO", "EVT"):
        raise typer.BadParameter(f"unknown type {type_!r}: use PER, LOC, ORG, PRO or EVT", param_hint="--type")
    st = open_store(store)
    try:
        total, rows = st.list_entities(query, typ, limit=limit)
    finally:
        st.close()
    if as_json:
        common.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        return
    t = Table(title=f"{total} entit{'y' if total == 1 else 'ies'}" + (f" matching {query!r}" if query else ""),
              title_justify="left")
    t.add_column("id", no_wrap=True)
    for col in ("name", "type", "CAMEO"):
        t.add_column(col)
    t.add_column("docs", justify="right")
    t.add_column("mentions", justify="right")
    for r in rows:
        t.add_row(r["id"], r["name"] or "", r["type"] or "", (r["codes"] or {}).get("cameo", ""), str(r["documents"]),
                  str(r["mentions"]))
    out.print(t)
    if total > len(rows):
        out.print(f"[dim]{total - len(rows)} more: raise --limit or narrow the query[/dim]")


def serve(
    store: str | None = STORE,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port.")] = 8000,
) -> None:
    """Web UI and JSON API over the store (OpenAPI docs at /docs)."""
    import socket

    import uvicorn

    from vestnik.api.app import create_app

    st = open_store(store)
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as e:
            common.err.print(f"[red]error[/red] cannot listen on {host}:{port} ({e.strerror or e}); "
                             "choose another with --port", highlight=False)
            st.close()
            raise typer.Exit(2) from None
    shown = f"[{host}]" if ":" in host else host
    common.err.print(f"vestnik: {st.count()} document(s) from {st.location}\n"
                     f"serving on http://{shown}:{port}  (API docs: http://{shown}:{port}/docs; Ctrl-C stops)",
                     highlight=False, soft_wrap=True)
    try:
        uvicorn.run(create_app(st), host=host, port=port, log_level="warning")
    finally:
        st.close()


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("show")(show)
    app.command("stats")(stats)
    app.command("entities")(entities)
    app.command("serve")(serve)
