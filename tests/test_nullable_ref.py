"""A nullable enum reached through `$ref` makes the referencing field nullable (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus_support import generate

SPEC_30 = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Reason: {type: string, nullable: true, enum: [stop, length]}
    Choice:
      type: object
      required: [finish_reason]
      properties:
        finish_reason: {$ref: '#/components/schemas/Reason'}
        wrapped: {allOf: [{$ref: '#/components/schemas/Reason'}], description: why}
"""

SPEC_31 = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Reason: {type: [string, 'null'], enum: [stop, length, null]}
    Choice:
      type: object
      required: [finish_reason]
      properties:
        finish_reason: {$ref: '#/components/schemas/Reason'}
        wrapped: {allOf: [{$ref: '#/components/schemas/Reason'}], description: why}
"""

CHECK = """
import json
from nullref_sdk.models.components import Choice

for payload in ({"finish_reason": None, "wrapped": None}, {"finish_reason": "stop", "wrapped": "length"}):
    choice = Choice.model_validate_json(json.dumps(payload))
    assert json.loads(choice.model_dump_json(by_alias=True)) == payload, choice
"""


@pytest.mark.parametrize("spec_text", [SPEC_30, SPEC_31], ids=["3.0", "3.1"])
def test_explicit_null_round_trips(tmp_path: Path, spec_text: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    code, stderr, _ = generate(spec, tmp_path / "out", "nullref_sdk")
    assert code == 0, stderr
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "out"))
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
