PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
STORE ?= var/vestnik.db

# the opt-in compiled build (docs/architecture.md, "Compiled build"): a mypyc wheel in a venv of its own
FAST_VENV ?= .venv-fast
FAST_BIN := $(FAST_VENV)/bin
FAST_DIST := dist-fast
MYPYC_JOBS ?= 2
# the mypy whose mypyc the build was measured and checked with
MYPYC_REQ ?= mypy==2.4.1

.PHONY: install run test lint bench fast bench-fast train-ner kb clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	@# the seed page was saved without its date (BTA, 18 December 2024): given, its relative dates resolve and its
	@# story meets the English report of the same letter; the rest of the corpus carries its dates
	$(BIN)/vestnik ingest vestnik/samples/bta-putin-north-korea.txt --published 2024-12-18 --store $(STORE)
	$(BIN)/vestnik ingest vestnik/samples --store $(STORE)
	$(BIN)/vestnik stories --store $(STORE) --format table > /dev/null
	@echo "vestnik is serving on http://$(HOST):$(PORT)"
	$(BIN)/vestnik serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check vestnik tests bench scripts
	$(BIN)/python -m mypy vestnik
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench.pipeline

# The compiled wheel (setup.py with VESTNIK_USE_MYPYC=1), built without build isolation by the venv's own mypy and
# setuptools, installed into $(FAST_VENV) with its dependencies. Nothing compiled is left inside vestnik/ (it would
# shadow an edited .py): the C and the extensions stay in build/, the wheel in $(FAST_DIST)/.
fast:
	test -x $(FAST_BIN)/python || $(PY) -m venv $(FAST_VENV)
	$(FAST_BIN)/python -m pip install -q --upgrade pip 'setuptools>=77' wheel '$(MYPYC_REQ)'
	@# the runtime dependencies first (with a pure install): mypyc type-checks against them, as mypy does in .venv
	@# (without numba's stubs a fresh venv fails the build on ignores that .venv's mypy needs)
	$(FAST_BIN)/python -m pip install -q .
	rm -rf $(FAST_DIST)
	VESTNIK_USE_MYPYC=1 MYPYC_JOBS=$(MYPYC_JOBS) $(FAST_BIN)/python -m pip wheel -q --no-build-isolation --no-deps -w $(FAST_DIST) .
	$(FAST_BIN)/python -m pip install -q --force-reinstall --no-deps $(FAST_DIST)/vestnik-*.whl
	$(FAST_BIN)/python -m pip install -q $(FAST_DIST)/vestnik-*.whl
	@if find vestnik -name '*.so' | grep -q .; then echo "compiled modules inside vestnik/: remove them" >&2; exit 1; fi
	@$(FAST_BIN)/python -P scripts/compiled.py --check

# bench.pipeline against the compiled build: scripts/compiled.py runs it with -P semantics (the repository root
# is not put first on sys.path, so the installed compiled vestnik is imported, not the pure one of this tree)
bench-fast:
	$(FAST_BIN)/python -P scripts/compiled.py bench.pipeline

train-ner: install
	$(BIN)/python scripts/train_ner.py

kb: install
	$(BIN)/python scripts/build_kb.py

clean:
	rm -rf $(VENV) $(FAST_VENV) $(FAST_DIST) var build *.egg-info
