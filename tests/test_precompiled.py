"""Our templates ship compiled (`generator/targets/precompiled`): the shipped code is what Jinja
compiles from the templates as they are, it is what renders them, and a template that differs
from what was compiled (edited since, or the user's overlay) is compiled as before."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.targets import precompiled
from generator.targets.precompiled.code import KEYS
from generator.targets.templating import Env
from tests.precompiled_update import envs

UPDATE = "a template changed: run `python -m tests.precompiled_update` and commit what it writes"


def test_the_shipped_code_is_what_jinja_compiles_from_the_templates() -> None:
    expected: dict[str, str] = {}
    for target, env in envs():
        ours = env.jinja.loader.loaders[-1]  # type: ignore[union-attr]
        for name in (n for n in ours.list_templates() if n.endswith(".jinja")):
            source, _, _ = ours.get_source(env.jinja, name)
            full = f"{target}/{name}"
            assert KEYS.get(full) == precompiled.key(env.jinja, full, source), UPDATE
            path = precompiled.FOLDER / f"{precompiled.module_name(full)}.py"
            assert path.read_text(encoding="utf-8") == env.jinja.compile(source, name, None, raw=True), UPDATE
            expected[full] = KEYS[full]
    assert KEYS == expected, UPDATE  # (none for a template that is gone)
    assert sorted(p.stem for p in precompiled.FOLDER.glob("*.py")) == sorted(
        ["__init__", *map(precompiled.module_name, KEYS)]
    ), UPDATE


FILTERS = {"pyrepr": repr, "tomlstr": repr, "doc": str}


def _compile_fails(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"compiled by Jinja: {args[2]}")


def test_our_templates_render_from_the_shipped_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jinja2.Environment, "compile", _compile_fails)
    env = Env("python", None, FILTERS, {"header": "# h"})
    for name in ("models/enum.py.jinja", "models/model.py.jinja", "docs/model.md.jinja"):
        template = env.jinja.get_template(name)
        assert template.filename == str(env.root / name)  # (tracebacks name the template)
    assert env.render("package/models_init.py.jinja").startswith("# h\n")


def _env(overlay: Path | None = None, ours: Path | None = None) -> Env:
    """Our Python templates' environment, the templates read from `ours` if given."""
    env = Env("python", overlay, FILTERS, {"header": "# h"})
    if ours is not None:
        loader = env.jinja.loader
        assert isinstance(loader, jinja2.ChoiceLoader)
        loader.loaders[-1] = precompiled.Loader(ours, "python")
    return env


def test_a_template_unlike_its_shipped_code_is_compiled(tmp_path: Path) -> None:
    """An edited template (its source no longer the key's), other Jinja settings, the user's
    overlay: Jinja compiles the template as read now; the shipped code is not used."""
    shipped = _env()
    name = "package/models_init.py.jinja"
    source = shipped.source(name)
    assert precompiled.compiled(shipped.jinja, f"python/{name}", source) is not None
    assert precompiled.compiled(shipped.jinja, f"python/{name}", source + "edited") is None
    other = jinja2.Environment(trim_blocks=False, lstrip_blocks=True, keep_trailing_newline=True)
    other.filters.update(shipped.jinja.filters)
    assert precompiled.compiled(other, f"python/{name}", source) is None
    # a template edited since its code was written renders as edited
    edited = tmp_path / "python"
    (edited / "package").mkdir(parents=True)
    (edited / name).write_text("# edited\n" + source, encoding="utf-8")
    assert _env(ours=edited).render(name) == "# edited\n" + shipped.render(name)
    # the user's overlay wins
    (tmp_path / "overlay" / "package").mkdir(parents=True)
    (tmp_path / "overlay" / name).write_text("overlay {{ header }}\n", encoding="utf-8")
    assert _env(overlay=tmp_path / "overlay").render(name) == "overlay # h\n"
