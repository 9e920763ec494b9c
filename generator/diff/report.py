"""Changes -> text for a terminal, Markdown for a pull-request comment, or stable JSON."""

from __future__ import annotations

import json

from generator.diff.compare import LEVELS, Change, bump

SCHEMA = "sdkgen-diff/1"
_TITLES = {"breaking": "Breaking changes", "feature": "Features", "fix": "Fixes and docs"}
_ZERO_X = "before 1.0.0 the bump moves one place right: breaking -> 0.(y+1).0, anything else -> 0.y.(z+1)"


def describe(change: Change) -> str:
    """One line saying what happened to the name."""
    if change.action == "renamed":
        return f"renamed from `{change.old}`"
    if change.action in ("added", "removed"):
        text = f"{change.kind} {change.action}"
        if change.detail:
            text += f" ({change.detail})"
        return text
    if change.old and change.new and len(change.old) + len(change.new) < 160:
        text = f"{change.detail}: `{_one_line(change.old)}` -> `{_one_line(change.new)}`"
    else:
        text = f"{change.detail} changed"
    return text + (" (behaviour)" if change.behaviour else "")


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("`", "'")


def text_report(changes: list[Change], old: str, new: str) -> str:
    """The terminal report."""
    lines = [f"sdkgen diff {old} -> {new}"]
    for level in LEVELS:
        group = [c for c in changes if c.level == level]
        if group:
            lines.append(f"{_TITLES[level]} ({len(group)}):")
            lines += [f"  {c.key}: {describe(c)}" for c in group]
    if not changes:
        lines.append("no changes to the public API")
    lines.append(f"implied bump: {bump(changes)} ({_ZERO_X})")
    return "\n".join(lines) + "\n"


def markdown_report(changes: list[Change], old: str, new: str) -> str:
    """The pull-request comment: a headline with the bump, then one table per level."""
    implied = bump(changes)
    lines = [f"## SDK API diff: {implied} bump", "", f"`{old}` -> `{new}`", ""]
    if not changes:
        lines += ["No changes to the public API of the Python SDK.", ""]
    for level in LEVELS:
        group = [c for c in changes if c.level == level]
        if not group:
            continue
        lines += [f"### {_TITLES[level]} ({len(group)})", "", "| Name | Change |", "| --- | --- |"]
        lines += [f"| `{_cell(c.key)}` | {_cell(describe(c))} |" for c in group]
        lines.append("")
    lines.append(f"<sub>Implied semver bump: **{implied}**; {_ZERO_X}.</sub>")
    return "\n".join(lines) + "\n"


def markdown_changelog(changes: list[Change], version: str) -> str:
    """A CHANGELOG.md section for `version`: the changes as bullet lists per level."""
    lines = [f"## {version}", "", f"API changes from the spec ({bump(changes)} bump).", ""]
    for level in LEVELS:
        group = [c for c in changes if c.level == level]
        if group:
            lines += [f"### {_TITLES[level]}", ""]
            lines += [f"- `{_cell(c.key)}`: {_cell(describe(c))}" for c in group]
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def json_report(changes: list[Change], old: str, new: str) -> str:
    """The machine-readable report; its schema is documented in the README."""
    doc = {
        "schema": SCHEMA,
        "old": old,
        "new": new,
        "bump": bump(changes),
        "counts": {level: sum(c.level == level for c in changes) for level in LEVELS},
        "changes": [
            {
                "level": c.level,
                "kind": c.kind,
                "action": c.action,
                "name": c.key,
                "detail": c.detail,
                "old": c.old,
                "new": c.new,
                "behaviour": c.behaviour,
                "message": describe(c),
            }
            for c in changes
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": text_report, "markdown": markdown_report, "json": json_report}
