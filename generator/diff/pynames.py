"""The Python identifiers the diff reports, read in one place.

Python names are moving out of the IR into the Python target; only this adapter knows
where they live, so that move changes this module and nothing else in `generator.diff`.
"""

from __future__ import annotations

from generator.ir import Api, Enum, EnumMember, Field, Model, Operation, Param, Resource, SecurityScheme


def field_attr(api: Api, model: Model | None, field: Field) -> str:
    """The attribute (or keyword argument) name of a model or body field."""
    return field.name


def param_arg(api: Api, op: Operation, param: Param) -> str:
    """The keyword argument name of a path, query, header or cookie parameter."""
    return param.name


def method_name(api: Api, op: Operation) -> str:
    """The method name of an operation on its resource."""
    return op.method_name


def resource_attr(api: Api, resource: Resource) -> str:
    """The client attribute of a resource (`""` for methods on the client itself)."""
    return resource.name


def member_name(api: Api, enum: Enum, member: EnumMember) -> str:
    """The enum member's attribute name."""
    return member.name


def auth_param(api: Api, scheme: SecurityScheme) -> str:
    """The client constructor keyword of a security scheme."""
    return scheme.param


def auth_env(api: Api, scheme: SecurityScheme) -> str:
    """The environment variable a security scheme falls back to."""
    return scheme.env_var
