"""Base classes shared by every generated model.

Absent vs null: a field the payload did not contain is *unset*. It reads as `None` (or its
default) but is left out when the model is serialised, so `model_dump()` gives back exactly
the wire form that was parsed: absent stays absent, an explicit `null` stays `null`. Test
whether the server sent a field with `"name" in model.model_fields_set`. Dump with
`model_dump(by_alias=True)` (or `model_dump_json(by_alias=True)`) for the wire names.
"""

from __future__ import annotations

import importlib
import json
import threading
from enum import Enum
from typing import Any, ClassVar, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

_E = TypeVar("_E", bound=Enum)


class SdkModel(BaseModel):
    """A pydantic model that round-trips absent and null fields faithfully."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        # Validators are built on first use, not at import: an SDK with thousands of
        # models imports quickly and pays only for the models it touches.
        defer_build=True,
        protected_namespaces=(),
        use_attribute_docstrings=True,
    )

    # Optional fields: left out of the output unless set.
    __sdk_optional__: ClassVar[frozenset[str]] = frozenset()
    # Optional, non-nullable fields: `None` means "absent" there, never a JSON null.
    __sdk_drop_none__: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _sdk_serialize(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        data = handler(self)
        if not isinstance(data, dict) or not self.__sdk_optional__:
            return data
        fields_set = self.model_fields_set
        fields = type(self).model_fields
        for name in self.__sdk_optional__:
            unset = name not in fields_set
            if unset or (
                name in self.__sdk_drop_none__ and getattr(self, name) is None
            ):
                alias = fields[name].alias
                data.pop(alias if info.by_alias and alias else name, None)
        return data


class SdkJsonEnvelope(SdkModel):
    """A model some of whose fields may arrive as JSON text (an SSE event's `data`)."""

    __sdk_json_fields__: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _sdk_decode_json(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for name in cls.__sdk_json_fields__:
                raw = value.get(name)
                if isinstance(raw, str | bytes):
                    value = {**value, name: json.loads(raw)}
        return value


def open_member(cls: type[_E], value: object) -> _E | None:
    """Keep an enum value this SDK does not know yet (a newer server) as a pseudo-member."""
    base = next((b for b in cls.__mro__ if b in (str, int, float)), None)
    if base is None or not isinstance(value, base) or isinstance(value, bool):
        return None
    new: Any = base.__new__
    member: Any = new(cls, value)
    member._name_ = f"UNKNOWN_{value}"
    member._value_ = value
    return cast(_E, member)


class _Binding(threading.local):
    queue: list[tuple[dict[str, Any], str | None, dict[str, str], bool]] | None = None


_binding = _Binding()


def bind_models(
    namespace: dict[str, Any],
    package: str | None,
    names: dict[str, str],
    *,
    chain: bool = False,
) -> None:
    """Import each `class: relative module` of `names` into `namespace` once the caller's
    class exists (pydantic resolves them on first use: model builds are deferred).

    Imports made while binding only queue their own bindings, and one loop works the queue:
    a chain of model modules of any length (mutual recursion, or inline schemas nested
    hundreds deep) loads one module at a time instead of one nested import per link.
    The models of a `chain` are then built from the bottom up, for the same reason: the
    first use of its top model would otherwise build every model below it, nested.
    """
    if _binding.queue is not None:
        _binding.queue.append((namespace, package, names, chain))
        return
    queue = _binding.queue = [(namespace, package, names, chain)]
    try:
        for ns, pkg, wanted, _ in queue:  # grows while it is worked
            for cls, module in wanted.items():
                ns[cls] = getattr(importlib.import_module(module, pkg), cls)
    finally:
        _binding.queue = None
    for ns, _, wanted, in_chain in reversed(queue):
        for cls in wanted if in_chain else ():
            model = ns[cls]
            if isinstance(model, type) and issubclass(model, BaseModel):
                model.model_rebuild()
