"""Docs code blocks are laid out by ruff: broken brackets keep one item a line, the result is
what ruff itself leaves alone, and every block compiles."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.config import Settings, load_settings
from generator.targets.python.layout import keep_broken
from generator.targets.python.ruff import RUFF_CONFIG, FormatJob, ruff_binary
from tests.helpers import ROOT, render_spec

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)

KEEP_BROKEN = [
    # ruff set the arguments on one indented line: the comma makes the next pass list them
    ("f(\n    a=1, b=2\n)\n", "f(\n    a=1, b=2,\n)\n"),
    # a lone broken item gets its comma too, at every level
    (
        "x = A(\n    b=[\n        C(\n            d=1, e=2\n        )\n    ]\n)\n",
        "x = A(\n    b=[\n        C(\n            d=1, e=2,\n        ),\n    ],\n)\n",
    ),
    ('d = {\n    "k": 1\n}\n', 'd = {\n    "k": 1,\n}\n'),
    ("f(\n    a,\n    b,\n)\n", "f(\n    a,\n    b,\n)\n"),
    # parentheses ruff put around an expression, and subscripts, would turn into tuples
    ("res = (\n    await sdk.a.b()\n)\n", "res = (\n    await sdk.a.b()\n)\n"),
    ('v = table[\n    "key"\n]\n', 'v = table[\n    "key"\n]\n'),
    ("with (\n    A() as a\n):\n    pass\n", "with (\n    A() as a\n):\n    pass\n"),
    ("(\n    a\n)\n", "(\n    a\n)\n"),
    # a list right after `=`, `(` or `[` is a list, not a subscript
    ("f(x=[\n    1, 2\n])\n", "f(x=[\n    1, 2,\n])\n"),
    ("nothing(to, do)\n", "nothing(to, do)\n"),
]


@pytest.mark.parametrize("text,expected", KEEP_BROKEN, ids=[str(i) for i in range(len(KEEP_BROKEN))])
def test_keep_broken(text: str, expected: str) -> None:
    assert keep_broken(text) == expected


def _blocks(files: dict[str, str]) -> list[str]:
    return [m.group(1) for path, text in files.items() if path.endswith(".md") for m in BLOCK.finditer(text)]


def _ruff_leaves_alone(blocks: list[str], tmp_path: Path) -> None:
    for i, code in enumerate(blocks):
        compile(code, f"block{i}", "exec")
        (tmp_path / f"b{i}.py").write_text(code, encoding="utf-8")
    cmd = [ruff_binary(), "format", "--check", "--no-cache", "--isolated", *RUFF_CONFIG, "."]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_spec_blocks_are_ruff_formatted_and_compile(tmp_path: Path) -> None:
    blocks = _blocks(render_spec(load_settings(ROOT)))
    assert len(blocks) > 40
    _ruff_leaves_alone(blocks, tmp_path)


SPEC = """
openapi: 3.1.0
info: {title: T, version: '1'}
servers: [{url: 'https://example.com'}]
security: [{firstVeryLongSchemeName: []}, {secondVeryLongSchemeName: []}]
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, tags]
              properties:
                name: {type: string, example: a fairly long name for the thing}
                tags: {type: array, items: {type: string}, example: [first, second, third]}
      responses:
        '200': {description: OK}
components:
  securitySchemes:
    firstVeryLongSchemeName: {type: http, scheme: bearer}
    secondVeryLongSchemeName: {type: apiKey, in: header, name: X-Key}
"""


def test_untagged_call_and_long_lines(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    files = render_spec(Settings(spec=spec, out=tmp_path / "out", package="t_sdk", sdk_class="Client"))
    usage = _blocks({"p.md": files["docs/sdks/_root/README.md"]})[0]
    # untagged operations are methods of the client itself
    assert "sdk.create_thing(" in usage and "sdk..create_thing" not in usage
    # the constructor line is too long for one line: ruff breaks it, one keyword a line
    assert "with Client(\n    first_very_long_scheme_name=os.getenv(" in usage
    assert all(len(line) <= 88 for line in usage.splitlines())
    _ruff_leaves_alone(_blocks(files), tmp_path)


def test_scratch_files_are_formatted_with_the_last_batch_but_stay_out_of_the_map() -> None:
    files = {"p/__init__.py": "x  =  1\n", "README.md": "not python"}
    job = FormatJob(files, "p")
    try:
        scratch = job.finish(
            files, {"sdkgen-docs/b0.py": "import asyncio\nimport os\n\nfrom p import A\n\ny  =  2\n"}
        )
        assert job.format({}) == {}
        again = job.format({"sdkgen-docs/b1.py": "f(\n    a, b,\n)\n"})
    finally:
        job.close()
    assert files == {"p/__init__.py": "x = 1\n", "README.md": "not python"}
    # formatted, not import-sorted: the docs print their imports in isort's order, which
    # tests/test_settled.py checks over every block the tests render
    assert scratch == {"sdkgen-docs/b0.py": "import asyncio\nimport os\n\nfrom p import A\n\ny = 2\n"}
    assert again == {"sdkgen-docs/b1.py": "f(\n    a,\n    b,\n)\n"}
