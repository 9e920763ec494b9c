"""A schema that allows only `null`, used by an optional property, imports and round-trips.

Found by the fuzz test: the optional field's annotation became `None | None`, which
pydantic cannot evaluate.
"""

from __future__ import annotations

from pathlib import Path

from tests.corpus_support import generate, import_all

SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Nothing:
      oneOf: [{const: null}]
    Holder:
      type: object
      properties:
        gap: {$ref: '#/components/schemas/Nothing'}
"""


def test_optional_property_of_a_null_only_schema(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    code, stderr, _ = generate(spec, tmp_path / "out", "nulls_sdk")
    assert code == 0, stderr
    proc = import_all(tmp_path / "out", "nulls_sdk")
    assert proc.returncode == 0, proc.stdout + proc.stderr


SELF_SPEC = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /x:
    post:
      operationId: make
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {class: {type: string}, self: {type: string}}}
      responses: {"200": {description: ok}}
"""


def test_body_property_named_self_is_a_keyword_argument(tmp_path: Path) -> None:
    # Found by the fuzz test: `def make(self, *, self: ...)` did not compile.
    spec = tmp_path / "spec.yaml"
    spec.write_text(SELF_SPEC, encoding="utf-8")
    code, stderr, _ = generate(spec, tmp_path / "out", "selfish_sdk")
    assert code == 0, stderr
    proc = import_all(tmp_path / "out", "selfish_sdk")
    assert proc.returncode == 0, proc.stdout + proc.stderr
