# Opvangmonitor — set-up and the everyday commands. Needs only python3 (3.11), pip and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DIR   := data/landing
WAREHOUSE  := data/warehouse/opvangmonitor.duckdb
PORT       ?= 8501
SEED       ?= 42
CLIENTS    ?= 2000

.PHONY: install browser demo demo-data test dagster dashboard lock clean

## install: the virtual environment at .venv with the project (editable) and its locked dependencies
install: $(VENV)/.geinstalleerd

$(VENV)/.geinstalleerd: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/opvangmonitor voorbereiden
	touch $@

## demo-data: synthetic deliveries of three providers in three regions
demo-data: install
	$(BIN)/opvangmonitor generate --out $(DEMO_DIR) --seed $(SEED) --clients $(CLIENTS)

## demo: install, generate, load the whole pipeline and start the dashboard
demo: demo-data
	$(BIN)/opvangmonitor run --landing $(DEMO_DIR) --warehouse $(WAREHOUSE) --regios $(DEMO_DIR)/regios.yml
	# synthetic data: the sidebar may offer "Exacte cijfers tonen" (suppression stays on by default)
	OPVANGMONITOR_EXACTE_CIJFERS=1 $(BIN)/opvangmonitor dashboard --warehouse $(WAREHOUSE) --port $(PORT)

## browser: Debian's chromium for the browser test (apt; never a downloaded browser)
browser:
	@if test -x /usr/bin/chromium; then :; \
	elif test "$$(id -u)" = 0; then \
		echo "chromium installeren (apt-get) voor de browsertest"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "chromium installeren (sudo apt-get) voor de browsertest"; \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "LET OP: /usr/bin/chromium ontbreekt en kan niet worden geïnstalleerd (geen root): de browsertest wordt overgeslagen, behalve met CI=true"; \
	fi

## test: the whole test suite (unit, dbt unit tests, pipeline, dashboard, browser)
test: install browser
	$(BIN)/python -m pytest

## dagster: the Dagster UI on the project's code location
dagster: install
	$(BIN)/opvangmonitor dagster

## lock: re-resolve the dependencies of pyproject.toml into requirements.lock
lock:
	rm -rf /tmp/opvangmonitor-lock && $(PYTHON) -m venv /tmp/opvangmonitor-lock
	/tmp/opvangmonitor-lock/bin/python -m pip install --quiet ".[test]"
	/tmp/opvangmonitor-lock/bin/python -m pip freeze --exclude-editable | grep -v '^opvangmonitor' > requirements.lock

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs expectations/gx/uncommitted
