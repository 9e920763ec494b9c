"""Load an OpenAPI document and resolve its `$ref`s, refusing anything unsafe.

PyYAML (C loader when present, safe constructors, YAML 1.2 core scalars: `yaml12.py`)
parses; the `$ref` resolution is written here because the rules we need (local pointers
plus relative files confined to the spec's folder, never a URL, pure-cycle detection with
JSON-pointer errors) are narrower than what general resolvers such as `jsonschema.RefResolver` offer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import SpecError, pointer_join
from generator.yaml12 import CoreLoader

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Loc:
    """Where a node lives: the spec file (as shown to the user) and a JSON pointer."""

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


@dataclass
class Spec:
    """The loaded root document plus every file it references, all refs checked."""

    root_dir: Path
    main_file: str
    documents: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. overlay actions that selected nothing

    @property
    def root(self) -> dict[str, Any]:
        """The main document."""
        doc: dict[str, Any] = self.documents[self.main_file]
        return doc

    def get(self, loc: Loc) -> Any:
        """The node at a location (already known to exist)."""
        node = self.documents[loc.file]
        for token in _split_pointer(loc.pointer):
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def deref(self, node: Any, loc: Loc) -> tuple[Any, Loc]:
        """Follow `$ref` chains from `node` to a node that is not a pure reference."""
        seen: list[Loc] = []
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if loc in seen:
                chain = " -> ".join(str(s) for s in seen)
                raise seen[0].error(f"$ref cycle with no schema in between: {chain}")
            seen.append(loc)
            loc = self.target(node["$ref"], loc.child("$ref"))
            node = self.get(loc)
        return node, loc

    def target(self, ref: str, at: Loc) -> Loc:
        """Where `ref` (found at `at`) points, loading its file when needed."""
        if _URL.match(ref):
            raise at.error(f"remote $ref {ref!r} is not allowed (sdkgen never fetches URLs)")
        file_part, _, fragment = ref.partition("#")
        file = at.file
        if file_part:
            file = self._load_relative(unquote(file_part), at)
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            raise at.error(f"$ref {ref!r}: fragment must be a JSON pointer starting with '/'")
        node = self.documents[file]
        for token in _split_pointer(pointer):
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise at.error(f"$ref {ref!r} points to nothing")
        return Loc(file, pointer)

    def _load_relative(self, rel: str, at: Loc) -> str:
        base = (self.root_dir / at.file).parent
        path = (base / rel).resolve()
        root = self.root_dir.resolve()
        if not path.is_relative_to(root):
            raise at.error(f"$ref file {rel!r} is outside the spec's folder")
        name = path.relative_to(root).as_posix()
        if name not in self.documents:
            if not path.is_file():
                raise at.error(f"$ref file {rel!r} does not exist or is not a file")
            self.documents[name] = read_document(path, name)
            check_refs(self, name)
        return name


def _split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def read_document(path: Path, shown: str) -> Any:
    """Parse one YAML or JSON file, normalising mapping keys to strings."""
    where = Loc(shown, "")
    if not path.exists():
        raise where.error("no such file")
    if not path.is_file():
        raise where.error("not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise where.error(f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise where.error(f"file larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise where.error(f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise where.error("binary data (NUL byte) in spec text")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=CoreLoader)  # noqa: S506 - a safe loader subclass
    except json.JSONDecodeError as exc:
        raise where.error(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        raise where.error(f"invalid YAML: {_yaml_message(exc)}") from None
    except RecursionError:
        raise where.error("nesting too deep to parse") from None
    _check_tree(data, where)
    return data


# YAML anchors let a small file describe a huge (or infinite) tree; every later stage
# walks the expanded tree, so its size is bounded here, once, in time linear in the file.
MAX_EXPANDED_NODES = 2_000_000


def _check_tree(data: Any, where: Loc) -> None:
    """`_check_aliases`, then `_normalise`, in one walk when no node is shared (a plain tree,
    the usual spec): then nothing recurses, and the expanded size is the node count."""
    containers, nodes = 0, 1
    seen: set[int] = set()
    keyed: list[dict[Any, Any]] = []  # mappings with non-string keys, normalised after the check
    stack = [data] if isinstance(data, dict | list) else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: the full check, then the general walk
            _check_aliases(data, where)
            _normalise(data)
            return
        seen.add(id(node))
        containers += 1
        children = node.values() if isinstance(node, dict) else node
        nodes += len(children)
        stack.extend(c for c in children if isinstance(c, dict | list))
        if isinstance(node, dict) and any(not isinstance(k, str) for k in node):
            keyed.append(node)
    if containers and min(nodes, MAX_EXPANDED_NODES + 1) > max(MAX_EXPANDED_NODES, 4 * containers):
        raise where.error(f"YAML aliases expand to more than {MAX_EXPANDED_NODES} nodes")
    for node in keyed:
        _normalise_keys(node)


def _check_aliases(data: Any, where: Loc) -> None:
    """Reject recursive YAML aliases and alias "bombs" whose expansion is far larger than the file."""
    if not isinstance(data, dict | list):
        return
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    cap = MAX_EXPANDED_NODES + 1
    while stack:
        node, done = stack.pop()
        children = list(node.values()) if isinstance(node, dict) else node
        if done:
            sizes[id(node)] = min(cap, 1 + sum(sizes.get(id(c), 1) for c in children))
            active.discard(id(node))
            continue
        if id(node) in sizes:
            continue
        active.add(id(node))
        stack.append((node, True))
        for child in children:
            if isinstance(child, dict | list) and id(child) not in sizes:
                if id(child) in active:
                    raise where.error("recursive YAML alias (a node that contains itself)")
                stack.append((child, False))
    if sizes[id(data)] > max(MAX_EXPANDED_NODES, 4 * len(sizes)):
        raise where.error(f"YAML aliases expand to more than {MAX_EXPANDED_NODES} nodes")


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is not None:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return str(problem)


def _normalise(data: Any) -> None:
    """Turn non-string mapping keys (`200:`) into strings, once per shared node."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            _normalise_keys(node)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))


def _normalise_keys(node: dict[Any, Any]) -> None:
    if any(not isinstance(k, str) for k in node):
        items = [(_key(k), v) for k, v in node.items()]
        node.clear()
        node.update(items)


def _key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def check_refs(spec: Spec, file: str) -> None:
    """Resolve every `$ref` in one document (loading referenced files) and reject bad ones.

    A `$ref` key is a reference only where a schema or a reference object may stand: the
    keys of a name map (`properties`, `patternProperties`) are names, so a property called
    `$ref` (Kubernetes' JSONSchemaProps has one) is data; so is anything under an example,
    default, enum, const or extension (`x-...`) value.
    """
    seen: set[int] = set()
    # (node, where, whether the node is a name map whose keys are not keywords); where is
    # (parent's where, key), None at the root: the pointer is only joined for a `$ref`.
    stack: list[tuple[Any, Any, bool]] = [(spec.documents[file], None, False)]
    while stack:
        node, at, name_map = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, list):
            stack.extend((v, (at, i), False) for i, v in enumerate(node) if isinstance(v, dict | list))
            continue
        if not isinstance(node, dict):
            continue
        if not name_map and "$ref" in node:
            ref, loc = node["$ref"], _loc(file, at)
            if not isinstance(ref, str):
                raise loc.child("$ref").error("$ref must be a string")
            spec.deref(node, loc)
        nested = at is not None
        for key, value in node.items():
            if isinstance(value, dict | list) and (name_map or not _data_key(key, nested)):
                stack.append((value, (at, key), not name_map and key in NAME_MAPS))


def _loc(file: str, at: Any) -> Loc:
    """The location of a (parent, key) chain from `check_refs`."""
    parts = []
    while at is not None:
        at, key = at
        parts.append(key)
    return Loc(file, pointer_join("", *reversed(parts)))


# Values under these keys are data, not schema: a `$ref` key inside an example is just a key.
DATA_KEYS = frozenset({"example", "examples", "default", "const", "enum"})
# Maps from names to schemas: their keys are names, even `$ref` or `discriminator`.
NAME_MAPS = frozenset({"properties", "patternProperties"})


def is_data_key(key: str, loc: Loc) -> bool:
    """Whether the value under `key` is data (never a schema or reference) at `loc`."""
    return _data_key(key, bool(loc.pointer))


def _data_key(key: str, nested: bool) -> bool:
    return key.startswith("x-") or (key in DATA_KEYS and nested)


def load_spec(
    path: Path, overlays: Sequence[Path] = (), operation_names: Sequence[tuple[str, str, str]] = ()
) -> Spec:
    """Load and check the spec at `path`, with `overlays` and then the configured operation
    names applied before any check: OpenAPI 3.0/3.1, a mapping, every `$ref` sound."""
    shown = path.name
    if path.is_dir():
        raise SpecError(str(path), "", "is a directory, expected an OpenAPI YAML or JSON file")
    data = read_document(path, shown)
    where = Loc(shown, "")
    if data is None:
        raise where.error("empty document")
    if not isinstance(data, dict):
        raise where.error(f"expected a mapping at the top level, found {type(data).__name__}")
    notes: list[str] = []
    if overlays or operation_names:  # imported here: its JSONPath engine costs ~30 ms to import
        from generator.overlay import apply_overlay, rename_operations

        for overlay in overlays:
            notes += apply_overlay(data, read_document(overlay, overlay.name), overlay.name)
        rename_operations(data, operation_names, "[tool.sdkgen.operations]")
    if "swagger" in data:
        raise where.child("swagger").error("Swagger 2.0 is not supported; convert to OpenAPI 3")
    version = data.get("openapi")
    if version is None:
        raise where.error("missing 'openapi' version field")
    if not isinstance(version, str) or not re.match(r"^3\.[01](\.\d+)?(-[\w.]+)?$", version):
        raise where.child("openapi").error(f"unsupported OpenAPI version {version!r} (need 3.0 or 3.1)")
    for key in ("paths", "components", "info"):
        if key in data and data[key] is not None and not isinstance(data[key], dict):
            raise where.child(key).error(f"'{key}' must be a mapping")
    spec = Spec(root_dir=path.parent, main_file=shown, documents={shown: data}, notes=notes)
    check_refs(spec, shown)
    return spec
