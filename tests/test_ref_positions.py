"""`$ref` is a reference only where a schema or reference object may stand (issue 11 item 3):
a property literally named `$ref` (Kubernetes' JSONSchemaProps) is a name, and `$ref` keys
inside examples, defaults, enums, consts and extension values are data."""

from __future__ import annotations

from pathlib import Path

from tests.corpus_support import generate, import_all
from tests.helpers import run_python

SPEC = """
openapi: 3.0.3
info: {title: t, version: "1"}
x-vendor: {$ref: '#/does/not/exist'}
paths: {}
components:
  schemas:
    JSONSchemaProps:
      type: object
      x-meta: {$ref: 42}
      example: {$ref: '#/nowhere', type: string}
      properties:
        $ref: {type: string, description: A JSON reference.}
        $schema: {type: string}
        properties:
          type: object
          additionalProperties: {$ref: '#/components/schemas/JSONSchemaProps'}
        discriminator: {type: string}
    Holder:
      type: object
      patternProperties:
        '^x': {type: integer}
      properties:
        props: {$ref: '#/components/schemas/JSONSchemaProps'}
"""


def test_property_named_ref_is_a_field(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    code, stderr, _ = generate(spec, out, "k8s_sdk")
    assert code == 0, stderr
    assert import_all(out, "k8s_sdk").returncode == 0
    payload = {
        "$ref": "#/definitions/x",
        "$schema": "s",
        "properties": {"a": {"$ref": "#/b"}},
        "discriminator": "d",
    }
    code = (
        "from k8s_sdk.models.components import JSONSchemaProps\n"
        f"m = JSONSchemaProps.model_validate({payload!r})\n"
        "assert m.ref == '#/definitions/x', m\n"
        "assert m.properties['a'].ref == '#/b'\n"
        f"assert m.model_dump(by_alias=True) == {payload!r}, m.model_dump(by_alias=True)\n"
        "print('ok')\n"
    )
    proc = run_python(code, out)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-2000:]


def test_a_real_ref_under_properties_still_fails_when_dangling(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        SPEC.replace(
            "'#/components/schemas/JSONSchemaProps'}\n        discriminator",
            "'#/nope'}\n        discriminator",
        ),
        "utf-8",
    )
    code, stderr, _ = generate(spec, tmp_path / "out", "k8s_sdk")
    assert code == 2
    assert "#/components/schemas/JSONSchemaProps/properties/properties/additionalProperties/$ref:" in stderr
    assert "'#/nope' points to nothing" in stderr
