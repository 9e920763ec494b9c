"""How a TypeScript method's parameters travel: the URL expression with each path parameter in
its style, the query, header and cookie entries the runtime encodes (`lib/http.ts`, the same
rules as the Python runtime), and a form body's per-property `encoding`.

Object values are turned into their wire form (`toWire(X$outboundSchema, ...)`) first, so the
runtime only ever sees wire names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import Api, Operation, Param, TypeRef
from generator.targets.typescript.models import access
from generator.targets.typescript.names import param_key
from generator.targets.typescript.text import ts_string
from generator.targets.typescript.types import TsTypes


@dataclass
class ParamsView:
    """What the resource template prints for one call's parameters."""

    path_expr: str
    query: list[str]  # `["wire", value, explode]` (+ `, "style"` when not form)
    headers: list[str]  # `["wire", value]`
    cookies: list[str]  # `["wire", value]`
    encoding: str  # a form or multipart body's `[["name", "style", explode(, "type")], ...]`; "" when none
    helpers: set[str]  # lib/http.ts names these expressions use


def params_view(api: Api, types: TsTypes, op: Operation, props: dict[tuple[str, str], str]) -> ParamsView:
    """The parameter expressions of `op` (request properties named by `props`)."""
    helpers: set[str] = set()

    def value(p: Param) -> str:
        expr = access("request", props[param_key(p)])
        if not _has_model(api, p.type, set()):
            return expr
        helpers.add("toWire")
        t = p.type
        named = t.kind == "model" and not t.nullable
        schema = f"{types.name(t.name)}$outboundSchema" if named else types.schema(t, outbound=True)
        return f"toWire({schema}, {expr})"

    # The path key's own query pairs (`/v1/files?beta=true`) first, sent with every call.
    query = [f"[{ts_string(k)}, {ts_string(v)}, true]" for k, v in op.fixed_query]
    for p in _at(op, "query"):
        style = "" if p.style in ("", "form") else f", {ts_string(p.style)}"
        query.append(f"[{ts_string(p.wire)}, {value(p)}, {str(p.explode).lower()}{style}]")
    headers = [f"[{ts_string(p.wire)}, {value(p)}]" for p in _at(op, "header")]
    cookies = [f"[{ts_string(p.wire)}, {value(p)}]" for p in _at(op, "cookie")]
    path = _path_expr(op, value)
    if _at(op, "path"):
        helpers.add("encodePath")
    return ParamsView(path, query, headers, cookies, _encoding(op), helpers)


def _at(op: Operation, location: str) -> list[Param]:
    return [p for p in op.params if p.location == location]


def _path_expr(op: Operation, value: Callable[[Param], str]) -> str:
    """The path as a `+` chain of literals and `encodePath(...)` calls."""
    by_wire = {p.wire: p for p in _at(op, "path")}
    pieces: list[str] = []
    for text, is_param in op.path_parts():
        p = by_wire.get(text) if is_param else None
        if p is None:
            pieces.append(ts_string("{" + text + "}" if is_param else text))
            continue
        args = [value(p), ts_string(p.wire)]
        if p.style not in ("", "simple") or p.explode:
            args += [ts_string(p.style or "simple"), str(p.explode).lower()]
        pieces.append(f"encodePath({', '.join(args)})")
    return " + ".join(pieces)


def _encoding(op: Operation) -> str:
    """A body's per-property `encoding` as `[name, style, explode(, part type)]` rows; "" when none."""
    if op.body is None or not op.body.encoding:
        return ""
    rows = []
    for e in op.body.encoding:
        explode = "null" if e.explode is None else str(e.explode).lower()
        part = f", {ts_string(e.content_type)}" if e.content_type else ""
        rows.append(f"[{ts_string(e.name)}, {ts_string(e.style)}, {explode}{part}]")
    return "[" + ", ".join(rows) + "]"


def _has_model(api: Api, t: TypeRef, seen: set[str]) -> bool:
    """Whether values of `t` may hold a model (whose properties need their wire names)."""
    if t.kind == "model":
        return True
    if t.kind == "alias":
        if t.name in seen:
            return False
        seen.add(t.name)
        target = getattr(api.named(t.name), "target", None)
        return isinstance(target, TypeRef) and _has_model(api, target, seen)
    return any(_has_model(api, a, seen) for a in t.args)
