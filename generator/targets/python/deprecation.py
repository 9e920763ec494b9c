"""The deprecation notice of a Python method: one text for its docstring, docs page and warning."""

from __future__ import annotations

from generator.ir import Api, Operation
from generator.targets.python.names import PyNames

DEFAULT = "this method will be removed in a future release."


def notice(api: Api, names: PyNames, op: Operation) -> str:
    """What a deprecated operation's users read; "" when the operation is not deprecated."""
    if not op.deprecated:
        return ""
    text = op.deprecation_message or DEFAULT
    if op.replacement:
        text = f"{text.rstrip('.')}. Use `{_method_path(api, names, op.replacement)}` instead."
    return text


def _method_path(api: Api, names: PyNames, operation_id: str) -> str:
    """`resource.method` of the replacing operation, else its operationId as the spec wrote it."""
    other = next((o for o in api.operations if o.operation_id == operation_id), None)
    if other is None:
        return operation_id
    resource = names.resource_of(other)
    method = names.method(other)
    return f"{resource}.{method}" if resource else method
