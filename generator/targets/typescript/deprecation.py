"""The deprecation notice of a TypeScript method: one text for its JSDoc and its docs page."""

from __future__ import annotations

from generator.ir import Api, Operation
from generator.targets.typescript.names import TsNames

DEFAULT = "this method will be removed in a future release."


def notice(api: Api, names: TsNames, op: Operation) -> str:
    """What a deprecated operation's users read; "" when the operation is not deprecated."""
    if not op.deprecated:
        return ""
    text = op.deprecation_message or DEFAULT
    if not op.replacement:
        return text
    return f"{text.rstrip('.')}. Use `{_method_path(api, names, op.replacement)}` instead."


def method_path(api: Api, names: TsNames, op: Operation) -> str:
    """`resource.method` (or `method` for an untagged operation) of `op`."""
    return _method_path(api, names, op.operation_id)


def _method_path(api: Api, names: TsNames, operation_id: str) -> str:
    """`resource.method` of the replacing operation, else its operationId as the spec wrote it."""
    for res in api.resources:
        other = next((o for o in res.operations if o.operation_id == operation_id), None)
        if other is not None:
            method = names.methods(res)[id(other)]
            prop = names.resource_prop(res)
            return f"{prop}.{method}" if prop else method
    return operation_id
