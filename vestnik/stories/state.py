"""The stories state saved in parts: a save writes what changed since the last one, not the whole state.

The clusterer a store run continues (:mod:`~vestnik.stories.store_sync`) grows ~5 KB with every document: the
duplicate index's rows and the closed stories' bytes. Pickled whole, every run and every ``vestnik watch`` round
wrote all of it again and read all of it back (~13 s per GB each way on a database server). It is saved as:

- ``ix.<k>``: the index rows of documents ``k·SEGMENT_DOCS`` onwards (:meth:`DedupIndex.rows`). An insertion
  appends rows and never changes them, so a full segment is written once;
- ``closed.<k>``: the closed stories ``s<k·CLOSED_SEGMENT>`` onwards (stories are numbered as they start, so the
  ones that close together are neighbours). A story closes once and is rarely brought back, so a segment is
  written again only when one of its stories closed or came back since the last save
  (``StoryClusterer.closed_changed``);
- ``ixhead``: the index's hash tables, postings and key maps, which an insertion changes anywhere. It is written
  again only when the documents added since (``ixhead_docs`` in the manifest) pass a budget (``REPLAY_DOCS``): a
  load puts them into it again from their rows (:meth:`DedupIndex.replay`, the same insertions in the same order);
- ``head``: everything else (the open stories, term statistics), written at every save.

Each part is stored under its key and the generation token of the save that wrote it. A manifest lists the parts
with its generation and is the commit point: the new parts first, then the manifest (the state file renamed into
place, or one transaction), then the parts it no longer lists are deleted (a save killed before its manifest
leaves parts no manifest lists: the next save deletes them). A save keeps the parts of the manifest its clusterer
was loaded from (or last saved as) only while that manifest is still the current one: after another process's
save, everything is written.

A process keeps the clusterer it saved when it is done with it (:func:`keep`, :data:`_LIVE`): its next load finds
the same generation and takes it instead of reading everything back, so a ``vestnik watch`` round does not pay
the load at all.
"""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any, Protocol

from vestnik.gc_pause import no_cyclic_gc
from vestnik.stories.cluster import StoryClusterer
from vestnik.stories.index import DedupIndex

VERSION = 5  # a manifest of parts; 3 and 4 were one pickle of the whole clusterer (still read)
SEGMENT_DOCS = 2048  # index rows per part (~3 MB of news)
# The index's head (hash tables, postings, key maps: ~1.1 KB per document, changed anywhere by any insertion) is
# written again only when the documents added since it was last written pass an eighth of the index, at least
# REPLAY_DOCS and at most 4 x REPLAY_DOCS; a load that uses the index puts those documents into it again from their
# rows (DedupIndex.replay: ~10 us each, so at most ~0.3 s)
REPLAY_DOCS = 8192
CLOSED_SEGMENT = 256  # closed stories per part (~0.7 MB of news; a reprint that reopens one rewrites its part)


class StateDamaged(RuntimeError):
    """A part of a lazily loaded state cannot be read (deleted, cut short, another save in between): the caller
    starts over (:func:`vestnik.stories.store_sync.update` rebuilds, as for a damaged manifest)."""


#: per state location: (generation, clusterer) of the last save in this process
_LIVE: dict[str, tuple[str, StoryClusterer]] = {}


class Backend(Protocol):
    """Where a state's manifest and parts live."""

    key: str  # the state's location, for :data:`_LIVE`

    def manifest(self) -> bytes | None: ...
    def get(self, name: str) -> Any: ...
    def put(self, name: str, obj: object) -> None: ...
    def commit(self, manifest: bytes) -> None: ...
    def collect(self, keep: set[str]) -> None: ...


class Files:
    """The manifest in the state file, the parts in ``<state file>.parts/``."""

    def __init__(self, path: Path) -> None:
        self.path, self.dir = path, Path(str(path) + ".parts")
        self.key = f"file:{path.resolve()}"
        self.written = 0  # bytes of parts written by this object (bench.stories_store)

    def manifest(self) -> bytes | None:
        return self.path.read_bytes() if self.path.exists() else None

    def get(self, name: str) -> Any:
        with (self.dir / name).open("rb") as f:
            return pickle.load(f)

    def put(self, name: str, obj: object) -> None:
        """Pickled straight into the file (no copy of the whole part in memory first: 1.6x faster than bytes written
        out, measured on a 16,000-document state). A new name: a manifest lists it only once written."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with (self.dir / name).open("wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            self.written += f.tell()

    def commit(self, manifest: bytes) -> None:
        _atomic_write(self.path, manifest)

    def collect(self, keep: set[str]) -> None:
        if self.dir.is_dir():
            for f in self.dir.iterdir():
                if f.name not in keep:
                    f.unlink(missing_ok=True)


class Rows:
    """The manifest and the parts as rows of the store's ``state`` table (a database server's state)."""

    def __init__(self, store: Any, name: str) -> None:
        self.store, self.name = store, name
        self.key = f"store:{store.location}#{name}"
        self.written = 0

    def manifest(self) -> bytes | None:
        for version in (VERSION, 4, 3):
            blob = self.store.get_state(self.name, version)
            if blob is not None:
                return blob
        return None

    def get(self, name: str) -> Any:
        blob = self.store.get_state(f"{self.name}@{name}", VERSION)
        if blob is None:
            raise LookupError(f"part {name} of the stories state is missing from {self.store.location}")
        return pickle.loads(blob)

    def put(self, name: str, obj: object) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self.store.put_state(f"{self.name}@{name}", VERSION, data)
        self.written += len(data)

    def commit(self, manifest: bytes) -> None:
        self.store.put_state(self.name, VERSION, manifest)

    def collect(self, keep: set[str]) -> None:
        prefix = f"{self.name}@"
        self.store.delete_state([n for n in self.store.state_names(prefix) if n[len(prefix):] not in keep])


class ClosedStories(MutableMapping[str, bytes]):
    """The closed stories of a state loaded lazily: a part is read when one of its stories is first asked for (a
    listing reads the parts of the stories it shows; a run with nothing new, none). The ids are known up front
    (``closed_meta``, saved in the head)."""

    def __init__(self, ids: Iterable[str], parts: dict[int, str], backend: Backend) -> None:
        self._ids = set(ids)
        self._pending = dict(parts)  # segment -> the part that holds it, not read yet
        self._loaded: dict[str, bytes] = {}
        self.backend = backend

    def _read(self, sid: str) -> None:
        name = self._pending.pop(_closed_segment(sid), None)
        if name is not None:
            for k, v in _part(self.backend, name).items():  # (not one that came back, or closed again, since)
                if k in self._ids and k not in self._loaded:
                    self._loaded[k] = v

    def __getitem__(self, sid: str) -> bytes:
        if sid not in self._ids:
            raise KeyError(sid)
        self._read(sid)
        return self._loaded[sid]

    def __setitem__(self, sid: str, blob: bytes) -> None:
        self._ids.add(sid)
        self._loaded[sid] = blob

    def __delitem__(self, sid: str) -> None:
        if sid not in self._ids:
            raise KeyError(sid)
        self._ids.discard(sid)
        self._loaded.pop(sid, None)

    def __contains__(self, sid: object) -> bool:
        return sid in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    def __reduce__(self) -> tuple:
        return dict, (dict(self.items()),)


def _part(backend: Backend, name: str) -> Any:
    """A part read after the manifest was (lazily, or to be rewritten): any failure is :class:`StateDamaged`."""
    try:
        return backend.get(name)
    except Exception as e:
        raise StateDamaged(f"part {name}: {e}") from e


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def load(backend: Backend, reuse: bool = True, lazy: bool = False) -> StoryClusterer:
    """The saved clusterer (a new one when nothing is saved); ``reuse``: this process's own last save, when it
    is still the current state, is returned as it is (and no longer kept: the caller changes it). ``lazy``: the
    duplicate index is read at its first use (a run with nothing new never reads it), which must come before
    another process saves this state (the store's stories lock held, :func:`~vestnik.stories.store_sync.update`)."""
    raw = backend.manifest()
    if raw is None:
        return StoryClusterer()
    with no_cyclic_gc():
        state = pickle.loads(raw)
        version = state.get("version")
        if version in (3, 4):  # one pickle of everything (its first save here writes every part)
            cl = state["clusterer"]
            if not isinstance(cl, StoryClusterer):
                raise TypeError(f"not a stories state: {type(cl).__name__}")
            return cl
        if version != VERSION:
            raise ValueError(f"stories state of version {version}, expected {VERSION}")
        live = _LIVE.pop(backend.key, None)
        if reuse and live is not None and live[0] == state["generation"]:
            cl = live[1]  # what is still to read comes from this backend object, not the one of the earlier run
            if cl.index_loader is not None:
                cl.index_loader = _index_reader(backend, state)
            if isinstance(cl.closed, ClosedStories):
                cl.closed.backend = backend
            return cl
        parts = state["parts"]
        cl = StoryClusterer.__new__(StoryClusterer)
        cl.__setstate__(backend.get(parts["head"]))
        cl.closed = ClosedStories(cl.closed_meta, {int(k[7:]): v for k, v in parts.items() if k.startswith("closed.")},
                                  backend)
        cl.index_loader = _index_reader(backend, state)
        if not lazy:  # read now
            cl.index  # noqa: B018
            cl.closed = dict(cl.closed)
    cl.saved_as = state
    return cl


def _index_reader(backend: Backend, manifest: dict) -> Callable[[], DedupIndex]:
    def read() -> DedupIndex:
        parts = manifest["parts"]
        with no_cyclic_gc():
            rows = [_part(backend, parts[f"ix.{k}"]) for k in range(_segments(manifest["docs"], SEGMENT_DOCS))]
            index = DedupIndex.from_parts(_part(backend, parts["ixhead"]), rows)
            try:
                index.replay(manifest.get("ixhead_docs", manifest["docs"]))
            except ValueError as e:  # (rows without keys after the head: not written so by any save)
                raise StateDamaged(str(e)) from e
            return index

    return read


def save(backend: Backend, cl: StoryClusterer) -> None:
    """Write what changed since the manifest ``cl`` was loaded from or last saved as (everything when there is
    none, or when another save came in between), then the new manifest."""
    cl.archive()  # the stories the time window closed, as bytes (kept in parts of their own)
    if len(cl.closed_meta) != len(cl.closed):  # (archived before their sizes were kept): the ids a lazy load knows
        cl.closed_meta.update((sid, cl.meta_of(sid)) for sid in cl.closed if sid not in cl.closed_meta)
    before = cl.saved_as
    if before is not None:
        raw = backend.manifest()
        current = pickle.loads(raw) if raw is not None else None
        if not isinstance(current, dict) or current.get("generation") != before["generation"]:
            before = None
    kept: dict[str, str] = before["parts"] if before is not None else {}
    saved_docs = before["docs"] if before is not None else 0
    generation = uuid.uuid4().hex
    parts: dict[str, str] = {}

    def part(key: str, obj: object) -> None:
        parts[key] = name = f"{key}-{generation[:12]}"  # (a key's name changes at every write: never overwritten)
        backend.put(name, obj)

    head_docs = before.get("ixhead_docs", saved_docs) if before is not None else 0  # what the saved ixhead covers
    if cl.index_loader is not None and before is not None:  # never read since that save: unchanged
        n = saved_docs
        parts.update((k, v) for k, v in kept.items() if k.startswith("ix"))
    else:
        index = cl.index
        n = len(index)
        for k in range(_segments(n, SEGMENT_DOCS)):
            a, b = k * SEGMENT_DOCS, min((k + 1) * SEGMENT_DOCS, n)
            key = f"ix.{k}"
            if key in kept and b <= saved_docs:  # no row added to it since: the saved part holds these rows
                parts[key] = kept[key]
            else:
                part(key, index.rows(a, b))
        if "ixhead" in kept and n - head_docs <= _replay_budget(n) and index.replayable(head_docs):
            parts["ixhead"] = kept["ixhead"]  # a load replays the documents added since it (their rows)
        else:
            part("ixhead", index.head())
            head_docs = n
    changed: dict[int, list[str]] = {}  # segment -> its stories closed or brought back since the last save
    for sid in cl.closed_changed if before is not None else cl.closed:
        changed.setdefault(_closed_segment(sid), []).append(sid)
    parts.update((k, v) for k, v in kept.items() if k.startswith("closed.") and int(k[7:]) not in changed)
    for s, sids in sorted(changed.items()):  # (only these are read: a save costs what changed, not what is kept)
        key = f"closed.{s}"
        old = _part(backend, kept[key]) if key in kept else {}
        stories = {sid: cl.closed[sid] for sid in [*old, *sids] if sid in cl.closed}
        if stories:  # (none left when all came back)
            part(key, stories)
    part("head", {k: v for k, v in cl.__dict__.items()
                  if k not in ("_index", "index_loader", "closed", "closed_changed", "saved_as")})
    manifest = {"version": VERSION, "generation": generation, "docs": n, "ixhead_docs": head_docs, "parts": parts}
    backend.commit(pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))
    backend.collect(set(parts.values()))
    cl.closed_changed = set()
    cl.saved_as = manifest


def keep(backend: Backend, cl: StoryClusterer) -> None:
    """Keep ``cl``, as saved or loaded and unchanged since, for this process's next :func:`load` (the caller is
    done with it: the next load hands this very object on, to be changed)."""
    if cl.saved_as is not None:
        _LIVE[backend.key] = (cl.saved_as["generation"], cl)


def forget(backend: Backend | None = None) -> None:
    """Drop the live state of ``backend`` (None: every one), so that the next load reads it (as a new process)."""
    if backend is None:
        _LIVE.clear()
    else:
        _LIVE.pop(backend.key, None)


def _replay_budget(n: int) -> int:
    """Documents a saved index head may lag behind an index of ``n`` (see ``REPLAY_DOCS``)."""
    return min(max(REPLAY_DOCS, n // 8), 4 * REPLAY_DOCS)


def _segments(n: int, size: int) -> int:
    return -(-n // size)


def _closed_segment(sid: str) -> int:
    """Stories ``s0``, ``s1``... by their number; any other id in one segment of its own (-1)."""
    digits = sid[1:]
    return int(digits) // CLOSED_SEGMENT if sid[:1] == "s" and digits.isdigit() else -1
