"""OpenAPI Overlay 1.0: ordered `update`/`remove` actions applied to the spec before it is built.

Targets are RFC 9535 JSONPath queries, evaluated by `jsonpath-rfc9535` (a complete,
maintained implementation that reports each match's location, which `remove` needs).
The merge rules are the specification's: an `update` on an object merges recursively
(primitives replace, arrays concatenate, objects merge), an `update` on an array appends
one entry; `remove` deletes each selected node from its parent. Actions apply to the main
document, in order; an action that selects nothing is reported as a note, as other
overlay tools warn, because a spec that moved on usually makes an overlay stale.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jsonpath_rfc9535 as jsonpath

from generator.errors import SpecError, UsageError, pointer_join

_VERSION = re.compile(r"^1\.[01]\.\d+$")


@dataclass(frozen=True)
class Loc:
    """A place in the overlay file, for error messages and notes."""

    file: str
    pointer: str

    def child(self, *parts: str | int) -> Loc:
        """The location of a node below this one."""
        return Loc(self.file, pointer_join(self.pointer, *parts))

    def error(self, message: str) -> SpecError:
        """An error at this location."""
        return SpecError(self.file, self.pointer, message)

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer}"


@dataclass(frozen=True)
class Action:
    """One action: where it is in the overlay file, its query and its change."""

    loc: Loc
    target: jsonpath.JSONPathQuery
    query: str
    update: Any
    has_update: bool
    remove: bool


def parse_overlay(doc: Any, shown: str) -> list[Action]:
    """Validate a parsed overlay document (file `shown`); every problem names its JSON pointer."""
    where = Loc(shown, "")
    if not isinstance(doc, dict):
        raise where.error("an overlay must be a mapping with 'overlay', 'info' and 'actions'")
    version = doc.get("overlay")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise where.child("overlay").error(f"unsupported Overlay version {version!r} (need 1.0.x)")
    actions = doc.get("actions")
    if not isinstance(actions, list) or not actions:
        raise where.child("actions").error("'actions' must be a non-empty list")
    return [_action(raw, where.child("actions", i)) for i, raw in enumerate(actions)]


def _action(raw: Any, loc: Loc) -> Action:
    if not isinstance(raw, dict):
        raise loc.error("an action must be a mapping")
    query = raw.get("target")
    if not isinstance(query, str) or not query.startswith("$"):
        raise loc.child("target").error("'target' must be a JSONPath query starting with '$'")
    try:
        compiled = jsonpath.compile(query)
    except jsonpath.JSONPathError as exc:
        raise loc.child("target").error(f"invalid JSONPath {query!r}: {exc}") from None
    remove = raw.get("remove", False)
    if not isinstance(remove, bool):
        raise loc.child("remove").error("'remove' must be true or false")
    if not remove and "update" not in raw:
        raise loc.error("an action needs 'update' or 'remove: true'")
    return Action(loc, compiled, query, raw.get("update"), "update" in raw, remove)


def apply_overlay(document: dict[str, Any], overlay: Any, shown: str) -> list[str]:
    """Apply a parsed overlay (file `shown`) to `document` in place; returns notes."""
    notes: list[str] = []
    for action in parse_overlay(overlay, shown):
        notes.extend(apply_action(document, action))
    return notes


def apply_action(document: dict[str, Any], action: Action) -> list[str]:
    """Apply one action in place; a note when it selects nothing."""
    nodes = list(action.target.find(document))
    if not nodes:
        return [f"{action.loc}: target {action.query!r} selects nothing; action skipped"]
    if action.remove:
        # Deepest and last first, so removing one node never shifts another's index.
        for node in sorted(nodes, key=lambda n: _sort_key(n.location), reverse=True):
            _remove(document, node.location, action.loc)
        return []
    for node in nodes:
        _update(node.value, action.update, action.loc)
    return []


def _sort_key(location: tuple[str | int, ...]) -> tuple[int, tuple[tuple[int, str], ...]]:
    return len(location), tuple((p, "") if isinstance(p, int) else (0, p) for p in location)


def _remove(document: dict[str, Any], location: tuple[str | int, ...], loc: Loc) -> None:
    if not location:
        raise loc.child("target").error("cannot remove the whole document")
    parent: Any = document
    for part in location[:-1]:
        parent = parent[part]
    del parent[location[-1]]


def _update(target: Any, update: Any, loc: Loc) -> None:
    if isinstance(target, list):
        target.append(copy.deepcopy(update))
    elif isinstance(target, dict):
        if not isinstance(update, dict):
            raise loc.child("update").error("the target is an object: 'update' must be a mapping")
        merge(target, update)
    else:
        raise loc.child("target").error(
            "the target selects a primitive value: select the object that contains it"
        )


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """The Overlay merge: objects recursively, arrays concatenated, anything else replaced.

    Values are copied in: one action may select many nodes, which must not end up sharing
    (and later co-mutating) the same update object.
    """
    for key, value in update.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        else:
            target[key] = copy.deepcopy(value)


def rename_operations(document: dict[str, Any], names: Sequence[tuple[str, str, str]], where: str) -> None:
    """Set each named operation's Speakeasy key: its method name (`x-speakeasy-name-override`)
    or its resource (`x-speakeasy-group`)."""
    if not names:
        return
    operations: dict[str, dict[str, Any]] = {}
    paths = document.get("paths")
    for item in paths.values() if isinstance(paths, dict) else ():
        for op in item.values() if isinstance(item, dict) else ():
            if isinstance(op, dict) and isinstance(op.get("operationId"), str):
                operations.setdefault(op["operationId"], op)
    for op_id, key, value in names:
        if op_id not in operations:
            raise UsageError(f"{where} {op_id!r}: no operation has this operationId")
        operations[op_id][key] = value
