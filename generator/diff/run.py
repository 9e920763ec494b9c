"""The `sdkgen diff` command: resolve both specs, build both surfaces, compare, report."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import Literal

from generator import heap
from generator.config import Settings
from generator.diff.compare import Change, Level, at_or_above, compare
from generator.diff.report import FORMATS
from generator.diff.sources import Source, resolve
from generator.diff.surface import Surface, surface
from generator.errors import SdkgenError, UsageError

# `--fail-on` words -> the least severe level that fails.
THRESHOLDS: dict[str, Level | Literal["any"]] = {"breaking": "breaking", "minor": "feature", "any": "any"}


@dataclass(frozen=True)
class Outcome:
    """The report text and the exit code it implies."""

    text: str
    changes: list[Change]
    exit_code: int


def spec_surface(settings: Settings) -> Surface:
    """Load and build one spec, then take the Python SDK's public API of it."""
    from generator.build import build_api
    from generator.load import load_spec

    with heap.built_in_bulk() as built:
        api = build_api(load_spec(settings.spec, settings.overlays), settings)
        built()
        return surface(api)


def _side(source: Source, settings: Settings) -> Surface:
    try:
        return spec_surface(replace(settings, spec=source.path))
    except SdkgenError as exc:
        if not source.folder:
            raise
        raise UsageError(source.relabel(exc.one_line())) from None


def run(old: str, new: str, settings: Settings, fmt: str, fail_on: str) -> Outcome:
    """Diff two spec arguments (paths or `git:REV:path`) under the same settings."""
    with ExitStack() as stack:
        before = _side(resolve(old, stack), settings)
        after = _side(resolve(new, stack), settings)
    changes = compare(before, after)
    failing = at_or_above(changes, THRESHOLDS[fail_on])
    return Outcome(FORMATS[fmt](changes, old, new), changes, 1 if failing else 0)
