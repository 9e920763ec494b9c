"""The project's own code is ruff-clean, ruff-formatted and passes mypy --strict."""

from __future__ import annotations

import subprocess

import pytest

from tests.helpers import BIN, ROOT

# The runtime sources ship verbatim; templates/python/ruff.toml gives them the SDK's settings.
OURS = ["generator", "tests", "benchmarks", "templates/python/runtime"]


def test_generator_passes_mypy_strict() -> None:
    proc = subprocess.run([str(BIN / "mypy")], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_project_code_is_ruff_clean(command: list[str]) -> None:
    proc = subprocess.run(
        [str(BIN / "ruff"), *command, "--no-cache", *OURS], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stdout[-4000:]
