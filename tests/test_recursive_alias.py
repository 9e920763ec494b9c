"""Recursive aliases (issue 11): a recursive JSON-value union stays recursive at every depth.

`JsonValue` (string, number, boolean, null, array or object of JsonValue) is a named
`TypeAliasType`, no longer cut to `Any` after one level; an alias in an import cycle with a
model (`Tree` <-> `Doc`) loads and validates from either side.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_support import CORPUS, generate
from tests.helpers import run_python

CHECK = """
import json
from pydantic import TypeAdapter, ValidationError
{first}
from ra_sdk.models.components import Doc, JsonValue, Tree

value = "leaf"
for i in range(150):
    value = [value, 1.5, None, True] if i % 2 else {{"k": value, "n": None}}
adapter = TypeAdapter(JsonValue)
assert adapter.validate_python(value) == value
assert adapter.validate_json(json.dumps(value)) == value
assert json.loads(adapter.dump_json(value)) == value
for bad in ({{"k": [object()]}}, [[{{1: 2}}]]):
    try:
        adapter.validate_python(bad)
    except ValidationError:
        pass
    else:
        raise AssertionError(f"accepted {{bad!r}}")
wire = {{"body": {{"a": [1.5, {{"b": None}}]}}, "tree": [[{{"body": None}}]]}}
doc = Doc.model_validate(wire)
assert type(doc.tree[0][0]) is Doc, type(doc.tree[0][0])
assert doc.model_dump(by_alias=True, exclude_unset=True) == wire  # explicit nulls kept
print("ok")
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ra")
    code, stderr, _ = generate(CORPUS / "recursive_alias.yaml", out, "ra_sdk")
    assert code == 0, stderr
    return out


def test_the_alias_is_named_and_recursive(out: Path) -> None:
    text = (out / "ra_sdk" / "models" / "components" / "jsonvalue.py").read_text(encoding="utf-8")
    value = '"str | float | bool | list[JsonValue] | dict[str, JsonValue] | None"'
    assert f'JsonValue = TypeAliasType(\n    "JsonValue", {value}\n)' in text
    assert "Any" not in text


@pytest.mark.parametrize(
    "first",
    ["", "from ra_sdk.models.components.tree import Tree as _", "import ra_sdk.models.components.doc"],
)
def test_arbitrarily_deep_json_validates_and_round_trips(out: Path, first: str) -> None:
    proc = run_python(CHECK.format(first=first), out)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-3000:]


def test_unions_of_nothing_but_themselves_are_any_with_a_note(tmp_path: Path) -> None:
    code, stderr, _ = generate(CORPUS / "recursive_alias.yaml", tmp_path, "ra_sdk")
    assert code == 0, stderr
    for name in ("Ouroboros", "PingA", "PingB"):
        assert f"/components/schemas/{name}: a union of nothing but itself" in stderr
        text = (tmp_path / "ra_sdk" / "models" / "components" / f"{name.lower()}.py").read_text(
            encoding="utf-8"
        )
        assert f"{name}: TypeAlias = Any" in text
    proc = run_python("import ra_sdk.models.components as m; print(m.Ouroboros, m.PingA)", tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
