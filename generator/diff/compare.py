"""Two surfaces -> the list of changes, each classified breaking / feature / fix.

Breaking means what the ground-truth test checks: code that type-checked against the old
SDK (`mypy --strict`) no longer does. Changes the type checker cannot see but that alter
behaviour (defaults, servers, open enums, error bodies) are features, flagged `behaviour`,
so they never hide in a patch release; prose and deprecation notes are fixes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from generator.diff.surface import Entry, Surface
from generator.diff.terms import NONE, equivalent, is_subtype

Level = Literal["breaking", "feature", "fix"]
LEVELS: tuple[Level, ...] = ("breaking", "feature", "fix")
BUMPS = {"breaking": "major", "feature": "minor", "fix": "patch"}
# Parents before children, so a renamed parent's children are matched under its new key.
_ORDER = ("server", "auth", "resource", "method", "arg", "error", "model", "field", "enum", "member", "alias")
# Props whose change is visible to the type checker.
_TYPED_PROPS = {("field", "constructor keyword"), ("resource", "class")}


@dataclass(frozen=True)
class Change:
    """One difference user code can see (or read about)."""

    level: Level
    kind: str
    action: Literal["added", "removed", "renamed", "changed"]
    key: str  # the name in the new SDK (the old one when removed)
    detail: str = ""  # what changed, e.g. "type narrowed"
    old: str = ""
    new: str = ""
    behaviour: bool = False  # a run-time change the type checker cannot see


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from `old` to `new`, in surface order, breaking ones first."""
    moved: dict[str, str] = {}
    changes: list[Change] = []
    for kind in _ORDER:
        olds = {k: e for k, e in old.items() if e.kind == kind}
        news = {k: e for k, e in new.items() if e.kind == kind}
        changes += _compare_kind(olds, news, moved, old, new)
    return sorted(changes, key=lambda c: LEVELS.index(c.level))


def _translated(entry: Entry, moved: dict[str, str]) -> str:
    """The key `entry` would have if only its parents' renames applied."""
    if entry.parent in moved:
        return moved[entry.parent] + entry.key[len(entry.parent) :]
    return entry.key


def _compare_kind(
    olds: dict[str, Entry], news: dict[str, Entry], moved: dict[str, str], old: Surface, new: Surface
) -> list[Change]:
    pairs, removed, added = _match(olds, news, moved)
    out: list[Change] = []
    by_wire = _by_wire(added)
    for entry in removed:
        twin = _rename_of(entry, by_wire, added, moved)
        if twin is not None:
            del added[twin.key]
            moved[entry.key] = twin.key
            pairs.append((entry, twin))
            out.append(Change("breaking", entry.kind, "renamed", twin.key, "renamed", entry.key, twin.key))
        elif not (entry.parent and entry.parent not in new and entry.parent not in moved):
            out.append(_removed(entry))  # children of a removed parent go with it
    renamed_to = set(moved.values())
    for entry in added.values():
        if not (entry.parent and entry.parent not in old and entry.parent not in renamed_to):
            out.append(_added(entry))
    for a, b in pairs:
        out += _changed(a, b)
    return out


def _match(
    olds: dict[str, Entry], news: dict[str, Entry], moved: dict[str, str]
) -> tuple[list[tuple[Entry, Entry]], list[Entry], dict[str, Entry]]:
    """(pairs found under the same key, old entries without one, new entries left over)."""
    pairs: list[tuple[Entry, Entry]] = []
    removed: list[Entry] = []
    for entry in olds.values():
        key = _translated(entry, moved)
        if key in news:
            pairs.append((entry, news[key]))
            if key != entry.key:
                moved[entry.key] = key
        else:
            removed.append(entry)
    matched = {b.key for _, b in pairs}
    return pairs, removed, {k: e for k, e in news.items() if k not in matched}


def _by_wire(added: dict[str, Entry]) -> dict[tuple[str, str], list[Entry]]:
    """Rename candidates by spec identity and parent (methods may move between resources)."""
    index: dict[tuple[str, str], list[Entry]] = {}
    for cand in added.values():
        if cand.wire:
            index.setdefault((cand.wire, "" if cand.kind == "method" else cand.parent), []).append(cand)
    return index


def _rename_of(
    entry: Entry, by_wire: dict[tuple[str, str], list[Entry]], added: dict[str, Entry], moved: dict[str, str]
) -> Entry | None:
    """The added entry with the same spec identity under the same (or any, for methods) parent."""
    if not entry.wire:
        return None
    parent = "" if entry.kind == "method" else moved.get(entry.parent, entry.parent)
    return next((c for c in by_wire.get((entry.wire, parent), []) if c.key in added), None)


def _removed(entry: Entry) -> Change:
    if entry.kind == "error":
        return Change("feature", "error", "removed", entry.key, behaviour=True)
    return Change("breaking", entry.kind, "removed", entry.key, old=entry.annotation)


def _added(entry: Entry) -> Change:
    if entry.kind in ("arg", "field") and entry.required:
        return Change("breaking", entry.kind, "added", entry.key, "required", new=entry.annotation)
    return Change(
        "feature", entry.kind, "added", entry.key, new=entry.annotation, behaviour=entry.kind == "error"
    )


def _changed(a: Entry, b: Entry) -> Iterator[Change]:
    if a.term is not None and b.term is not None and not equivalent(a.term, b.term):
        yield _type_change(a, b)
    if a.kind in ("arg", "field") and a.required != b.required:
        level: Level = "breaking" if b.required else "feature"
        yield Change(level, b.kind, "changed", b.key, "now required" if b.required else "now optional")
    old_props, new_props = dict(a.props), dict(b.props)
    for name in sorted(old_props.keys() | new_props.keys()):
        before, after = str(old_props.get(name, "-")), str(new_props.get(name, "-"))
        # A default appearing or vanishing is the requiredness change reported above.
        if before != after and not (name == "default" and "-" in (before, after)):
            typed = (b.kind, name) in _TYPED_PROPS
            level = "breaking" if typed else "feature"
            yield Change(level, b.kind, "changed", b.key, name, before, after, behaviour=not typed)
    old_docs, new_docs = dict(a.docs), dict(b.docs)
    for name in sorted(old_docs.keys() | new_docs.keys()):
        if old_docs.get(name, "") != new_docs.get(name, ""):
            yield Change(
                "fix", b.kind, "changed", b.key, name, old_docs.get(name, ""), new_docs.get(name, "")
            )


def _type_change(a: Entry, b: Entry) -> Change:
    assert a.term is not None and b.term is not None
    wider, narrower = is_subtype(a.term, b.term), is_subtype(b.term, a.term)
    detail = "type widened" if wider else "type narrowed" if narrower else "type changed"
    # Arguments may widen, return values may narrow; model fields are read and written.
    # A method that returned None had no value to use (mypy rejects using it): any return is new.
    safe = (a.role == "in" and wider) or (a.role == "out" and (narrower or a.term == NONE))
    return Change(
        "feature" if safe else "breaking", b.kind, "changed", b.key, detail, a.annotation, b.annotation
    )


def bump(changes: list[Change]) -> str:
    """The semver bump the changes imply: major, minor, patch or none."""
    for level in LEVELS:
        if any(c.level == level for c in changes):
            return BUMPS[level]
    return "none"


def at_or_above(changes: list[Change], threshold: Level | Literal["any"]) -> list[Change]:
    """The changes at `threshold` or more severe (`any`: all of them)."""
    if threshold == "any":
        return changes
    limit = LEVELS.index(threshold)
    return [c for c in changes if LEVELS.index(c.level) <= limit]
