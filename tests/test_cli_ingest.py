"""`vestnik ingest / search / show / stats` as a user runs them, on the seed page and the BSNLP Bulgarian texts.

Ingest runs as a real subprocess (process pool, exit codes); the read-only commands run in-process through
Typer's runner, which exercises the same command functions much faster.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, SHARED
from typer.testing import CliRunner, Result

from vestnik.cli.main import app
from vestnik.document import content_id
from vestnik.store import Store

VESTNIK = [sys.executable, "-m", "vestnik.cli.main"]
RYANAIR_FILES = sorted((SHARED / "eval" / "ner-bg" / "raw" / "ryanair").glob("*.txt"))[:24]


def vestnik(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None
            ) -> subprocess.CompletedProcess[str]:
    e = {k: v for k, v in os.environ.items() if k != "VESTNIK_STORE"}
    e.update({"COLUMNS": "200", "PYTHONPATH": str(Path(__file__).resolve().parents[1]), **(env or {})})
    return subprocess.run([*VESTNIK, *args], capture_output=True, text=True, env=e, cwd=cwd, timeout=300)


def cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run a command in-process (stdout and stderr kept apart)."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "VESTNIK_STORE": None, **(env or {})})


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One real ingest (the pipeline's models load once): the seed, the Ryanair texts, an empty file, a bad path."""
    tmp = tmp_path_factory.mktemp("cli")
    (tmp / "empty.txt").write_text("")
    (tmp / "ryanair").mkdir()
    for p in RYANAIR_FILES:
        (tmp / "ryanair" / p.name).symlink_to(p)
    path = tmp / "v.db"
    r = vestnik("ingest", str(SEED), str(tmp / "ryanair"), str(tmp / "empty.txt"), str(tmp / "missing"), "--store", str(path),
                "--published", "2024-12-18", "--jobs", "1")
    return path, r


@pytest.fixture(scope="module")
def db(ingested: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return ingested[0]


def test_ingest_stores_every_distinct_document(db: Path) -> None:
    files = [SEED, *RYANAIR_FILES]
    distinct = {content_id(p.read_text(encoding="utf-8-sig")) for p in files}
    with Store.open(db) as st:
        assert st.count() == len(distinct)
        assert st.get("bta-putin-north-korea")["published"] == "2024-12-18"


def test_rerun_adds_nothing(db: Path) -> None:
    with Store.open(db) as st:
        before = st.count()
    r = vestnik("ingest", str(SEED), str(db.parent / "ryanair"), "--store", str(db), "--jobs", "1")
    assert r.returncode == 0, r.stderr
    assert "0 new, " in r.stderr and "0 failed" in r.stderr
    n_inputs = 1 + len(RYANAIR_FILES)
    assert f"0 new, {n_inputs} already stored" in r.stderr
    with Store.open(db) as st:
        assert st.count() == before


def test_bad_inputs_are_reported_and_the_rest_stored(ingested: tuple[Path, subprocess.CompletedProcess[str]]
                                                      ) -> None:
    db, r = ingested
    assert r.returncode == 3, r.stderr  # some failed
    assert "empty.txt: empty file" in r.stderr and "missing: no such file" in r.stderr
    assert re.search(r"\b\d+ new, \d+ already stored, 2 failed", r.stderr), r.stderr
    r = vestnik("ingest", str(db.parent / "missing"), "--store", str(db), "--jobs", "1")
    assert r.returncode == 1  # all failed


def test_store_location_from_environment_or_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    r = vestnik("ingest", str(tmp_path / "missing"), "--jobs", "1", env={"VESTNIK_STORE": str(db)})
    assert r.returncode == 1 and db.exists() and str(db) in r.stderr
    r = cli("stats", "--json", env={"VESTNIK_STORE": str(db)})
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 0
    monkeypatch.chdir(tmp_path)
    r = cli("ingest", "missing", "--jobs", "1")
    assert r.exit_code == 1 and "missing: no such file" in r.stderr
    assert (tmp_path / "var" / "vestnik.db").exists()


def test_search_table_and_json(db: Path) -> None:
    r = cli("search", "ПУТИН", "--store", str(db))
    assert r.exit_code == 0, r.stderr
    sid = content_id(SEED.read_text(encoding="utf-8"))
    assert sid[:12] in r.stdout and "match 'ПУТИН'" in r.stdout
    r = cli("search", "Райънеър", "--store", str(db), "--json", "--limit", "3")
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert 1 <= len(hits) <= 3
    assert all("райънеър" in (h["headline"] + h["snippet"]).lower() for h in hits)
    r = cli("search", "несъществуващадума", "--store", str(db))
    assert r.exit_code == 1 and "no document matches" in r.stderr


def test_show_text_and_json(db: Path) -> None:
    sid = content_id(SEED.read_text(encoding="utf-8"))
    r = cli("show", sid[:10], "--store", str(db))
    assert r.exit_code == 0, r.stderr
    assert "Путин: Русия и Северна Корея ще продължат" in r.stdout
    assert "Руският президент Владимир Путин заяви" in r.stdout
    assert "[Ханой]" in r.stdout  # teasers listed with their datelines
    r = cli("show", "bta-putin-north-korea", "--store", str(db), "--json")
    d = json.loads(r.stdout)
    assert d["store_id"] == sid and len(d["teasers"]) == 6
    r = cli("show", "nope", "--store", str(db))
    assert r.exit_code == 1 and "vestnik search" in r.stderr


def test_stats_tables(db: Path) -> None:
    r = cli("stats", "--store", str(db))
    assert r.exit_code == 0, r.stderr
    assert "per language" in r.stdout and "per layer" in r.stdout and "teasers" in r.stdout
    s = json.loads(cli("stats", "--store", str(db), "--json").stdout)
    assert s["layers"]["teasers"]["rows"] >= 6


def test_entities_table_and_json(db: Path) -> None:
    """Who the store names: Ryanair (24 texts) and Putin (the seed) with their KB ids, filtered by name and type."""
    r = cli("entities", "--store", str(db), "--limit", "5")
    assert r.exit_code == 0, r.stderr
    assert "vk:ryanair" in r.stdout and "more: raise --limit" in r.stdout
    rows = [json.loads(x) for x in cli("entities", "путин", "--store", str(db), "--json").stdout.splitlines()]
    assert [x["id"] for x in rows] == ["vk:vladimir-putin"] and rows[0]["documents"] == 1
    for inflected, eid in (("Путина", "vk:vladimir-putin"), ("Русията", "vk:russia"), ("Райънеър", "vk:ryanair")):
        ids = [json.loads(x)["id"] for x in cli("entities", inflected, "--store", str(db), "--json").stdout.splitlines()]
        assert eid in ids, (inflected, ids)
    rows = [json.loads(x) for x in cli("entities", "--type", "per", "--store", str(db), "--json", "-n", "50").stdout
            .splitlines()]
    assert rows and all(x["type"] == "PER" for x in rows)
    assert cli("entities", "--type", "person", "--store", str(db)).exit_code == 2


def test_unusable_store_path_says_what_to_do(tmp_path: Path) -> None:
    bad = tmp_path / "file.db"
    bad.write_text("this is not sqlite " * 50)
    r = cli("stats", "--store", str(bad))
    assert r.exit_code == 2 and "vestnik database" in r.stderr
