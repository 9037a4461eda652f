# README's two commands: `make run` brings the platform up with demo data, `make test` runs every test against real services.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT := $(or $(JOBMATCH_PORT),5000)
RUN_DIR := .cache/run
export FLASK_APP := wsgi

.PHONY: run stop test lint install translations extract-messages system-packages

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: system-packages $(VENV)/.installed translations

system-packages:
	scripts/system-packages.sh unzip curl chromium redis-server

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d jobmatch/translations -f >/dev/null

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -o jobmatch/translations/messages.pot .
	$(BIN)/pybabel update -i jobmatch/translations/messages.pot -d jobmatch/translations

run: install
	scripts/elasticsearch.sh start
	scripts/redis.sh start
	mkdir -p instance $(RUN_DIR)
	$(BIN)/flask db upgrade
	$(BIN)/flask reference load
	$(BIN)/flask seed --if-empty
	$(BIN)/flask search reconcile
	scripts/processes.sh start $(PORT)

stop:
	-scripts/processes.sh stop
	scripts/elasticsearch.sh stop
	scripts/redis.sh stop

# The architecture, checked by machine: ruff's rules and the import contracts, both configured in pyproject.toml.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

test: install
	scripts/elasticsearch.sh start
	scripts/redis.sh start
	$(BIN)/python -m pytest $(PYTEST_ARGS)
