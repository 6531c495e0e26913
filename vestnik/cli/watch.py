"""``vestnik watch FEED... --every 15m``: poll feeds and ingest their new entries until interrupted.

Each round is an ordinary ``ingest`` of the feeds: entries whose link is stored are
not fetched again, so a poll costs one request per feed plus one per new entry.
Models load once (the pipeline runs in this process), a failed feed is one error line
and the next round tries it again, and Ctrl-C stops cleanly between or inside rounds
(what was processed is stored; the rest is picked up by the next run). After a round that
stored something, its documents join the store's stories (``vestnik stories --store`` in
the same process), so the web UI's Stories page follows the feeds; ``--no-stories`` leaves
that to a separate ``vestnik stories`` run.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
import time
from typing import Annotated

import typer

from vestnik.cli import common
from vestnik.cli.store import STORE, _Ingest, open_store
from vestnik.ingest.readers import FeedOptions, ReadError, read_inputs
from vestnik.runner import run
from vestnik.store import Store

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``90``, ``30s``, ``15m``, ``1h``, ``1h30m`` → seconds."""
    v = value.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", v):
        return float(v)
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", v)
    if not parts or re.sub(r"\s+", "", "".join(n + u for n, u in parts)) != re.sub(r"\s+", "", v):
        raise ValueError(value)
    return sum(float(n) * _UNITS[u] for n, u in parts)


def _round(st: Store, feeds: list[str], options: FeedOptions, max_bytes: int, batch: int, stop: threading.Event
           ) -> tuple[int, int, list[ReadError]]:
    """One poll of every feed: (new, already stored, errors); ends early after the entry in hand when ``stop``
    is set (Ctrl-C)."""
    job = _Ingest(st, batch)
    options.skipped = 0
    options.seen.clear()
    try:
        for res in run(job.fresh(read_inputs(feeds, max_bytes=max_bytes, feeds=options)), jobs=1):
            job.take(res)
            if stop.is_set():
                break
    finally:
        job.flush()
    return job.new, job.already + options.skipped, job.errors


def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS, Atom or RDF) or local feed files.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90, 30s, 15m, 1h.")] = "15m",
    store: str | None = STORE,
    rounds: Annotated[int, typer.Option("--rounds", min=0, help="Stop after this many polls (0: until Ctrl-C).")] = 0,
    max_bytes: int = common.MAX_BYTES,
    follow: bool = common.FOLLOW,
    delay: float = common.DELAY,
    robots: bool = common.ROBOTS,
    batch: Annotated[int, typer.Option("--batch", help="Documents per transaction.", min=1)] = 32,
    stories: Annotated[bool, typer.Option("--stories/--no-stories",
                                          help="After a round that stored documents, add them to the store's "
                                               "stories (as `vestnik stories --store` does).")] = True,
) -> None:
    """Poll feeds and ingest new entries until interrupted (Ctrl-C); stored entries are never fetched again."""
    try:
        period = parse_every(every)
    except ValueError:
        common.err.print(f"[red]error[/red] --every {every!r}: give seconds or a duration like 30s, 15m, 1h")
        raise typer.Exit(2) from None
    if period < 1:
        common.err.print("[red]error[/red] --every: poll at most once a second")
        raise typer.Exit(2)
    st = open_store(store)
    options = FeedOptions(follow=follow, delay=delay, known=st.urls_of, respect_robots=robots)
    total_new = total_ok = total_failed = n = 0
    all_errors: list[ReadError] = []
    # Ctrl-C sets a flag that the wait and the round look at, rather than raising wherever the main thread happens
    # to be (inside the status spinner's lock, a store transaction...); a second Ctrl-C raises at once.
    stop = threading.Event()

    def on_sigint(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    common.err.print(f"watching {len(feeds)} feed(s) every {every} → {st.location} (Ctrl-C stops)", highlight=False)
    try:
        while not stop.is_set():
            n += 1
            started = time.monotonic()
            with common.err.status(f"round {n}: reading {len(feeds)} feed(s)…"):
                new, already, errors = _round(st, feeds, options, max_bytes, batch, stop)
            total_new += new
            total_ok += new + already
            total_failed += len(errors)
            all_errors.extend(errors)
            now = dt.datetime.now().strftime("%H:%M:%S")
            common.err.print(f"{now} round {n}: {new} new, {already} already stored, {len(errors)} failed",
                             highlight=False)
            if stories and new:
                _stories(st, n)
            if rounds and n >= rounds:
                break
            wake = started + period
            nxt = (dt.datetime.now() + dt.timedelta(seconds=max(0.0, wake - time.monotonic()))).strftime("%H:%M:%S")
            with common.err.status(f"next poll at {nxt} (Ctrl-C stops)"):
                stop.wait(max(0.0, wake - time.monotonic()))
    except KeyboardInterrupt:
        stop.set()
    finally:
        signal.signal(signal.SIGINT, previous)
        stopped = stop.is_set()
        st.close()
    common.err.print(f"{'stopped: ' if stopped else ''}{n} round(s), {total_new} new, {total_failed} failed "
                     f"→ {st.location}", highlight=False)
    if stopped:
        raise typer.Exit(0)
    raise typer.Exit(common.exit_code(all_errors, total_ok))


def _stories(st: Store, n: int) -> None:
    """Add the round's documents to the store's stories; a failure is reported and the watch goes on (the next
    round, or a `vestnik stories --store` run, adds whatever is still unclustered)."""
    from vestnik.stories import store_sync  # the index and its compiled kernels load at the first round that needs them

    try:
        with common.err.status(f"round {n}: adding the new documents to stories…"):
            _, added = store_sync.update(st, show=False, wait=0)
            total = st.list_stories(limit=0)[0]
    except store_sync.StoriesBusy:  # a `vestnik stories` run (or another machine) is at it: no need to queue
        common.err.print(f"  stories: another update is running on this store; round {n}'s documents join "
                         "stories with it or at the next round", highlight=False)
        return
    except Exception as e:  # a long-running watch must outlive a stories failure (disk full, damaged state...)
        common.err.print(f"[red]error[/red] round {n}: stories not updated ({type(e).__name__}: {e}); "
                         f"`vestnik stories --store {st.location}` retries", highlight=False)
        return
    common.err.print(f"  stories: {added} document(s) added, {total} story(ies) in the store", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
