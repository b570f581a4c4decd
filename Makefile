# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run panel test lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[demo,test]'
	touch $(STAMP)

# The desktop app against a fresh embedded panel with demo data (and localstripe), all in temporary folders.
run: $(STAMP)
	$(PY) -m app --demo

# The panel alone, as a server to explore with curl (see README).
panel: $(STAMP)
	$(PY) -m panel demo

lint: $(STAMP)
	$(VENV)/bin/ruff check app panel tests
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
