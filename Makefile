# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run panel test test-dist dist deb lint clean bench translations fold-translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[demo,test]'
	touch $(STAMP)

# Translations (see README, Language): the German .qm is built from i18n/sett_de.ts and i18n/pending/*_de.ts.
QM := resources/i18n/sett_de.qm
$(QM): i18n/sett_de.ts $(wildcard i18n/pending/*_de.ts) i18n/build.py | $(STAMP)
	$(PY) i18n/build.py

# For developers: collect every tr()/translate() string of app/ into i18n/sett_de.ts (then translate what is new).
translations: $(STAMP)
	$(PY) i18n/build.py update

# The same, taking in the German of i18n/pending/*_de.ts (other branches' new strings) and removing those files.
fold-translations: $(STAMP)
	$(PY) i18n/build.py fold

# The desktop app against a fresh embedded panel with demo data (and localstripe), all in temporary folders.
run: $(STAMP) $(QM)
	$(PY) -m app --demo

# The panel alone, as a server to explore with curl (see README).
panel: $(STAMP)
	$(PY) -m panel demo

lint: $(STAMP)
	$(VENV)/bin/ruff check app panel tests
	$(VENV)/bin/lint-imports

# Everything but the bundle tests; CI (.ci/run) then runs `make test-dist`. Two processes, each taking whole test
# files (--dist loadfile keeps a file's module fixtures, such as its panel, in one process); TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= 2
test: lint $(QM)
	$(PY) -m pytest -m "not dist" -n $(TEST_WORKERS) --dist loadfile

$(DIST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $(DIST_STAMP)

# The installable app: a one-folder bundle in dist/Sett/ (run dist/Sett/Sett; see README, Install).
dist: $(DIST_STAMP) $(QM)
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

# A Debian package of the bundle in dist/ (Linux, dpkg-deb): /opt/sett, `sett` on the PATH, the desktop entry that
# registers sett:// links, AppStream metainfo (packaging/linux/).
deb: dist
	$(PY) packaging/linux/build_deb.py dist/Sett dist

# Build the bundle and run the frozen app's smoke tests, and its .deb's install, start, remove (tests/bundle/).
test-dist: $(STAMP) $(DIST_STAMP) $(QM)
	$(PY) -m pytest -m dist

# Benchmarks: ratios against floors measured in the same run; a table, bench/results.json (see bench/README.md).
bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache resources/i18n
