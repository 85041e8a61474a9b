# Two set-up commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: demo test fuzz lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(VENV)/bin/roster solve instances/ward.xlsx -o out/ward.roster.xlsx --time-limit 30

test: $(STAMP)
	$(PY) -m pytest

# The dedicated reliability run (docs/reliability.md): >= 1,000 fuzzed inputs, 200 solver/checker
# cross-check instances, time-limit timing, determinism and Ctrl-C on real solves. Not in `make test`.
fuzz: $(STAMP)
	AML_FUZZ=1 $(PY) -m pytest tests/fuzz --hypothesis-show-statistics

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) out .pytest_cache
