"""The cyclic garbage collector around the pipeline's bulk building.

Loading a spec and building the IR allocate hundreds of thousands of dicts, lists and dataclass
instances that all stay alive until the render is done. CPython's collector, triggered by
allocation counts, traversed them again and again: half of the load's CPU at 1,000 schemas
(BENCHMARKS.md, "Cyclic collection paused while the spec is built"). They are not garbage, so
collection is paused while they are built, and they are then frozen (`gc.freeze`: left out of
later collections) while the target renders. Cycles made meanwhile are collected as usual; at
the end everything is unfrozen, so an in-process caller (the test suite) leaks nothing. A caller
that froze objects itself, or turned the collector off, keeps its own settings.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def built_in_bulk() -> Iterator[Callable[[], None]]:
    """Collection paused from here until the yielded `built()` is called; what exists then is
    frozen until the block ends."""
    enabled, ours = gc.isenabled(), gc.get_freeze_count() == 0
    froze = False

    def built() -> None:
        nonlocal froze
        if ours and not froze:
            gc.freeze()
            froze = True
        if enabled:
            gc.enable()

    gc.disable()
    try:
        yield built
    finally:
        if froze:
            gc.unfreeze()
        if enabled:
            gc.enable()
