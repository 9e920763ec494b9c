"""The intermediate representation: what the spec means, in wire names and neutral words.

Frozen dataclasses only; built once by `schemas.py` and `operations.py`, never mutated,
read by every target's views. It holds the spec's own names (wire names, tags, operation
ids, scheme keys, enum values) and the PascalCase class names every target shares; each
target derives its identifiers (attributes, methods, parameters) from those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from generator.load import Loc


class _Missing:
    """Marks an absent example or default (None is a legitimate JSON value)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()

Kind = Literal[
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "datetime",
    "date",
    "time",
    "uuid",
    "decimal",
    "any",
    "null",
    "model",
    "enum",
    "alias",
    "list",
    "map",
    "union",
    "literal",
]
ModuleKind = Literal["components", "operations"]


@dataclass(frozen=True)
class TypeRef:
    """A type expression. Named kinds (model, enum, alias) carry the class name only."""

    kind: Kind
    name: str = ""
    args: tuple[TypeRef, ...] = ()
    values: tuple[Any, ...] = ()
    nullable: bool = False
    discriminator: str = ""
    format: str = ""

    def with_nullable(self, nullable: bool = True) -> TypeRef:
        """The same type, nullable (or not)."""
        return TypeRef(
            self.kind, self.name, self.args, self.values, nullable, self.discriminator, self.format
        )


@dataclass(frozen=True)
class Field:
    """A property of a model (and, for a request body's model, a keyword argument)."""

    wire: str
    type: TypeRef
    required: bool
    description: str = ""
    doc: str = ""  # own description, else the referenced schema's
    default: Any = MISSING
    example: Any = MISSING
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    loc: Loc | None = None
    name_override: str = ""  # x-speakeasy-name-override text: targets name the attribute after it
    error_message: bool = False  # x-speakeasy-error-message: an error body's message


@dataclass(frozen=True)
class Model:
    """An object schema: a class with one attribute per property."""

    name: str
    module: ModuleKind
    description: str
    fields: tuple[Field, ...]
    loc: Loc
    extra: Literal["allow", "forbid"] = "allow"
    extra_type: TypeRef | None = None
    example: Any = MISSING
    json_fields: tuple[str, ...] = ()  # fields whose wire value may arrive as JSON text
    deprecated: bool = False
    # The spec says `additionalProperties: true` or a schema (not only the JSON Schema default).
    extra_declared: bool = False


@dataclass(frozen=True)
class EnumMember:
    """One allowed value of an enum."""

    value: Any


@dataclass(frozen=True)
class Enum:
    """A schema with `enum` of strings or integers: open (unknown values kept) unless closed."""

    name: str
    module: ModuleKind
    description: str
    members: tuple[EnumMember, ...]
    base: Literal["str", "int", "float"]
    open: bool
    loc: Loc
    example: Any = MISSING


@dataclass(frozen=True)
class Alias:
    """A named schema that is not an object or enum: a union, a list, a primitive."""

    name: str
    module: ModuleKind
    description: str
    target: TypeRef
    loc: Loc
    example: Any = MISSING


Named = Model | Enum | Alias


def named_ref(named: Named) -> TypeRef:
    """The type that refers to a named model, enum or alias."""
    kind: Kind = "model" if isinstance(named, Model) else "enum" if isinstance(named, Enum) else "alias"
    return TypeRef(kind, named.name)


@dataclass(frozen=True)
class Param:
    """A path, query, header or cookie parameter."""

    wire: str
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: str = ""
    default: Any = MISSING
    example: Any = MISSING
    deprecated: bool = False
    explode: bool = True
    style: str = ""  # the spec's `style` (form, deepObject, ...); "" when not given


@dataclass(frozen=True)
class PartEncoding:
    """How one property of a form or multipart body travels (the media type's `encoding`)."""

    name: str  # the property's wire name
    style: str = ""  # form, spaceDelimited, pipeDelimited, deepObject; "" when not given
    explode: bool | None = None  # None when not given
    content_type: str = ""  # a multipart part's media type


@dataclass(frozen=True)
class RequestBody:
    """The request body: its media type, type and (for objects) flattened fields."""

    content_type: str
    type: TypeRef
    required: bool
    description: str = ""
    model: str = ""  # the object model whose fields become keyword arguments
    fields: tuple[Field, ...] = ()
    encoding: tuple[PartEncoding, ...] = ()  # per property, as the spec gives it
    kind: str = "json"  # how the default media type travels: json, form, multipart, text, binary
    # (media type, kind) the caller may choose from, the default first; all share one schema
    offered: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Response:
    """One documented response of an operation."""

    status: str
    description: str
    content_type: str = ""
    type: TypeRef | None = None
    error_class: str = ""  # set for 4XX/5XX/default responses
    kind: str = ""  # how `content_type` is read: json, sse, ndjson, text, binary; "" without content
    content_types: tuple[str, ...] = ()  # every media type the response declares
    # The media type's own `example`, else its first named `examples` entry (MISSING when none)
    example: Any = MISSING
    example_at: str = ""  # where that example is, for notes


@dataclass(frozen=True)
class StreamBody:
    """The typed envelope of a `text/event-stream` response."""

    model: str  # the operations model (or, with `events`, the union alias) of each event
    data: TypeRef  # the payload type of `data` (with `events`, the union of the members')
    sentinel: str = ""  # a `data` value that ends the stream, e.g. [DONE]
    # (event name, member envelope model) when the spec declares an event-name union
    events: tuple[tuple[str, str], ...] = ()


PageKind = Literal["offset", "page", "cursor", "url"]
PathStep = str | int  # a JSON object key (wire name) or a list index (-1: the last item)


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages: `x-speakeasy-pagination`, or inferred from a common shape.

    Paths run through the success body in wire names. `input` names the request value
    that moves (the offset, page or cursor; "" for `url`), sent in the query or body.
    """

    kind: PageKind
    results: tuple[PathStep, ...]  # the item list
    item: TypeRef  # the type of one item
    input: str = ""
    input_in: Literal["query", "body"] = "query"
    start: int = 0  # the first offset or page when the caller passes none
    limit: str = ""  # the request value bounding a page's size, "" when none
    next: tuple[PathStep, ...] = ()  # the next cursor, the next URL, or (page) the page count
    has_more: tuple[PathStep, ...] = ()  # a flag that is false on the last page
    inferred: bool = False  # from the shape, not from the extension


@dataclass(frozen=True)
class RetryPolicy:
    """`x-speakeasy-retries` (strategy backoff): what is retried and the backoff, in ms."""

    status_codes: tuple[str, ...]  # "429", "5XX", ...
    initial_ms: int = 500
    max_ms: int = 60000
    max_elapsed_ms: int = 3600000
    exponent: float = 1.5
    connection_errors: bool = False


@dataclass(frozen=True)
class DualMode:
    """An operation whose success answers JSON or an SSE stream, chosen by a boolean body field.

    From Speakeasy's `#stream` path variants too: the operation at `/path#stream` (`variant`,
    its operationId) is the stream mode of the one at `/path`, whose request carries the flag.
    """

    flag: str  # the body field's wire name (`stream`): true asks for the stream
    response: Response  # the JSON success response; the stream is `Operation.stream`
    # A `#stream` variant's request body: what the stream mode sends (its flag may allow only
    # true where the base's allows only false); None when one body serves both modes.
    request: RequestBody | None = None
    variant: str = ""  # the paired `#stream` variant's operationId, "" for a flag in one operation


@dataclass(frozen=True)
class Operation:
    """An HTTP operation: one method on one resource."""

    operation_id: str  # the spec's operationId, else `<method> <path>`
    name: str  # what the method is named after: x-speakeasy-name-override, else operation_id
    class_prefix: str  # PascalCase, unique: the start of the operation's model names
    http_method: str
    path: str
    tag: str  # the first tag, "" when untagged
    summary: str
    description: str
    params: tuple[Param, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    success: Response | None
    stream: StreamBody | None
    security: tuple[str, ...]
    loc: Loc
    deprecated: bool = False
    resumable: bool = False  # a dropped stream may be reopened, even for a POST
    deprecation_message: str = ""  # x-speakeasy-deprecation-message
    replacement: str = ""  # x-speakeasy-deprecation-replacement: the operationId to use instead
    pagination: Pagination | None = None
    retries: RetryPolicy | None = None  # the operation's own policy; it replaces the document's
    dual: DualMode | None = None  # JSON or stream by a body flag; `stream` is the stream mode
    stream_flag: str = ""  # a stream operation's body flag asking for the stream (sent true)
    # The alternatives of `security`, each the schemes it needs together; an empty one (`{}`)
    # lets anonymous calls through. () when the operation needs no credentials.
    security_requirements: tuple[tuple[str, ...], ...] = ()
    # A query written into the path key (`/v1/files?beta=true`, as Anthropic's spec does): its
    # pairs, sent with every call; `path` is the key without it.
    fixed_query: tuple[tuple[str, str], ...] = ()

    @property
    def endpoint(self) -> str:
        """The path key as the spec wrote it, query included: what tells two operations apart."""
        if not self.fixed_query:
            return self.path
        return self.path + "?" + "&".join(f"{k}={v}" if v else k for k, v in self.fixed_query)

    def path_parts(self) -> list[tuple[str, bool]]:
        """The path template as (text, is a `{parameter}` wire name) pieces, in order."""
        parts: list[tuple[str, bool]] = []
        rest = self.path
        while "{" in rest and "}" in rest.split("{", 1)[1]:
            head, tail = rest.split("{", 1)
            wire, rest = tail.split("}", 1)
            parts += [(head, False)] if head else []
            parts.append((wire, True))
        return parts + [(rest, False)] if rest or not parts else parts


@dataclass(frozen=True)
class Resource:
    """The operations of one tag (tags with the same words are one), or the untagged ones.

    `tag` is spelled as the spec's `tags` list spells it (`declared`), else as the first
    operation does; "" for the untagged operations.
    """

    tag: str
    class_name: str
    description: str
    operations: tuple[Operation, ...]
    declared: bool = False
    # The tag's dot-separated levels as keys (`beta.conversations` -> ("beta", "conversations")):
    # a resource of several levels is reached through its parents; () when untagged.
    path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Webhook:
    """One delivery the API sends: a `webhooks:` entry, or an event schema named `Webhook*`."""

    name: str  # the `webhooks:` key, else the component schema's key
    payload: TypeRef  # the delivery's JSON body
    event: str  # the value of the events' discriminating property ("" when there is none)
    description: str
    loc: Loc


@dataclass(frozen=True)
class SecurityScheme:
    """An auth scheme: one credential, sent as `header` (or query/cookie parameter)."""

    key: str
    kind: Literal["bearer", "basic", "apikey"]
    location: Literal["header", "query", "cookie"]
    header: str
    description: str = ""


@dataclass(frozen=True)
class Api:
    """The whole spec, ready to render."""

    title: str
    description: str
    version: str
    package: str
    sdk_class: str
    servers: tuple[str, ...]
    security: tuple[SecurityScheme, ...]
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    aliases: tuple[Alias, ...]
    operations: tuple[Operation, ...]
    resources: tuple[Resource, ...]
    notes: tuple[str, ...] = ()
    env_prefix: str = ""  # the configured prefix of credential environment variables, if any
    retries: RetryPolicy | None = None  # the document's `x-speakeasy-retries`
    webhooks: tuple[Webhook, ...] = ()
    webhook_event: str = ""  # the alias naming the union of every webhook payload
    by_name: dict[str, Named] = field(default_factory=dict, compare=False, hash=False)

    def named(self, name: str) -> Named:
        """The model, enum or alias with this class name."""
        return self.by_name[name]
