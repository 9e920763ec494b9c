"""The TypeScript view of a paging operation: its `Paging` literal and `Page` return type."""

from __future__ import annotations

from generator.ir import Api, Model, Operation, Pagination, PathStep
from generator.pagination import property_path, settings
from generator.targets.typescript.names import TsNames
from generator.targets.typescript.results import reading
from generator.targets.typescript.text import ts_string, ts_value


def paged(api: Api, op: Operation) -> Model | None:
    """The model each page of `op` parses to, when `op` returns a `Page`: a list that pages whose
    success is JSON of a model (as in Python); None otherwise (it returns what it reads)."""
    read = reading(op.success, op.responses)
    t = read.type
    if op.pagination is None or op.stream is not None or read.kind != "json" or read.optional:
        return None
    named = api.named(t.name) if t is not None and t.kind == "model" and not t.nullable else None
    return named if isinstance(named, Model) else None


def paging_source(api: Api, names: TsNames, pagination: Pagination, response: Model) -> str:
    """The `Paging` object literal of `pagination` for a method whose success is `response`."""
    items = property_path(
        api, response.name, pagination.results, lambda m, f: names.fields(m, m.fields)[f.wire]
    )
    fields = [
        f"kind: {ts_string(pagination.kind)}",
        f"results: {_steps(pagination.results)}",
        f"items: {_steps(items)}",
    ]
    for key, value in settings(pagination):
        shown = _steps(value) if isinstance(value, tuple) else ts_value(value)
        fields.append(f"{'hasMore' if key == 'has_more' else key}: {shown}")
    return "{ " + ", ".join(fields) + " }"


def _steps(path: tuple[PathStep, ...]) -> str:
    return "[" + ", ".join(ts_value(s) for s in path) + "]"
