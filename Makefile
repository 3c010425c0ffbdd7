# Two commands do everything on a machine with Python 3.11+:
#   make lab    create the environment (.venv) and open JupyterLab on the start notebook
#   make test   create the environment and run every test (lint, unit, doctest, nbval, browser,
#               hub, PostgreSQL, types, the API reference site)
# While changing the kit:
#   make check  the fast loop: ruff, unit tests and doctests (under a minute; no notebooks,
#               browser, servers or slow tests); `make check ARGS=--lf` reruns what failed
#   make docs   build the API reference site into docs/_build/html (warnings are errors)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.leadkit-installed

.PHONY: lab test check docs install notebooks app bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# As root (containers, many lab images) JupyterLab refuses to start without --allow-root; the
# kit adds it when it runs as root. Extra options: make lab LAB_ARGS="--port=9999 --no-browser"
LAB_ARGS ?=
ROOT_ARGS := $(shell [ "$$(id -u 2>/dev/null)" = "0" ] && echo --allow-root)
# The kit's own bin folder goes first on PATH, so 'leadkit' works in JupyterLab's terminal.
# The file browser shows the notebooks (not the kit's source, nor notebooks/src), and the address
# JupyterLab prints (also with --no-browser) opens the start notebook, not the Launcher.
LAB_HIDE := '["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "src", ".ipynb_checkpoints"]'
lab: $(STAMP)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/jupyter lab $(ROOT_ARGS) \
	    --ServerApp.root_dir=notebooks --ContentsManager.hide_globs=$(LAB_HIDE) \
	    --LabApp.default_url=/lab/tree/00-start-here.ipynb $(LAB_ARGS)

# Two processes; --dist loadfile keeps a file on one process, so a notebook's cells run in order
# in one kernel and a browser test file shares its servers.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadfile --durations=15

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs/api docs/_build/html
	@echo "API reference: docs/_build/html/index.html"

ARGS ?=
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n 2 -m "not notebooks and not browser and not services and not slow" $(ARGS)

# Rebuild the Dutch and English notebooks from notebooks/src/ (after editing a source).
notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py

# The workshop apps (code hidden) with Voila:
#   make app                                        the self-assessment, in Dutch
#   make app APP=91-app-team-scenarios APPLANG=en   the team scenarios, in English
APP     ?= 90-app-self-assessment
APPLANG ?= nl
app: $(STAMP)
	$(BIN)/voila notebooks/$(APPLANG)/$(APP)-$(APPLANG).ipynb --Voila.ip=127.0.0.1 \
	    --HTMLExporter.language_code=$(APPLANG)

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache node_modules tests/hub/node_modules test-artifacts docs/_build
