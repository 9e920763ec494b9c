"""The model view: IR models, enums and aliases -> the values model templates print.

Decides each module's imports, annotations, defaults and escaped docstrings, and where
import cycles between models (mutual recursion) need deferred imports plus a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.graphs import sccs
from generator.ir import Alias, Api, Enum, Model, Named, TypeRef
from generator.targets.python.names import PyNames, module_name
from generator.targets.python.settled import (
    bind_models_source,
    call_statement,
    class_source,
    from_import,
    frozenset_source,
    import_block,
    module_key,
)
from generator.targets.python.text import docstring
from generator.targets.python.types import Annotator, default_source, is_mutable_default, py_literal

# Model modules this many imports above the bottom of their chain import lazily (see
# `_deferred_imports`): each nested import costs a dozen frames of the interpreter's stack.
CHAIN_LIMIT = 16
# Pydantic nests one validator per model level, in native code: beyond this many levels,
# building one at import could overflow the stack, so taller chains stay unbuilt (and noted).
BUILD_LIMIT = 500
_CHAIN = [
    "Imported once this class exists: a long chain of modules below this one loads one at",
    "a time (and every few levels of it build), bottom up, not one nested import per link.",
]
_DEFERRED_COMMENTS = {
    "cycle": [
        "Mutually recursive models: bound once this class exists; pydantic resolves them when",
        "the model is first used (its build is deferred).",
    ],
    "chain": _CHAIN,
    "build": _CHAIN,
}


@dataclass
class FieldView:
    """One class attribute, ready to print."""

    name: str
    annotation: str
    default: str | None  # the text after `=`, or None for a required field
    doc: str

    @property
    def declaration(self) -> str:
        """The whole `name: annotation = default` statement (a `Field(...)` default broken as
        ruff breaks it when the line is too long)."""
        tail = f" = {self.default}" if self.default is not None else ""
        return call_statement(f"{self.name}: {self.annotation}{tail}", indent=4)


@dataclass
class ModuleView:
    """One generated module: a model, enum or alias with its imports."""

    kind: str
    name: str
    module: str
    package: str  # components | operations
    doc: str
    stdlib: list[str] = field(default_factory=list)
    typing: list[str] = field(default_factory=list)
    pydantic: list[str] = field(default_factory=list)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (relative module, class)
    deferred: list[tuple[str, str]] = field(default_factory=list)
    chain: bool = False  # atop a long chain of modules: deferred imports build it bottom up
    deferred_comment: list[str] = field(default_factory=list)  # why the imports are deferred
    fields: list[FieldView] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)
    enum_base: str = ""
    open_enum: bool = False
    target: str = ""
    base: str = "SdkModel"
    config: str = ""
    optional: list[str] = field(default_factory=list)
    drop_none: list[str] = field(default_factory=list)
    json_fields: list[str] = field(default_factory=list)
    error_message: str = ""  # the attribute holding an error body's message
    files: bool = False  # a multipart body's model: its binary fields take files (FileInput)
    import_block: str = ""  # every import above the TYPE_CHECKING block, in isort's order
    deferred_lines: list[str] = field(default_factory=list)  # the TYPE_CHECKING imports, likewise

    @property
    def class_line(self) -> str:
        """`class Name(Base):`, its base on a line of its own when too long (ruff's layout)."""
        return class_source(self.name, self.enum_base if self.kind == "enum" else self.base)

    @property
    def bind_call(self) -> str:
        """The `bind_models(...)` call of the deferred imports, laid out as ruff lays it out."""
        return bind_models_source(self.deferred, self.chain and self.kind == "model")

    @property
    def optional_line(self) -> str:
        """The `__sdk_optional__` declaration, laid out as ruff lays it out."""
        return frozenset_source("__sdk_optional__: ClassVar[frozenset[str]]", self.optional)

    @property
    def drop_none_line(self) -> str:
        """The `__sdk_drop_none__` declaration, laid out as ruff lays it out."""
        return frozenset_source("__sdk_drop_none__: ClassVar[frozenset[str]]", self.drop_none)

    @property
    def optional_src(self) -> str:
        """Source of the `__sdk_optional__` set."""
        return _frozenset_src(self.optional)

    @property
    def drop_none_src(self) -> str:
        """Source of the `__sdk_drop_none__` set."""
        return _frozenset_src(self.drop_none)

    @property
    def json_fields_src(self) -> str:
        """Source of the `__sdk_json_fields__` tuple."""
        return "(" + "".join(py_literal(n) + ", " for n in self.json_fields).rstrip(" ") + ")"


def _frozenset_src(names: list[str]) -> str:
    return "frozenset({" + ", ".join(py_literal(n) for n in names) + "})"


class FileAnnotator(Annotator):
    """Annotations of a multipart body's model: a binary field takes what the method's file
    arguments take (bytes, an open binary file, a path, a tuple with a filename)."""

    files = False  # whether a binary field was met

    def _bare(self, t: TypeRef) -> str:
        if t.kind == "bytes":
            self.files = True
            return "FileInput"
        return super()._bare(t)


def multipart_models(api: Api) -> frozenset[str]:
    """The models a multipart request body is made of: the body's own, or each one of its union."""
    found: set[str] = set()
    for op in api.operations:
        body = op.body
        if body is not None and any(kind == "multipart" for _, kind in body.offered):
            _top_models(api, body.type, found, set())
    return frozenset(found)


def _top_models(api: Api, t: TypeRef, out: set[str], seen: set[str]) -> None:
    if t.kind == "model":
        out.add(t.name)
    elif t.kind == "alias" and t.name not in seen:
        seen.add(t.name)
        target = api.named(t.name)
        assert isinstance(target, Alias)
        _top_models(api, target.target, out, seen)
    elif t.kind == "union":
        for arg in t.args:
            _top_models(api, arg, out, seen)


def module_views(api: Api, names: PyNames, graph: ImportGraph | None = None) -> list[ModuleView]:
    """A view per named type, in name order."""
    deferred = _deferred_imports(graph or import_graph(api, names))
    named: list[Named] = sorted([*api.models, *api.enums, *api.aliases], key=lambda n: n.name)
    files = multipart_models(api)
    return [_view(api, names, n, *deferred.get(n.name, (set(), "")), files=files) for n in named]


def _view(
    api: Api, names: PyNames, named: Named, partners: set[str], reason: str, *, files: frozenset[str]
) -> ModuleView:
    view = ModuleView(
        kind="",
        name=named.name,
        module=module_name(named.name),
        package=named.module,
        doc=docstring(named.description),
        chain=reason == "build",
    )
    ann = FileAnnotator(api, names) if named.name in files else Annotator(api, names)
    if isinstance(named, Model):
        _model(api, names, named, ann, view)
    elif isinstance(named, Enum):
        view.kind, view.open_enum = "enum", named.open
        view.enum_base = {"str": "StrEnum", "int": "IntEnum"}.get(named.base, "Enum")
        view.members = [(names.member(named, m), py_literal(m.value)) for m in named.members]
    elif named.name in names.recursive_aliases:
        view.kind, view.target = "recursive_alias", py_literal(ann.annotation(named.target))
    else:
        view.kind, view.target = "alias", ann.annotation(named.target)
        ann.typing.add("TypeAlias")
    view.files = isinstance(ann, FileAnnotator) and ann.files
    view.stdlib = sorted(ann.modules)
    view.typing = sorted(ann.typing)
    view.pydantic = sorted(ann.pydantic)
    for cls in sorted(ann.classes - {named.name}):
        target = api.named(cls)
        rel = _relative(named.module, target.module, module_name(cls))
        (view.deferred if cls in partners else view.imports).append((rel, cls))
    if view.deferred:
        view.typing = sorted({*view.typing, "TYPE_CHECKING"})
        view.deferred_comment = list(_DEFERRED_COMMENTS[reason])
    _import_block(view)
    return view


def _import_block(view: ModuleView) -> None:
    """The module's imports as isort sorts them (so that the module may skip ruff)."""
    stdlib = [f"import {m}" for m in sorted(view.stdlib, key=module_key)]
    third: list[str] = []
    local: list[str] = []
    if view.kind == "enum":
        stdlib.append(f"from enum import {view.enum_base}")
        if view.open_enum:
            stdlib.append("from typing import Any")
            local.append("from ..._base import open_member")
    elif view.typing:
        stdlib.append(from_import("typing", view.typing))
    if view.pydantic:
        third.append(from_import("pydantic", view.pydantic))
    ordered = sorted(view.imports, key=lambda pair: module_key(pair[0]))
    later = sorted(view.deferred, key=lambda pair: module_key(pair[0]))
    view.deferred_lines = [from_import(rel, [cls], indent=4) for rel, cls in later]
    if view.kind == "model":
        local.append(from_import("..._base", [view.base, *(["bind_models"] if view.deferred else [])]))
        if view.files:
            local.append("from ..._multipart import FileInput")
    elif view.kind == "recursive_alias":
        third.append("from typing_extensions import TypeAliasType")
        if view.deferred:
            local.append("from ..._base import bind_models")
    elif view.kind == "alias":
        ordered = sorted([*view.imports, *view.deferred], key=lambda pair: module_key(pair[0]))
    local += [from_import(rel, [cls]) for rel, cls in ordered]
    view.import_block = import_block([["from __future__ import annotations"], stdlib, third, local])


def _model(api: Api, names: PyNames, model: Model, ann: Annotator, view: ModuleView) -> None:
    view.kind = "model"
    attributes = names.fields(model)
    for f in model.fields:
        name = attributes[f.wire]
        annotation = ann.annotation(f.type)
        default = None if f.required else "None"
        explicit = default_source(f, api, names)
        if explicit is not None:
            default = explicit
        if not f.required and default == "None" and not _admits_null(api, f.type):
            annotation += " | None"
            view.drop_none.append(name)
        args = []
        if name != f.wire:
            args.append(f"alias={py_literal(f.wire)}")
        if default is not None and is_mutable_default(default):
            # An empty one is the builtin itself (ruff's PIE807, a default rule, refuses `lambda: []`).
            factory = {"[]": "list", "{}": "dict"}.get(default, f"lambda: {default}")
            args.insert(0, f"default_factory={factory}")
        elif default is not None and args:
            args.insert(0, f"default={default}")
        if args:
            ann.pydantic.add("Field")
            default = "Field(" + ", ".join(args) + ")"
        if not f.required:
            view.optional.append(name)
        view.fields.append(FieldView(name, annotation, default, docstring(f.description)))
    if model.extra == "forbid":
        ann.pydantic.add("ConfigDict")
        view.config = 'model_config = ConfigDict(extra="forbid")'
    elif model.extra_type is not None:
        view.config = f"__pydantic_extra__: dict[str, {ann.annotation(model.extra_type)}]"
    if model.json_fields:
        view.base = "SdkJsonEnvelope"
        view.json_fields = list(model.json_fields)
    flagged = next((f for f in model.fields if f.error_message and f.type.kind == "str"), None)
    if flagged is not None:
        view.error_message = names.field(model, flagged)
    if view.optional or view.json_fields or view.error_message:
        ann.typing.add("ClassVar")


def _admits_null(api: Api, t: TypeRef) -> bool:
    """Whether the spec allows `null` for `t` (through aliases): an explicit null then stays."""
    seen: set[str] = set()
    while t.kind == "alias" and not t.nullable and t.name not in seen:
        seen.add(t.name)
        target = api.named(t.name)
        assert isinstance(target, Alias)
        t = target.target
    return t.nullable or t.kind in ("null", "any")


def _relative(src: str, dst: str, module: str) -> str:
    return f".{module}" if src == dst else f"..{dst}.{module}"


def _deps(api: Api, t: TypeRef, out: set[str], seen: set[str], named: frozenset[str]) -> None:
    """The models (and `named` aliases) a module must import for `t`."""
    if t.kind == "model" or (t.kind == "alias" and t.name in named):
        out.add(t.name)
    elif t.kind == "alias" and t.name not in seen:
        seen.add(t.name)
        target = api.named(t.name)
        assert isinstance(target, Alias)
        _deps(api, target.target, out, seen, named)
    for arg in t.args:
        _deps(api, arg, out, seen, named)


def _deferred_imports(imports: ImportGraph) -> dict[str, tuple[set[str], str]]:
    """For each model, the models its module imports only once its class exists, and whether
    it is atop a long chain: the other members of its import cycle, or every dependency of
    a module with a long chain of modules below it (nested imports, one per link, would
    overflow the stack). Chains taller than pydantic can build are not built at import."""
    graph, height = imports.edges, imports.height
    deferred: dict[str, tuple[set[str], str]] = {}
    for scc in imports.cycles:
        for name in scc:
            if height[name] >= CHAIN_LIMIT:
                # Every CHAIN_LIMIT-th level is built at import (from the bottom up), so the
                # first use of any model builds at most that many levels below it.
                marks = any(height[d] % CHAIN_LIMIT == 0 for d in graph[name] if height[d])
                build = marks and height[name] < BUILD_LIMIT
                deferred[name] = (set(graph[name]), "build" if build else "chain")
            elif len(scc) > 1:
                deferred[name] = (set(scc) - {name}, "cycle")
    return deferred


def too_deep(api: Api, names: PyNames, graph: ImportGraph | None = None) -> list[str]:
    """Notes for models nested deeper than pydantic validates (its validators nest as deep)."""
    height = (graph or import_graph(api, names)).height
    tallest = max(height.values(), default=0)
    if tallest < BUILD_LIMIT:
        return []
    count = sum(1 for h in height.values() if h >= BUILD_LIMIT)
    tops: list[Model | Alias] = [*api.models, *api.aliases]
    top = next(m for m in tops if height.get(m.name) == tallest)
    return [
        f"{top.loc}: models nested {tallest + 1} deep: pydantic builds validators at most"
        f" {BUILD_LIMIT} levels deep, so {count} models above that depth raise RecursionError when used"
    ]


@dataclass
class ImportGraph:
    """The models (and recursive aliases) each model's (or such alias's) module imports, its
    import cycles (sinks first), and the longest chain of imports below each module (members
    of a cycle count as one). Built once per render: the views and `too_deep` share it."""

    edges: dict[str, set[str]]
    cycles: list[list[str]]
    height: dict[str, int]


def import_graph(api: Api, names: PyNames) -> ImportGraph:
    """The import graph of the model modules."""
    named = names.recursive_aliases
    graph: dict[str, set[str]] = {}
    for m in api.models:
        deps: set[str] = set()
        for t in [f.type for f in m.fields] + ([m.extra_type] if m.extra_type else []):
            _deps(api, t, deps, set(), named)
        graph[m.name] = deps - {m.name}
    for a in api.aliases:
        if a.name in named:
            deps = set()
            _deps(api, a.target, deps, set(), named)
            graph[a.name] = deps - {a.name}
    height: dict[str, int] = {}
    cycles = sccs(graph)
    for scc in cycles:  # sinks first: every dependency's height is known
        below = {d for name in scc for d in graph[name]} - set(scc)
        level = 1 + max((height[d] for d in below if d in height), default=-1)
        height.update(dict.fromkeys(scc, level))
    return ImportGraph(graph, cycles, height)
