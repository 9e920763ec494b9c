"""A differential check on real payloads (issue 11): every example of every component schema.

For each corpus spec (tests/corpus, and the real specs in ../shared/specs), each `example` /
`examples` entry of a component schema is parsed from JSON by that schema's generated class
and must come back as the same JSON; a union member's own examples, parsed through each
union that lists it, must choose that member. Examples that fail their own schema (the
generator's value check says so, and notes them) are the spec's problem and are counted,
not parsed. One interpreter per spec tree (tests/batch.py); the corpus trees are the
session's (tests/conftest.py), so no spec is generated twice for this.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import values
from generator.build import build_api
from generator.config import Settings
from generator.ir import Alias, Api, Model, Named, TypeRef, named_ref
from generator.load import load_spec
from tests.batch import run_batch
from tests.corpus_support import Outcome
from tests.shared_sdks import SPECS, shared_sdk_tree

pytestmark = pytest.mark.xdist_group("corpus")

PROBE = r"""
import datetime, json
from pydantic import TypeAdapter
from {package}.models import components

def instant(text):
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None

def same(a, b):
    # JSON equality: 1 and 1.0 are one number, but true is not 1. A date-time may come back
    # spelled differently (pydantic prints fractions to the microsecond): the same instant.
    if isinstance(a, str) and isinstance(b, str) and a != b and "T" in a:
        return instant(a) is not None and instant(a) == instant(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b

failures = []
for name, value, expected in json.loads({cases!r}):
    adapter = TypeAdapter(getattr(components, name))
    try:
        parsed = adapter.validate_json(json.dumps(value))
    except Exception as exc:
        failures.append(f"{{name}}: rejects {{json.dumps(value)[:300]}}: {{str(exc)[:600]}}")
        continue
    if expected and type(parsed).__name__ != expected:
        failures.append(f"{{name}}: {{expected}}'s example parses as {{type(parsed).__name__}}")
    back = json.loads(adapter.dump_json(parsed, by_alias=True))
    if not same(back, value):
        failures.append(f"{{name}}: {{json.dumps(value)[:300]}} dumps as {{json.dumps(back)[:300]}}")
print(json.dumps(failures))
"""


def schema_examples(api: Api, spec_root: Any, named: Named) -> list[Any]:
    """The `example` and `examples` of a component schema, as the spec writes them."""
    node = spec_root
    for token in named.loc.pointer.split("/")[1:]:
        node = node.get(token.replace("~1", "/").replace("~0", "~")) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        return []
    found = [node["example"]] if "example" in node else []
    if isinstance(node.get("examples"), list):
        found += node["examples"]
    return found


def cases(spec: Path, package: str) -> tuple[list[tuple[str, Any, str]], int]:
    """(class, example, the class it must parse as or ""), and how many examples fail their schema."""
    loaded = load_spec(spec)
    api = build_api(loaded, Settings(spec=spec, package=package))
    components = [
        n for n in api.by_name.values() if n.module == "components" and n.loc.file == loaded.main_file
    ]
    components = [n for n in components if n.loc.pointer.startswith("/components/schemas/")]
    out: list[tuple[str, Any, str]] = []
    invalid = 0
    unions = [a for a in api.aliases if a.target.kind == "union" and a.module == "components"]
    for named in sorted(components, key=lambda n: n.name):
        for example in schema_examples(api, loaded.root, named):
            if not values.fits(api, example, named_ref(named)):
                invalid += 1
                continue
            out.append((named.name, example, "" if isinstance(named, Alias) else named.name))
            if isinstance(named, Model):
                out += [(u.name, example, named.name) for u in unions if _member(u.target, named.name)]
    return out, invalid


def _member(union: TypeRef, name: str) -> bool:
    return any(a.kind == "model" and a.name == name for a in union.args)


@pytest.fixture(scope="module")
def shared_trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """The real specs generated once per session (tests/shared_sdks.py): name -> (spec, output
    folder, package)."""
    return {name: shared_sdk_tree(name, tmp_path_factory) for name in SPECS}


def test_every_component_example_parses_as_its_class_and_round_trips(
    corpus: dict[str, Outcome], shared_trees: dict[str, tuple[Path, Path, str]], tmp_path: Path
) -> None:
    trees = {n: (o.case.spec, o.out, o.case.package) for n, o in corpus.items() if o.code == 0}
    trees.update(shared_trees)
    scripts, paths, counts = [], [], {}
    for name, (spec, out, package) in sorted(trees.items()):
        found, invalid = cases(spec, package)
        counts[name] = (len(found), invalid)
        if found:
            scripts.append((name, PROBE.format(package=package, cases=json.dumps(found))))
            paths.append(out)
    results = run_batch(scripts, tmp_path / "batch", paths, timeout=600)
    failures = {}
    for name, result in results.items():
        lines = result.stdout.strip().splitlines()
        problems = json.loads(lines[-1]) if not result.error and lines else [result.error[-2000:]]
        if problems:
            failures[name] = problems
    checked = sum(n for n, _ in counts.values())
    assert checked >= 60, counts
    assert not failures, json.dumps(failures, indent=1)[:20000]
