"""`vestnik extract` as a user runs it: stdout carries only documents; errors go to stderr and the exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SEED

VESTNIK = [sys.executable, "-m", "vestnik.cli.main"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*VESTNIK, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_extract_jsonl_seed():
    r = run("extract", str(SEED), "--published", "2024-12-18", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert d["id"] == "bta-putin-north-korea"
    assert d["published"] == "2024-12-18"
    assert len(d["teasers"]) == 6


def test_extract_json_and_text_formats(tmp_path):
    r = run("extract", str(SEED), "--format", "json", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    arr = json.loads(r.stdout)
    assert isinstance(arr, list) and len(arr) == 1
    r = run("extract", str(SEED), "--format", "text", "-o", str(tmp_path / "out.txt"), "--jobs", "1")
    assert r.returncode == 0
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "headline: Путин: Русия и Северна Корея" in out
    assert "teaser:5 [Киев]" in out


def test_bad_items_do_not_stop_the_batch(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    r = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "--jobs", "2")
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["good"]
    assert r.returncode == 3  # some failed, some succeeded
    assert "empty.txt" in r.stderr and "binary.txt" in r.stderr and "missing.txt" in r.stderr
    assert "3 failed" in r.stderr


def test_bad_options_say_what_to_do():
    r = run("extract", str(SEED), "--published", "18/12/2024")
    assert r.returncode == 2
    assert "YYYY-MM-DD" in r.stderr
    r = run("extract", str(SEED), "--format", "xml")
    assert r.returncode == 2 and "jsonl" in r.stderr


def test_jobs_pool_gives_same_output_as_one_process(tmp_path):
    for i in range(4):
        (tmp_path / f"p{i}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    one = run("extract", str(tmp_path), "--jobs", "1", "--published", "2024-12-18")
    two = run("extract", str(tmp_path), "--jobs", "2", "--published", "2024-12-18")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout


def test_help_is_clear():
    r = run("--help")
    assert r.returncode == 0 and "extract" in r.stdout
    r = run("extract", "--help")
    assert "--published" in r.stdout and "--jobs" in r.stdout
