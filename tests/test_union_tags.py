"""Unions without an explicit discriminator tell members apart by their literal tags (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.corpus_support import generate

SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Message:
      oneOf:
        - $ref: '#/components/schemas/SystemMsg'
        - $ref: '#/components/schemas/AssistantMsg'
    SystemMsg:
      type: object
      required: [role, content]
      properties:
        role: {type: string, enum: [system]}
        content: {type: string}
    AssistantMsg:
      type: object
      required: [role]
      properties:
        role: {type: string, enum: [assistant]}
        content: {type: [string, 'null']}
    Event:
      anyOf:
        - $ref: '#/components/schemas/BatchCancelled'
        - $ref: '#/components/schemas/BatchCompleted'
    EventBase:
      type: object
      required: [id]
      properties:
        id: {type: string}
    BatchCancelled:
      allOf:
        - $ref: '#/components/schemas/EventBase'
        - type: object
          required: [type]
          properties:
            type: {const: batch.cancelled}
    BatchCompleted:
      allOf:
        - $ref: '#/components/schemas/EventBase'
        - type: object
          required: [type]
          properties:
            type: {const: batch.completed}
    Shape:
      anyOf:
        - $ref: '#/components/schemas/Loose'
        - $ref: '#/components/schemas/Strict'
    Loose:
      type: object
      required: [a]
      properties: {a: {type: string}}
    Strict:
      type: object
      required: [a, b]
      properties: {a: {type: string}, b: {type: integer}}
    Chunk:
      oneOf:
        - title: Delta
          type: object
          required: [object, delta]
          properties: {object: {enum: [delta]}, delta: {type: string}}
        - {title: Done, type: object, required: [object], properties: {object: {enum: [done]}}}
"""

CHECK = """
import json
from tags_sdk.models import components as c
from pydantic import TypeAdapter

msg = TypeAdapter(c.Message).validate_python({"role": "assistant", "content": "hi"})
assert type(msg).__name__ == "AssistantMsg", type(msg)
assert json.loads(msg.model_dump_json(by_alias=True)) == {"role": "assistant", "content": "hi"}
event = TypeAdapter(c.Event).validate_python({"id": "e", "type": "batch.completed"})
assert type(event).__name__ == "BatchCompleted", type(event)
assert event.model_dump(by_alias=True)["type"] == "batch.completed"
chunk = TypeAdapter(c.Chunk).validate_python({"object": "done"})
assert type(chunk).__name__ == "ChunkDone", type(chunk)
shape = TypeAdapter(c.Shape).validate_python({"a": "x", "b": 1})
assert type(shape).__name__ == "Strict", type(shape)
try:
    TypeAdapter(c.Message).validate_python({"role": "moderator", "content": "x"})
except Exception:
    pass
else:
    raise AssertionError("an unknown tag must not parse as some member")
"""


def test_unions_discriminate_by_inferred_tag(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    code, stderr, _ = generate(spec, tmp_path / "out", "tags_sdk")
    assert code == 0, stderr
    text = (tmp_path / "out" / "tags_sdk" / "models" / "components" / "message.py").read_text()
    assert 'Field(discriminator="role")' in text
    shape = (tmp_path / "out" / "tags_sdk" / "models" / "components" / "shape.py").read_text()
    assert "Strict | Loose" in shape  # the most specific member first
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "out"))
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
