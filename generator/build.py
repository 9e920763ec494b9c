"""Spec -> Api: the one place that runs the schema and operation builders in order."""

from __future__ import annotations

from typing import Any

from generator import naming, nodes, speakeasy
from generator.alias_cycles import untangled
from generator.config import Settings
from generator.directions import split_directions
from generator.ir import Alias, Api, Enum, Model, SecurityScheme
from generator.load import Loc, Spec
from generator.operations import OperationBuilder
from generator.retries import read_policy
from generator.schemas import SchemaBuilder
from generator.statuses import ERROR_CLASSES
from generator.webhooks import WebhookBuilder

# Names the runtime modules export at package level; no generated class may take them.
RUNTIME_NAMES = ERROR_CLASSES + (
    "SdkModel",
    "UNSET",
    "Unset",
    "EventStream",
    "AsyncEventStream",
    "BinaryContent",
    "BinaryResponse",
    "AsyncBinaryResponse",
    "FileTypes",
    "LineStream",
    "AsyncLineStream",
    "ServerSentEvent",
    "RetryConfig",
    "RawResponse",
    "Components",
    "Operations",
    "SyncPage",  # the pagination runtime's names, imported by paging resources
    "AsyncPage",
    "AsyncPager",
    "Paging",
    "WebhookVerificationError",
    "SDKError",  # exported by earlier runtimes: reserved still, so no SDK's class names move
    # Imported by resource modules beside the models they use (from _http, _events, pydantic).
    "AsyncHTTP",
    "SyncHTTP",
    "Call",
    "ErrorMap",
    "ExtraBody",
    "ExtraHeaders",
    "ExtraQuery",
    "ResumeConfig",
    "TimeoutTypes",
    "EventDecoder",
    "EventUnionDecoder",
    "TypeAdapter",
)


def build_api(spec: Spec, settings: Settings) -> Api:
    """Convert a loaded spec into the IR."""
    sdk_class = settings.client_class
    registry = naming.Registry({*RUNTIME_NAMES, sdk_class, "Async" + sdk_class})
    schemas = SchemaBuilder(spec, registry, settings.open_enums)
    schemas.register_components()
    schemas.build_components()
    operations, resources = OperationBuilder(schemas).build()
    webhooks, webhook_event = WebhookBuilder(schemas).build()
    unused = speakeasy.unknown_note(spec.main_file, spec.root)
    if unused:
        schemas.note(unused)
    retries = read_policy(spec.root, Loc(spec.main_file, ""), schemas.note)
    schemas.drain()
    named = untangled(schemas.built(), schemas.note)
    info = spec.root.get("info") or {}
    api = Api(
        title=nodes.text(info, "title") or settings.package,
        description=nodes.text(info, "description"),
        version=str(info.get("version", "")) if isinstance(info, dict) else "",
        package=settings.package,
        sdk_class=sdk_class,
        servers=_servers(spec),
        security=_security(spec),
        models=tuple(n for n in named if isinstance(n, Model)),
        enums=tuple(n for n in named if isinstance(n, Enum)),
        aliases=tuple(n for n in named if isinstance(n, Alias)),
        operations=tuple(operations),
        resources=tuple(resources),
        notes=schemas.notes,
        env_prefix=settings.env_prefix,
        retries=retries,
        webhooks=webhooks,
        webhook_event=webhook_event,
        by_name={n.name: n for n in named},
    )
    # A schema whose readOnly/writeOnly properties are required: a request twin (`UserInput`).
    return split_directions(api, registry)


def _servers(spec: Spec) -> tuple[str, ...]:
    servers = spec.root.get("servers") or []
    urls = []
    for i, server in enumerate(servers if isinstance(servers, list) else []):
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            raise Loc(spec.main_file, f"/servers/{i}").error("a server needs a 'url' string")
        url = server["url"]
        for var, spec_var in (server.get("variables") or {}).items():
            if isinstance(spec_var, dict) and "default" in spec_var:
                url = url.replace("{" + var + "}", str(spec_var["default"]))
        urls.append(url.rstrip("/"))
    return tuple(urls)


def _security(spec: Spec) -> tuple[SecurityScheme, ...]:
    schemes = (spec.root.get("components") or {}).get("securitySchemes") or {}
    base = Loc(spec.main_file, "/components/securitySchemes")
    out = []
    for key, raw in schemes.items():
        node, loc = spec.deref(raw, base.child(key))
        if not isinstance(node, dict):
            raise loc.error("a security scheme must be a mapping")
        out.append(_scheme(key, node, loc))
    return tuple(out)


def _scheme(key: str, node: dict[str, Any], loc: Loc) -> SecurityScheme:
    kind_raw = node.get("type")
    desc = nodes.text(node, "description")
    if kind_raw == "apiKey":
        where = node.get("in", "header")
        if where not in ("header", "query", "cookie"):
            raise loc.child("in").error(f"unknown apiKey location {where!r}")
        return SecurityScheme(key, "apikey", where, str(node.get("name", key)), desc)
    if kind_raw == "http" and str(node.get("scheme", "")).lower() == "basic":
        return SecurityScheme(key, "basic", "header", "Authorization", desc)
    if kind_raw in ("http", "oauth2", "openIdConnect"):
        return SecurityScheme(key, "bearer", "header", "Authorization", desc)
    raise loc.child("type").error(f"unknown security scheme type {kind_raw!r}")
