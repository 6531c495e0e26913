"""The knowledge base of actors: loader, id index and the lookups other layers use.

Entries are JSON objects, one per line, in ``vestnik/kb/*.jsonl`` (shipped) and in the user's files
(``$VESTNIK_KB_DIR/*.jsonl``, default ``~/.vestnik/kb``), described in ``vestnik/kb/README.md``. Loading once
per process takes a few tens of milliseconds; the gazetteer is built on top of it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

KB_DIR = Path(__file__).resolve().parents[1] / "kb"
TYPES = {"PER", "LOC", "ORG", "PRO", "EVT"}
SECTORS = {"GOV", "MIL", "JUD", "LEG", "OPP", "REB", "BUS", "MED", "REL", "IGO", "CVL", "EDU", "COP", "SPY", "NGO"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^[a-z][a-z0-9]*:[a-z0-9][a-z0-9\-]*$")
#: kinds of outlets: news agencies, broadcasters, papers (the quotes layer's sources, no actors of events)
MEDIA_KINDS = frozenset({"news_agency", "outlet", "media", "newspaper", "broadcaster"})
# Which kind wins when two entries share a name (Мексико the country, not the city).
KIND_PRIORITY = {"country": 0, "news_agency": 1, "igo": 1, "broadcaster": 2, "newspaper": 2, "government": 2,
                 "legislature": 2, "continent": 3, "region": 3, "sea": 3, "city": 5}


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(s: str) -> str:
    """The id part of a name: lower-case Latin letters and digits joined by "-" ("Russian" -> "russian"; "" for a
    name in another script)."""
    return _NOT_SLUG.sub("-", s.lower()).strip("-")


@cache
def igo_role_codes() -> dict[str, str]:
    """Office of an international organisation -> its CAMEO code (``curated/igo_role_codes.tsv``)."""
    out = {}
    for line in (KB_DIR / "curated" / "igo_role_codes.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            role, code = line.split("\t")[:2]
            out[role.strip()] = code.strip()
    return out


@cache
def cameo_countries() -> dict[str, str]:
    """ISO3 -> CAMEO country code where the two differ (Kosovo: XKX, KSV), from the KB's countries file: a
    person's office "of" a country is written in ISO3, the actor code in CAMEO's."""
    out = {}
    for line in (KB_DIR / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if '"cameo"' in line and line.startswith("{"):
            codes = json.loads(line).get("codes") or {}
            if codes.get("iso3") and codes.get("cameo") and codes["iso3"] != codes["cameo"]:
                out[codes["iso3"]] = codes["cameo"]
    return out


def user_kb_dir() -> Path:
    return Path(os.environ.get("VESTNIK_KB_DIR") or Path.home() / ".vestnik" / "kb")


@dataclass
class Role:
    role: str
    of: str | None
    sector: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        """True when the term covers ``date`` (YYYY[-MM[-DD]]); with no date, when the term is open."""
        if not date:
            return self.end is None
        return (self.start is None or self.start[: len(date)] <= date) and (self.end is None or date < self.end)


@dataclass
class KBEntry:
    id: str
    name: str
    type: str
    kind: str | None = None
    country: str | None = None
    codes: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    capital: Any = None
    population: int | None = None
    source: str = ""
    file: str = ""
    #: its names are a function's that other states' bodies share ("Министерство на външните работи", "ЦИК"): in
    #: a report filed abroad that never names this body's country, the name is the filing country's body
    generic: bool = False
    #: the one language whose texts may name it (a town known only by its English name, ``towns_en.jsonl``: a
    #: Latin word in a Bulgarian text is no cue for it), or "" for every language
    only_lang: str = ""

    @property
    def iso3(self) -> str | None:
        return self.codes.get("iso3") if self.kind == "country" else self.country

    def all_names(self) -> Iterator[tuple[str, str]]:
        for lang, ns in self.names.items():
            for n in ns:
                yield lang, n

    def role_at(self, date: str | None) -> Role | None:
        """The role in force on ``date`` (latest started first), else the latest role."""
        act = [r for r in self.roles if r.active(date)]
        pool = act or self.roles
        return max(pool, key=lambda r: r.start or "") if pool else None

    def cameo(self, date: str | None = None) -> str | None:
        """CAMEO actor code: the entry's own code, or a person's country + sector on ``date`` (RUSGOV)."""
        if self.codes.get("cameo"):
            return self.codes["cameo"]
        r = self.role_at(date)
        if r is not None:
            if r.of == "IGO" or r.sector == "IGO":
                return igo_role_codes().get(r.role, "IGO")
            of = r.of or self.country or ""
            return cameo_countries().get(of, of) + (r.sector or "") or None
        return cameo_countries().get(self.country or "", self.country)


def parse_entry(d: dict[str, Any], file: str = "") -> KBEntry:
    roles = [Role(r.get("role", ""), r.get("of"), r.get("sector"), r.get("start"), r.get("end"))
             for r in d.get("roles") or []]
    return KBEntry(id=d["id"], name=d["name"], type=d.get("type", ""), kind=d.get("kind"), country=d.get("country"),
                   codes={k: str(v) for k, v in (d.get("codes") or {}).items() if v},
                   names={k: list(v) for k, v in (d.get("names") or {}).items()},
                   adjectives={k: list(v) for k, v in (d.get("adjectives") or {}).items()},
                   roles=roles, capital=d.get("capital"), population=d.get("population"),
                   source=d.get("source", ""), file=file, generic=bool(d.get("generic")),
                   only_lang=d.get("only_lang") or "")


def validate_entry(d: Any) -> list[str]:
    """Problems with one raw entry, as sentences a user can act on (empty when it is fine)."""
    if not isinstance(d, dict):
        return ["an entry must be a JSON object"]
    errs = []
    for k in ("id", "name", "type"):
        if not d.get(k):
            errs.append(f"missing '{k}'")
    if d.get("id") and not ID_RE.match(str(d["id"])):
        errs.append(f"id {d['id']!r} must look like 'vk:slug' or 'user:slug' (lower-case letters, digits, '-')")
    if d.get("type") and d["type"] not in TYPES:
        errs.append(f"type {d['type']!r} must be one of {', '.join(sorted(TYPES))}")
    names = d.get("names")
    if not isinstance(names, dict) or not any(isinstance(v, list) and v for v in names.values()):
        errs.append("'names' must map a language (bg, ru, en, ...) to a non-empty list of names")
    for r in d.get("roles") or []:
        if not isinstance(r, dict) or not r.get("role"):
            errs.append("each role needs at least 'role'")
            continue
        if r.get("sector") and r["sector"] not in SECTORS:
            errs.append(f"role sector {r['sector']!r} is not a CAMEO sector ({', '.join(sorted(SECTORS))})")
        for k in ("start", "end"):
            if r.get(k) and not DATE_RE.match(str(r[k])):
                errs.append(f"role {k} {r[k]!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    if "generic" in d and not isinstance(d["generic"], bool):
        errs.append("'generic' must be true or false")
    wd = (d.get("codes") or {}).get("wikidata")
    if wd and not re.match(r"^Q\d+$", str(wd)):
        errs.append(f"wikidata {wd!r} must look like Q123")
    return errs


def read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, e
                continue
            if isinstance(d, dict) and "_about" in d:
                continue
            yield n, d


def kb_files(extra: Iterable[Path] = ()) -> list[Path]:
    files = sorted(KB_DIR.glob("*.jsonl"))
    ud = user_kb_dir()
    if ud.is_dir():
        files += sorted(ud.glob("*.jsonl"))
    return files + list(extra)


class KB:
    """All entries by id, plus indexes by ISO3 code and by role."""

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        self.entries: dict[str, KBEntry] = {}
        for e in entries:
            self.entries[e.id] = e  # later files (the user's) override shipped entries with the same id
        self.by_iso3: dict[str, KBEntry] = {}
        self.by_role: dict[tuple[str, str], list[tuple[Role, KBEntry]]] = {}
        self.country_ids = frozenset(e.id for e in self.entries.values() if e.kind == "country")
        self._surnames: frozenset[str] | None = None
        for e in self.entries.values():
            if e.kind == "country" and e.codes.get("iso3"):
                self.by_iso3[e.codes["iso3"]] = e
            for r in e.roles:
                self.by_role.setdefault((r.role, r.of or ""), []).append((r, e))

    def surnames(self) -> frozenset[str]:
        """The last word of every person's name of two words or more, in every script ("Мей", "Юнкер"): a word
        the language layer must not take for a common word that starts a sentence ("заяви Мей пред парламента"),
        nor the event coder for a private person's name. Built once: both layers ask the one process-wide KB."""
        if self._surnames is None:
            self._surnames = frozenset(ws[-1] for e in self.entries.values() if e.type == "PER"
                                       for ns in e.names.values() for n in ns
                                       if len(ws := n.split()) > 1 and ws[-1][:1].isupper())
        return self._surnames

    @classmethod
    def load(cls, files: Iterable[Path] | None = None, strict: bool = False) -> KB:
        entries = []
        for path in files if files is not None else kb_files():
            for n, d in read_jsonl(path):
                errs = [str(d)] if isinstance(d, Exception) else validate_entry(d)
                if errs:
                    if strict:
                        raise ValueError(f"{path}:{n}: {'; '.join(errs)}")
                    continue
                entries.append(parse_entry(d, str(path)))
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, id: str | None) -> KBEntry | None:
        return self.entries.get(id) if id else None

    def country(self, iso3: str | None) -> KBEntry | None:
        return self.by_iso3.get(iso3 or "")

    def holder(self, country: str, roles: Iterable[str], date: str | None) -> KBEntry | None:
        """Who held the first of ``roles`` (in order) of ``country`` (ISO3 or IGO) on ``date``."""
        for role in roles:
            cands = [(r, e) for r, e in self.by_role.get((role, country), []) if r.active(date)]
            if cands:
                return max(cands, key=lambda x: x[0].start or "")[1]
        return None

    def search(self, query: str, limit: int = 20) -> list[KBEntry]:
        """Entries whose id, name or any alias contains ``query`` (case-insensitive); exact names first."""
        q = query.casefold().strip()
        hits: list[tuple[int, str, KBEntry]] = []
        for e in self.entries.values():
            cands = [e.id.casefold(), e.name.casefold()] + [n.casefold() for _, n in e.all_names()]
            if q in cands:
                hits.append((0, e.name, e))
            elif any(q in c for c in cands):
                hits.append((1, e.name, e))
        hits.sort(key=lambda x: (x[0], KIND_PRIORITY.get(x[2].kind or "", 4), x[1]))
        return [h[2] for h in hits[:limit]]
