"""The Python identifiers the diff reports, read in one place: the Python target's `PyNames`.

`PyNames` decides every name for one Api in one pass; the diff asks for names of two Apis,
back and forth, so one instance per Api is kept (by identity: an Api is not hashable).
"""

from __future__ import annotations

from generator.ir import Api, Enum, EnumMember, Field, Model, Operation, Param, Resource, SecurityScheme
from generator.targets.python.names import PyNames

_CACHE: list[tuple[Api, PyNames]] = []
_KEEP = 4  # a diff holds two Apis; a few more for tests that diff several pairs in turn


def names(api: Api) -> PyNames:
    """The Python target's names of `api`, built once."""
    for known, found in _CACHE:
        if known is api:
            return found
    made = PyNames(api)
    _CACHE.insert(0, (api, made))
    del _CACHE[_KEEP:]
    return made


def field_attr(api: Api, model: Model, field: Field) -> str:
    """The attribute (and constructor keyword) name of a model field."""
    return names(api).field(model, field)


def body_field(api: Api, op: Operation, field: Field) -> str:
    """The keyword argument name of a request-body field."""
    return names(api).body_field(op, field)


def param_arg(api: Api, op: Operation, param: Param) -> str:
    """The keyword argument name of a path, query, header or cookie parameter."""
    return names(api).param(op, param)


def method_name(api: Api, op: Operation) -> str:
    """The method name of an operation on its resource."""
    return names(api).method(op)


def resource_attr(api: Api, resource: Resource) -> str:
    """The client attribute of a resource (`""` for methods on the client itself)."""
    return names(api).resource(resource)


def member_name(api: Api, enum: Enum, member: EnumMember) -> str:
    """The enum member's attribute name."""
    return names(api).member(enum, member)


def auth_param(api: Api, scheme: SecurityScheme) -> str:
    """The client constructor keyword of a security scheme."""
    return names(api).scheme(scheme).param


def auth_env(api: Api, scheme: SecurityScheme) -> str:
    """The environment variable a security scheme falls back to."""
    return names(api).scheme(scheme).env_var
