# Two commands matter: `make serve` and `make test`. Both set everything up on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Exact versions and hashes of every Python package (all extras); `make lock` refreshes it.
LOCK := requirements.lock
export NO_MKDOCS_2_WARNING := 1
lang ?= fr
# Test workers: the machine's cores, from 2 to 4 (browser tests are memory-hungry).
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; [ $$n -lt 2 ] && n=2; echo $$n)
NODE_STAMP := node_modules/.package-lock.json
AUDIT_STAMP := audit/node_modules/.package-lock.json

.PHONY: serve test test-fast lint lock build pdf check sources bench audit screenshots clean

$(STAMP): pyproject.toml $(LOCK)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

lock: ## Refresh requirements.lock from pyproject.toml (keeps pins; UPGRADE=--upgrade moves them all)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.9
	$(BIN)/uv pip compile pyproject.toml --extra site --extra pdf --extra test --extra lint --extra zensical \
		--generate-hashes --python-version 3.11 --no-header --annotation-style line $(UPGRADE) -o $(LOCK)

serve: $(STAMP) ## Build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch overrides --watch src/bdw_guide/templates

$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the axe-core checks will be skipped (they never are under CI=true)"; fi

$(AUDIT_STAMP): audit/package-lock.json
	cd audit && npm ci --no-audit --no-fund

lint: $(STAMP) ## ruff (lint and format check) and mypy (configured in pyproject.toml); no type: ignore without its reason
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@! grep -rnE "type: ignore(\[[^]]*\])?[[:space:]]*$$" src tests scripts hooks \
		|| (echo "a type: ignore needs its reason beside it (# type: ignore[code]  # why)"; false)

test: lint $(NODE_STAMP) ## Lint, then every test (browser tests need Chromium, see bdw_guide/browser.py; axe-core from npm ci)
	$(BIN)/python -m pytest -n $(JOBS)

test-fast: $(STAMP) ## Every test but the browser ones (no Chromium page, no axe-core)
	$(BIN)/python -m pytest -n $(JOBS) -m "not browser"

build: $(STAMP) ## Deploy build into site/: worksheet PDFs and packs, Word files, the guide as PDF, share graphics and the offline copy included; a failed build leaves the previous site/ as it was
	rm -rf .site-new
	$(BIN)/python scripts/build.py --site-dir .site-new
	rm -rf site && mv .site-new site

pdf: build ## Make the documents (worksheet PDFs and packs, Word files, the guide as PDF); cached by content

check: $(STAMP) ## Validate data/ and translations; every problem one line each, in French (lang=en for English)
	$(BIN)/python -m bdw_guide check --lang $(lang)

sources: $(STAMP) ## Report for editors: cited claims whose source the guide does not name (in French; lang=en for English)
	$(BIN)/python -m bdw_guide sources --lang $(lang)

bench: $(STAMP) ## Build-time ratio against plain Material, data loads per build, PDFs, Zensical on the same pages
	$(BIN)/python scripts/bench.py

audit: $(STAMP) $(AUDIT_STAMP) ## Nu HTML checker, page weight and Lighthouse against stock Material (needs Java)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python scripts/bench.py --audit

screenshots: $(STAMP) ## PNGs of each page type (laptop and phone, French and English, light and dark) into screenshots/
	$(BIN)/python scripts/screenshots.py --out screenshots

clean:
	rm -rf site .site-new .cache screenshots
