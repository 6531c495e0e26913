"""``vestnik kb search|show|add|validate``: look into and extend the knowledge base of actors."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from vestnik.entities.kb import KB, TYPES, kb_files, read_jsonl, slug, user_kb_dir, validate_entry

kb_app = typer.Typer(help="The knowledge base of actors (countries, cities, organisations, agencies, people).",
                     no_args_is_help=True)


def _out(s: str) -> None:
    sys.stdout.write(s + "\n")


def _err(s: str) -> None:
    sys.stderr.write(s + "\n")


def _summary(e: object) -> str:
    d = asdict(e)  # type: ignore[call-overload]
    codes = ",".join(f"{k}={v}" for k, v in d["codes"].items())
    return f"{d['id']}\t{d['type']}\t{d.get('kind') or '-'}\t{d['name']}\t{codes}"


@kb_app.command("search")
def search(query: Annotated[str, typer.Argument(help="Part of a name in any language, or an id.")],
           limit: Annotated[int, typer.Option("--limit", "-n")] = 20) -> None:
    """Find entries by any name (Путин, Трамп, КНДР, Reuters) or id; one line per hit: id, type, kind, name."""
    hits = KB.load().search(query, limit)
    if not hits:
        _err(f"no entry matches {query!r}; add one with `vestnik kb add`")
        raise typer.Exit(1)
    for e in hits:
        _out(_summary(e))


@kb_app.command("show")
def show(id_or_name: Annotated[str, typer.Argument(help="An id (vk:russia) or an exact name.")]) -> None:
    """Print one entry as JSON (names in every language, codes, roles with terms of office)."""
    kb = KB.load()
    e = kb.get(id_or_name) or next(iter(kb.search(id_or_name, 1)), None)
    if e is None:
        _err(f"no entry {id_or_name!r}; try `vestnik kb search {id_or_name}`")
        raise typer.Exit(1)
    d = asdict(e)
    d.pop("file", None)
    d["file"] = e.file
    _out(json.dumps(d, ensure_ascii=False, indent=2))


@kb_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Canonical name in English, as news writes it.")],
    type: Annotated[str, typer.Option("--type", "-t", help="PER, LOC, ORG, PRO or EVT.")] = "PER",
    bg: Annotated[list[str] | None, typer.Option("--bg", help="A Bulgarian name (repeat).")] = None,
    ru: Annotated[list[str] | None, typer.Option("--ru", help="A Russian name (repeat).")] = None,
    en: Annotated[list[str] | None, typer.Option("--en", help="Another English name (repeat).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="e.g. news_agency, city, party, company.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO3 code of the entry's country.")] = None,
    cameo: Annotated[str | None, typer.Option("--cameo", help="CAMEO actor code (RUSGOV, IGO...).")] = None,
    role: Annotated[list[str] | None, typer.Option(
        "--role", help="role:OF:SECTOR:START:END, e.g. foreign_minister:BGR:GOV:2025-01-16: (repeat).")] = None,
    wikidata: Annotated[str | None, typer.Option("--wikidata", help="Only if certain: Q123.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Where to append (default: the user KB).")] = None,
    id: Annotated[str | None, typer.Option("--id", help="Default: user:<slug of name>.")] = None,
) -> None:
    """Add an entry to your own KB file (``$VESTNIK_KB_DIR/user.jsonl``, default ``~/.vestnik/kb``); it is loaded
    with the shipped KB and overrides a shipped entry with the same id."""
    roles = []
    for r in role or []:
        parts = (r.split(":") + [""] * 5)[:5]
        roles.append({"role": parts[0], "of": parts[1] or country, "sector": parts[2] or None,
                      "start": parts[3] or None, "end": parts[4] or None})
    d = {"id": id or f"user:{slug(name) or 'entry'}", "name": name, "type": type.upper(), "kind": kind,
         "country": country,
         "codes": {k: v for k, v in (("cameo", cameo), ("wikidata", wikidata)) if v},
         "names": {k: v for k, v in (("bg", bg or []), ("ru", ru or []), ("en", [name, *(en or [])])) if v},
         "roles": roles, "source": "user"}
    errs = validate_entry(d)
    if errs:
        _err("not added: " + "; ".join(errs) + f" (types: {', '.join(sorted(TYPES))})")
        raise typer.Exit(2)
    path = file or user_kb_dir() / "user.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
    _err(f"added {d['id']} to {path}")


@kb_app.command("validate")
def validate(files: Annotated[list[Path] | None, typer.Argument(help="KB files (default: shipped + user).")] = None
             ) -> None:
    """Check every entry (required fields, types, CAMEO sectors, dates, duplicate ids); exit 1 on problems."""
    paths = files or kb_files()
    problems = 0
    ids: dict[str, str] = {}
    n = 0
    for path in paths:
        if not path.exists():
            _err(f"{path}: no such file")
            problems += 1
            continue
        for line, d in read_jsonl(path):
            n += 1
            errs = [f"not JSON ({d})"] if isinstance(d, Exception) else validate_entry(d)
            if not errs and d["id"] in ids and ids[d["id"]] == str(path):
                errs = [f"duplicate id {d['id']} in the same file"]
            if not errs:
                ids[d["id"]] = str(path)
            for e in errs:
                _err(f"{path}:{line}: {e}")
                problems += 1
    _err(f"{n} entries in {len(paths)} file(s), {problems} problem(s)")
    raise typer.Exit(1 if problems else 0)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
