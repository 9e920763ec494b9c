"""`generator/heap.py`: collection paused while the spec is built, frozen while it renders, and
the caller's collector settings (on/off, its own frozen objects) as they were afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from generator import heap


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def test_paused_while_building_frozen_while_rendering_then_as_before() -> None:
    gc.enable()
    with heap.built_in_bulk() as built:
        assert not gc.isenabled()
        spec = [{"n": i} for i in range(1000)]
        built()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(spec)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_an_error_while_building_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(ValueError), heap.built_in_bulk():
        raise ValueError("bad spec")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_caller_with_the_collector_off_or_its_own_frozen_objects_keeps_them() -> None:
    gc.disable()
    with heap.built_in_bulk() as built:
        built()
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()
    gc.freeze()
    theirs = gc.get_freeze_count()
    with heap.built_in_bulk() as built:
        made = [{"n": i} for i in range(1000)]
        built()
        # Not ours to freeze or unfreeze (the count only drops as frozen objects are freed).
        assert 0 < gc.get_freeze_count() <= theirs
    assert 0 < gc.get_freeze_count() <= theirs
    assert made
