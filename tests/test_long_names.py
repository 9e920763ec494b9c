"""Long schema names keep their whole class name; only file stems are bounded (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import naming
from tests.corpus_support import generate

LONG = "Very" + "LongSchemaName" * 10 + "Suffix"  # 150 characters
HUGE = "Huge" + "ExtremelyLongSchemaName" * 10 + "Tail"  # 238 characters: its file stem is bounded


def _spec(tmp_path: Path) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        f"""
openapi: 3.1.0
info: {{title: t, version: "1"}}
paths: {{}}
components:
  schemas:
    {LONG}: {{type: object, properties: {{a: {{type: string}}}}}}
    {HUGE}: {{type: object, properties: {{b: {{$ref: '#/components/schemas/{LONG}'}}}}}}
""",
        encoding="utf-8",
    )
    return spec


def test_class_names_are_whole() -> None:
    assert len(LONG) == 150
    assert naming.class_name(LONG) == LONG
    assert naming.file_stem(LONG) == LONG.lower()
    stem = naming.file_stem(HUGE)
    assert len(stem) == naming.MAX_STEM and stem != naming.file_stem(HUGE + "X")


def test_python_modules_import_the_whole_class_names(tmp_path: Path) -> None:
    code, stderr, _ = generate(_spec(tmp_path), tmp_path / "out", "long_sdk")
    assert code == 0, stderr
    components = tmp_path / "out" / "long_sdk" / "models" / "components"
    assert (components / f"{LONG.lower()}.py").exists()
    assert (components / f"{naming.file_stem(HUGE)}.py").exists()
    assert (tmp_path / "out" / "docs" / "models" / "components" / f"{naming.file_stem(HUGE)}.md").exists()
    check = (
        f"from long_sdk.models.components import {LONG}, {HUGE}\n"
        f"h = {HUGE}.model_validate({{'b': {{'a': 'x'}}}})\n"
        f"assert type(h.b) is {LONG}, type(h.b)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "out"))
    proc = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("name", [LONG, HUGE])
def test_typescript_module_paths(tmp_path: Path, name: str) -> None:
    code, stderr, _ = generate(_spec(tmp_path), tmp_path / "out", "long-sdk", "--target", "typescript")
    assert code == 0, stderr
    path = tmp_path / "out" / "src" / "models" / "components" / f"{naming.file_stem(name)}.ts"
    assert f"export type {name} " in path.read_text(encoding="utf-8")
