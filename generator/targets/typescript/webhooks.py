"""The webhooks view of the TypeScript SDK: `sdk.webhooks` (verify a delivery, parse its event)
and its docs page.

Only an Api with webhooks gets the module, the client property and the page; the runtime that
verifies signatures (`src/lib/webhooks.ts`) ships with every SDK like the rest of the runtime.
The HMAC is Web Crypto's, which only answers asynchronously: both methods return Promises.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.docs_format import CHECK, MINUS, cell, table
from generator.ir import Api, TypeRef
from generator.targets.typescript.names import WEBHOOKS_PROP, TsNames
from generator.targets.typescript.text import doc_comment

if TYPE_CHECKING:
    from generator.targets.typescript.docs import TypeCell, Usage

WEBHOOK_METHODS = (
    ("unwrap", "Verify a delivery and return its typed event"),
    ("verifySignature", "Verify a delivery without parsing it"),
)
ERROR = "WebhookVerificationError"
INVALID = "WebhookValidationError"
_ARGS = [
    ("`body`", "*string* | *Uint8Array*", CHECK, "The raw request body, exactly as received."),
    (
        "`headers`",
        "*Headers* | *Record<string, string | string[] | undefined>*",
        CHECK,
        "The request headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`), names in any case.",
    ),
    (
        "`secret`",
        "*string* | *Uint8Array*",
        CHECK,
        "The signing secret (`whsec_...` base64), or the raw key.",
    ),
    (
        "`options.toleranceSeconds`",
        "*number*",
        MINUS,
        "Seconds the delivery's timestamp may differ from now (default 300).",
    ),
]
_WHEN = [
    (
        ERROR,
        "A header is missing, no signature matches, the timestamp is outside the tolerance, "
        "or the secret is not base64.",
    ),
    (INVALID, "The delivery verifies, but its body is not JSON or none of the spec's events."),
]


@dataclass
class WebhooksView:
    """What `src/sdk/<file>.ts` and the SDK class print."""

    class_name: str
    file: str  # the module stem under src/sdk/ and the docs folder under docs/sdks/
    prop: str
    doc: str
    event: str  # the union of every event, namespace-qualified (`components.WebhookEvent`)
    schema: str  # its inbound zod schema
    namespace: str


def webhooks_view(api: Api, names: TsNames) -> WebhooksView | None:
    """The view, or None when the spec declares no webhooks."""
    if not api.webhooks:
        return None
    module = api.named(api.webhook_event).module
    event = f"{module}.{names.type(api.webhook_event)}"
    title = " ".join(f"{api.title} API".split())
    doc = doc_comment(
        f"`sdk.{WEBHOOKS_PROP}`: the webhook deliveries of the {title}, verified and parsed.\n\n"
        "Standard Webhooks signatures, typed events, no I/O. Both methods return Promises: Web Crypto,\n"
        "which computes the signature, only answers asynchronously."
    )
    cls = names.webhooks_class
    return WebhooksView(cls, cls.lower(), WEBHOOKS_PROP, doc, event, f"{event}$inboundSchema", module)


def docs_page(view: WebhooksView) -> str:
    """The path of the webhooks docs page."""
    return f"docs/sdks/{view.file}/README.md"


def readme_entry(view: WebhooksView) -> tuple[str, str, list[tuple[str, str]]]:
    """The README's resource entry: (title, page, (method, summary) rows)."""
    return (view.class_name, docs_page(view), list(WEBHOOK_METHODS))


def docs_context(api: Api, view: WebhooksView, types: TypeCell, usage: Usage) -> dict[str, Any]:
    """The docs page's values: the events table, the `unwrap` example, arguments and errors."""
    has_event = any(h.event for h in api.webhooks)
    rows = []
    for hook in api.webhooks:
        tag = [f"`{hook.event}`" if hook.event else ""] if has_event else []
        rows.append([f"`{hook.name}`", cell(types.cell(hook.payload)), *tag, cell(hook.description)])
    headers = ["Webhook", "Payload", *(["Event Type"] if has_event else []), "Description"]
    args = [[name, cell(t), required, cell(doc)] for name, t, required, doc in _ARGS]
    event = types.cell(TypeRef("alias", api.webhook_event))
    return {
        "title": view.class_name,
        "prop": view.prop,
        "api_title": " ".join(api.title.split()),
        "methods": WEBHOOK_METHODS,
        "events": table(headers, rows),
        "example": example_source(api, usage),
        "parameters": table(["Parameter", "Type", "Required", "Description"], args),
        "response": f"**Promise\\<{event}\\>**",
        "errors": table(["Error Type", "When"], [[f"`{cls}`", cell(when)] for cls, when in _WHEN]),
    }


def example_source(api: Api, usage: Usage) -> str:
    """A web handler's use of `unwrap` (a fetch-style `Request`: Deno, Bun, edge runtimes, Node.js)."""
    client = usage.client()
    sdk_import = client[0].replace(" }", f", {ERROR} }}", 1)
    secret = usage.names.env_var("webhookSecret")
    return "\n".join(
        [
            sdk_import,
            *client[1:],
            "",
            "async function handle(request: Request): Promise<Response> {",
            "  const body = new Uint8Array(await request.arrayBuffer());",
            f'  const secret = process.env["{secret}"] ?? "";',
            "  try {",
            f"    const event = await sdk.{WEBHOOKS_PROP}.unwrap(body, request.headers, secret);",
            "    console.log(event);",
            "  } catch (error) {",
            f"    if (error instanceof {ERROR}) {{",
            '      return new Response("bad signature", { status: 400 });',
            "    }",
            "    throw error;",
            "  }",
            "  return new Response(null, { status: 204 });",
            "}",
        ]
    )
