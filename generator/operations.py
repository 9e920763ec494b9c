"""OpenAPI paths -> IR operations, request bodies, responses and SSE stream bodies."""

from __future__ import annotations

from typing import Any

from generator import naming
from generator.ir import (
    Field,
    Model,
    Operation,
    Param,
    RequestBody,
    Resource,
    Response,
    StreamBody,
    TypeRef,
)  # fmt: skip
from generator.load import Loc
from generator.schemas import SchemaBuilder, _default, _example, _flag, _text

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_JSON_TYPES = ("application/json",)
SSE = "text/event-stream"
_ERROR_NAMES = {
    "400": "BadRequestError", "401": "AuthenticationError", "403": "PermissionDeniedError",
    "404": "NotFoundError", "409": "ConflictError", "422": "UnprocessableEntityError",
    "429": "RateLimitError",
}  # fmt: skip


def error_class(status: str) -> str:
    """The exception class raised for a documented error status."""
    if status in _ERROR_NAMES:
        return _ERROR_NAMES[status]
    if status.startswith("5") or status.upper() == "5XX":
        return "InternalServerError"
    return "APIStatusError"


class OperationBuilder:
    """Walks `paths` in spec order and builds one Operation per method."""

    def __init__(self, schemas: SchemaBuilder) -> None:
        self.schemas = schemas
        self.spec = schemas.spec
        self.registry = schemas.registry
        self._methods: dict[str, naming.Registry] = {}
        self._ids = naming.Registry()

    def build(self) -> tuple[list[Operation], list[Resource]]:
        """All operations, and the resources (tags) that group them."""
        paths = self.spec.root.get("paths") or {}
        base = Loc(self.spec.main_file, "/paths")
        ops: list[Operation] = []
        for path, item in paths.items():
            loc = base.child(path)
            if not isinstance(item, dict):
                raise loc.error("a path item must be a mapping")
            if "$ref" in item:
                item, loc = self.spec.deref(item, loc)
            shared = item.get("parameters") or []
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    ops.append(self._operation(path, method, item[method], loc.child(method), shared, loc))
            for key in ("callbacks",):
                for method in METHODS:
                    if isinstance(item.get(method), dict) and item[method].get(key):
                        self.schemas.notes.append(f"{loc.child(method, key)}: callbacks are not generated")
        if self.spec.root.get("webhooks"):
            self.schemas.notes.append(f"{self.spec.main_file}#/webhooks: webhooks are not generated")
        return ops, self._resources(ops)

    def _resources(self, ops: list[Operation]) -> list[Resource]:
        tags = {t["name"]: _text(t, "description") for t in self.spec.root.get("tags") or []
                if isinstance(t, dict) and isinstance(t.get("name"), str)}  # fmt: skip
        order: dict[str, list[Operation]] = {}
        for op in ops:
            order.setdefault(op.resource, []).append(op)
        resources = []
        for name, members in order.items():
            tag = next((t for t in tags if naming.attribute_name(t, "resource") == name), name)
            resources.append(Resource(name, naming.class_name(tag or "Root", "Resource"), tag,
                                      tags.get(tag, ""), tuple(members)))  # fmt: skip
        return resources

    def _operation(self, path: str, method: str, node: dict[str, Any], loc: Loc,
                   shared: list[Any], path_loc: Loc) -> Operation:  # fmt: skip
        raw_id = node.get("operationId")
        if not isinstance(raw_id, str) or not naming.words(raw_id):
            raw_id = f"{method} {path.split('#')[0]}"
        prefix = self._ids.claim(naming.class_name(raw_id, "Op"))
        tags = node.get("tags") or []
        tag = tags[0] if tags and isinstance(tags[0], str) else ""
        resource = naming.attribute_name(tag, "resource") if tag else ""
        override = node.get("x-speakeasy-name-override")
        wanted = naming.attribute_name(override if isinstance(override, str) else raw_id, "call")
        method_name = self._methods.setdefault(resource, naming.Registry(_RESERVED_METHODS)).claim(wanted)
        body = self._body(node.get("requestBody"), loc.child("requestBody"), prefix)
        params = self._params(shared, path_loc, node.get("parameters") or [], loc, body)
        responses, stream = self._responses(node, loc, prefix)
        success = next((r for r in responses if r.status.startswith("2")), None)
        security = node.get("security", self.spec.root.get("security")) or []
        schemes = tuple(dict.fromkeys(k for req in security if isinstance(req, dict) for k in req))
        return Operation(
            operation_id=raw_id, method_name=method_name, class_prefix=prefix,
            http_method=method.upper(), path=path.split("#", 1)[0], resource=resource,
            summary=_text(node, "summary"), description=_text(node, "description"),
            params=params, body=body, responses=responses, success=success, stream=stream,
            security=schemes, loc=loc, deprecated=_flag(node, "deprecated"),
        )  # fmt: skip

    def _params(self, shared: list[Any], shared_loc: Loc, own: list[Any], loc: Loc,
                body: RequestBody | None) -> tuple[Param, ...]:  # fmt: skip
        merged: dict[tuple[str, str], tuple[dict[str, Any], Loc]] = {}
        for items, base in ((shared, shared_loc), (own, loc)):
            for i, raw in enumerate(items):
                node, ploc = self.spec.deref(raw, base.child("parameters", i))
                if not isinstance(node, dict) or not isinstance(node.get("name"), str):
                    raise ploc.error("a parameter needs a 'name'")
                place = node.get("in")
                if place not in ("path", "query", "header", "cookie"):
                    raise ploc.child("in").error(f"unknown parameter location {place!r}")
                merged[(node["name"], str(place))] = (node, ploc)
        taken = {f.name for f in body.fields} if body else set()
        names = naming.Registry(taken | {"timeout", "retries", "self", "request_body"})
        params = []
        for (wire, location), (node, ploc) in merged.items():
            where: Any = location
            if where == "header" and wire.lower() in ("accept", "content-type", "authorization"):
                continue
            schema = node.get("schema", {})
            ptype = self.schemas.type_of(schema, ploc.child("schema"), naming.pascal(wire))
            params.append(Param(
                name=names.claim(naming.attribute_name(wire, "param")), wire=wire, location=where,
                type=ptype, required=bool(node.get("required")) or where == "path",
                description=_text(node, "description"), default=_default(schema),
                example=node.get("example", _example(schema)), deprecated=_flag(node, "deprecated"),
                explode=node.get("explode", True) is not False,
            ))  # fmt: skip
        return tuple(params)

    def _body(self, raw: Any, loc: Loc, prefix: str) -> RequestBody | None:
        if not isinstance(raw, dict):
            return None
        node, loc = self.spec.deref(raw, loc)
        content = node.get("content") or {}
        if not isinstance(content, dict) or not content:
            return None
        ctype = _pick_content(content)
        media = content[ctype] or {}
        schema = media.get("schema", {}) if isinstance(media, dict) else {}
        btype = self.schemas.type_of(schema, loc.child("content", ctype, "schema"), prefix + "RequestBody")
        fields: tuple[Field, ...] = ()
        model = ""
        if btype.kind == "model" and not btype.nullable:
            self.schemas.drain()
            built = self.schemas.named[btype.name]
            if isinstance(built, Model):
                model, fields = built.name, built.fields
        return RequestBody(ctype, btype, bool(node.get("required")), _text(node, "description"),
                           model, fields)  # fmt: skip

    def _responses(self, node: dict[str, Any], loc: Loc,
                   prefix: str) -> tuple[tuple[Response, ...], StreamBody | None]:  # fmt: skip
        out: list[Response] = []
        stream = None
        for status, raw in (node.get("responses") or {}).items():
            rnode, rloc = self.spec.deref(raw, loc.child("responses", status))
            if not isinstance(rnode, dict):
                raise rloc.error("a response must be a mapping")
            status = str(status).upper()
            description = _text(rnode, "description")
            content = rnode.get("content") or {}
            ctype = _pick_content(content) if isinstance(content, dict) and content else ""
            media = content.get(ctype) or {} if ctype else {}
            schema = media.get("schema") if isinstance(media, dict) else None
            rtype = None
            success = status.startswith("2")
            if ctype == SSE and success and stream is None:
                sentinel = _sentinel(node, rnode, media)
                stream = self._stream(schema, rloc.child("content", ctype, "schema"), prefix,
                                      description, sentinel)  # fmt: skip
                rtype = TypeRef("model", stream.model)
            elif schema is not None and ctype:
                hint = prefix + ("ResponseBody" if success else f"{naming.pascal(status)}ResponseBody")
                rtype = self.schemas.type_of(schema, rloc.child("content", ctype, "schema"), hint)
            error = "" if success or status.startswith(("1", "3")) else error_class(status)
            out.append(Response(status, description, ctype, rtype, error))
        return tuple(out), stream

    def _stream(self, schema: Any, loc: Loc, prefix: str, description: str,
                sentinel: str) -> StreamBody:  # fmt: skip
        """The per-event model: the spec's envelope (with `data`), or one we wrap around it."""
        name = self.registry.claim(prefix + "ResponseBody")
        node, nloc = (schema, loc)
        if isinstance(schema, dict) and "$ref" in schema:
            node, nloc = self.spec.deref(schema, loc)
        props = node.get("properties") if isinstance(node, dict) else None
        if isinstance(props, dict) and "data" in props:
            model = self.schemas.model(name, node, nloc, "operations", description, _example(node))
        else:
            data_type = self.schemas.type_of(schema if schema is not None else {}, loc, prefix + "Data")
            fields = (
                Field("data", "data", data_type, True, doc=self.schemas.description_of(schema, loc)),
                Field("event", "event", TypeRef("str"), False),
                Field("id", "id", TypeRef("str"), False),
                Field("retry", "retry", TypeRef("int"), False),
            )  # fmt: skip
            model = Model(name, "operations", description, fields, loc)
        data_field = next(f for f in model.fields if f.wire == "data")
        is_json = data_field.type.kind not in ("str", "literal")
        if is_json:
            model = Model(model.name, model.module, model.description, model.fields, model.loc,
                          model.extra, model.extra_type, model.example, ("data",))  # fmt: skip
        self.schemas.named[name] = model
        self.schemas.order.append(name)
        return StreamBody(name, data_field.type, sentinel, is_json)


_RESERVED_METHODS = frozenset({"with_options", "close", "aclose"})


def _pick_content(content: dict[str, Any]) -> str:
    keys = list(content)
    for preferred in (SSE, *_JSON_TYPES):
        if preferred in keys:
            return preferred
    for key in keys:
        if key.endswith("+json") or key.startswith("application/json"):
            return key
    return keys[0]


def _sentinel(op: dict[str, Any], response: dict[str, Any], media: Any) -> str:
    for node in (media, response, op):
        if isinstance(node, dict) and isinstance(node.get("x-speakeasy-sse-sentinel"), str):
            return str(node["x-speakeasy-sse-sentinel"])
    return ""
