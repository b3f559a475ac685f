# Two commands on a fresh clone (only Python 3.10+ and pip needed):
#   make run    set up .venv and attribute the bundled example readouts into out/
#   make test   set up .venv (with the dev extras) and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test setup setup-dev lint bench schema screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

setup-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"

run: setup
	$(BIN)/readout-nlp batch examples/readouts -o $(OUT) --overwrite

test: setup-dev
	$(BIN)/python -m pytest -q

lint: setup-dev
	$(BIN)/python -m ruff check src tests benchmarks scripts examples

bench: setup-dev
	$(BIN)/python benchmarks/bench.py

schema: setup
	$(BIN)/python -m readout_nlp schema -o docs/readout.schema.json

# Render the seed readout in headless Chromium (Debian's chromium package) and check it.
screenshot: setup-dev
	$(BIN)/python scripts/screenshot.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
