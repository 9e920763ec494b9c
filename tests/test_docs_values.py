"""The example engine: spec examples are used (and checked), other values built from the type."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_api
from generator.config import Settings
from generator.ir import Api
from generator.load import load_spec
from generator.targets.python.docs import Docs
from generator.targets.python.names import PyNames
from tests.batch import run_batch
from tests.helpers import sdkgen

SPEC = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths: {}
components:
  schemas:
    Color:
      type: string
      enum: [red, green]
    Pet:
      type: object
      required: [name, kind, born, tags, color]
      properties:
        name: {type: string}
        kind: {type: string, const: dog}
        born: {type: string, format: date-time}
        id: {type: string, format: uuid, example: 123e4567-e89b-12d3-a456-426614174000}
        tags: {type: array, items: {type: string}}
        color: {$ref: '#/components/schemas/Color'}
        age: {type: integer, example: "three"}
        weight: {type: number}
      example:
        name: Rex
        color: blue
"""


def _api(tmp_path: Path) -> Api:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return build_api(load_spec(spec), Settings(spec=spec, out=tmp_path / "out", package="t_sdk"))


def test_invalid_examples_warn_with_their_pointer(tmp_path: Path) -> None:
    api = _api(tmp_path)
    docs = Docs(api, PyNames(api))
    docs.examples.check_all()
    page = docs.page(api.named("Pet"))
    warnings = docs.examples.warnings
    assert any("/components/schemas/Pet:" in w and "'blue'" in w.replace('"', "'") for w in warnings)
    assert any("/components/schemas/Pet/properties/age" in w and "integer" in w for w in warnings)
    # the invalid example is not shown; built values are, never a placeholder
    code = page.example.source
    assert "blue" not in code and "three" not in code and "<value>" not in code
    assert 'kind="dog"' in code and "Color.RED" in code
    assert "datetime.datetime.fromisoformat(" in code


def test_salvaged_example_keeps_its_valid_properties(tmp_path: Path) -> None:
    api = _api(tmp_path)
    page = Docs(api, PyNames(api)).page(api.named("Pet"))
    assert 'name="Rex"' in page.example.source


def test_every_page_example_runs_for_the_inline_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    assert sdkgen("generate", str(spec), "--out", str(out), "--package", "t_sdk").returncode == 0
    scripts = [
        (page.name, page.read_text(encoding="utf-8").split("```python\n", 1)[1].split("```", 1)[0])
        for page in sorted(out.glob("docs/models/**/*.md"))
    ]
    assert scripts
    results = run_batch(scripts, tmp_path / "run", [out])  # one interpreter, a verdict per page
    for name, _ in scripts:
        assert not results[name].error, f"{name}: {results[name].error[-2000:]}"


def test_cli_prints_the_warning(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    proc = sdkgen("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "t_sdk")
    assert proc.returncode == 0, proc.stderr
    assert "#/components/schemas/Pet/properties/age: example does not validate" in proc.stderr


def test_integral_float_example_of_an_integer_is_shown_as_an_int(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Box:\n      type: object\n      required: [count]\n"
        "      properties:\n        count: {type: integer, example: 3.0}\n",
        encoding="utf-8",
    )
    api = build_api(load_spec(spec), Settings(spec=spec, out=tmp_path / "out", package="t_sdk"))
    docs = Docs(api, PyNames(api))
    docs.examples.check_all()
    assert docs.examples.warnings == []  # JSON's 3.0 is an integer
    assert "Box(count=3)" in docs.page(api.named("Box")).example.source
