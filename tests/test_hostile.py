"""Issue 5 item 3: hostile spec content is data. It compiles, imports without side effects,
round-trips byte for byte, cannot steer file paths, and cannot exhaust time or memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus_support import compile_all, generate, import_all, run_cli, tree
from tests.helpers import assert_clean_error

# Each string tries to end a literal early, start an escape, or inject code or a template.
HOSTILE = [
    '"""',
    "'''",
    "ends with a backslash \\",
    "\\",
    "\\N{",
    "\\N{BULLET}",
    "\\x41\\u0041",
    "nul \x00 byte",
    "carriage\rreturn",
    "crlf\r\nline",
    "line\u2028separator",
    "para\u2029sep",
    "next\x85line",
    "{{ header }}",
    "{% for x in y %}{% endfor %}",
    "{#",
    "\"); import os; os.system('touch PWNED'); print(\"",
    "'; open('PWNED', 'w'); '",
    '"""; open("PWNED", "w"); """',
    "\t\ttabs\t",
    "# comment",
    "\x1b[31mred\x1b[0m",
    "trailing space ",
    "\ufeffbom",
    "emoji 😀",
    "\udbff" if False else "surrogate-free",
    "${{ github.token }}",
    "</script><script>alert(1)</script>",
    "\x7f del",
    "a\nb\n",
]
# Descriptions lose outer whitespace (they become docstrings); values must survive exactly.
DOC_SAFE = [h for h in HOSTILE if h == h.strip() and "\n" not in h and "\r" not in h]


def hostile_spec() -> dict[str, object]:
    """A spec carrying the hostile strings in every place spec text reaches the output."""
    props: dict[str, object] = {}
    for i, text in enumerate(HOSTILE):
        props[text] = {
            "type": "string",
            "description": text,
            "title": text,
            "default": text,
            "pattern": text,
            "example": text,
        }
        props[f"p{i}"] = {"type": "string", "default": text, "description": text}
    return {
        "openapi": "3.1.0",
        "info": {"title": '""" {{ title }} \\', "version": "1\"'\\", "description": HOSTILE[0]},
        "servers": [{"url": "https://example.com/\"'\\"}],
        "tags": [{"name": text, "description": text} for text in HOSTILE[:6]],
        "paths": {
            "/items/{id}": {
                "post": {
                    "operationId": '"); import os #',
                    "tags": [HOSTILE[0]],
                    "summary": HOSTILE[2],
                    "description": HOSTILE[16],
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": HOSTILE[4],
                        },
                        {
                            "name": HOSTILE[1],
                            "in": "query",
                            "schema": {"type": "string", "default": HOSTILE[3]},
                        },
                    ],
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hostile"}}}
                    },
                    "responses": {
                        "200": {
                            "description": HOSTILE[13],
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Hostile"}}
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Hostile": {
                    "type": "object",
                    "description": "\n".join(DOC_SAFE),
                    "properties": props,
                    "example": {"a": HOSTILE},
                },
                "HostileEnum": {"type": "string", "enum": HOSTILE, "description": HOSTILE[0]},
                "HostileMixed": {"enum": [*HOSTILE[:5], 1, True, None]},
                "HostileConst": {
                    "type": "object",
                    "properties": {"c": {"const": HOSTILE[16]}, "d": {"const": HOSTILE[0]}},
                },
            }
        },
    }


ROUNDTRIP = r"""
import json, sys, os
from pydantic import BaseModel
import pkg
from pkg.models.components import Hostile, HostileEnum, HostileConst
expect = json.loads(sys.stdin.read())
out = {}
out["enum"] = [m.value for m in HostileEnum]
out["defaults"] = {f.alias or n: f.default for n, f in Hostile.model_fields.items()}
payload = {k: "v" for k in expect["keys"]}
out["dump_keys"] = sorted(Hostile.model_validate(payload).model_dump(by_alias=True))
m = Hostile.model_validate({k: k for k in expect["keys"]})
out["values"] = m.model_dump(by_alias=True)
out["docs"] = {f.alias or n: f.description for n, f in Hostile.model_fields.items()}
import inspect
out["class_doc"] = inspect.getdoc(Hostile)
out["const"] = HostileConst.model_validate({"c": expect["c"], "d": expect["d"]}).model_dump()
out["unknown_enum"] = HostileEnum("never seen \x00 \\").value
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "spec.json"
    spec.write_text(json.dumps(hostile_spec()), encoding="utf-8")
    code, stderr, _ = generate(spec, root / "out", "pkg")
    assert code == 0, stderr
    return root / "out"


def test_hostile_output_compiles_and_imports_without_side_effects(hostile_out: Path) -> None:
    assert compile_all(hostile_out) == []
    proc = import_all(hostile_out, "pkg")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.strip().endswith("0 failed"), proc.stdout
    assert not list(hostile_out.rglob("PWNED")) and not (hostile_out / "PWNED").exists()


def test_hostile_values_round_trip_byte_for_byte(hostile_out: Path) -> None:
    keys = list(dict.fromkeys(HOSTILE))
    expect = {"keys": keys, "c": HOSTILE[16], "d": HOSTILE[0]}
    env = dict(os.environ, PYTHONPATH=str(hostile_out))
    proc = subprocess.run(
        [sys.executable, "-c", ROUNDTRIP],
        input=json.dumps(expect),
        capture_output=True,
        text=True,
        env=env,
        cwd=hostile_out,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["enum"] == list(dict.fromkeys(HOSTILE))
    for i, text in enumerate(HOSTILE):
        assert got["defaults"][text] == text
        assert got["defaults"][f"p{i}"] == text
    assert set(keys) <= set(got["dump_keys"])
    for key in keys:
        assert got["values"][key] == key
    for text in DOC_SAFE:
        assert got["docs"][text] == text
    assert got["class_doc"] == "\n".join(DOC_SAFE)
    assert got["const"] == {"c": HOSTILE[16], "d": HOSTILE[0]}
    assert got["unknown_enum"] == "never seen \x00 \\"


HOSTILE_NAMES = [
    "../../escape",
    "..",
    ".",
    "/etc/passwd",
    "..\\..\\win",
    "_base",
    "__init__",
    "_streaming",
    "_http",
    "errors",
    "sdk",
    "py.typed",
    "CON",
    "nul",
    "aux",
    "a/b",
    "~",
    "$HOME",
    "__pycache__",
    "models",
    "components",
    "operations",
    "Base",
    "BASE",
    "base",
    "Ba_se",
    "ba-se",
    "ＦＵＬＬ",
    "İstanbul",
    "ß",
    "SS",
    "ss",
    "x" * 300,
    "Ⅻ",
    "ﬁ",
    "ǅ",
]


def test_names_cannot_escape_out_or_collide(tmp_path: Path) -> None:
    schemas = {n: {"type": "object", "properties": {"v": {"type": "string"}}} for n in HOSTILE_NAMES}
    paths = {}
    for i, name in enumerate(HOSTILE_NAMES):
        paths[f"/p{i}"] = {
            "get": {
                "operationId": name,
                "tags": [name],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "$ref": "#/components/schemas/"
                                    + name.replace("~", "~0").replace("/", "~1")
                                }
                            }
                        },
                    }
                },
            }
        }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "names", "version": "1"},
        "paths": paths,
        "tags": [{"name": n} for n in HOSTILE_NAMES],
        "components": {"schemas": schemas},
    }
    (tmp_path / "spec").mkdir()
    spec_path = tmp_path / "spec" / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    code, stderr, _ = generate(spec_path, out, "pkg")
    assert code == 0, stderr
    every = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    outside = [p for p in every if not p.is_relative_to(out) and p != spec_path]
    assert outside == []
    files = list(tree(out))
    assert len({f.lower() for f in files}) == len(files), "case-insensitive collision"
    assert all(len(part.encode()) <= 255 for f in files for part in f.split("/"))
    # The runtime modules are the templates' own, whatever the spec calls its schemas.
    benign = tmp_path / "benign"
    (tmp_path / "b").mkdir()
    b_spec = tmp_path / "b" / "spec.json"
    b_spec.write_text(
        json.dumps(
            {
                **spec,
                "components": {"schemas": {"X": {"type": "object"}}},
                "paths": {"/x": paths["/p0"]} | {},
                "tags": [],
            }
        )
    )
    spec_b = json.loads(b_spec.read_text())
    spec_b["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/X"
    }
    b_spec.write_text(json.dumps(spec_b))
    assert generate(b_spec, benign, "pkg")[0] == 0
    for runtime in (Path(__file__).resolve().parent.parent / "templates" / "python" / "runtime").glob("*.py"):
        rel = f"pkg/{runtime.name}"
        assert (out / rel).read_bytes() == (benign / rel).read_bytes(), rel
    assert compile_all(out) == []
    proc = import_all(out, "pkg")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _run_bounded(
    tmp_path: Path, name: str, text: str, timeout: float = 90, error: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Generate in a subprocess (time-bounded); output that compiles, or one clean error line.

    With `error`, only the clean error (exit 2, one line holding those fragments) passes.
    """
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    proc = run_cli(
        "generate",
        str(spec),
        "--out",
        str(tmp_path / "out"),
        "--package",
        "pkg",
        cwd=tmp_path,
        timeout=timeout,
    )
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr, proc.stderr
    if proc.returncode == 0 and error is None:
        assert compile_all(tmp_path / "out") == []
    else:
        assert_clean_error(proc.returncode, proc.stderr, *(error or []))
        assert not (tmp_path / "out").exists()
    return proc


HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"


def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["example", "default", "x-ext", "enum", "properties"])
def test_yaml_alias_bomb_is_bounded(tmp_path: Path, where: str) -> None:
    bomb = "x-bombs:\n" + "".join("  " + ln + "\n" for ln in _bomb().splitlines())
    if where == "properties":
        body = "p0: &p0 {type: object, properties: {a: {type: string}}}\n" + "".join(
            f"p{i}: &p{i} {{type: object, properties: {{"
            + ", ".join(f"k{j}: *p{i - 1}" for j in range(9))
            + "}}\n"
            for i in range(1, 10)
        )
        bomb = "x-bombs:\n" + "".join("  " + ln + "\n" for ln in body.splitlines())
        schema = "*p9"
    elif where == "x-ext":
        schema = "{type: string, x-data: *a9}"
    elif where == "enum":
        schema = "{type: string, enum: *a9}"
    else:
        schema = f"{{type: array, {where}: *a9}}"
    text = HEAD + bomb + f"paths: {{}}\ncomponents:\n  schemas:\n    Bomb: {schema}\n"
    _run_bounded(tmp_path, "bomb.yaml", text, timeout=60)


def test_recursive_yaml_alias_is_a_clean_error(tmp_path: Path) -> None:
    text = (
        HEAD + "paths: {}\ncomponents:\n  schemas:\n    Loop: &loop {type: object, "
        "properties: {self: *loop}, example: &ex [*ex]}\n"
    )
    _run_bounded(tmp_path, "loop.yaml", text, timeout=60, error=["loop.yaml#", "recursive YAML alias"])


@pytest.mark.parametrize("shape", ["properties", "items", "allOf", "oneOf", "additional", "json"])
def test_200_deep_nesting_is_bounded(tmp_path: Path, shape: str) -> None:
    node: dict[str, object] = {"type": "string"}
    for i in range(200):
        if shape == "properties":
            node = {"type": "object", "properties": {f"level{i}": node}}
        elif shape == "items":
            node = {"type": "array", "items": node}
        elif shape == "allOf":
            node = {"allOf": [node, {"type": "object", "properties": {f"f{i}": {"type": "integer"}}}]}
        elif shape == "oneOf":
            node = {"oneOf": [node, {"type": "integer"}]}
        elif shape == "additional":
            node = {"type": "object", "additionalProperties": node}
        else:
            node = {"type": "object", "example": {"x": [node]}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "deep", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Deep": node}},
    }
    proc = _run_bounded(tmp_path, "deep.json", json.dumps(spec), timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_extreme_nesting_is_a_clean_error(tmp_path: Path) -> None:
    text = (
        '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    _run_bounded(tmp_path, "deeper.json", text, timeout=60, error=["deeper.json#", "nesting"])
    yaml_text = HEAD + "x: " + "[" * 100_000 + "]" * 100_000 + "\n"
    _run_bounded(tmp_path, "deeper.yaml", yaml_text, timeout=60, error=["deeper.yaml#", "nesting"])


def test_5mb_description_is_bounded(tmp_path: Path) -> None:
    big = ('"""\\ {{ x }} \u2028' * 400_000)[: 5 * 1024 * 1024]
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "big", "version": "1", "description": big},
        "paths": {},
        "components": {
            "schemas": {
                "Big": {
                    "type": "object",
                    "description": big,
                    "properties": {"x": {"type": "string", "description": big}},
                }
            }
        },
    }
    proc = _run_bounded(tmp_path, "big.json", json.dumps(spec), timeout=120)
    if proc.returncode == 0:
        assert import_all(tmp_path / "out", "pkg").returncode == 0
