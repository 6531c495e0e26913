"""Run a module of this repository (bench.pipeline, ...) against the installed, mypyc-compiled vestnik.

    .venv-fast/bin/python -P scripts/compiled.py bench.pipeline [ARGS ...]   # make bench-fast
    .venv-fast/bin/python -P scripts/compiled.py --check                     # every listed module compiled?

``-P`` keeps the script's folder off sys.path; the repository root is then appended at its end, after
site-packages, so ``bench`` is found here but ``vestnik`` is the installed one, never the pure tree's (which
``python -m`` from the root would import first). Before running, it checks that vestnik does not come from this
tree and that each module of pyproject.toml's ``[tool.vestnik.mypyc]`` was imported from an extension.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def check() -> list[str]:
    """The compiled modules' files; exits when vestnik is the tree's or a listed module is not compiled."""
    from build_compiled import modules  # (this folder: main() puts it on sys.path)

    import vestnik

    if Path(vestnik.__file__).resolve().parent == ROOT / "vestnik":
        sys.exit(f"vestnik is imported from this tree ({vestnik.__file__}), not from an installed compiled build")
    files = []
    for path in modules():
        name = path.removesuffix(".py").replace("/", ".")
        file = importlib.import_module(name).__file__ or ""
        if not file.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            sys.exit(f"{name} is not compiled: {file}")
        files.append(file)
    return files


def main() -> None:
    if sys.flags.safe_path == 0 and sys.path and Path(sys.path[0] or ".").resolve() == ROOT:
        sys.exit("run with python -P (the repository root must not come first on sys.path)")
    sys.path.append(str(ROOT))
    sys.path.append(str(ROOT / "scripts"))
    files = check()
    if sys.argv[1:2] == ["--check"] or len(sys.argv) < 2:
        print(f"{len(files)} compiled modules: " + ", ".join(Path(f).name.split(".")[0] for f in files))
        return
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
