"""The opt-in compiled build (docs/architecture.md, "Compiled build"): every module listed in pyproject.toml's
``[tool.vestnik.mypyc]`` still compiles with mypyc, and the compiled pipeline writes the pure one's JSON Lines, byte
for byte, on real texts (mypyc checks annotations at run time: a wrong one that mypy let pass fails only there).

Slow: mypyc and gcc over the listed modules (scripts/build_compiled.py, ~6 min on 2 cores from scratch; its C
and cache stay in build/mypyc-test, so a rerun recompiles only what changed), then both extractions. Skipped
without mypyc or a C compiler.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
BUILD = ROOT / "build" / "mypyc-test"


def _inputs() -> list[Path]:
    """The seed samples (bg, en, ru pages), the BSNLP Bulgarian reports of one topic and Russian texts."""
    paths = [ROOT / "vestnik" / "samples"]
    for p in (SHARED / "news-bg" / "bsnlp-with-metadata", SHARED / "ner-ru" / "raw"):
        if p.is_dir():
            topics = sorted(d for d in p.iterdir() if d.is_dir())
            paths.append(topics[0] if topics else p)
    return paths


def _extract(pythonpath: Path, out: Path, cwd: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    cmd = [sys.executable, "-c", "import sys; from vestnik.cli.main import app; sys.argv[0] = 'vestnik'; app()",
           "extract", *map(str, _inputs()), "-j", "2", "-o", str(out)]
    subprocess.run(cmd, env=env, cwd=cwd, check=True, timeout=900)


def test_compiled_build_compiles_and_matches_pure(tmp_path: Path) -> None:
    pytest.importorskip("mypyc")
    pytest.importorskip("setuptools")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_compiled.py"), str(BUILD), "--jobs", "2"],
                   check=True, timeout=1800)
    lib = BUILD / "lib"
    spec = importlib.util.spec_from_file_location("build_compiled", ROOT / "scripts" / "build_compiled.py")
    assert spec is not None and spec.loader is not None  # (scripts/ is no package)
    build_compiled = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_compiled)
    names = [p.removesuffix(".py").replace("/", ".") for p in build_compiled.modules()]
    probe = ("import importlib, importlib.machinery as m, sys\n"
             "for n in sys.argv[1:]:\n"
             "    f = importlib.import_module(n).__file__\n"
             "    assert f.endswith(tuple(m.EXTENSION_SUFFIXES)), (n, f)\n")
    subprocess.run([sys.executable, "-c", probe, *names], env={**os.environ, "PYTHONPATH": str(lib)},
                   cwd=tmp_path, check=True)
    _extract(ROOT, tmp_path / "pure.jsonl", tmp_path)
    _extract(lib, tmp_path / "compiled.jsonl", tmp_path)
    pure = (tmp_path / "pure.jsonl").read_text(encoding="utf-8").splitlines()
    compiled = (tmp_path / "compiled.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(pure) > 50
    diff = [i for i, (a, b) in enumerate(zip(pure, compiled, strict=True)) if a != b]
    assert not diff, f"{len(diff)} of {len(pure)} records differ, the first: line {diff[0] + 1}"
