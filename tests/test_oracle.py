"""Differential test against datamodel-code-generator, our reference for schema -> model.

For every golden spec (and the embedded spec) we run `datamodel-codegen`; every object
model it derives must have a counterpart among ours (or sit in `NO_COUNTERPART` with the
reason), and each pair must carry the same wire fields, the same required set and
compatible JSON types.

Counterparts are found in three passes: the same class name with the same wire fields; then
classes reached through the same field (or union alias) of a pair already found, which is how
inline schemas meet (theirs are numbered, `Kind1`; ours are parent + property, `HolderKind`);
then the one class of ours with the same wire fields (schema keys that the two tools spell
differently, e.g. `weird-name.v2` and `123start`). A same-named class left over is paired
anyway, so its differences are reported rather than hidden.

Deliberate differences (not asserted):
- Extra keys: we keep unknown properties (`extra="allow"`) so a newer server's payload
  round-trips; datamodel-codegen ignores them by default.
- Enums: ours are open by default (unknown values kept); theirs reject unknown values.
- A required property with a spec `default` keeps that default in our class, so callers
  need not repeat it (e.g. `stream: Literal[True] = True`); it is still always sent.
- Field names: theirs rename `class` to `class_` too, but differ for some punctuation; we
  compare wire names (aliases), which is what the API sees.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, RootModel

from tests.helpers import GOLDEN, ROOT, golden_cases

# Places where the reference is wrong and we deliberately differ, with the reason.
KNOWN = {
    ("enums", "Holder", "mixed"): "datamodel-codegen drops `true` from `enum: [1, one, true]` "
    "(a Python Enum treats 1 == True); we keep all three JSON values",
}
# Object models of theirs that need no counterpart of ours, (case, their class) -> why.
NO_COUNTERPART: dict[tuple[str, str], str] = {}

CASES = [(c, GOLDEN / c / "spec.yaml", f"{c}_sdk") for c in golden_cases()]
CASES.append(("atoma", ROOT / "spec" / "openapi.yaml", "atoma_sdk"))


def _codegen(spec: Path, output: Path) -> None:
    """datamodel-codegen through its Python API (what its command line calls): the import is
    paid once per session, not once per case."""
    from datamodel_code_generator import DataModelType, Formatter, InputFileType, generate  # noqa: PLC0415

    generate(
        spec,
        input_file_type=InputFileType.OpenAPI,
        output=output,
        output_model_type=DataModelType.PydanticV2BaseModel,
        disable_timestamp=True,
        formatters=[Formatter.RUFF_FORMAT],
    )


def _theirs(case: str, spec: Path, tmp: Path) -> dict[str, type[BaseModel]]:
    """Every class datamodel-codegen derives from the spec (a module, or a package of modules
    when a schema key is dotted), by its dotted name below the package."""
    package = f"oracle_{case}"
    folder = tmp / package
    folder.mkdir()
    try:
        _codegen(spec, folder / "__init__.py")
    except Exception as exc:  # a dotted schema key: modules, so a folder to write them into
        if "output directory" not in str(exc):
            raise
        _codegen(spec, folder)
    sys.path.insert(0, str(tmp))
    try:
        root = importlib.import_module(package)
        modules = [root] + [
            importlib.import_module(m.name) for m in pkgutil.walk_packages(root.__path__, package + ".")
        ]
    finally:
        sys.path.remove(str(tmp))
    found = {}
    for module in modules:
        prefix = module.__name__.removeprefix(package).lstrip(".")
        for name, value in vars(module).items():
            ours = isinstance(value, type) and value.__module__ == module.__name__
            if ours and issubclass(value, BaseModel):
                found[f"{prefix}.{name}" if prefix else name] = value
    return found


def _ours(out: Path, package: str) -> dict[str, Any]:
    """Every export of `<package>.models.components` (classes and type aliases)."""
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    components = importlib.import_module(f"{package}.models.components")
    return {name: getattr(components, name) for name in components.__all__}


def _is_object(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel) and not issubclass(value, RootModel)


def _objects_in(annotation: Any, seen: set[int] | None = None) -> list[type[BaseModel]]:
    """The object models an annotation reaches, through unions, containers and root models."""
    seen = set() if seen is None else seen
    if id(annotation) in seen:
        return []
    seen.add(id(annotation))
    if _is_object(annotation):
        return [annotation]
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _objects_in(annotation.model_fields["root"].annotation, seen)
    if typing.get_origin(annotation) is typing.Literal:
        return []
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):  # unions, containers, Annotated (metadata has no args)
        found += [m for m in _objects_in(arg, seen) if m not in found]
    return found


def _wire_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(f.alias or n for n, f in model.model_fields.items())


def _field_annotation(model: type[BaseModel], wire: str) -> Any:
    return next(f.annotation for n, f in model.model_fields.items() if (f.alias or n) == wire)


def _counterparts(theirs: dict[str, type[BaseModel]], ours: dict[str, Any]) -> dict[str, type[BaseModel]]:
    """Their object class name -> our class, found in the passes the module docstring lists."""
    their_objects = {n: c for n, c in theirs.items() if _is_object(c)}
    our_objects = {n: c for n, c in ours.items() if _is_object(c)}
    pairs: dict[str, type[BaseModel]] = {}
    taken: set[type[BaseModel]] = set()
    names = {c: n for n, c in their_objects.items()}

    def pair(name: str, mine: type[BaseModel]) -> None:
        pairs[name] = mine
        taken.add(mine)

    for name, cls in their_objects.items():
        mine = our_objects.get(name)
        if mine is not None and _wire_fields(mine) == _wire_fields(cls):
            pair(name, mine)
    # Through fields and aliases: pairs found so far, plus union aliases of the same name.
    roots = [(theirs[n], ours[n]) for n in theirs if n in ours and not _is_object(theirs[n])]
    work: list[tuple[Any, Any]] = [(their_objects[n], m) for n, m in pairs.items()] + roots
    while work:
        their_side, our_side = work.pop()
        if _is_object(their_side) and _is_object(our_side):
            shared = _wire_fields(their_side) & _wire_fields(our_side)
            slots = [
                (_field_annotation(their_side, w), _field_annotation(our_side, w)) for w in sorted(shared)
            ]
        else:
            slots = [(their_side, our_side)]
        for their_ann, our_ann in slots:
            left = [c for c in _objects_in(their_ann) if c in names and names[c] not in pairs]
            right = [c for c in _objects_in(our_ann) if c not in taken]
            for cls in left:
                same = [m for m in right if _wire_fields(m) == _wire_fields(cls)]
                match = same if len(same) == 1 else (right if len(left) == len(right) == 1 else [])
                if len(match) == 1:
                    pair(names[cls], match[0])
                    right.remove(match[0])
                    work.append((cls, match[0]))
    for name, cls in their_objects.items():
        if name in pairs:
            continue
        same = [m for m in our_objects.values() if m not in taken and _wire_fields(m) == _wire_fields(cls)]
        if len(same) == 1:
            pair(name, same[0])
        elif name.rsplit(".", 1)[-1] in our_objects:
            pair(name, our_objects[name.rsplit(".", 1)[-1]])
    return pairs


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
    theirs, ours = _theirs(case_name, spec, tmp_path), _ours(out, package)
    objects = sorted(n for n, c in theirs.items() if _is_object(c))
    assert objects, "datamodel-codegen derived no object model"
    pairs = _counterparts(theirs, ours)
    problems = [
        f"{name}: no counterpart among ours ({sorted(_wire_fields(theirs[name]))})"
        for name in objects
        if name not in pairs and (case_name, name) not in NO_COUNTERPART
    ]
    problems += [
        f"{name}: listed in NO_COUNTERPART but ours has one"
        for c, name in NO_COUNTERPART
        if c == case_name and name in pairs
    ]
    for name in sorted(pairs):
        mine_cls, ref_cls = pairs[name], theirs[name]
        mine, ref = _shape(mine_cls), _shape(ref_cls)
        if set(mine) != set(ref):
            problems.append(f"{name} ~ {mine_cls.__name__}: fields {sorted(mine)} != {sorted(ref)}")
            continue
        for wire, (req, fam) in ref.items():
            my_req, my_fam = mine[wire]
            if (case_name, mine_cls.__name__, wire) in KNOWN:
                continue
            has_default = not mine_cls.model_fields[_by_wire(mine_cls, wire)].is_required()
            if req != my_req and not (req and has_default):
                problems.append(f"{name} ~ {mine_cls.__name__}.{wire}: required {my_req} != {req}")
            if "any" not in fam and "any" not in my_fam and fam - {"null"} != my_fam - {"null"}:
                problems.append(
                    f"{name} ~ {mine_cls.__name__}.{wire}: types {sorted(my_fam)} != {sorted(fam)}"
                )
    assert not problems, "\n".join(problems)
