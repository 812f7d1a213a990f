# The two commands of the README: `make site` and `make test`. Both set up .venv
# from the pinned requirements first, so a fresh clone needs only Python >= 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The real clients the tests check our outputs with (yaml-language-server, ical.js),
# pinned by tests/clients/package-lock.json and run with the machine's node.
CLIENTS := tests/clients
CLIENTS_STAMP := $(CLIENTS)/node_modules/.installed
# axe-core, injected into pages by the browser tests (tests/browser/test_reader.py).
AXE := tests/browser/axe
AXE_STAMP := $(AXE)/node_modules/.installed

.PHONY: site validate test test-fast lint serve screenshots benchmark lighthouse clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 est requis / is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(CLIENTS_STAMP): $(CLIENTS)/package-lock.json
	cd $(CLIENTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(AXE_STAMP): $(AXE)/package-lock.json
	cd $(AXE) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The site generator: mkdocs (default), properdocs or zensical (`make site ENGINE=zensical`).
# `make site` builds as the publish workflow does (docs/site.md): a plan's warning never
# stops it; a plan with errors is left out, the others are built, and make then fails
# (pac-gen build exits 3); a failed build leaves the previous site/ as it was.
ENGINE ?= mkdocs

site: $(STAMP)
	$(BIN)/pac-gen build --engine $(ENGINE) --strict --site-dir site

# What the CI workflows run before building (.github/workflows/).
validate: $(STAMP)
	$(BIN)/pac-gen validate

serve: $(STAMP)
	$(BIN)/pac-gen serve --engine $(ENGINE) $(if $(PLANS),--plans $(PLANS))

test: $(STAMP) $(CLIENTS_STAMP) $(AXE_STAMP)
	$(BIN)/ruff check pac_gen tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The quick loop while developing: no browser, no real site builds (markers in pyproject.toml).
# `make test` stays the whole suite, and is what CI runs.
test-fast: $(STAMP) $(CLIENTS_STAMP)
	$(BIN)/ruff check pac_gen tests benchmarks
	$(BIN)/python -m pytest -m "not browser and not slow" -q

lint: $(STAMP)
	$(BIN)/ruff check pac_gen tests benchmarks
	$(BIN)/mypy

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Screenshots of every page kind (desktop and phone, light and dark) in docs/screenshots/,
# taken with Debian's Chromium (apt-get install chromium); the README shows them.
screenshots: $(STAMP)
	$(BIN)/python tests/browser/screenshots.py

clean:
	rm -rf site .pac_gen .pytest_cache .mypy_cache .ruff_cache

# Lighthouse (mobile) over every page kind of the example site, served gzipped (benchmarks/lighthouse.py).
lighthouse: $(STAMP)
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent
	$(BIN)/python benchmarks/lighthouse.py
