"""Model modules and docs code blocks printed as ruff leaves them skip ruff (`settled.py`): the
layouts are ruff's own at every length around the limit, the test sends whatever ruff would
change to ruff, and every generated model module and docs block is what ruff leaves."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.targets.python.ruff import RUFF_CONFIG, ruff_binary
from generator.targets.python.settled import (
    LINE_LENGTH,
    bind_models_source,
    call_statement,
    class_source,
    from_import,
    frozenset_source,
    import_block,
    settled,
    sorted_members,
)
from generator.targets.templating import Env
from tests.corpus_support import Outcome
from tests.helpers import GOLDEN, golden_cases, golden_settings, render_spec

# The corpus trees are built once per session on the corpus group's worker.
pytestmark = pytest.mark.xdist_group("corpus")

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
CONFIG = [*RUFF_CONFIG, "--config", "lint.isort.known-first-party = ['pkg']"]


def _unchanged_by_ruff(folder: Path) -> tuple[str, str]:
    """What ruff would change in the Python files under `folder`: (format, isort) reports."""
    fmt = [ruff_binary(), "format", "--check", "--no-cache", "--isolated", *CONFIG, "."]
    isort = [ruff_binary(), "check", "--no-cache", "--isolated", *CONFIG, "--select", "I", "."]
    out = []
    for cmd in (fmt, isort):
        proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
        out.append("" if proc.returncode == 0 else proc.stdout + proc.stderr)
    return out[0], out[1]


def _module(body: str) -> str:
    return f"# generated\nfrom __future__ import annotations\n\n{body}"


def _layouts() -> list[str]:
    """Modules using every layout of `settled.py`, at lengths on both sides of the limit."""
    texts = []
    for width in range(LINE_LENGTH - 6, LINE_LENGTH + 6):
        for count in (1, 2, 5):
            # the whole line, then the set on a line of its own at indent 8, about `width` wide
            for total in (width - 60 - 4 * count, width - 8 - 4 * count):
                names = [f"n{i}" + "x" * max(1, total // count - 2) for i in range(count)]
                for attribute in ("__sdk_optional__", "__sdk_drop_none__"):
                    line = frozenset_source(f"{attribute}: ClassVar[frozenset[str]]", names)
                    texts.append(_module(f"from typing import ClassVar\n\n\nclass A:\n    {line}\n"))
            lone = "N" + "x" * (width - 30)
            texts.append(_module(f"{from_import('.m' + 'y' * (width - 40), [lone])}\n"))
            deferred = [(f".mod{'z' * (width // 3)}{i}", f"Cls{i}{'w' * (width // 4)}") for i in range(count)]
            for chain in (False, True):
                call = bind_models_source(deferred, chain)
                texts.append(_module(f"from ._base import bind_models\n\n\nclass A:\n    pass\n\n\n{call}\n"))
            base = class_source("C" + "q" * (width - 12), "StrEnum")
            texts.append(_module(f'from enum import StrEnum\n\n\n{base}\n    A = "a"\n'))
            for alias in (
                "z" * 10,
                "z" * (width - 40),
                "z" * (width - 30),
            ):  # arguments on a line, or one a line
                line = f'f{"y" * (width - 50)}: int | None = Field(default=None, alias="{alias}")'
                field = call_statement(line, indent=4)
                texts.append(_module(f"from pydantic import Field\n\n\nclass A:\n    {field}\n"))
            deep = from_import(".deep" + "p" * width, [f"Name{width}"], indent=4)
            texts.append(_module(f"from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    {deep}\n"))
    members = ["item10", "Item2", "Item10", "TYPE_CHECKING", "Any", "ClassVar", "ABC", "A", "a2", "a10"]
    members += ["UUID", "C2", "C10"]
    block = import_block(
        [
            ["from __future__ import annotations"],
            ["import datetime", "import uuid", from_import("typing", members[:7])],
            [from_import("pydantic", ["Field", "ConfigDict"])],
            [
                from_import("..._base", ["SdkModel", "bind_models"]),
                from_import(".a10", sorted_members(members)),
                from_import(".zz", ["Z"]),
            ],
        ]
    )
    texts.append(f"# generated\n{block}\n")
    return texts


def test_layouts_are_ruffs_at_every_length(tmp_path: Path) -> None:
    texts = _layouts()
    folder = tmp_path / "pkg" / "models" / "components"
    folder.mkdir(parents=True)
    passed = 0
    for i, text in enumerate(texts):
        (folder / f"m{i}.py").write_text(text, encoding="utf-8")
        passed += settled(text)
    assert _unchanged_by_ruff(tmp_path) == ("", "")
    # most of them skip ruff (those over the limit for want of a layout do not)
    assert passed > len(texts) * 0.6


# Each is something ruff changes: `settled` must send it to ruff.
CHANGED_BY_RUFF = {
    "long line": "x = [" + ", ".join(["1000000"] * 12) + "]\n",
    "single quotes": "x = 'a'\n",
    "magic trailing comma": 'x = frozenset({"a", "b",})\n',
    "tab": "if True:\n\tx = 1\n",
    "trailing space": "x = 1 \n",
    "two blank lines inside a class": "class A:\n    x: int\n\n\n    y: int\n",
    "blank line opening a class": "class A:\n\n    x: int\n",
    "blank line at the end": "x = 1\n\n",
    "three blank lines": "x = 1\n\n\n\ny = 2\n",
    "class docstring indented deeper": 'class A:\n    """One.\n\n      two\n      three"""\n\n    x: int\n',
    "docstring ending in a quote": 'class A:\n    """Say \\"hi\\""""\n\n    x: int\n',
    "docstring ending in a backslash": 'class A:\n    """Path \\\\"""\n\n    x: int\n',
    "carriage return": "x = 1\r\ny = 2\n",
    "wide characters": 'x = f("' + "\u4e00" * 20 + '", "' + "\u4e00" * 20 + '")\n',
}


@pytest.mark.parametrize("name", sorted(CHANGED_BY_RUFF))
def test_what_ruff_would_change_goes_to_ruff(name: str, tmp_path: Path) -> None:
    text = _module(CHANGED_BY_RUFF[name])
    assert not settled(text)
    (tmp_path / "m.py").write_bytes(text.encode())
    assert _unchanged_by_ruff(tmp_path) != ("", ""), "the case no longer shows what it claims"


def _blocks(text: str) -> list[str]:
    return [m.group(1) for m in BLOCK.finditer(text)]


def test_generated_model_modules_and_docs_blocks_are_what_ruff_leaves(
    corpus: dict[str, Outcome], tmp_path: Path
) -> None:
    """Over the golden cases and the corpus: every model module that skipped ruff, and every docs
    code block (their imports are never sorted by ruff), is exactly what ruff's isort and
    formatter leave."""
    trees = [(GOLDEN / case / "expected", f"{case}_sdk") for case in golden_cases()]
    # (large_api, the corpus's synthetic spec, repeats the same shapes thousands of times)
    trees += [(o.out, o.case.package) for name, o in corpus.items() if o.code == 0 and name != "large_api"]
    skipped = 0
    for n, (tree, package) in enumerate(trees):
        folder = tmp_path / f"t{n}"
        for path in (tree / package / "models").rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if not settled(text):
                continue  # formatted by ruff in the render
            skipped += 1
            target = folder / "pkg" / path.relative_to(tree / package)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text.replace(package, "pkg"), encoding="utf-8")
        for i, md in enumerate(sorted(tree.rglob("*.md"))):
            # every block: their imports skip ruff's isort too (the docs print isort's order)
            for j, block in enumerate(_blocks(md.read_text(encoding="utf-8"))):
                skipped += settled(block)
                (folder / "docs").mkdir(parents=True, exist_ok=True)
                (folder / "docs" / f"b{i}_{j}.py").write_text(block.replace(package, "pkg"), encoding="utf-8")
    assert skipped > 500
    assert _unchanged_by_ruff(tmp_path) == ("", "")


def test_a_users_model_template_always_goes_through_ruff(tmp_path: Path) -> None:
    """A module printed by the user's `--templates` overlay is formatted by ruff, whatever it
    looks like: the same tree as ours when the overlay differs only in what ruff normalizes."""
    ours = Env("python", None, {}, {})
    enum = ours.source("models/enum.py.jinja")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "enum.py.jinja").write_text(enum.replace("}} = {{", "}}  =  {{"), encoding="utf-8")
    assert Env("python", tmp_path, {}, {}).overridden("models/enum.py.jinja")
    assert not ours.overridden("models/enum.py.jinja")
    settings = golden_settings("enums")
    expected = render_spec(settings)
    from dataclasses import replace

    assert render_spec(replace(settings, templates=tmp_path)) == expected


def _flat_blocks() -> list[str]:
    """Flat docs blocks (as `docs.py` prints them) whose lines cross the limit at every depth."""
    blocks = []
    for k in range(0, 90, 3):
        s = "x" * k
        blocks.append(
            "import datetime\n\nfrom pkg.models.components import Inner, Model, Other, Kind\n\n"
            f'value = Model(a=1, b=Other(c="{s}", d=[Kind.A, Kind.B_{s[:9]}]), e={{"key": Inner(f=2, '
            f'g=datetime.datetime.fromisoformat("2024-05-01T12:00:00+00:00"))}}, h=["{s[:20]}"])'
        )
        blocks.append(f'from pkg.models.components import Model\n\nvalue = Model(a=[Model(b="{s}")])')
        blocks.append(f"value = Model(items=[Inner(score=0.29, top_p=Kind.CONTENT_{s[:30]})], n=1)")
        blocks.append(f"value: Alias = Model(items=[Inner(score=0.29, top_p=Kind.CONTENT_{s[:30]})], n=1)")
        blocks.append(f'value: AliasName{s[:12]} = Model(a=[Model(b="{s}")], c={{"k": Other(d="{s[:40]}")}})')
        names = ", ".join(f"Name{i}{s[: k // 4]}" for i in range(1 + k // 20))
        blocks.append(f"from pkg.models.components import {names}\n\nvalue = Name0{s[: k // 4]}.MEMBER_{s}")
        blocks.append(
            "import os\n\nfrom pkg import Sdk\n\n"
            f'with Sdk(bearer_auth=os.getenv("PKG_BEARER_AUTH_{s[:40]}", "")) as sdk:\n'
            f'    res = sdk.things.create(name="{s}", tags=["a", "b"], meta={{"k": "{s[:30]}"}})\n\n'
            "    print(res)"
        )
    return blocks


def test_docs_blocks_laid_out_here_as_by_ruffs_two_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.targets.python import layout
    from generator.targets.python.ruff import FormatJob
    from generator.targets.python.settled import laid_out

    sources = _flat_blocks()
    ours = {s: laid_out(s) for s in sources}
    assert sum(t is not None for t in ours.values()) > len(sources) * 0.6
    blocks = layout.CodeBlocks()
    codes = [blocks.add(s) for s in sources]
    monkeypatch.setattr(layout, "laid_out", lambda source: None)  # every block through ruff
    job = FormatJob({}, "pkg")
    try:
        blocks.lay_out(job.finish({}, blocks.scratch()), job.format)
    finally:
        job.close()
    wrong = [
        (s, ours[s], str(c)) for s, c in zip(sources, codes, strict=True) if ours[s] not in (None, str(c))
    ]
    assert not wrong, wrong[0]
