"""``vestnik stories``: duplicates and stories across documents (outlets, days, languages)."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, TaskID

from vestnik.cli import common
from vestnik.document import Document
from vestnik.ingest.readers import ReadError
from vestnik.runner import default_jobs, run
from vestnik.stories.batch import cluster_story_docs
from vestnik.stories.cluster import Story, select
from vestnik.stories.facts import DocFacts, doc_facts, own_first, ranked, story_facts, topic_wide
from vestnik.stories.features import story_doc, teaser_docs

WHO = 5  # entities listed per story (most documents first)


Who = dict[str, list[tuple[str, str, int]]]  # story id -> the entities most of its documents name (id, name, documents)
Facts = dict[str, dict[str, list[dict]]]  # story id -> its speakers, cited sources and event groups


def _table(stories: list[Story], who: Who, topic_names: dict[int, str | None] | None = None) -> str:
    """The stories as text, largest first; ``topic_names``: a batch's topics by number, shown before "who"."""
    rows = sorted(stories, key=lambda s: (-len(s.members), s.first_seen or "", s.id))
    out = [f"{'story':<10} {'size':>4} {'dups':>4}  {'first seen':<10} {'last seen':<10} {'lang':<6} "
           "title / outlets / who"]
    for s in rows:
        outlets = ", ".join(o for o, _ in s.outlets.most_common(3)) + (" …" if len(s.outlets) > 3 else "")
        names = ", ".join(name for _, name, _ in who.get(s.id, [])[:3])
        if s.topic is not None and topic_names:
            names = f"[{topic_names.get(s.topic) or f'topic {s.topic}'}] {names}".rstrip()
        out.append(f"{s.id:<10} {len(s.members):>4} {len(s.duplicates):>4}  {s.first_seen or '-':<10} "
                   f"{s.last_seen or '-':<10} {','.join(sorted(s.languages)) or '-':<6} {s.title[:90]}"
                   + "".join(f"\n{'':>44}{x}" for x in (outlets, names) if x))
    return "\n".join(out) + "\n"


def _who(stories: list[Story], facts: dict[str, DocFacts], names: dict[str, str],
         batch: list[Story] | None = None) -> tuple[Who, dict[int, str | None]]:
    """Each story's entities named by most of its documents (their articles only), ties by more mentions, those
    that most of its topic names after the others (``facts.topic_wide``: the batch's topic, or in a batch of
    several topics, ``batch``'s stories, the story's own); agencies and outlets are its sources, not who it is
    about, and ``DocFacts.named`` already leaves them out (as :meth:`vestnik.store.Store.story_entities`). Also each batch topic's name: the entity most of its documents
    name, if it is topic-wide."""
    parts: dict[int | None, list[str]] = {}
    for s in batch or stories:
        parts.setdefault(s.topic, []).extend(m for m in s.members if m in facts)
    if len(parts) == 1 or batch is None:
        parts = {None: list(facts)}
    wide: dict[int | None, set[str]] = {}
    topic_names: dict[int, str | None] = {}
    for k, docs in parts.items():
        df: Counter[str] = Counter()
        for m in docs:
            df.update(facts[m].named.keys())
        wide[k] = topic_wide(df, len(docs))
        if k is not None:
            top = max(df, key=lambda e: (df[e], e), default=None)
            topic_names[k] = names.get(top, top) if top in wide[k] else None
    out: Who = {}
    for s in stories:
        named = [facts[m].named for m in s.members if m in facts]
        own = wide.get(s.topic, wide.get(None, set()))
        out[s.id] = [(e, names.get(e, e), d) for e, d, _ in own_first(ranked(named), own)[:WHO]]
    return out, topic_names


class _Phases:
    """One progress bar per phase a run reports (:data:`vestnik.stories.batch.Progress`), made when the phase is
    first told; a total of None: not known yet."""

    def __init__(self, prog: Progress) -> None:
        self.prog = prog
        self.tasks: dict[str, tuple[TaskID, float]] = {}  # phase -> its bar, when it started

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = (self.prog.add_task(phase, total=total, rate=""), time.perf_counter())
        task, t0 = self.tasks[phase]
        rate = f"{done / max(1e-9, time.perf_counter() - t0):.0f} docs/s" if total is None or total > 1 else ""
        self.prog.update(task, completed=done, total=total, rate=rate)


def _from_store(location: str | None, since: str | None, rebuild: bool = False, facts: bool = False,
                min_size: int = 1, limit: int | None = None) -> tuple[list[Story], int, int, Who, Facts]:
    """Incremental run over the store: only documents stored since the last run are added (all, ``rebuild``);
    returns the stories to show, the documents added, the stories stored (all of them, when some are not
    shown), who each story is about and (``facts``) what its reports say together."""
    try:
        from vestnik.store import Store, StoreError
    except ModuleNotFoundError:
        common.err.print("[red]error[/red] no store in this installation: give files or directories, "
                         "e.g. `vestnik stories DIR --format jsonl`")
        raise typer.Exit(2) from None
    from vestnik.stories import store_sync

    try:
        with Store.open(location) as store:
            if not store.count():
                common.err.print(f"[red]error[/red] the store {store.location!r} is empty: add documents with "
                                 "`vestnik ingest DIR`, or give files or directories to `vestnik stories`")
                raise typer.Exit(2)
            with common.progress() as prog:
                phases = _Phases(prog)
                try:
                    shown, added = store_sync.update(store, since, rebuild, wait=0, min_size=min_size, limit=limit,
                                                     progress=phases)
                except store_sync.StoriesBusy:  # (a watch's round, another machine): then this run adds the rest
                    common.err.print("another stories update is running on this store: waiting for it to end…")
                    shown, added = store_sync.update(store, since, rebuild, min_size=min_size, limit=limit,
                                                     progress=phases)
            ids = [s.id for s in shown]
            total = store.list_stories(limit=0)[0] if limit or min_size > 1 else len(shown)
            return shown, added, total, store.story_entities(ids, top=WHO), store.story_facts(ids) if facts else {}
    except StoreError as e:
        common.err.print(f"[red]error[/red] {e}")
        raise typer.Exit(2) from None


def _unique_id(doc: Document, seen: dict[str, str | None]) -> bool:
    """Ids are file names without their extension, so two files of one name in different folders meet: the later
    one gets ``<id>~<n>`` (said on stderr) instead of being lost; the same source read twice counts once."""
    if doc.id in seen:
        first = seen[doc.id]
        if first == doc.source:
            common.err.print(f"[yellow]note[/yellow] {doc.source}: given twice, clustered once", highlight=False)
            return False
        n = 2
        while f"{doc.id}~{n}" in seen:
            n += 1
        new = f"{doc.id}~{n}"
        common.err.print(f"[yellow]note[/yellow] {doc.source}: its id {doc.id!r} is already {first}'s; it is "
                         f"{new!r} in the output", highlight=False, soft_wrap=True)
        doc.id = new
    seen[doc.id] = doc.source
    return True


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
    store: Annotated[str | None, typer.Option("--store", help="Store path or URL (default: $VESTNIK_STORE or "
                                                              "var/vestnik.db); used when no PATH is given.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Store mode: cluster every stored document again from "
                                                            "scratch (after an upgrade or a change of settings); "
                                                            "the stories, members and pairs found before are "
                                                            "replaced.")] = False,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Show only stories of at least this many "
                                                                    "documents.")] = 1,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Show this many stories, the largest "
                                                                           "first (ties: the latest seen).")] = None,
) -> None:
    """Group documents into stories (same event across outlets, days and languages), duplicates folded in."""
    if format not in ("table", "jsonl"):
        common.err.print(f"[red]error[/red] --format {format!r}: choose table or jsonl")
        raise typer.Exit(2)
    since = common.check_date(since)
    published = common.check_date(published)
    t0 = time.perf_counter()
    errors: list[ReadError] = []
    if paths and rebuild:
        common.err.print("[red]error[/red] --rebuild works on the store: give no PATH (a run over files always "
                         "starts from scratch)")
        raise typer.Exit(2)
    if paths:
        items = common.inputs(paths, published, text_field, title_field, date_field, url_field, max_bytes)
        sds, teasers = [], []  # the documents, and their pages' teasers (linked to the articles they announce)
        seen: dict[str, str | None] = {}  # id -> the source it was read from
        names: dict[str, str] = {}  # entity id -> its name
        types: dict[str, str] = {}
        facts: dict[str, DocFacts] = {}  # document -> what its article says (names, quotes, sources, events)
        with common.progress() as prog:
            phases = _Phases(prog)
            for d in common.report_errors(run(items, jobs=jobs or default_jobs()), errors):
                if not _unique_id(d, seen):
                    continue
                sds.append(story_doc(d))
                teasers += teaser_docs(d)
                facts[sds[-1].id] = doc_facts(d)
                names.update((k, e.name) for k, e in d.entities.items())
                types.update((k, e.type) for k, e in d.entities.items())
                phases("analyse", len(sds), None)
            if since:
                sds = [d for d in sds if d.published and d.published[:10] >= since]
            clustered = {s.id: s for s in cluster_story_docs(sds, teasers=teasers, progress=phases)}
        result = [clustered[sid] for sid in select([(s.id, len(s.members), s.last_seen) for s in clustered.values()],
                                                   None, min_size, limit)]
        who, topic_names = _who(result, facts, names, list(clustered.values()))
        told = {s.id: story_facts([facts[m] for m in s.members if m in facts], names, types) for s in result} \
            if format == "jsonl" else {}
        n_docs, n_stories = len(sds), len(clustered)
    else:
        result, n_new, n_stories, who, told = _from_store(store, since, rebuild, format == "jsonl", min_size, limit)
        topic_names = {}
        n_docs = sum(len(s.members) for s in result)
        common.err.print(f"{n_new} new document(s) added to the stories", highlight=False)
    text = (_table(result, who, topic_names) if format == "table"
            else "".join(json.dumps({**s.to_dict(who.get(s.id), topic_names.get(s.topic or 0)), **told.get(s.id, {})},
                                    ensure_ascii=False) + "\n"
                         for s in result))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        common.write(text)
    n_dup = sum(len(s.duplicates) for s in result)
    if len(result) == n_stories:
        shown = f"{n_stories} story(ies)"
    elif paths:
        shown = f"{n_stories} story(ies) ({len(result)} shown)"
    else:  # (over the store, the documents counted are the shown stories')
        shown = f"the {len(result)} story(ies) shown of {n_stories}"
    common.err.print(f"{n_docs} document(s) in {shown}, {n_dup} duplicate pair(s), "
                     f"{len(errors)} failed, in {time.perf_counter() - t0:.1f}s", highlight=False)
    raise typer.Exit(common.exit_code(errors, n_docs))


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)
