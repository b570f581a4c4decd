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

# Until the desktop app exists, the demo is the embedded panel with demo data.
run: $(STAMP)
	$(PY) -m panel demo

panel: run

lint: $(STAMP)
	$(VENV)/bin/ruff check app panel tests
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
