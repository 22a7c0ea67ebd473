# Two commands matter: `make serve` and `make test`. Both set everything up on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
lang ?= fr
# Test workers: the machine's cores, from 2 to 4 (browser tests are memory-hungry).
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; [ $$n -lt 2 ] && n=2; echo $$n)
NODE_STAMP := node_modules/.package-lock.json

.PHONY: serve test build pdf check sources bench audit screenshots clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[site,pdf,test]'
	touch $(STAMP)

serve: $(STAMP) ## Build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch overrides

$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the axe-core checks will be skipped (they never are under CI=true)"; fi

test: $(STAMP) $(NODE_STAMP) ## Run every test (browser tests need /usr/bin/chromium; axe-core comes from npm ci)
	$(BIN)/python -m pytest -n $(JOBS)

build: $(STAMP) ## Deploy build into site/, worksheet PDFs and the offline copy included; a failed build leaves the previous site/ as it was
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	$(BIN)/python -m bdw_guide pdf --site .site-new
	$(BIN)/python -m bdw_guide offline --site .site-new
	rm -rf site && mv .site-new site

pdf: build ## Make the worksheet PDFs (blank, Letter and A4, one pack per language); cached by content

check: $(STAMP) ## Validate data/ and translations; every problem one line each, in French (lang=en for English)
	$(BIN)/python -m bdw_guide check --lang $(lang)

sources: $(STAMP) ## Report for editors: cited claims whose source the guide does not name
	$(BIN)/python -m bdw_guide sources

bench: $(STAMP) ## Build-time ratio against plain Material, data loads per build
	$(BIN)/python scripts/bench.py

audit: $(STAMP) $(NODE_STAMP) ## Nu HTML checker, page weight and Lighthouse against stock Material (needs Java)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python scripts/bench.py --audit

screenshots: $(STAMP) ## PNGs of each page type (laptop and phone, French and English, light and dark) into screenshots/
	$(BIN)/python scripts/screenshots.py --out screenshots

clean:
	rm -rf site .site-new .cache screenshots
