"""Python identifiers for the IR's wire names: attributes, keyword arguments, methods, enum
members, resource attributes, modules, constructor keywords and environment variables.

The IR holds wire names and neutral words only; this module applies Python's rules to them
(keywords, shadowed builtins and pydantic attributes get a trailing underscore; names are
made unique in spec order). `PyNames` decides each name once per Api, so the model, client
and docs views can never disagree.
"""

from __future__ import annotations

import functools
import keyword
from dataclasses import dataclass

from generator import naming
from generator.errors import UsageError
from generator.ir import (
    Alias,
    Api,
    Enum,
    EnumMember,
    Field,
    Model,
    Operation,
    Param,
    Resource,
    SecurityScheme,
    TypeRef,
)

# Names the generated modules refer to at module or class scope; a field or member with
# one of these names would shadow it (`str: int = 0` breaks a later `name: str`).
GENERATED_REFERENCES = naming.IMPORTED_NAMES | frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "dict",
        "tuple",
        "frozenset",
        "importlib",
        "datetime",
        "uuid",
        "decimal",
        "open_member",
    }
)
# BaseModel's own attributes: a field with such a name would shadow or break pydantic.
PYDANTIC_ATTRS = frozenset(
    {
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "fields",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "register",
        "validate_json",
    }
)
# Every method signature takes these; a parameter of the same name gets a suffix.
METHOD_KEYWORDS = frozenset({"timeout", "retries", "self", "request_body"})
# Methods of every resource class (and of the SDK class, which holds untagged operations).
RESOURCE_METHODS = frozenset({"with_options", "close", "aclose"})
# Keywords of the SDK constructor besides the credentials.
CLIENT_KEYWORDS = frozenset({"server_url", "timeout", "retries", "http_client", "self"})
# Import names taken by the SDK's own dependencies (or by sdkgen).
RESERVED_PACKAGES = frozenset({"generator", "pydantic", "httpx", "typing"})


@functools.lru_cache(maxsize=1 << 16)
def attribute_name(raw: str, fallback: str = "field") -> str:
    """A snake_case attribute (field, parameter, method) name for a wire name.

    Keywords, pydantic's attributes and the builtins the generated modules refer to get
    a trailing underscore (the wire name survives as the alias); other builtins such as
    `id`, `type` or `object` stay, since as class attributes they shadow nothing used.
    """
    name = naming.snake(raw) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        and name == "_"
        or name in GENERATED_REFERENCES
        or name in PYDANTIC_ATTRS
        or name.startswith("model_")
        or name in ("l", "O", "I")  # ambiguous to read (pycodestyle E741)
        or name == "self"  # body fields become method keywords beside `self` (found by fuzz)
    ):
        name += "_"
    return naming.bounded(name).lower()


# Builtin types a method may be named after (`list` is the most common verb of real APIs): a
# resource module then spells the type `builtins.list` in that class's annotations (client.py).
# `int` and `bool` stay escaped: the method template's fixed annotations use them.
SHADOWABLE_BUILTINS = frozenset(
    {"list", "dict", "str", "bytes", "float", "tuple", "set", "frozenset", "type", "object"}
)


def method_name(raw: str) -> str:
    """A method name for an operation: an attribute name, except that a builtin type's name
    stays as it is (a method may shadow `list`; its class spells the type `builtins.list`)."""
    name = attribute_name(raw, "call")
    return name[:-1] if name.endswith("_") and name[:-1] in SHADOWABLE_BUILTINS else name


def member_name(value: object) -> str:
    """An enum member name for a value: `"chat.completion"` -> `CHAT_COMPLETION`."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        text = str(value).replace("-", "MINUS_").replace(".", "_")
        return f"VALUE_{text}".upper()
    name = naming.upper_snake(str(value))
    if not name:
        return "EMPTY" if value == "" else "VALUE"
    if name[0].isdigit():
        name = "VALUE_" + name
    if keyword.iskeyword(name) or name.startswith("_") or name in {"NAME", "VALUE", "O", "I"}:
        name += "_"  # O and I: ambiguous to read (pycodestyle E741)
    return name


WEBHOOKS_ATTRIBUTE = "webhooks"  # `sdk.webhooks`, when the spec declares webhooks


@functools.lru_cache(maxsize=1 << 16)
def module_name(class_: str) -> str:
    """The module (and docs page) file stem for a class: its lowercased name, bounded."""
    name = naming.file_stem(class_)
    return name + "_" if keyword.iskeyword(name) else name


def check_package(name: str) -> str:
    """The SDK's import name must be a plain, non-keyword Python identifier we do not use."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name):
        raise UsageError(f"--package {name!r}: not a valid Python import name")
    if name.startswith("_") or name in RESERVED_PACKAGES:
        raise UsageError(f"--package {name!r}: reserved name, choose another")
    return name


@dataclass(frozen=True)
class SchemeNames:
    """A security scheme's constructor keyword and the environment variable it falls back to."""

    param: str
    env_var: str


class PyNames:
    """Every Python identifier of one Api, decided once, in spec order, and cached."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self._fields: dict[str, dict[str, str]] = {}  # model -> wire name -> attribute
        self._members: dict[str, dict[object, str]] = {}  # enum -> value -> member
        self._params: dict[str, dict[tuple[str, str], str]] = {}  # operation -> (wire, in) -> arg
        # Operations are keyed by `class_prefix`, resources by their first operation's:
        # both are unique across the Api.
        self._resources: dict[str, str] = {}
        self._methods: dict[str, str] = {}
        self._of: dict[str, str] = {}  # operation -> its resource's attribute
        # each resource level (keys, as `Resource.path`) -> its attribute on its parent
        self.levels: dict[tuple[str, ...], str] = {}
        self._resolve_resources()
        self._schemes = self._resolve_schemes()
        self._recursive: frozenset[str] | None = None

    # -- models and enums --------------------------------------------------------------------

    def fields(self, model: Model) -> dict[str, str]:
        """The attribute of each field of `model`, by wire name."""
        cached = self._fields.get(model.name)
        if cached is None:
            registry = naming.Registry()
            cached = {f.wire: registry.claim(attribute_name(f.name_override or f.wire)) for f in model.fields}
            self._fields[model.name] = cached
        return cached

    def field(self, model: Model, f: Field) -> str:
        """The attribute of one field of `model`."""
        return self.fields(model)[f.wire]

    def body_field(self, op: Operation, f: Field) -> str:
        """The keyword argument of a request-body field (the body model's attribute)."""
        assert op.body is not None
        model = self.api.named(op.body.model)
        assert isinstance(model, Model)
        return self.field(model, f)

    def member(self, enum: Enum, m: EnumMember) -> str:
        """The member name of one value of `enum`."""
        cached = self._members.get(enum.name)
        if cached is None:
            registry = naming.Registry()
            cached = {e.value: registry.claim(member_name(e.value)) for e in enum.members}
            self._members[enum.name] = cached
        return cached[m.value]

    @property
    def recursive_aliases(self) -> frozenset[str]:
        """Aliases that reach themselves through aliases alone: they stay named
        (`TypeAliasType`) where every other alias is written out in place."""
        if self._recursive is None:
            self._recursive = frozenset(
                a.name for a in self.api.aliases if _reaches(self.api, a.target, a.name)
            )
        return self._recursive

    # -- operations --------------------------------------------------------------------------

    def param(self, op: Operation, p: Param) -> str:
        """The keyword argument of a path, query, header or cookie parameter."""
        cached = self._params.get(op.class_prefix)
        if cached is None:
            taken = set(METHOD_KEYWORDS)
            if op.body is not None and op.body.fields:
                taken |= {self.body_field(op, f) for f in op.body.fields}
            registry = naming.Registry(taken)
            cached = {
                (q.wire, q.location): registry.claim(attribute_name(q.wire, "param")) for q in op.params
            }
            self._params[op.class_prefix] = cached
        return cached[(p.wire, p.location)]

    def method(self, op: Operation) -> str:
        """The method of an operation on its resource."""
        return self._methods[op.class_prefix]

    def resource_of(self, op: Operation) -> str:
        """The attribute of the resource holding `op` ("" for untagged operations)."""
        return self._of[op.class_prefix]

    def resource(self, res: Resource) -> str:
        """The SDK attribute of a resource (`sdk.chat`); "" for the untagged operations."""
        return self._resources[res.operations[0].class_prefix]

    def resource_module(self, res: Resource) -> str:
        """The module and docs folder of a resource; `_root` (never an attribute) when untagged."""
        return self.level_module(res.path) if res.path else "_root"

    def level_module(self, path: tuple[str, ...]) -> str:
        """The module of a resource level: its attributes joined by `__` (a nested one can
        never meet a top-level one, whose attribute has no double underscore)."""
        return "__".join(self.levels[path[:d]] for d in range(1, len(path) + 1))

    def resource_label(self, res: Resource) -> str:
        """How docs and docstrings name a resource: its declared tag, else its attribute
        (an undeclared tag may be spelled several ways; the attribute is how users reach it)."""
        return res.tag if res.declared else self.resource(res)

    def _resolve_resources(self) -> None:
        # The core groups tags by the same words, digit prefix and bound this attribute has,
        # so attributes never collide; claiming them keeps that true should the rules drift.
        # A level's attribute is claimed once, where the level is first met: `beta` of
        # `beta.conversations` is the same attribute as a `beta` resource of its own.
        # `sdk.webhooks` is taken first: a tag or untagged operation of that name moves aside;
        # so are the SDK's own methods (`close`), as on every resource.
        hooks = {WEBHOOKS_ATTRIBUTE} if self.api.webhooks else set()
        levels: dict[tuple[str, ...], naming.Registry] = {(): naming.Registry(hooks | RESOURCE_METHODS)}
        for res in self.api.resources:
            first = res.operations[0]
            spelled = res.tag.split(".") if len(res.path) > 1 else [res.tag]
            for depth in range(1, len(res.path) + 1):
                key = res.path[:depth]
                if key not in self.levels:
                    parent = levels.setdefault(key[:-1], naming.Registry(RESOURCE_METHODS))
                    text = spelled[depth - 1] if depth - 1 < len(spelled) else key[-1]
                    self.levels[key] = parent.claim(attribute_name(text, "resource"))
            attr = ".".join(self.levels[res.path[:d]] for d in range(1, len(res.path) + 1))
            self._resources[first.class_prefix] = attr
            # A method never takes the name of a nested resource reached from here, nor (on
            # the client itself) `webhooks`.
            methods = levels.setdefault(res.path, naming.Registry(RESOURCE_METHODS)) if res.path else None
            methods = methods or naming.Registry({*RESOURCE_METHODS, *hooks})
            for op in res.operations:
                wanted = method_name(op.name)
                self._methods[op.class_prefix] = methods.claim(wanted)
                self._of[op.class_prefix] = attr

    # -- the client ----------------------------------------------------------------------------

    def scheme(self, s: SecurityScheme) -> SchemeNames:
        """The constructor keyword and environment variable of a security scheme."""
        return self._schemes[s.key]

    @property
    def schemes(self) -> list[SchemeNames]:
        """The names of every security scheme, in the order of `api.security`."""
        return [self._schemes[s.key] for s in self.api.security]

    def _resolve_schemes(self) -> dict[str, SchemeNames]:
        params = naming.Registry(CLIENT_KEYWORDS)
        prefix = self.api.env_prefix or self.api.package.upper()
        return {
            s.key: SchemeNames(
                params.claim(attribute_name(s.key, "auth")),
                f"{prefix}_{naming.upper_snake(s.key) or 'AUTH'}",
            )
            for s in self.api.security
        }


def _reaches(api: Api, start: TypeRef, name: str) -> bool:
    """Whether the alias `name` occurs in `start`, following aliases (not models)."""
    stack, seen = [start], set()
    while stack:
        t = stack.pop()
        if t.kind == "alias":
            if t.name == name:
                return True
            if t.name in seen:
                continue
            seen.add(t.name)
            target = api.named(t.name)
            assert isinstance(target, Alias)
            stack.append(target.target)
        stack.extend(t.args)
    return False
