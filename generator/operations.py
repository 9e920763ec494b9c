"""OpenAPI paths -> IR operations, request bodies, responses and SSE stream bodies."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator import media as media_kind
from generator import naming, nodes, variants
from generator.ir import (
    Alias,
    DualMode,
    Field,
    Model,
    Operation,
    Param,
    PartEncoding,
    RequestBody,
    Resource,
    Response,
    StreamBody,
    TypeRef,
)
from generator.load import Loc
from generator.pagination import PageReader
from generator.paths import path_levels
from generator.retries import read_policy
from generator.schemas import SchemaBuilder
from generator.statuses import error_class

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_JSON_TYPES = ("application/json",)
SSE = "text/event-stream"


class OperationBuilder:
    """Walks `paths` in spec order and builds one Operation per method."""

    def __init__(self, schemas: SchemaBuilder) -> None:
        self.schemas = schemas
        self.spec = schemas.spec
        self._ids = naming.Registry()
        self._renames = _global_renames(self.spec.root.get("x-speakeasy-name-override"))
        self._pages = PageReader(schemas)

    def build(self) -> tuple[list[Operation], list[Resource]]:
        """All operations, and the resources (tags) that group them."""
        paths = self.spec.root.get("paths") or {}
        base = Loc(self.spec.main_file, "/paths")
        ops: list[Operation] = []
        keys: list[tuple[str, str]] = []  # per operation: its path key, the flag its node names
        for path, item in paths.items():
            if str(path).startswith("x-"):  # a specification extension of the Paths Object
                continue
            loc = base.child(path)
            if not isinstance(item, dict):
                raise loc.error("a path item must be a mapping")
            if "$ref" in item:
                item, loc = self.spec.deref(item, loc)
            shared = item.get("parameters") or []
            for method in METHODS:
                node = item.get(method)
                if nodes.flag(node, "x-speakeasy-ignore"):
                    self.schemas.note(
                        f"{loc.child(method)}: x-speakeasy-ignore: the operation is not generated"
                    )
                elif isinstance(node, dict):
                    ops.append(self._operation(path, method, node, loc.child(method), shared, loc))
                    keys.append((str(path), nodes.text(node, "x-speakeasy-stream-request-field")))
                    if node.get("callbacks"):
                        where = loc.child(method, "callbacks")
                        self.schemas.note(f"{where}: callbacks are not generated")
        ops = variants.pair(ops, keys, self.schemas.note)
        return ops, self._resources(ops)

    def _resources(self, ops: list[Operation]) -> list[Resource]:
        tags = {
            t["name"]: nodes.text(t, "description")
            for t in self.spec.root.get("tags") or []
            if isinstance(t, dict) and isinstance(t.get("name"), str)
        }
        groups: dict[str, list[Operation]] = {}
        by_path = _path_groups(ops)
        for op in ops:
            groups.setdefault(_group_key(op.tag) if op.tag else by_path.get(op.path, ""), []).append(op)
        resources = []
        for key, members in groups.items():
            declared = next((t for t in tags if _group_key(t) == key), None)
            # An undeclared tag may be spelled differently by its operations (`Chat`, `chat`):
            # its words are the one spelling they share, so they name the class.
            shown = key if declared is None else declared
            resources.append(
                Resource(
                    tag=(members[0].tag or key) if declared is None else declared,
                    class_name=naming.class_name(shown or "Root", "Resource"),
                    description=tags.get(shown, ""),
                    operations=tuple(members),
                    declared=declared is not None,
                    path=tuple(key.split(".")) if key else (),
                )
            )
        return resources

    def _operation(
        self, path: str, method: str, node: dict[str, Any], loc: Loc, shared: list[Any], path_loc: Loc
    ) -> Operation:
        raw_id = node.get("operationId")
        if not isinstance(raw_id, str) or not naming.words(raw_id):
            raw_id = f"{method} {path.split('#')[0]}"
        prefix = self._ids.claim(naming.class_name(raw_id, "Op"))
        tags = node.get("tags") or []
        group = node.get("x-speakeasy-group")  # Speakeasy: the resource path, dots nesting
        if isinstance(group, str) and _group_key(group):
            tags = [group]
        # Speakeasy: the operation's own override wins over the document's list.
        override = node.get("x-speakeasy-name-override")
        if not isinstance(override, str):
            override = next((name for rx, name in self._renames if rx.fullmatch(raw_id)), None)
        body = self._body(node.get("requestBody"), loc.child("requestBody"), prefix)
        params = self._params(shared, path_loc, node.get("parameters") or [], loc)
        responses, stream, alternative = self._responses(node, loc, prefix)
        success = next((r for r in responses if r.status.startswith("2")), None)
        security = node.get("security", self.spec.root.get("security")) or []
        message = nodes.text(node, "x-speakeasy-deprecation-message").strip()
        replacement = nodes.text(node, "x-speakeasy-deprecation-replacement").strip()
        schemes = tuple(dict.fromkeys(k for req in security if isinstance(req, dict) for k in req))
        url_path, fixed = self._fixed_query(path.split("#", 1)[0], path_loc, params)
        return Operation(
            operation_id=raw_id,
            name=override if isinstance(override, str) else raw_id,
            class_prefix=prefix,
            http_method=method.upper(),
            path=url_path,
            fixed_query=fixed,
            tag=tags[0] if tags and isinstance(tags[0], str) else "",
            summary=nodes.text(node, "summary"),
            description=nodes.text(node, "description"),
            params=params,
            body=body,
            responses=responses,
            success=success,
            stream=stream,
            security=schemes,
            security_requirements=tuple(tuple(r) for r in security if isinstance(r, dict)),
            loc=loc,
            # Speakeasy's deprecation extensions imply `deprecated: true`.
            deprecated=nodes.flag(node, "deprecated") or bool(message or replacement),
            resumable=nodes.flag(node, "x-sdkgen-resumable"),
            deprecation_message=message,
            replacement=replacement,
            retries=read_policy(node, loc, self.schemas.note),
            pagination=self._pages.read(node, loc, method, params, body, success) if stream is None else None,
            dual=self._dual(node, loc, body, alternative),
            stream_flag=_stream_flag(node, body) if stream is not None else "",
        )

    def _fixed_query(
        self, key: str, loc: Loc, params: tuple[Param, ...]
    ) -> tuple[str, tuple[tuple[str, str], ...]]:
        """A path key's own query (`/v1/files?beta=true`): the path without it, and its pairs,
        which every call sends (httpx and `URL` would drop a query left in the path once any
        parameter is added). A pair a declared query parameter also names is left to it."""
        path, mark, query = key.partition("?")
        if not mark:
            return key, ()
        declared = {p.wire for p in params if p.location == "query"}
        pairs: list[tuple[str, str]] = []
        for name, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
            if name in declared:
                self.schemas.note(
                    f"{loc}: the path's query names {name!r}, a declared query parameter too: "
                    "the parameter's value is sent"
                )
            else:
                if "{" in name + value:
                    where = f"{loc}: a template in the path's query"
                    self.schemas.note(f"{where} ({name}={value}) is sent as written")
                pairs.append((name, value))
        return path, tuple(pairs)

    def _dual(
        self, node: dict[str, Any], loc: Loc, body: RequestBody | None, alternative: Response | None
    ) -> DualMode | None:
        """JSON or stream by a body flag: Speakeasy's `x-speakeasy-stream-request-field`, else `stream`."""
        if alternative is None:
            return None
        wire = _flag_name(node)
        fields = body.fields if body is not None else ()
        flag = next((f for f in fields if f.wire == wire and f.type.kind == "bool"), None)
        if flag is None:
            self.schemas.note(
                f"{loc}: the success answers JSON or text/event-stream but the body has no boolean "
                f"{wire!r} field to choose; the method asks for the stream"
            )
            return None
        return DualMode(flag.wire, alternative)

    def _style(self, node: dict[str, Any], loc: Loc, where: str) -> str:
        """The parameter's `style` ("" for the location's default); one OAS does not allow in
        this location is noted and replaced by the default, never sent some other way."""
        style = node.get("style")
        if style is None:
            return ""
        if isinstance(style, str) and style in _STYLES[where]:
            return style
        self.schemas.note(
            f"{loc.child('style')}: style {style!r} is not allowed in {where} "
            f"(allowed: {', '.join(_STYLES[where])}); the default {_STYLE[where]!r} is used"
        )
        return ""

    def _params(self, shared: list[Any], shared_loc: Loc, own: list[Any], loc: Loc) -> tuple[Param, ...]:
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
        params = []
        for (wire, location), (node, ploc) in merged.items():
            where: Any = location
            if where == "header" and wire.lower() in ("accept", "content-type", "authorization"):
                continue
            schema = node.get("schema", {})
            ptype = self.schemas.type_of(schema, ploc.child("schema"), naming.pascal(wire))
            style = self._style(node, ploc, where)
            params.append(
                Param(
                    wire=wire,
                    location=where,
                    type=ptype,
                    required=bool(node.get("required")) or where == "path",
                    description=nodes.text(node, "description"),
                    default=nodes.default(schema),
                    example=node.get("example", nodes.example(schema)),
                    deprecated=nodes.flag(node, "deprecated"),
                    # OAS: explode defaults to true for form (and deepObject), false otherwise;
                    # the style defaults to form in query and cookie, to simple in path and header
                    explode=node.get("explode", (style or _STYLE[where]) in ("form", "deepObject"))
                    is not False,
                    style=style,
                )
            )
        return tuple(params)

    def _body(self, raw: Any, loc: Loc, prefix: str) -> RequestBody | None:
        if not isinstance(raw, dict):
            return None
        node, loc = self.spec.deref(raw, loc)
        content = node.get("content") or {}
        if not isinstance(content, dict) or not content:
            return None
        offered = self._offered(content, loc)
        ctype = offered[0][0] if offered else next(iter(content))
        media = content[ctype] or {}
        schema = media.get("schema", {}) if isinstance(media, dict) else {}
        btype = self.schemas.type_of(schema, loc.child("content", ctype, "schema"), prefix + "RequestBody")
        fields: tuple[Field, ...] = ()
        model = ""
        if btype.kind == "model" and not btype.nullable:
            self.schemas.drain()
            built = self.schemas.get(btype.name)
            if isinstance(built, Model):
                model, fields = built.name, built.fields
        raw_encoding = media.get("encoding") if isinstance(media, dict) else None
        kind = offered[0][1] if offered else ""
        if raw_encoding is not None and kind not in ("form", "multipart"):
            where = loc.child("content", ctype, "encoding")
            self.schemas.note(f"{where}: encoding applies to form and multipart bodies only; it is ignored")
            raw_encoding = None
        encoding = _encoding(raw_encoding, loc.child("content", ctype, "encoding"), self.schemas.note)
        known = {f.wire for f in fields}
        for part in encoding:
            if part.name not in known:
                where = loc.child("content", ctype, "encoding", part.name)
                self.schemas.note(
                    f"{where}: no body property is named {part.name!r}; the encoding is ignored"
                )
        return RequestBody(
            ctype,
            btype,
            bool(node.get("required")),
            nodes.text(node, "description"),
            model,
            fields,
            tuple(e for e in encoding if e.name in known),
            kind,
            tuple(offered),
        )

    def _offered(self, content: dict[str, Any], loc: Loc) -> list[tuple[str, str]]:
        """(media type, kind) the caller may choose: encodable, sharing the first one's schema."""
        offered: list[tuple[str, str]] = []
        first: Any = None
        for ctype, media in content.items():
            where = loc.child("content", ctype)
            schema = media.get("schema") if isinstance(media, dict) else None
            resolved = (
                self.spec.deref(schema, where.child("schema"))[0] if isinstance(schema, dict) else schema
            )
            kind = media_kind.request_kind(str(ctype), resolved)
            if not kind:
                self.schemas.note(
                    f"{where}: a structured {ctype} body cannot be encoded; the media type is not offered"
                )
            elif offered and schema != first:
                self.schemas.note(
                    f"{where}: its schema differs from {offered[0][0]}'s; the media type is not offered"
                )
            else:
                first = schema if not offered else first
                encoding = media.get("encoding") if isinstance(media, dict) else None
                if offered and encoding is not None and encoding != content[offered[0][0]].get("encoding"):
                    # One `encoding` travels with the body, whichever media type the caller picks.
                    self.schemas.note(
                        f"{where.child('encoding')}: only {offered[0][0]}'s encoding is applied; this "
                        "media type's own encoding is ignored"
                    )
                offered.append((str(ctype), kind))
        return offered

    def _responses(
        self, node: dict[str, Any], loc: Loc, prefix: str
    ) -> tuple[tuple[Response, ...], StreamBody | None, Response | None]:
        """The responses, the stream body, and the JSON success a dual-mode stream also answers."""
        out: list[Response] = []
        stream = None
        alternative = None
        for status, raw in (node.get("responses") or {}).items():
            rnode, rloc = self.spec.deref(raw, loc.child("responses", status))
            if not isinstance(rnode, dict):
                raise rloc.error("a response must be a mapping")
            status = str(status).upper()
            description = nodes.text(rnode, "description")
            content = rnode.get("content") or {}
            ctype = _pick_content(content) if isinstance(content, dict) and content else ""
            media = content.get(ctype) or {} if ctype else {}
            schema = media.get("schema") if isinstance(media, dict) else None
            rtype = None
            success = status.startswith("2")
            if ctype == SSE and success and stream is None:
                sentinel = _sentinel(node, rnode, media)
                stream = self._stream(
                    schema, rloc.child("content", ctype, "schema"), prefix, description, sentinel
                )
                rtype = TypeRef("model", stream.model)
                alternative = self._json_alternative(content, rloc, prefix, status, description)
            elif schema is not None and ctype:
                hint = prefix + ("ResponseBody" if success else f"{naming.pascal(status)}ResponseBody")
                rtype = self.schemas.type_of(schema, rloc.child("content", ctype, "schema"), hint)
            error = "" if success or status.startswith(("1", "3")) else error_class(status)
            resolved = self.spec.deref(schema, rloc)[0] if isinstance(schema, dict) else schema
            kind = media_kind.response_kind(ctype, resolved) if ctype else ""
            if ctype and not kind and success:
                where = rloc.child("content", ctype)
                self.schemas.note(
                    f"{where}: a structured {ctype} body cannot be decoded; it is read as binary"
                )
            kind = kind or ("binary" if ctype else "")
            declared = tuple(str(c) for c in content) if isinstance(content, dict) else ()
            example, at = nodes.media_example(
                media, rloc.child("content", ctype), self.spec.deref, self.schemas.note
            )
            out.append(Response(status, description, ctype, rtype, error, kind, declared, example, str(at)))
        return tuple(out), stream, alternative

    def _json_alternative(
        self, content: dict[str, Any], loc: Loc, prefix: str, status: str, description: str
    ) -> Response | None:
        """The JSON media type beside a success's `text/event-stream`, if it has one."""
        ctype = next((k for k in content if k in _JSON_TYPES or k.endswith("+json")), None)
        media = content.get(ctype) if ctype else None
        if ctype is None or not isinstance(media, dict) or media.get("schema") is None:
            return None
        where = loc.child("content", ctype, "schema")
        rtype = self.schemas.type_of(media["schema"], where, prefix + "ResponseBody")
        example, at = nodes.media_example(
            media, loc.child("content", ctype), self.spec.deref, self.schemas.note
        )
        return Response(status, description, ctype, rtype, "", "json", (ctype,), example, str(at))

    def _stream(self, schema: Any, loc: Loc, prefix: str, description: str, sentinel: str) -> StreamBody:
        """The per-event model: the spec's envelope (with `data`), or one we wrap around it."""
        name = self.schemas.claim(prefix + "ResponseBody")
        node, nloc = (schema, loc)
        if isinstance(schema, dict) and "$ref" in schema:
            node, nloc = self.spec.deref(schema, loc)
        members = self._event_members(node, nloc)
        if members:
            return self._event_union(name, members, node, nloc, prefix, description, sentinel)
        props = node.get("properties") if isinstance(node, dict) else None
        if isinstance(props, dict) and "data" in props:
            model = self.schemas.model(name, node, nloc, "operations", description, nodes.example(node))
        else:
            data_type = self.schemas.type_of(schema if schema is not None else {}, loc, prefix + "Data")
            fields = (
                Field("data", data_type, True, doc=self.schemas.description_of(schema, loc)),
                Field("event", TypeRef("str"), False),
                Field("id", TypeRef("str"), False),
                Field("retry", TypeRef("int"), False),
            )
            model = Model(name, "operations", description, fields, loc)
        model, data_type = _with_json_data(model)
        self.schemas.add(model)
        return StreamBody(name, data_type, sentinel)

    def _event_members(self, node: Any, loc: Loc) -> list[tuple[str, dict[str, Any], Loc]]:
        """(event name, envelope, where) per member of an event-name union; [] when it is not one."""
        if not isinstance(node, dict):
            return []
        key = "oneOf" if node.get("oneOf") else "anyOf"
        raw = node.get(key)
        if not isinstance(raw, list) or not raw or node.get("properties"):
            return []
        out: list[tuple[str, dict[str, Any], Loc]] = []
        for i, member in enumerate(raw):
            mnode, mloc = member, loc.child(key, i)
            if isinstance(member, dict) and "$ref" in member:
                mnode, mloc = self.spec.deref(member, mloc)
            props = mnode.get("properties") if isinstance(mnode, dict) else None
            if not isinstance(props, dict) or "data" not in props:
                return []
            event = nodes.fixed_string(props.get("event"))
            if event is None or any(event == seen for seen, _, _ in out):
                return []
            out.append((event, mnode, mloc))
        return out

    def _event_union(
        self,
        name: str,
        members: list[tuple[str, dict[str, Any], Loc]],
        node: dict[str, Any],
        loc: Loc,
        prefix: str,
        description: str,
        sentinel: str,
    ) -> StreamBody:
        """One envelope model per event name, and the union alias `name` over them."""
        events: list[tuple[str, str]] = []
        payloads: list[TypeRef] = []
        for event, mnode, mloc in members:
            member_name = self.schemas.claim(naming.class_name(prefix + naming.pascal(event) + "Event"))
            props = dict(mnode["properties"])
            # A one-value enum becomes the same Literal a const gives, not an Enum class.
            props["event"] = {
                "const": event,
                **{k: v for k, v in props["event"].items() if k in ("description", "title")},
            }
            fixed = {**mnode, "properties": props}
            required = [r for r in mnode.get("required") or [] if r != "event"]
            fixed["required"] = [*required, "event"]
            built = self.schemas.model(
                member_name, fixed, mloc, "operations", nodes.text(mnode, "description"), nodes.example(mnode)
            )
            model, data_type = _with_json_data(built)
            self.schemas.add(model)
            events.append((event, member_name))
            if data_type not in payloads:
                payloads.append(data_type)
        target = TypeRef("union", args=tuple(TypeRef("model", m) for _, m in events), discriminator="event")
        self.schemas.add(
            Alias(
                name,
                "operations",
                description or nodes.text(node, "description"),
                target,
                loc,
                nodes.example(node),
            )
        )
        data = payloads[0] if len(payloads) == 1 else TypeRef("union", args=tuple(payloads))
        return StreamBody(name, data, sentinel, tuple(events))


def _with_json_data(model: Model) -> tuple[Model, TypeRef]:
    """The envelope with `data` marked as JSON text when its payload is not a string."""
    data_field = next(f for f in model.fields if f.wire == "data")
    if data_field.type.kind not in ("str", "literal"):
        model = replace(model, json_fields=("data",))
    return model, data_field.type


def _global_renames(entries: Any) -> list[tuple[re.Pattern[str], str]]:
    """The top-level `{operationId regex, methodNameOverride}` list, in document order."""
    renames = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        pattern, name = entry.get("operationId"), entry.get("methodNameOverride")
        if isinstance(pattern, str) and isinstance(name, str):
            try:
                renames.append((re.compile(pattern), name))
            except re.error:  # not a valid regex: read it as a plain operationId
                renames.append((re.compile(re.escape(pattern)), name))
    return renames


# A spec without tags and with more operations than this gets resources from its paths;
# a smaller one reads best as methods of the client itself.
FLAT_LIMIT = 20


def _path_groups(ops: list[Operation]) -> dict[str, str]:
    """The resource key of each path, when the spec tags no operation and has many."""
    if any(op.tag for op in ops) or len(ops) <= FLAT_LIMIT:
        return {}
    levels = path_levels(op.path for op in ops)
    return {path: ".".join(_tag_key(level) for level in found) for path, found in levels.items() if found}


def _group_key(tag: str) -> str:
    """A tag's levels (`beta.conversations`), each as its `_tag_key`, joined by dots."""
    levels = [part for part in tag.split(".") if naming.words(part)]
    return ".".join(_tag_key(part) for part in levels) if levels else _tag_key(tag)


def _tag_key(tag: str) -> str:
    """A tag's words as one lowercase name: tags with the same key are one resource.

    Like a class name it never starts with a digit (`1st` reads as `resource 1st`) and is
    bounded in length, so the identifiers a target derives from it keep tags apart exactly
    as the key does.
    """
    key = naming.snake(tag) or "resource"
    if key[0].isdigit():
        key = "resource_" + key
    return naming.bounded(key).lower()


_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
# The styles OAS 3 allows in each location.
_STYLES = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
}


def _flag_name(node: dict[str, Any]) -> str:
    """The body field that asks for the stream: Speakeasy's extension names it, else `stream`."""
    named = node.get("x-speakeasy-stream-request-field")
    return named if isinstance(named, str) and named else "stream"


def _stream_flag(node: dict[str, Any], body: RequestBody | None) -> str:
    """The wire name of a boolean (or `true`-only) body field asking for the stream; "" when none."""
    wire = _flag_name(node)
    for f in body.fields if body is not None else ():
        if f.wire == wire and (
            f.type.kind == "bool" or f.type.kind == "literal" and f.type.values == (True,)
        ):
            return f.wire
    return ""


def _pick_content(content: dict[str, Any]) -> str:
    keys = list(content)
    for preferred in (SSE, *_JSON_TYPES):
        if preferred in keys:
            return preferred
    for key in keys:
        if key.endswith("+json") or key.startswith("application/json"):
            return key
    return keys[0]


def _encoding(raw: Any, loc: Loc, note: Callable[[str], None]) -> tuple[PartEncoding, ...]:
    """A form or multipart media type's per-property `encoding`, as given (else noted)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        note(f"{loc}: encoding must be a mapping of property names; it is ignored")
        return ()
    out = []
    for name, node in raw.items():
        if not isinstance(node, dict):
            note(f"{loc.child(str(name))}: an encoding must be a mapping; it is ignored")
            continue
        style = node.get("style")
        explode = node.get("explode")
        ctype = node.get("contentType")
        out.append(
            PartEncoding(
                str(name),
                style if isinstance(style, str) else "",
                explode if isinstance(explode, bool) else None,
                ctype if isinstance(ctype, str) else "",
            )
        )
    return tuple(out)


def _sentinel(op: dict[str, Any], response: dict[str, Any], media: Any) -> str:
    for node in (media, response, op):
        if isinstance(node, dict) and isinstance(node.get("x-speakeasy-sse-sentinel"), str):
            return str(node["x-speakeasy-sse-sentinel"])
    return ""
