"""TypeScript docs: the stream-body page equals the reference SDK's page byte for byte, and every
model page of the embedded spec and the golden cases follows the same format."""

from __future__ import annotations

import re

import pytest

from generator.ir import Model
from tests.helpers import render_spec
from tests.typescript.support import (
    COMMITTED_SEED,
    STREAM_PAGE,
    embedded_settings,
    shared_seed,
    ts_cases,
    ts_settings,
)

FENCE = re.compile(r"^```typescript\n(.*?)^```$", re.S | re.M)
SEPARATOR = re.compile(r"\| (-+ \| )*-+ \|")
PYTHON_TYPES = ("*str*", "*int*", "*float*", "*bool*", "Optional[", "List[", "Dict[", "Union[", "Nullable[")


def _pages() -> list[tuple[str, str, str]]:
    """(label, package, text) of every model page."""
    out = []
    for settings in [embedded_settings(), *(ts_settings(c) for c in ts_cases())]:
        files = render_spec(settings)
        out += [
            (f"{settings.package}:{p}", settings.package, t)
            for p, t in files.items()
            if p.startswith("docs/models/")
        ]
    return out


PAGES = _pages()


def test_stream_body_page_is_the_seed_byte_for_byte() -> None:
    seed = shared_seed()
    assert seed.is_file(), f"the reference page is missing: {seed}"
    ours = render_spec(embedded_settings())[STREAM_PAGE]
    assert ours.encode("utf-8") == seed.read_bytes()
    assert COMMITTED_SEED.read_bytes() == seed.read_bytes()


def test_embedded_settings_are_the_npm_package() -> None:
    settings = embedded_settings()
    assert (settings.target, settings.package, settings.out.name) == (
        "typescript",
        "atoma-sdk",
        "generated-ts",
    )


@pytest.mark.parametrize("label,package,text", PAGES, ids=[p[0] for p in PAGES])
def test_model_page_format(label: str, package: str, text: str) -> None:
    lines = text.split("\n")
    name = lines[0].removeprefix("# ")
    assert lines[0].startswith("# ") and re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), label
    assert not text.endswith("\n"), label
    block = FENCE.search(text)
    assert block is not None and "## Example Usage\n\n```typescript\n" in text, label
    code = block.group(1).split("\n")
    module = "operations" if "/operations/" in label else "components"
    assert code[0] == f'import {{ {name} }} from "{package}/models/{module}";', label
    assert code[1] == "" and code[2].startswith(f"let value: {name} = "), label
    assert code[-2].endswith(";"), label
    section = re.search(r"^## (Fields|Values|Supported Types)$", text, re.M)
    assert section is not None, label
    for line in lines:
        if line.startswith("| "):
            assert not any(p in line for p in PYTHON_TYPES), f"{label}: Python type in {line.strip()[:80]}"


@pytest.mark.parametrize("label,package,text", PAGES, ids=[p[0] for p in PAGES])
def test_tables_are_padded_to_one_width(label: str, package: str, text: str) -> None:
    rows = [ln for ln in text.split("\n") if ln.startswith("| ")]
    if not rows:
        return
    assert SEPARATOR.fullmatch(rows[1]), label
    width = len(rows[1].split(" | ")[0]) - 2
    for row in rows:
        cells = re.split(r"(?<!\\) \| ", row[2:-2])
        assert len(cells) == len(rows[0][2:-2].split(" | ")), f"{label}: {row[:80]}"
        for c in cells:
            assert len(c.replace("<br/>", "\n")) >= width, f"{label}: {c!r}"


def test_fields_are_camel_case_and_types_are_typescript() -> None:
    text = render_spec(embedded_settings())["docs/models/components/completionusage.md"]
    rows = {
        r.split(" | ")[0].strip("| `"): r.split(" | ")[1].strip()
        for r in text.split("\n")[1:]
        if r.startswith("| `")
    }
    assert rows["promptTokens"] == "*number*"
    assert rows["promptTokensDetails"].startswith("[components.PromptTokensDetails](")
    chunk = render_spec(embedded_settings())["docs/models/components/chatcompletionchunk.md"]
    assert (
        "[components.ChatCompletionChunkChoice](../../models/components/chatcompletionchunkchoice.md)[]"
        in chunk
    )
    assert "| `systemFingerprint` " in chunk and "*string* \\| *null*" in chunk


def test_union_and_map_cells() -> None:
    files = render_spec(ts_settings("unions"))
    owner = files["docs/models/components/owner.md"]
    assert "\\|" in owner  # a union's members, escaped for the table
    request = render_spec(embedded_settings())["docs/models/components/createchatcompletionrequest.md"]
    assert "Record<string, *number*>" in request
    assert "*string* \\| *string*[]" in request


def test_every_model_has_a_page_and_a_module() -> None:
    from generator.build import build_api
    from generator.load import load_spec

    settings = embedded_settings()
    api = build_api(load_spec(settings.spec), settings)
    files = render_spec(settings)
    for m in api.models:
        assert isinstance(m, Model)
        stem = m.name.lower()
        assert f"docs/models/{m.module}/{stem}.md" in files
        assert f"src/models/{m.module}/{stem}.ts" in files
