"""Build hook: an optional mypyc-compiled build of the hot modules (pyproject.toml stays the metadata source).

By default (and for ``pip install -e .``) vestnik is pure Python. With ``VESTNIK_USE_MYPYC=1`` the modules listed
in pyproject.toml's ``[tool.vestnik.mypyc] modules`` are compiled to C extensions by mypyc, as mypy does with
``MYPY_USE_MYPYC``; the build then needs mypy (which brings mypyc), a C compiler and setuptools>=77 importable, so
it runs without build isolation::

    VESTNIK_USE_MYPYC=1 pip wheel --no-build-isolation --no-deps -w dist-fast .

(``make fast`` does this and installs the wheel into a venv of its own, ``.venv-fast``). The wheel holds the .py
files next to the extensions; Python imports the extension. Never build in place (``build_ext --inplace``): a
compiled module in ``vestnik/`` would shadow its edited .py silently.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

ROOT = os.path.dirname(os.path.abspath(__file__))


def _ext_modules() -> list:
    if os.environ.get("VESTNIK_USE_MYPYC", "0") != "1":
        return []
    if any(cmd in sys.argv for cmd in ("egg_info", "dist_info", "sdist")):
        return []  # (metadata only: no need to type-check and translate everything for it)
    # the module list and the compiler options are scripts/build_compiled.py's (the compiled build is made from a
    # checkout: `make fast`); the mypy configuration ([tool.mypy] of pyproject.toml) is read from the working
    # directory; mypyc's cache (incremental: a rebuild retranslates only what changed) is kept apart from the one
    # `mypy vestnik` uses
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from build_compiled import extensions

    os.chdir(ROOT)
    os.environ.setdefault("MYPY_CACHE_DIR", os.path.join("build", "mypyc-cache"))
    return extensions()


options: dict[str, dict[str, object]] = {}
if os.environ.get("VESTNIK_USE_MYPYC", "0") == "1":
    options = {
        # the compiled build in a build folder of its own: a pure wheel built later from build/lib would
        # otherwise pick up the extensions left there
        "build": {"build_base": os.path.join("build", "mypyc")},
        # build_ext -j: the extensions compile in parallel (MYPYC_JOBS, 2 by default)
        "build_ext": {"parallel": int(os.environ.get("MYPYC_JOBS", "2"))},
    }
setup(ext_modules=_ext_modules(), options=options)
