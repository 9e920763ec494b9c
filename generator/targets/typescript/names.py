"""TypeScript identifiers, derived here from wire names, operation ids, tags and schema names.

Only the core word splitter (`naming.words` / `naming.pascal`) is shared; every identifier the
TypeScript SDK shows is decided in this module, so models, client and docs agree.
"""

from __future__ import annotations

from generator import naming
from generator.ir import Api, Field, Model, Named, Operation, Param, Resource

EXTRAS = "additionalProperties"  # the property holding a model's undeclared properties

# Global names the generated modules use; a schema with one of these names is renamed rather
# than shadowing the global inside the modules that import it.
TS_GLOBALS = frozenset(
    {
        "Array",
        "AbortSignal",
        "Blob",
        "Boolean",
        "Date",
        "Error",
        "File",
        "FormData",
        "Function",
        "Headers",
        "JSON",
        "Map",
        "Math",
        "Number",
        "Object",
        "Omit",
        "Partial",
        "Pick",
        "Promise",
        "ReadableStream",
        "Record",
        "Request",
        "Required",
        "Response",
        "Set",
        "String",
        "Symbol",
        "URL",
        "Uint8Array",
    }
)
# What the runtime exports from the package root; no model or resource class may take them.
RUNTIME_EXPORTS = frozenset(
    {
        "SDKError",
        "APIError",
        "APIStatusError",
        "APIConnectionError",
        "APITimeoutError",
        "APIUserAbortError",
        "StreamDecodeError",
        "ResponseDecodeError",
        "SSEError",
        "SSEEventTooLargeError",
        "EventStream",
        "ServerSentEvent",
        "RetryConfig",
        "RequestOptions",
        "RawMethods",
        "RawResponse",
        "ClientOptions",
        "Unrecognized",
        # lib names the resource and SDK modules import
        "HTTPClient",
        "SecurityScheme",
        "SERVERS",
        "SCHEMES",
        "EventDecoder",
        "OpenEnum",
        "ClosedEnum",
        "WebhookVerificationError",
        "WebhookValidationError",
        "WebhookHeaders",
        "WebhookOptions",
        "WebhookSecret",
    }
)
WEBHOOKS_PROP = "webhooks"  # `sdk.webhooks`, when the spec declares webhooks


def camel(text: str, fallback: str = "value") -> str:
    """`prompt_tokens` -> `promptTokens`; never empty, never starting with a digit."""
    parts = naming.words(text)
    if not parts:
        return fallback
    name = parts[0].lower() + "".join(w[:1].upper() + w[1:] for w in parts[1:])
    return fallback + name[:1].upper() + name[1:] if name[0].isdigit() else name


def bare_package(package: str) -> str:
    """The package name without its `@scope/`."""
    return package.rsplit("/", 1)[-1]


class TsNames:
    """Every TypeScript name of one Api, decided once."""

    def __init__(self, api: Api) -> None:
        self.api = api
        taken = naming.Registry(TS_GLOBALS | RUNTIME_EXPORTS | {"z", "components", "operations"})
        named: list[Named] = [*api.models, *api.enums, *api.aliases]
        self._types = {n.name: _claim_type(taken, n.name) for n in sorted(named, key=lambda n: n.name)}
        self.sdk_class = taken.claim(naming.pascal(api.sdk_class) or "SDK")
        # `sdk.webhooks` and its class are taken before any resource: a tag of that name moves aside.
        self.webhooks_class = taken.claim("Webhooks") if api.webhooks else ""
        self._resources = {id(r): self._resource(r, taken) for r in api.resources}
        self._props: dict[int, dict[str, str]] = {}
        self._extras: dict[int, str] = {}
        self._requests = {id(op): _request_name(taken, op) for op in api.operations}

    def type(self, ir_name: str) -> str:
        """The TypeScript type name of a model, enum or alias."""
        return self._types[ir_name]

    def module(self, ir_name: str) -> str:
        """The file stem of a type: its TypeScript name, lowercased and bounded."""
        return naming.file_stem(self._types[ir_name])

    def _resource(self, res: Resource, taken: naming.Registry) -> tuple[str, str]:
        stem = naming.pascal(res.tag) if res.tag else ""
        cls = taken.claim(stem or "Root")
        prop = camel(res.tag) if res.tag else ""
        if self.webhooks_class and prop == WEBHOOKS_PROP:
            prop = f"{WEBHOOKS_PROP}Resource"
        return cls, prop

    def request_type(self, op: Operation) -> str:
        """The type of a method's request object (`ChatCompletionsCreateRequest`)."""
        return self._requests[id(op)]

    def resource_class(self, res: Resource) -> str:
        """The class of a resource (`Chat`)."""
        return self._resources[id(res)][0]

    def resource_prop(self, res: Resource) -> str:
        """The SDK property of a resource (`chat`); empty for untagged operations."""
        return self._resources[id(res)][1]

    def resource_file(self, res: Resource) -> str:
        """The file stem of a resource's module and docs folder."""
        return self.resource_class(res).lower()

    def methods(self, res: Resource) -> dict[int, str]:
        """id(operation) -> method name, unique within the resource."""
        taken = naming.Registry({"constructor", "options", "http", "withRawResponse"})
        if self.webhooks_class and not self.resource_prop(res):  # the SDK class's own methods
            taken.claim(WEBHOOKS_PROP)
        return {id(op): taken.claim(camel(op.name, "call")) for op in res.operations}

    def fields(self, owner: object, fields: tuple[Field, ...]) -> dict[str, str]:
        """Wire name -> property name for a model's (or request's) fields, unique."""
        key = id(owner)
        if key not in self._props:
            taken = naming.Registry()
            self._props[key] = {
                f.wire: taken.claim(camel(f.name_override or f.wire, "field")) for f in fields
            }
            if isinstance(owner, Model) and keeps_extras(owner):
                self._extras[key] = taken.claim(EXTRAS)
        return self._props[key]

    def extras(self, model: Model) -> str:
        """The property holding the properties `model` does not name; "" when it keeps none."""
        self.fields(model, model.fields)
        return self._extras.get(id(model), "")

    def params(self, op: Operation) -> dict[tuple[str, str], str]:
        """(location, wire) -> request property, unique with the body's fields."""
        taken = naming.Registry()
        if op.body is not None:
            for f in op.body.fields:
                taken.claim(camel(f.name_override or f.wire, "field"))
            model = self.api.named(op.body.model) if op.body.model else None
            if isinstance(model, Model) and self.extras(model):
                taken.claim(self.extras(model))
        if op.body is not None and not op.body.fields:
            taken.claim("requestBody")
        return {(p.location, p.wire): taken.claim(camel(p.wire, "param")) for p in op.params}

    def env_var(self, scheme_key: str) -> str:
        """`ATOMA_SDK_BEARER_AUTH` for the scheme `bearerAuth` of package `atoma-sdk`."""
        prefix = self.api.env_prefix or naming.upper_snake(bare_package(self.api.package)) or "SDK"
        return f"{prefix}_{naming.upper_snake(scheme_key) or 'AUTH'}"

    def scheme_option(self, scheme_key: str) -> str:
        """The client option of a security scheme (`bearerAuth`)."""
        return camel(scheme_key, "auth")


def keeps_extras(model: Model) -> bool:
    """Whether a model with fields keeps the properties it does not name (the spec's
    `additionalProperties: true` or a schema) rather than dropping them."""
    return model.extra_declared and bool(model.fields)


def _request_name(taken: naming.Registry, op: Operation) -> str:
    return taken.claim((naming.pascal(op.operation_id) or "Call") + "Request")


def _claim_type(taken: naming.Registry, name: str) -> str:
    """`name`, or `<name>Model` when a global or runtime name has it (`Error` -> `ErrorModel`)."""
    return taken.claim(f"{name}Model" if taken.taken(name) else name)


def param_key(p: Param) -> tuple[str, str]:
    """The key of a parameter in `TsNames.params`."""
    return (p.location, p.wire)
