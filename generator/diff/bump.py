"""`generate --bump`: version the SDK by the API diff against the last generated surface.

The output folder keeps `.sdkgen-surface.json` (the version and the surface it was cut
from) and `CHANGELOG.md`. `--bump` diffs the new surface against the recorded one, bumps
the version, prepends the report to the changelog and records the new surface. Without
`--bump` (plain `generate`, and `check`) the recorded version, snapshot and changelog are
carried as they are, so a bumped tree still checks clean.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diff.compare import bump, compare
from generator.diff.report import markdown_changelog
from generator.diff.snapshot import dumps, loads
from generator.diff.surface import Surface
from generator.emit import SNAPSHOT
from generator.errors import UsageError

CHANGELOG = "CHANGELOG.md"
_VERSION_LINE = re.compile(r'^version = "([^"\n]*)"$', re.MULTILINE)


def next_version(version: str, level: str) -> str:
    """Semver bump; before 1.0.0 breaking changes bump the minor and the rest the patch."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if match is None:
        raise UsageError(f"--bump: version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(g) for g in match.groups())
    if major == 0 and level in ("major", "minor"):
        level = {"major": "minor", "minor": "patch"}[level]
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def apply(files: dict[str, str], current: Surface | None, out: Path) -> dict[str, str]:
    """The file map with version, snapshot and changelog: bumped when `current` is given."""
    snapshot_path, changelog_path = out / SNAPSHOT, out / CHANGELOG
    recorded = snapshot_path.read_text(encoding="utf-8") if snapshot_path.is_file() else None
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else ""
    if current is None and recorded is None:
        return files  # never bumped: sdkgen does not manage the version
    if "pyproject.toml" not in files or not _VERSION_LINE.search(files["pyproject.toml"]):
        raise UsageError("--bump: the target writes no pyproject.toml version to bump")
    if current is None:
        assert recorded is not None
        version = loads(recorded, str(snapshot_path))[0]
        new = {SNAPSHOT: recorded, CHANGELOG: changelog} if changelog else {SNAPSHOT: recorded}
        return {**files, **new, "pyproject.toml": _set_version(files["pyproject.toml"], version)}
    generated = _VERSION_LINE.search(files["pyproject.toml"])
    assert generated is not None
    if recorded is None:
        version, entry = (
            generated.group(1),
            f"## {generated.group(1)}\n\nFirst version recorded by `sdkgen generate --bump`.\n",
        )
    else:
        old_version, old = loads(recorded, str(snapshot_path))
        changes = compare(old, current)
        version = next_version(old_version, bump(changes))
        entry = markdown_changelog(changes, version) if changes else ""
    text = entry + ("\n" + changelog if changelog and entry else changelog)
    extra = {SNAPSHOT: dumps(version, current)}
    if text:
        extra[CHANGELOG] = text
    return {**files, **extra, "pyproject.toml": _set_version(files["pyproject.toml"], version)}


def _set_version(pyproject: str, version: str) -> str:
    return _VERSION_LINE.sub(f'version = "{version}"', pyproject, count=1)
