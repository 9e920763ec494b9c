"""The docs of a large SDK render in a forked child: same bytes as the serial path, errors
and a dead child reported in the parent, small specs never forked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator import forked
from generator.errors import SdkgenError, SpecError
from generator.targets.python import target
from tests.helpers import golden_cases, golden_settings, render_spec

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork")


@pytest.fixture
def fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """`forked.available()` as on a 2-CPU machine with no other thread (an earlier test in the
    session may leave an idle one, e.g. a server's)."""
    monkeypatch.setattr(forked, "available", lambda: True)


@pytest.mark.usefixtures("fork_allowed")
def test_parallel_render_is_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = golden_settings(golden_cases()[0])
    monkeypatch.setenv("SDKGEN_PARALLEL", "0")
    serial = render_spec(settings)
    monkeypatch.setenv("SDKGEN_PARALLEL", "1")
    calls: list[int] = []
    real = forked.Forked.__init__

    def counting(self: forked.Forked[object], fn: object) -> None:
        calls.append(1)
        real(self, fn)  # type: ignore[arg-type]

    monkeypatch.setattr(forked.Forked, "__init__", counting)
    assert render_spec(settings) == serial
    assert calls == [1]


@pytest.mark.usefixtures("fork_allowed")
def test_small_specs_stay_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_PARALLEL", "auto")
    from generator.build import build_api
    from generator.load import load_spec

    settings = golden_settings(golden_cases()[0])
    api = build_api(load_spec(settings.spec), settings)
    assert not target.parallel(api)
    monkeypatch.setattr(target, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(forked, "idle_cpu", lambda: True)
    assert target.parallel(api)
    monkeypatch.setattr(forked, "idle_cpu", lambda: False)  # a busy machine: no gain measured
    assert not target.parallel(api)
    monkeypatch.setenv("SDKGEN_PARALLEL", "1")
    assert target.parallel(api)
    monkeypatch.setenv("SDKGEN_PARALLEL", "0")
    assert not target.parallel(api)
    monkeypatch.delenv("SDKGEN_PARALLEL")  # off unless asked for
    monkeypatch.setattr(forked, "idle_cpu", lambda: True)
    assert not target.parallel(api)


def test_child_result_and_errors() -> None:
    assert forked.Forked(lambda: {"a": "b" * 200_000}).result() == {"a": "b" * 200_000}

    def spec_error() -> None:
        raise SpecError("x.yaml", "/paths", "bad")

    with pytest.raises(SdkgenError, match="x.yaml#/paths: bad"):
        forked.Forked(spec_error).result()

    def bug() -> None:
        raise KeyError("boom")

    with pytest.raises(RuntimeError, match="KeyError: 'boom'"):
        forked.Forked(bug).result()
    with pytest.raises(SdkgenError, match="worker died .exit status 3"):
        forked.Forked(lambda: os._exit(3)).result()


def test_cancel_stops_the_child() -> None:
    job = forked.Forked(lambda: __import__("time").sleep(60))
    job.cancel()
    job.cancel()  # twice is harmless


def test_format_cache_skips_ruff_and_keeps_bytes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from generator.targets.python import ruff

    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SDKGEN_PARALLEL", "0")
    settings = golden_settings(golden_cases()[0])
    cold = render_spec(settings)
    (pack,) = (tmp_path / "ruff").iterdir()

    def no_ruff(*args: object, **kwargs: object) -> str:
        raise AssertionError("ruff ran on a warm cache")

    with monkeypatch.context() as m:
        m.setattr(ruff, "_ruff", no_ruff)
        assert render_spec(settings) == cold
    # A damaged pack is ignored (and rewritten), never half-read.
    pack.write_bytes(pack.read_bytes()[:-7])
    assert ruff.FormatCache._load(str(pack)) == {}
    assert render_spec(settings) == cold
    assert ruff.FormatCache._load(str(pack))
    # Caching off, or a folder others may write to: no pack is read.
    monkeypatch.setenv("SDKGEN_NO_CACHE", "1")
    assert ruff.FormatCache("pkg").path is None
    monkeypatch.delenv("SDKGEN_NO_CACHE")
    (tmp_path / "ruff").chmod(0o777)
    assert ruff.FormatCache("pkg").path is None


def test_no_fork_while_another_thread_lives() -> None:
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.available()
    finally:
        stop.set()
        thread.join()
