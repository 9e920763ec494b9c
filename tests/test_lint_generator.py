"""The generator itself is ruff-clean and passes mypy --strict."""

from __future__ import annotations

import subprocess

from tests.helpers import BIN, ROOT


def test_generator_passes_mypy_strict() -> None:
    proc = subprocess.run([str(BIN / "mypy")], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-4000:]


def test_generator_and_tests_are_ruff_clean() -> None:
    proc = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "generator"],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-4000:]
