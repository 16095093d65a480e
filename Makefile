# The only entry point for people and CI. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

DEMO_DB := var/demo.sqlite3
DEMO_ENV := CEASEFIRE_DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) CEASEFIRE_KEY_DIR=$(CURDIR)/var/keys
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: venv demo demo-data serve run test test-postgres check lint fmt type arch bench browser-deps clean

VENDOR_DIR := src/ceasefire/web/static/vendor
VENDOR := $(VENDOR_DIR)/.installed

venv: $(STAMP) $(VENDOR)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# The map's front-end files from the npm registry (versions in package-lock.json), served by the
# platform itself: no CDN, no tile server.
$(VENDOR): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR_DIR) && mkdir -p $(VENDOR_DIR)/leaflet
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map \
	  node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(VENDOR_DIR)/leaflet/
	cp node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR_DIR)/
	cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE $(VENDOR_DIR)/
	touch $@

# Debian's Chromium for the Playwright browser tests (Playwright cannot download browsers here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; }

demo: venv demo-data serve

demo-data: venv
	rm -rf $(DEMO_DB) var/keys var/evidence
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEMO_ENV) $(BIN)/ceasefire init-log --demo-witnesses
	$(DEMO_ENV) $(BIN)/ceasefire load-demo
	$(DEMO_ENV) $(BIN)/ceasefire publish-checkpoint
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --no-input -v 0

serve: venv
	$(DEMO_ENV) $(BIN)/gunicorn ceasefire.config.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

run: venv
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input -v 0
	$(BIN)/gunicorn ceasefire.config.wsgi --bind $(HOST):$(PORT) --workers 2

test: venv browser-deps
	$(BIN)/coverage run -m pytest -p randomly --randomly-seed=20251019 $(PYTEST_ARGS)
	$(BIN)/coverage report --fail-under=90

test-postgres: venv browser-deps
	$(BIN)/python scripts/with_postgres.py -- $(MAKE) --no-print-directory test

lint: venv
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/ruff check src tests benchmarks scripts

fmt: venv
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

type: venv
	$(BIN)/mypy src

arch: venv
	$(BIN)/lint-imports

check: lint type arch test

bench: venv
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) node_modules $(VENDOR_DIR) var .coverage .mypy_cache .ruff_cache staticfiles
