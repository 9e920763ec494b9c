"""Differential test against datamodel-code-generator, our reference for schema -> model.

For every golden spec (and the embedded spec) we run `datamodel-codegen` and, for each
object model both tools produce under the same class name, assert that ours carries the
same wire fields, the same required set and compatible JSON types.

Deliberate differences (not asserted):
- Extra keys: we keep unknown properties (`extra="allow"`) so a newer server's payload
  round-trips; datamodel-codegen ignores them by default.
- Enums: ours are open by default (unknown values kept); theirs reject unknown values.
- Inline-schema class names: ours are parent + property (`HolderInline`); theirs are
  numbered (`Kind1`), so such classes are matched only when the names agree.
- A required property with a spec `default` keeps that default in our class, so callers
  need not repeat it (e.g. `stream: Literal[True] = True`); it is still always sent.
- Field names: theirs rename `class` to `class_` too, but differ for some punctuation; we
  compare wire names (aliases), which is what the API sees.
"""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, RootModel

from tests.helpers import BIN, GOLDEN, ROOT, golden_cases

# Places where the reference is wrong and we deliberately differ, with the reason.
KNOWN = {
    ("enums", "Holder", "mixed"): "datamodel-codegen drops `true` from `enum: [1, one, true]` "
    "(a Python Enum treats 1 == True); we keep all three JSON values",
}

# `names` is left out: its dotted schema key makes datamodel-codegen emit a package of
# modules instead of one file; its fields are covered by the golden test instead.
CASES = [(c, GOLDEN / c / "spec.yaml", f"{c}_sdk") for c in golden_cases() if c != "names"]
CASES.append(("atoma", ROOT / "spec" / "openapi.yaml", "atoma_sdk"))


def _theirs(spec: Path, tmp: Path) -> dict[str, type[BaseModel]]:
    out = tmp / "theirs.py"
    proc = subprocess.run(
        [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--output",
            str(out),
            "--disable-timestamp",
            "--formatters",
            "ruff-format",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    name = f"oracle_{abs(hash(str(spec)))}"
    module_spec = importlib.util.spec_from_file_location(name, out)
    assert module_spec and module_spec.loader
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    module_spec.loader.exec_module(module)
    return {
        k: v
        for k, v in vars(module).items()
        if isinstance(v, type)
        and issubclass(v, BaseModel)
        and not issubclass(v, RootModel)
        and v.__module__ == name
    }


def _ours(out: Path, package: str) -> dict[str, type[BaseModel]]:
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    components = importlib.import_module(f"{package}.models.components")
    found = {}
    for name in components.__all__:
        value = getattr(components, name)
        if isinstance(value, type) and issubclass(value, BaseModel):
            found[name] = value
    return found


def _families(schema: dict[str, Any], defs: dict[str, Any], depth: int = 0) -> set[str]:
    if depth > 20:
        return {"any"}
    if "$ref" in schema:
        return _families(defs.get(schema["$ref"].rsplit("/", 1)[-1], {}), defs, depth + 1)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return set().union(*(_families(s, defs, depth + 1) for s in schema[key]))
    if "allOf" in schema and schema["allOf"]:
        return _families(schema["allOf"][0], defs, depth + 1)
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {"number" if k == "integer" else k for k in kinds}
    values = schema.get("enum", [schema["const"]] if "const" in schema else None)
    if values is not None:
        return {_json_type(v) for v in values}
    return {"any"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "any")


def _by_wire(model: type[BaseModel], wire: str) -> str:
    return next(n for n, f in model.model_fields.items() if (f.alias or n) == wire)


def _shape(model: type[BaseModel]) -> dict[str, tuple[bool, set[str]]]:
    schema = model.model_json_schema(by_alias=True)
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    return {
        wire: (wire in required, _families(prop, defs)) for wire, prop in schema.get("properties", {}).items()
    }


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_models_agree_with_datamodel_code_generator(
    case: tuple[str, Path, str], tmp_path: Path, golden_trees: Path
) -> None:
    case_name, spec, package = case
    out = ROOT / "generated" if case_name == "atoma" else golden_trees / case_name
    theirs, ours = _theirs(spec, tmp_path), _ours(out, package)
    common = sorted(set(theirs) & set(ours))
    assert common, "no class in common: naming drifted from the reference"
    problems = []
    for name in common:
        mine, ref = _shape(ours[name]), _shape(theirs[name])
        if set(mine) != set(ref):
            problems.append(f"{name}: fields {sorted(mine)} != {sorted(ref)}")
            continue
        for wire, (req, fam) in ref.items():
            my_req, my_fam = mine[wire]
            if (case_name, name, wire) in KNOWN:
                continue
            has_default = not ours[name].model_fields[_by_wire(ours[name], wire)].is_required()
            if req != my_req and not (req and has_default):
                problems.append(f"{name}.{wire}: required {my_req} != {req}")
            if "any" not in fam and "any" not in my_fam and fam - {"null"} != my_fam - {"null"}:
                problems.append(f"{name}.{wire}: types {sorted(my_fam)} != {sorted(fam)}")
    assert not problems, "\n".join(problems)
