"""Build the mypyc-compiled vestnik into a directory of its own, out of the source tree (for tests/test_mypyc.py).

    python scripts/build_compiled.py OUT [--jobs 2]

OUT/lib then holds a runnable ``vestnik`` package: every .py of the tree plus the compiled extensions of the
modules listed in pyproject.toml's ``[tool.vestnik.mypyc]`` (Python imports an extension before a .py of the same
name); run it with ``PYTHONPATH=OUT/lib`` from a directory other than the repository root. The C sources and
mypy's cache stay in OUT/build (kept between runs: a rebuild recompiles only the modules whose C changed).

Unlike ``make fast`` (a wheel by setup.py, installed in a venv of its own) this needs no network and no recent
setuptools (it does not read pyproject's metadata); both take the modules and the compiler options from
:func:`extensions`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules() -> list[str]:
    """The modules of pyproject.toml's ``[tool.vestnik.mypyc]``, paths relative to the repository root."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return list(tomllib.load(fh)["tool"]["vestnik"]["mypyc"]["modules"])


def extensions(target_dir: str | None = None) -> list:
    """mypyc's extensions of :func:`modules`, with the options of every compiled build (setup.py's and this
    script's): one C file per module (``separate``: compiled in parallel, a module's change recompiles only its own
    C), ``MYPYC_OPT_LEVEL`` (3) and ``MYPYC_DEBUG_LEVEL`` (1). Run from the repository root: mypy reads
    ``[tool.mypy]`` from pyproject.toml there."""
    from mypyc.build import mypycify

    opts = {"target_dir": target_dir} if target_dir else {}
    return mypycify(modules(), opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"),
                    debug_level=os.environ.get("MYPYC_DEBUG_LEVEL", "1"), separate=True, **opts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    out = args.out.resolve()
    lib, build = out / "lib", out / "build"
    t0 = time.time()
    from setuptools import Distribution

    os.chdir(ROOT)  # mypy reads [tool.mypy] from pyproject.toml here
    os.environ["MYPY_CACHE_DIR"] = str(build / "mypy-cache")
    exts = extensions(str(build / "c"))
    for ext in exts:  # (mypycify names the sources relative to the working directory)
        ext.sources = [str(ROOT / s) if not os.path.isabs(s) else s for s in ext.sources]
        ext.include_dirs = [str(ROOT / d) if not os.path.isabs(d) else d for d in ext.include_dirs]
    t1 = time.time()
    if lib.exists():
        shutil.rmtree(lib)
    shutil.copytree(ROOT / "vestnik", lib / "vestnik", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c"))
    os.chdir(out)  # (no pyproject.toml here: setuptools reads no project metadata)
    dist = Distribution({"name": "vestnik-compiled", "ext_modules": exts,
                         "script_args": ["build_ext", "--build-lib", str(lib), "--build-temp", str(build / "temp"),
                                         "--parallel", str(args.jobs)]})
    dist.parse_command_line()
    dist.run_commands()
    print(f"mypyc {t1 - t0:.0f} s, C compiler {time.time() - t1:.0f} s: {lib}", file=sys.stderr)


if __name__ == "__main__":
    main()
