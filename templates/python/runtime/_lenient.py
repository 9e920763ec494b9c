"""Lenient construction: a value built from JSON that did not validate against its type.

A stream event that deviates from the spec (a required field missing, a value of an
unexpected type) is still delivered, as the class the spec promises, built without
validation: every part that validates is validated, every part that does not is kept as
it came, and keys the class does not know stay reachable as the model's extra fields. So
`model_dump(by_alias=True)` gives back what the server sent. Imported on first use only:
a stream that never deviates never loads this module.
"""

from __future__ import annotations

import enum
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

__all__ = ["lenient", "union_tags"]

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(tp: Any) -> TypeAdapter[Any]:
    try:
        found = _ADAPTERS.get(tp)
    except TypeError:  # an unhashable annotation (e.g. Annotated with a FieldInfo)
        return TypeAdapter(tp)
    if found is None:
        found = _ADAPTERS[tp] = TypeAdapter(tp)
    return found


def lenient(tp: Any, value: Any) -> Any:
    """`value` validated as `tp` where it can be; the parts that cannot, kept as they are."""
    try:
        return _adapter(tp).validate_python(value)
    except ValidationError:
        pass
    origin = get_origin(tp)
    if origin is Annotated:
        return lenient(get_args(tp)[0], value)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _construct(tp, value) if isinstance(value, dict) else value
    if origin is Union or origin is types.UnionType:
        member = _closest(get_args(tp), value)
        return value if member is None else lenient(member, value)
    if origin is list and isinstance(value, list):
        (item,) = get_args(tp) or (Any,)
        return [lenient(item, v) for v in value]
    if origin is dict and isinstance(value, dict):
        _, item = get_args(tp) or (Any, Any)
        return {k: lenient(item, v) for k, v in value.items()}
    return value


def _construct(model: type[BaseModel], value: dict[str, Any]) -> BaseModel:
    values: dict[str, Any] = {}
    rest = dict(value)
    for name, field in model.model_fields.items():
        key = field.alias if field.alias is not None and field.alias in rest else name
        if key in rest:
            values[name] = lenient(field.annotation, rest.pop(key))
    # The keys the class does not know become extra fields (every SDK model allows them).
    return model.model_construct(set(values), **{**rest, **values})


def _closest(members: tuple[Any, ...], value: Any) -> Any:
    """The union member `value` most likely meant: the one sharing a tag with it, else the
    model with the most of its keys."""
    models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
    if not isinstance(value, dict) or not models:
        return None
    for model in models:
        for name, field in model.model_fields.items():
            key = field.alias or name
            if key in value and value[key] in _literal_values(field.annotation):
                return model
    return max(models, key=lambda m: len(_keys(m) & value.keys()))


def _keys(model: type[BaseModel]) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


def _literal_values(tp: Any) -> tuple[Any, ...]:
    if get_origin(tp) is Literal:
        return get_args(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum) and len(tp) == 1:
        return tuple(member.value for member in tp)
    return ()


def union_tags(tp: Any, discriminator: str) -> frozenset[Any] | None:
    """Every value the `discriminator` property takes in the members of union `tp`; None
    when a member does not pin it down (then no value can be called unknown)."""
    if get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    tags: set[Any] = set()
    for member in get_args(tp):
        if not (isinstance(member, type) and issubclass(member, BaseModel)):
            return None
        values = next(
            (
                _literal_values(field.annotation)
                for name, field in member.model_fields.items()
                if (field.alias or name) == discriminator
            ),
            (),
        )
        if not values:
            return None
        tags.update(values)
    return frozenset(tags) or None
