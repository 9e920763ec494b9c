"""The model view: IR models, enums and aliases -> the values model templates print.

Decides each module's imports, annotations, defaults and escaped docstrings, and where
import cycles between models (mutual recursion) need deferred imports plus a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.ir import Alias, Api, Enum, Model, Named, TypeRef
from generator.targets.python.names import PyNames, module_name
from generator.targets.python.text import docstring
from generator.targets.python.types import Annotator, default_source, is_mutable_default, py_literal


@dataclass
class FieldView:
    """One class attribute, ready to print."""

    name: str
    annotation: str
    default: str | None  # the text after `=`, or None for a required field
    doc: str

    @property
    def declaration(self) -> str:
        """The whole `name: annotation = default` line."""
        tail = f" = {self.default}" if self.default is not None else ""
        return f"{self.name}: {self.annotation}{tail}"


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


def module_views(api: Api, names: PyNames) -> list[ModuleView]:
    """A view per named type, in name order."""
    cycles = _cycle_partners(api)
    named: list[Named] = sorted([*api.models, *api.enums, *api.aliases], key=lambda n: n.name)
    return [_view(api, names, n, cycles.get(n.name, set())) for n in named]


def _view(api: Api, names: PyNames, named: Named, partners: set[str]) -> ModuleView:
    view = ModuleView(
        kind="",
        name=named.name,
        module=module_name(named.name),
        package=named.module,
        doc=docstring(named.description),
    )
    ann = Annotator(api, names)
    if isinstance(named, Model):
        _model(api, names, named, ann, view)
    elif isinstance(named, Enum):
        view.kind, view.open_enum = "enum", named.open
        view.enum_base = {"str": "StrEnum", "int": "IntEnum"}.get(named.base, "Enum")
        view.members = [(names.member(named, m), py_literal(m.value)) for m in named.members]
    else:
        view.kind, view.target = "alias", ann.annotation(named.target)
        ann.typing.add("TypeAlias")
    view.stdlib = sorted(ann.modules)
    view.typing = sorted(ann.typing)
    view.pydantic = sorted(ann.pydantic)
    for cls in sorted(ann.classes - {named.name}):
        target = api.named(cls)
        rel = _relative(named.module, target.module, module_name(cls))
        (view.deferred if cls in partners else view.imports).append((rel, cls))
    if view.deferred:
        view.typing = sorted({*view.typing, "TYPE_CHECKING"})
    return view


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
        if not f.required and default == "None" and not f.type.nullable and annotation not in ("Any", "None"):
            annotation += " | None"
            view.drop_none.append(name)
        args = []
        if name != f.wire:
            args.append(f"alias={py_literal(f.wire)}")
        if default is not None and is_mutable_default(default):
            args.insert(0, f"default_factory=lambda: {default}")
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


def _relative(src: str, dst: str, module: str) -> str:
    return f".{module}" if src == dst else f"..{dst}.{module}"


def _deps(api: Api, t: TypeRef, out: set[str], seen: set[str]) -> None:
    if t.kind == "model":
        out.add(t.name)
    elif t.kind == "alias" and t.name not in seen:
        seen.add(t.name)
        target = api.named(t.name)
        assert isinstance(target, Alias)
        _deps(api, target.target, out, seen)
    for arg in t.args:
        _deps(api, arg, out, seen)


def _cycle_partners(api: Api) -> dict[str, set[str]]:
    """For each model in an import cycle, the other members of its strongly connected set."""
    graph: dict[str, set[str]] = {}
    for m in api.models:
        deps: set[str] = set()
        for f in m.fields:
            _deps(api, f.type, deps, set())
        if m.extra_type is not None:
            _deps(api, m.extra_type, deps, set())
        graph[m.name] = deps - {m.name}
    partners: dict[str, set[str]] = {}
    for scc in _sccs(graph):
        if len(scc) > 1:
            for name in scc:
                partners[name] = set(scc) - {name}
    return partners


def _sccs(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative so deep reference chains cannot overflow the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                scc = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    scc.append(member)
                    if member == node:
                        break
                out.append(sorted(scc))
    return out
