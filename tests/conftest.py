"""Session-wide fixtures: each golden tree rendered once and materialised with its runtime."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import golden_cases, golden_settings, render_spec


@pytest.fixture(scope="session")
def golden_files() -> dict[str, dict[str, str]]:
    """Every golden case rendered in memory, runtime modules included (once per session)."""
    return {case: render_spec(golden_settings(case)) for case in golden_cases()}


@pytest.fixture(scope="session")
def golden_trees(golden_files: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full golden trees (the committed ones leave the runtime out) under `<root>/<case>/`."""
    root = tmp_path_factory.mktemp("golden-trees")
    for case, files in golden_files.items():
        for rel, text in files.items():
            path = root / case / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root
