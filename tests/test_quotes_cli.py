"""``vestnik quotes`` over `vestnik extract` output and over the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vestnik.cli.main import app
from vestnik.document import Document
from vestnik.pipeline import make_pipeline
from vestnik.quotes.query import select_quotes

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "bta-putin-north-korea.txt"


@pytest.fixture(scope="module")
def seed_dict() -> dict:
    if not SEED.exists():
        pytest.skip("shared seed page not present")
    doc = Document(text=SEED.read_text(encoding="utf-8"), id="seed", published="2024-12-18")
    return make_pipeline()(doc).to_dict()


def test_select_by_speaker_and_source(seed_dict: dict) -> None:
    rows = list(select_quotes([seed_dict], speaker="putin", source="tass"))
    assert [r["content"][:14] for r in rows] == ["юнската среща "]
    assert rows[0]["chain"][-2:] == ["TASS", "KCNA"]
    assert not list(select_quotes([seed_dict], since="2025-01-01"))


def test_cli_over_jsonl(tmp_path: Path, seed_dict: dict) -> None:
    f = tmp_path / "seed.jsonl"
    f.write_text(json.dumps(seed_dict, ensure_ascii=False) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["quotes", str(f), "--speaker", "Putin", "--source", "KCNA", "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert len(rows) == 5 and all(x["speaker"] == "Vladimir Putin" for x in rows)


def test_cli_over_store(tmp_path: Path, seed_dict: dict) -> None:
    store_mod = pytest.importorskip("vestnik.store")
    db = tmp_path / "v.db"
    st = store_mod.Store.open(db)
    try:
        st.add(Document.from_dict(seed_dict))
    finally:
        st.close()
    r = CliRunner().invoke(app, ["quotes", "--store", str(db), "--speaker", "Putin", "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert len(rows) == 6  # the body's five and the headline's "Путин: ..." (since stop 40)


def test_cli_bad_date() -> None:
    r = CliRunner().invoke(app, ["quotes", "--since", "yesterday", "/nonexistent.jsonl"])
    assert r.exit_code == 2


def test_cli_missing_file_says_what_to_do(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["quotes", str(tmp_path / "missing.jsonl")])
    assert r.exit_code == 2
    assert "vestnik extract" in r.output


def test_cli_skips_broken_lines(tmp_path: Path, seed_dict: dict) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text("not json\n" + json.dumps(seed_dict, ensure_ascii=False) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["quotes", str(f), "--speaker", "Putin", "--json"])
    assert r.exit_code == 0
    assert len([x for x in r.stdout.splitlines() if x.startswith("{")]) == 6
