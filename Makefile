# Two set-up commands: `make demo` and `make test`. Both create .venv on first use.
# `make test` runs the suite without the tests marked slow; `make test-slow` runs those;
# `make lint` runs ruff, the import contracts of .importlinter (lint-imports) and mypy;
# `make test-loaded` runs the whole suite while other processes keep every core busy
# (docs/reliability.md, "Reproducible by design": no test's outcome depends on speed).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: demo test test-slow test-all test-loaded fuzz lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(VENV)/bin/roster solve instances/ward.xlsx -o out/ward.roster.xlsx --time-limit 30

test: $(STAMP)
	$(PY) -m pytest -m "not slow"

test-slow: $(STAMP)
	$(PY) -m pytest -m slow

test-all: $(STAMP)
	$(PY) -m pytest

# One busy loop per core (their process ids are killed when the run ends, pass or fail).
test-loaded: $(STAMP)
	@n=$$(nproc 2>/dev/null || echo 2); pids=""; \
	for i in $$(seq $$n); do yes > /dev/null & pids="$$pids $$!"; done; \
	trap 'kill $$pids 2>/dev/null' EXIT INT TERM; \
	echo "test-loaded: $$n busy process(es):$$pids"; \
	$(PY) -m pytest -p no:cacheprovider

# The dedicated reliability run (docs/reliability.md): >= 1,000 fuzzed inputs, 200 solver/checker
# cross-check instances, time-limit timing, determinism and Ctrl-C on real solves. Not in `make test`.
fuzz: $(STAMP)
	AML_FUZZ=1 $(PY) -m pytest tests/fuzz --hypothesis-show-statistics

# ruff, the import contracts of .importlinter (layers, sealed rule families, no circles) and the
# type checker (mypy, on the files [tool.mypy] in pyproject.toml lists).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache
