# The README's two quick-start commands: `make generate` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup generate check test golden lint bench-sse bench-generate

# --no-compile: bytecode is written on first import, for the modules in use (a third of the install
# time). Some machines set PYTHONDONTWRITEBYTECODE=1 (this one does): then no process would keep
# its bytecode, every interpreter the tests start would compile pydantic, httpx, pytest... again,
# and each xdist worker would redo pytest's assertion rewriting. `make test` clears it.
$(BIN)/sdkgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-compile -e '.[dev]'
	touch $(BIN)/sdkgen

# The TypeScript target's tests type-check and run the generated SDK: tsc and zod, from the lock file.
ts/node_modules/.package-lock.json: ts/package.json ts/package-lock.json
	npm ci --prefix ts --no-audit --no-fund

# The Python and npm installs are independent: run them side by side (about 10 s off a fresh setup).
setup:
	$(MAKE) --no-print-directory -j2 $(BIN)/sdkgen ts/node_modules/.package-lock.json

generate: setup  ## regenerate generated/ (Python) and generated-ts/ (TypeScript) from spec/
	$(BIN)/sdkgen generate
	$(BIN)/sdkgen generate --target typescript

check: setup  ## fail if generated/ or generated-ts/ is stale or hand-edited
	$(BIN)/sdkgen check
	$(BIN)/sdkgen check --target typescript

golden: setup  ## rewrite the golden trees (tests/golden/, tests/golden_ts/, generated-ts/) after an intended change
	$(BIN)/python -m tests.golden_update
	$(BIN)/python -m tests.golden_ts_update

lint: setup
	$(BIN)/ruff check generator tests benchmarks templates/python/runtime
	$(BIN)/ruff format --check generator tests benchmarks templates/python/runtime
	$(BIN)/mypy

test: setup  ## the whole suite: unit, golden, runtime, lint and type checks
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest
