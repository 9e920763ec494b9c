# The README's two quick-start commands: `make generate` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup generate check test golden lint bench-sse bench-generate

$(BIN)/sdkgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/sdkgen

setup: $(BIN)/sdkgen

generate: setup  ## regenerate generated/ from spec/
	$(BIN)/sdkgen generate

check: setup  ## fail if generated/ is stale or hand-edited
	$(BIN)/sdkgen check

golden: setup  ## rewrite the golden trees under tests/golden/ after an intended change
	$(BIN)/python -m tests.golden_update

lint: setup
	$(BIN)/ruff check generator tests benchmarks templates/python/runtime
	$(BIN)/ruff format --check generator tests benchmarks templates/python/runtime
	$(BIN)/mypy

test: setup  ## the whole suite: unit, golden, runtime, lint and type checks
	$(BIN)/pytest
