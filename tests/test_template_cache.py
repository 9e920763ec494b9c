"""Compiled templates cached on disk between runs (generator/targets/template_cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from generator.targets import template_cache
from tests.corpus_support import run_cli
from tests.helpers import ROOT


def _env(templates: Path, cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)


def test_a_changed_template_is_recompiled_not_served_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.j2"
    page.write_text("one {{ x }}", encoding="utf-8")
    assert (
        _env(tmp_path / "t", template_cache.bytecode_cache()).get_template("page.j2").render(x=1) == "one 1"
    )
    stored = list((tmp_path / "cache").rglob("*.cache"))
    assert len(stored) == 1
    page.write_text("two {{ x }}", encoding="utf-8")  # e.g. the user's --templates overlay edited
    assert (
        _env(tmp_path / "t", template_cache.bytecode_cache()).get_template("page.j2").render(x=1) == "two 1"
    )


def test_off_or_unsafe_folders_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SDKGEN_NO_CACHE", "1")
    assert template_cache.bytecode_cache() is None
    monkeypatch.delenv("SDKGEN_NO_CACHE")
    folder = tmp_path / "cache" / template_cache.NAME
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)  # others could plant compiled code: never load from it
    assert template_cache.bytecode_cache() is None
    os.chmod(folder, 0o700)
    cache = template_cache.bytecode_cache()
    assert isinstance(cache, jinja2.FileSystemBytecodeCache) and cache.directory == str(folder)
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")  # cannot be created: generation goes on without
    assert template_cache.bytecode_cache() is None


def test_generate_fills_the_cache_and_output_is_the_same_without_it(tmp_path: Path) -> None:
    """Our templates ship compiled (`generator/targets/precompiled`): the cache holds those of
    the user's overlay."""
    cache = tmp_path / "cache"
    spec = str(ROOT / "spec" / "openapi.yaml")
    overlay = tmp_path / "overlay" / "package"
    overlay.mkdir(parents=True)
    ours = ROOT / "templates" / "python" / "package" / "models_init.py.jinja"
    mine = ours.read_text(encoding="utf-8") + "# mine\n"
    (overlay / "models_init.py.jinja").write_text(mine, encoding="utf-8")
    env = {**os.environ, "SDKGEN_CACHE_DIR": str(cache)}
    outs = []
    for i, extra in enumerate(({}, {}, {"SDKGEN_NO_CACHE": "1"})):
        out = tmp_path / f"out{i}"
        args = ("--templates", str(tmp_path / "overlay"))
        proc = run_cli("generate", spec, "--out", str(out), *args, env={**env, **extra})
        assert proc.returncode == 0, proc.stderr
        outs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
        if i == 0:
            assert len(list(cache.rglob("*.cache"))) == 1  # the overlay's template, compiled once
    assert outs[0] == outs[1] == outs[2]
    assert outs[0][Path("atoma_sdk/models/__init__.py")].endswith(b"# mine\n")
