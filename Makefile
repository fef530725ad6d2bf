# The two commands of the README. Both create .venv (Python >= 3.11 with venv and pip is
# all a fresh machine needs) and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint dist check-dist bench bench-full clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/passapp --demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts packaging
	$(BIN)/ruff format --check src tests benchmarks scripts packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The one-folder app for the clerk's PC (docs/INSTALL.md): dist/passapp/ with the programs
# passapp (command line; without a command the desktop app) and passapp-gui (no console).
dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/passapp.spec

# The frozen app works on its own: demo stays up, a pass is issued, its QR verified, a bundle synced.
check-dist: dist
	$(BIN)/python packaging/check_frozen.py dist/passapp

# Benchmarks (results in benchmarks/results): search at 10k persons, issuing 500 passes,
# importing a bundle of 100k changes and the demand report at 10k holders (a few minutes);
# bench-full adds search at 1M persons, a bundle of 1M changes and the demand report at 100k
# holders / 1M entries (about 20 minutes; the generated registers are cached).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_find --sizes 10000
	$(BIN)/python -m benchmarks.bench_issue --batch 500
	$(BIN)/python -m benchmarks.bench_sync --sizes 100000
	$(BIN)/python -m benchmarks.bench_locks --changes 200000
	$(BIN)/python -m benchmarks.bench_cipher
	$(BIN)/python -m benchmarks.bench_demand --sizes 10k
	$(BIN)/python -m benchmarks.bench_start

bench-full: $(STAMP)
	$(BIN)/python -m benchmarks.bench_find --sizes 10000 1000000
	$(BIN)/python -m benchmarks.bench_issue --batch 500
	$(BIN)/python -m benchmarks.bench_sync --sizes 100000 1000000
	$(BIN)/python -m benchmarks.bench_locks --changes 200000
	$(BIN)/python -m benchmarks.bench_cipher
	$(BIN)/python -m benchmarks.bench_demand --sizes 10k 100k
	$(BIN)/python -m benchmarks.bench_start

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
