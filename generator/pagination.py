"""How a list operation pages: `x-speakeasy-pagination`, else inferred from a common shape.

The extension (Speakeasy's meaning): `type` offsetLimit (an `offset` or `page` input, an
optional `limit`, outputs `results` and, for pages, `numPages`), `cursor` (a `cursor` input,
outputs `nextCursor` and `results`) or `url` (output `nextUrl`). Inferred, for GET lists
whose body holds one item list: `after`/`starting_after` with `has_more` (OpenAI, Stripe),
`cursor`/`page_token` with `next_cursor`/`next_page_token`, a `next` URL, `offset`, `page`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.ir import (
    Api,
    Field,
    Model,
    PageKind,
    Pagination,
    Param,
    PathStep,
    RequestBody,
    Response,
    TypeRef,
)
from generator.load import Loc
from generator.schemas import SchemaBuilder

_STEP = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[['\"]([^'\"]+)['\"]\]")
_LISTS = ("data", "items", "results")
_LIMITS = ("limit", "page_size", "per_page", "pageSize", "perPage")
_AFTER = ("starting_after", "after")
_CURSORS = ("cursor", "page_token", "pageToken", "next_token")
_NEXT_CURSORS = ("next_cursor", "next_page_token", "nextCursor", "nextPageToken", "next_token")


def settings(p: Pagination) -> list[tuple[str, str | int | bool | tuple[PathStep, ...]]]:
    """The optional settings of a runtime `Paging` that `p` sets, each once, in one order:
    input, body, start, limit, next, has_more (the runtimes' defaults left out)."""
    given: list[tuple[str, str | int | bool | tuple[PathStep, ...]]] = [
        ("input", p.input),
        ("body", p.input_in == "body"),
        ("start", p.start),
        ("limit", p.limit),
        ("next", p.next),
        ("has_more", p.has_more),
    ]
    return [(k, v) for k, v in given if v]


def property_path(
    api: Api, response: str, path: tuple[PathStep, ...], name: Callable[[Model, Field], str]
) -> tuple[PathStep, ...]:
    """`path` (wire names) through the parsed `response` model: each key as `name` spells its field."""
    out: list[PathStep] = []
    t: TypeRef | None = TypeRef("model", response)
    for step in path:
        t = resolved(api, t)
        if isinstance(step, int):
            out.append(step)
            t = t.args[0] if t is not None and t.args else None
            continue
        model = api.named(t.name) if t is not None and t.kind == "model" else None
        assert isinstance(model, Model), "the core checked the path leads to a list"
        field = next(f for f in model.fields if f.wire == step)
        out.append(name(model, field))
        t = field.type
    return tuple(out)


def resolved(api: Api, t: TypeRef | None) -> TypeRef | None:
    """`t` with aliases followed to what they name (a cycle stops at a repeat)."""
    seen: set[str] = set()
    while t is not None and t.kind == "alias" and t.name not in seen:
        seen.add(t.name)
        t = getattr(api.named(t.name), "target", None)
    return t


def json_path(text: Any) -> tuple[PathStep, ...] | None:
    """`$.a.b[-1].c` as its steps; None when it is not a path of that simple form."""
    if not isinstance(text, str) or not text.startswith("$"):
        return None
    steps: list[PathStep] = []
    pos = 1
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None:
            return None
        key, index, quoted = m.groups()
        steps.append(int(index) if index is not None else key if key is not None else quoted)
        pos = m.end()
    return tuple(steps)


class PageReader:
    """Reads one operation's pagination against its built parameters, body and response."""

    def __init__(self, schemas: SchemaBuilder) -> None:
        self.schemas = schemas

    def read(
        self,
        node: dict[str, Any],
        loc: Loc,
        method: str,
        params: tuple[Param, ...],
        body: RequestBody | None,
        success: Response | None,
    ) -> Pagination | None:
        """The operation's pagination, or None (with a note when the extension cannot be used)."""
        raw = node.get("x-speakeasy-pagination")
        if raw is not None:
            where = loc.child("x-speakeasy-pagination")
            try:
                if (
                    success is None
                    or success.type is None
                    or success.type.kind != "model"
                    or success.type.nullable
                ):
                    raise _Unusable("the success response is not a JSON object schema")
                return self._extension(raw, where, params, body, success)
            except _Unusable as exc:
                self.schemas.note(f"{where}: {exc}; the method returns one page")
                return None
        if method == "get" and success is not None:
            return self._inferred(params, success)
        return None

    # -- the extension ------------------------------------------------------------------
    def _extension(
        self,
        raw: Any,
        loc: Loc,
        params: tuple[Param, ...],
        body: RequestBody | None,
        success: Response | None,
    ) -> Pagination:
        if not isinstance(raw, dict):
            raise _Unusable("must be a mapping")
        kind = raw.get("type")
        found = raw.get("outputs")
        outputs: dict[str, Any] = found if isinstance(found, dict) else {}
        inputs: dict[str, Any] = {}
        for entry in raw.get("inputs") or []:
            if isinstance(entry, dict) and isinstance(entry.get("type"), str):
                inputs[entry["type"]] = entry
        results = self._path(outputs, "results")
        if results is None:
            raise _Unusable("outputs.results is missing or not a JSONPath like $.data")
        item = self._item(success, results)
        limit = self._input(inputs.get("limit"), params, body)[0] if "limit" in inputs else ""
        if kind == "offsetLimit":
            which: PageKind | None = "page" if "page" in inputs else "offset" if "offset" in inputs else None
            if which is None:
                raise _Unusable("offsetLimit needs an `offset` or `page` input")
            name, where = self._input(inputs[which], params, body)
            pages = self._path(outputs, "numPages") if which == "page" else None
            start = _start(params, name, 1 if which == "page" else 0)
            return Pagination(which, results, item, name, where, start, limit, pages or ())
        if kind == "cursor":
            if "cursor" not in inputs:
                raise _Unusable("cursor pagination needs a `cursor` input")
            cursor = self._path(outputs, "nextCursor")
            if cursor is None:
                raise _Unusable("outputs.nextCursor is missing or not a JSONPath")
            name, where = self._input(inputs["cursor"], params, body)
            return Pagination("cursor", results, item, name, where, 0, limit, cursor)
        if kind == "url":
            url = self._path(outputs, "nextUrl")
            if url is None:
                raise _Unusable("outputs.nextUrl is missing or not a JSONPath")
            return Pagination("url", results, item, next=url)
        raise _Unusable(f"unknown pagination type {kind!r}")

    def _path(self, outputs: dict[str, Any], key: str) -> tuple[PathStep, ...] | None:
        return json_path(outputs.get(key))

    def _input(self, entry: Any, params: tuple[Param, ...], body: RequestBody | None) -> tuple[str, Any]:
        name, place = entry.get("name"), entry.get("in")
        if place == "parameters":
            if any(p.wire == name and p.location == "query" for p in params):
                return name, "query"
            raise _Unusable(f"input {name!r} is not a query parameter of the operation")
        if place == "requestBody":
            if body is not None and any(f.wire == name for f in body.fields):
                return name, "body"
            raise _Unusable(f"input {name!r} is not a property of the request body")
        raise _Unusable(f"input {name!r}: `in` must be parameters or requestBody")

    def _item(self, success: Response | None, path: tuple[PathStep, ...]) -> TypeRef:
        """The item type at `path` in the success body, which must lead to a list."""
        t = success.type if success is not None else None
        for step in path:
            t = self._resolved(t)
            if t is None:
                break
            if isinstance(step, int):
                t = t.args[0] if t.kind == "list" else None
                continue
            model = self.schemas.get(t.name) if t.kind == "model" else None
            found = (
                next((f for f in model.fields if f.wire == step), None) if isinstance(model, Model) else None
            )
            t = found.type if found is not None else None
        t = self._resolved(t)
        if t is None or t.kind != "list":
            shown = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path)
            raise _Unusable(f"outputs.results {shown} is not a list in the success response")
        return t.args[0]

    def _resolved(self, t: TypeRef | None) -> TypeRef | None:
        seen = 0
        while t is not None and t.kind == "alias" and seen < 20:
            self.schemas.drain()
            named = self.schemas.get(t.name)
            t = getattr(named, "target", None)
            seen += 1
        return t

    # -- inference ----------------------------------------------------------------------
    def _inferred(self, params: tuple[Param, ...], success: Response) -> Pagination | None:
        t = self._resolved(success.type)
        self.schemas.drain()
        model = self.schemas.get(t.name) if t is not None and t.kind == "model" else None
        if not isinstance(model, Model):
            return None
        fields = {f.wire: f for f in model.fields}
        lists = [w for w, f in fields.items() if (self._resolved(f.type) or f.type).kind == "list"]
        key = next((w for w in _LISTS if w in lists), lists[0] if len(lists) == 1 else None)
        if key is None:
            return None
        item = self._item(success, (key,))
        query = {p.wire for p in params if p.location == "query"}
        flag = ("has_more",) if "has_more" in fields and fields["has_more"].type.kind == "bool" else ()
        limit = next((q for q in _LIMITS if q in query), "")

        def page(kind: PageKind, name: str, next_: tuple[PathStep, ...] = ()) -> Pagination:
            return Pagination(kind, (key,), item, name, "query", 0, limit, next_, flag, inferred=True)

        after = next((q for q in _AFTER if q in query), None)
        if after and flag:
            if "last_id" in fields:
                return page("cursor", after, ("last_id",))
            if _has_id(self.schemas.get(item.name) if item.kind == "model" else None):
                return page("cursor", after, (key, -1, "id"))
        cursor = next((q for q in _CURSORS if q in query), None)
        next_cursor = next((f for f in _NEXT_CURSORS if f in fields), None)
        if cursor and next_cursor:
            return page("cursor", cursor, (next_cursor,))
        if "next" in fields and fields["next"].type.kind == "str":
            return page("url", "", ("next",))
        if "offset" in query and (limit or flag):
            return page("offset", "offset")
        if "page" in query and (limit or flag):
            return Pagination(
                "page", (key,), item, "page", "query", _start(params, "page", 1), limit, (), flag, True
            )
        return None


class _Unusable(Exception):
    """The extension cannot be followed; the message says why."""


def _has_id(model: Any) -> bool:
    return isinstance(model, Model) and any(f.wire == "id" for f in model.fields)


def _start(params: tuple[Param, ...], name: str, fallback: int) -> int:
    """The first offset or page: the parameter's default when it is an integer."""
    param = next((p for p in params if p.wire == name), None)
    default = param.default if param is not None else None
    return default if isinstance(default, int) and not isinstance(default, bool) else fallback
