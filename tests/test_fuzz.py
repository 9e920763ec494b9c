"""Issue 5 item 5: random small specs either generate output that compiles and imports,
or exit 2 with one clean line. Budgets: 150 and 25 examples locally, a third in CI
(`helpers.examples`); output is imported in this process, then forgotten."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.corpus_support import compile_all, generate
from tests.helpers import examples
from tests.importer import check_here

ODD_NAMES = [
    "class",
    "None",
    "self",
    "model_dump",
    "__init__",
    "_base",
    "1st",
    "a-b",
    "A B",
    "über",
    "日本",
    "",
    "x" * 90,
    "str",
    "list",
    "Field",
    "BaseModel",
    "$ref",
    "~1",
    "a/b",
    "..",
    "data",
    "type",
    "id",
    "model_config",
    "UNSET",
    "Any",
]

names = st.one_of(
    st.sampled_from(ODD_NAMES),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,10}", fullmatch=True),
)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(-2, 2), st.text(max_size=6))


@dataclass(frozen=True)
class Ref:
    """A `$ref` to the i-th schema of the spec being drawn (to `Missing` when it has none)."""

    index: int


def _resolve(node: Any, schema_names: list[str]) -> Any:
    """The drawn schema with each `Ref` turned into a JSON pointer to one of `schema_names`."""
    if isinstance(node, Ref):
        targets = [n.replace("~", "~0").replace("/", "~1") for n in schema_names] or ["Missing"]
        return f"#/components/schemas/{targets[node.index % len(targets)]}"
    if isinstance(node, dict):
        return {k: _resolve(v, schema_names) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, schema_names) for v in node]
    return node


def schemas() -> st.SearchStrategy[Any]:
    """Schemas whose `$ref`s are `Ref` placeholders: one strategy, built (and validated by
    hypothesis) once, instead of one per draw for each spec's schema names."""
    leaves = st.one_of(
        st.fixed_dictionaries(
            {"type": st.sampled_from(["string", "integer", "number", "boolean", "null"])},
            optional={
                "format": st.sampled_from(["date-time", "uuid", "binary", "int64", "odd"]),
                "nullable": st.booleans(),
                "default": json_scalars,
                "description": st.text(max_size=20),
            },
        ),
        st.fixed_dictionaries({"enum": st.lists(json_scalars, max_size=5)}),
        st.fixed_dictionaries({"const": json_scalars}),
        st.builds(Ref, st.integers(0, 4)).map(lambda ref: {"$ref": ref}),
        st.just({}),
        st.booleans(),
    )

    def extend(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.one_of(
            st.fixed_dictionaries({"type": st.just("array"), "items": inner}),
            st.fixed_dictionaries(
                {"type": st.just("object"), "properties": st.dictionaries(names, inner, max_size=4)},
                optional={
                    "required": st.lists(names, max_size=2),
                    "additionalProperties": st.one_of(st.booleans(), inner),
                },
            ),
            st.fixed_dictionaries(
                {"oneOf": st.lists(inner, min_size=1, max_size=3)},
                optional={"discriminator": st.fixed_dictionaries({"propertyName": names})},
            ),
            st.fixed_dictionaries({"anyOf": st.lists(inner, min_size=1, max_size=3)}),
            st.fixed_dictionaries({"allOf": st.lists(inner, min_size=1, max_size=3)}),
            st.fixed_dictionaries(
                {
                    "type": st.lists(
                        st.sampled_from(["string", "integer", "null", "object", "array"]),
                        min_size=1,
                        max_size=3,
                    )
                }
            ),
        )

    return st.recursive(leaves, extend, max_leaves=8)


SCHEMAS = schemas()


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    schema_names = draw(st.lists(names, max_size=5, unique=True))

    def schema() -> Any:
        return _resolve(draw(SCHEMAS), schema_names)

    body = {n: schema() for n in schema_names}
    paths: dict[str, Any] = {}
    for i, op_name in enumerate(draw(st.lists(names, max_size=3))):
        op: dict[str, Any] = {"operationId": op_name, "responses": {"200": {"description": "ok"}}}
        if draw(st.booleans()):
            op["tags"] = [draw(names)]
        if draw(st.booleans()):
            op["requestBody"] = {"content": {"application/json": {"schema": schema()}}}
        if draw(st.booleans()):
            op["responses"]["200"]["content"] = {
                draw(
                    st.sampled_from(["application/json", "text/event-stream", "application/octet-stream"])
                ): {"schema": schema()}
            }
        op["parameters"] = [
            {
                "name": draw(names),
                "in": draw(st.sampled_from(["query", "header"])),
                "schema": schema(),
            }
            for _ in range(draw(st.integers(0, 2)))
        ]
        paths[f"/p{i}/{{id}}"] = {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            draw(st.sampled_from(["get", "post", "put", "delete"])): op,
        }
    version = draw(st.sampled_from(["3.0.3", "3.1.0"]))
    return {
        "openapi": version,
        "info": {"title": draw(names), "version": "1"},
        "paths": paths,
        "components": {"schemas": body},
    }


def _check(spec: dict[str, Any], import_output: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="sdkgen-fuzz-") as tmp:
        path = Path(tmp) / "spec.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        out = Path(tmp) / "out"
        code, stderr, _ = generate(path, out, "fuzz_sdk")
        assert code in (0, 2), stderr
        event(f"exit {code}" + (": " + stderr.split(": ")[-1][:40] if code else ""))
        if code == 2:
            lines = stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("sdkgen: error:"), stderr
            assert "internal error" not in stderr, stderr
            assert "RecursionError" not in stderr, stderr  # a small spec must never recurse away
            assert not out.exists()
            return
        assert compile_all(out) == []
        if import_output:
            assert check_here(out, "fuzz_sdk") == []


@settings(max_examples=examples(150), deadline=None, suppress_health_check=list(HealthCheck))
@given(specs())
def test_random_specs_generate_or_fail_cleanly(spec: dict[str, Any]) -> None:
    _check(spec, import_output=False)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
@given(specs())
def test_random_specs_import(spec: dict[str, Any]) -> None:
    _check(spec, import_output=True)
