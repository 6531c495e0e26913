"""Instructions per news report, layer by layer, counted by callgrind: the cost figure this VM's clock cannot give.

``bench.pipeline`` times the pipeline against a regex tokenizer run between its chunks, but this VM's speed swings
by up to 2x within a minute, so a change worth 10 % is lost in one run's noise. Instructions do not swing: each
segment runs in its own process under ``valgrind --tool=callgrind --instr-atstart=no``, which counts nothing
until the process has loaded its models (on the bundled sample pages, as ``bench.pipeline`` does) and run the
earlier stages over the reports, then counts exactly one pass of the segment over them (the garbage collector
paused, as the pipeline pauses it per document). Same code and texts, same count, to a few thousandths.

Segments: ``tokenizer`` (the baseline: the regex tokenizer of ``bench.pipeline`` over the same texts), each stage
of the pipeline, and ``all`` (the whole pipeline on fresh documents). Each is printed in millions of instructions
per report and as a ratio to the tokenizer. Needs valgrind (``apt install valgrind``); ~40-60 s per segment.

    python -m bench.instructions [--n 100] [--segments all,entities,quotes]
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.pipeline import REPORTS, SEED, load_texts
from vestnik.gc_pause import no_cyclic_gc
from vestnik.ingest.readers import ReadError, document_from_string, read_file
from vestnik.pipeline import _REGISTRY, make_pipeline

BASELINE = "tokenizer"
#: passes of the tokenizer counted (divided out): callgrind_control's switch lands a little late, a few million
#: instructions either way, which is noise on one short pass
BASE_PASSES = 10


def _instrument(on: bool) -> None:
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())], check=True,
                   capture_output=True)


def child(segment: str, n: int) -> None:
    """Run inside callgrind: everything before the segment uninstrumented, then one instrumented pass of it."""
    pipe = make_pipeline()
    for f in sorted(SEED.glob("*.*")):  # every model loaded, the lazy ones too
        if f.suffix in (".html", ".txt"):
            for d in read_file(f):
                if not isinstance(d, ReadError):
                    pipe(d)
    texts = load_texts(REPORTS, n)
    if segment == BASELINE:
        tok = re.compile(r"\w+|[^\w\s]")
        bodies = [t for t, _ in texts]
        _instrument(True)
        for _ in range(BASE_PASSES):
            for t in bodies:
                tok.findall(t)
        _instrument(False)
        return
    docs = [document_from_string(t, published=p) for t, p in texts]
    if segment == "all":
        _instrument(True)
        for d in docs:
            pipe(d)
        _instrument(False)
        return
    for name in pipe.stages[: pipe.stages.index(segment)]:
        docs = [_REGISTRY[name](d, pipe.resources) for d in docs]
    docs = [copy.deepcopy(d) for d in docs]
    stage = _REGISTRY[segment]
    with no_cyclic_gc():
        _instrument(True)
        for d in docs:
            stage(d, pipe.resources)
        _instrument(False)


def count(segment: str, n: int) -> float:
    """Instructions of one pass of a segment over the ``n`` reports, from callgrind's log."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log"
        # (string hashing decides set order: the same path each run)
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": _root_path()}
        subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/cg",
                        f"--log-file={log}", sys.executable, "-m", "bench.instructions", "--child", segment,
                        "--n", str(n)], check=True, cwd=tmp, env=env,
                       stdout=subprocess.DEVNULL)
        m = re.search(r"Collected : (\d+)", log.read_text())
        if m is None:
            raise SystemExit(f"callgrind printed no count for {segment}; see its log:\n{log.read_text()[-2000:]}")
        return int(m.group(1)) / (BASE_PASSES if segment == BASELINE else 1)


def _root_path() -> str:
    root = str(Path(__file__).resolve().parents[1])
    return os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="BSNLP reports, taken evenly across the topics")
    ap.add_argument("--segments", default="", help="comma-separated (default: the tokenizer, every stage, all)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child, a.n)
        return
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        raise SystemExit("bench.instructions needs valgrind (with callgrind_control): apt install valgrind")
    if not load_texts(REPORTS, 1):
        raise SystemExit(f"no reports under {REPORTS}: this bench reads ../shared/eval beside the repository")
    wanted = [s for s in a.segments.split(",") if s] or [*make_pipeline().stages, "all"]
    base = count(BASELINE, a.n) / a.n
    print(f"{a.n} BSNLP reports; instructions per report (callgrind), ratio to the regex tokenizer ({base / 1e6:.3f} M)")
    for seg in wanted:
        per = count(seg, a.n) / a.n
        print(f"  {seg:10s} {per / 1e6:8.3f} M   {per / base:8.1f}x the tokenizer", flush=True)


if __name__ == "__main__":
    main()
