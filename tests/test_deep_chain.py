"""Any depth imports (issue 11): model modules load one at a time, however long their chain.

A 200-deep chain of inline schemas imports (in any order), validates and dumps back, and a
150-model import cycle imports from any member; nested imports, one per link, would overflow the stack.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.deep_chain import chain_spec
from tests.corpus_support import generate
from tests.helpers import run_python

DEPTH = 200
CYCLE = 150


def _cycle_spec() -> str:
    schemas = {
        f"Link{i}": {
            "type": "object",
            "properties": {
                "n": {"type": "integer"},
                "next": {"$ref": f"#/components/schemas/Link{(i + 1) % CYCLE}"},
            },
        }
        for i in range(CYCLE)
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "c", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    return json.dumps(spec)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("deep")
    for name, text in (("chain", chain_spec(DEPTH)), ("cycle", _cycle_spec())):
        spec = tmp / f"{name}.json"
        spec.write_text(text, encoding="utf-8")
        code, stderr, _ = generate(spec, tmp / name, f"{name}_sdk")
        assert code == 0, stderr
    return tmp


CHAIN_CHECK = """
import json, sys
{first}
from chain_sdk.models.components.root import Root
payload = {{"leaf": "x"}}
for i in range({depth}):
    payload = {{"v": i, "next": payload}}
root = Root.model_validate(payload)
node = root
for _ in range({depth}):
    node = node.next
assert node.leaf == "x" and type(node).__name__.endswith("Next"), type(node)
assert root.model_dump(exclude_unset=True) == payload
assert json.loads(root.model_dump_json(exclude_unset=True)) == payload
print("ok")
"""


@pytest.mark.parametrize("first", ["top", "middle"])
def test_a_200_deep_chain_imports_validates_and_dumps(out: Path, first: str) -> None:
    # Importing the model halfway down first: the rest of the chain still loads flat.
    pre = "" if first == "top" else f"from chain_sdk.models.components import Root{'Next' * (DEPTH // 2)}"
    proc = run_python(CHAIN_CHECK.format(first=pre, depth=DEPTH), out / "chain")
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-3000:]


def test_a_150_model_import_cycle_imports_from_any_member(out: Path) -> None:
    # Imports only: pydantic builds one cycle's models as one recursive schema, which at this
    # size exceeds its own recursion (tests/test_recursion_runtime.py validates small cycles).
    code = (
        "import sys\n"
        "from cycle_sdk.models.components.link30 import Link30\n"
        "from cycle_sdk.models.components import Link0\n"
        "loaded = [m for m in sys.modules if m.startswith('cycle_sdk.models.components.link')]\n"
        f"assert len(loaded) == {CYCLE}, len(loaded)\n"
        "assert Link30.__module__.endswith('link30') and Link0.__name__ == 'Link0'\n"
        "print('ok')\n"
    )
    proc = run_python(code, out / "cycle")
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr[-3000:]
