# The two commands of the README. Both create .venv (Python >= 3.11 with venv and pip is
# all a fresh machine needs) and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-full clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/passapp --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Search benchmark at 10k persons (quick) and at 10k and 1M persons (about 15 minutes).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_find --sizes 10000

bench-full: $(STAMP)
	$(BIN)/python -m benchmarks.bench_find --sizes 10000 1000000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
