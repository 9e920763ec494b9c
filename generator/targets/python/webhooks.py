"""The webhooks view: `sdk.webhooks` (verify a delivery, parse its event) and its docs page.

Only an Api with webhooks gets the module, the client attribute and the page; the runtime
that verifies signatures (`_webhooks.py`) ships with every SDK like the rest of the runtime.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.docs_format import CHECK, MINUS, cell, table
from generator.ir import Api, TypeRef
from generator.targets.python.names import WEBHOOKS_ATTRIBUTE, module_name
from generator.targets.python.text import docstring

DOCS_PAGE = f"docs/sdks/{WEBHOOKS_ATTRIBUTE}/README.md"
WEBHOOK_METHODS = (
    ("unwrap", "Verify a delivery and return its typed event"),
    ("verify_signature", "Verify a delivery without parsing it"),
)
ERROR = "WebhookVerificationError"
_ARGS = [
    ["`body`", "*Union[bytes, str]*", "The raw request body, exactly as received."],
    [
        "`headers`",
        "*Mapping[str, str]*",
        "The request headers: `webhook-id`, `webhook-timestamp`, `webhook-signature`.",
    ],
    ["`secret`", "*Union[str, bytes]*", "The signing secret (`whsec_...` base64), or the raw key as bytes."],
    ["`tolerance`", "*float*", "Seconds the delivery's timestamp may differ from now (default 300)."],
]
_WHEN = "A header is missing, no signature matches, or the timestamp is outside the tolerance."


@dataclass
class WebhooksView:
    """What the `webhooks.py` module and the docs page print."""

    title: str
    event: str  # the alias of the union of every event
    event_module: str


def webhooks_view(api: Api) -> WebhooksView | None:
    """The view, or None when the spec declares no webhooks."""
    if not api.webhooks:
        return None
    return WebhooksView(docstring(api.title), api.webhook_event, module_name(api.webhook_event))


def docs_context(api: Api, example: Any, type_cell: Callable[[TypeRef], str]) -> dict[str, Any]:
    """The docs page's values: the events table, the `unwrap` example, arguments and errors."""
    has_event = any(h.event for h in api.webhooks)
    rows = []
    for hook in api.webhooks:
        tag = [f"`{hook.event}`" if hook.event else ""] if has_event else []
        rows.append([f"`{hook.name}`", type_cell(hook.payload), *tag, cell(hook.description)])
    headers = ["Webhook", "Payload", *(["Event Type"] if has_event else []), "Description"]
    args = [[name, t, MINUS if name == "`tolerance`" else CHECK, doc] for name, t, doc in _ARGS]
    return {
        "view": webhooks_view(api),
        "methods": WEBHOOK_METHODS,
        "events": table(headers, rows),
        "example": example,
        "parameters": table(["Parameter", "Type", "Required", "Description"], args),
        "response": f"**{type_cell(TypeRef('alias', api.webhook_event))}**",
        "errors": table(["Error Type", "When"], [[f"`{ERROR}`", _WHEN]]),
    }


def example_source(api: Api) -> str:
    """A web handler's use of `unwrap`: flat source, laid out with the other docs blocks."""
    cls, pkg = api.sdk_class, api.package
    env_var = f"{api.env_prefix or pkg.upper()}_WEBHOOK_SECRET"
    return "\n".join(
        [
            "import os",
            "",
            f"from {pkg} import {cls}, {ERROR}",
            "",
            f"sdk = {cls}()",
            "",
            "",
            "def handle(body: bytes, headers: dict[str, str]) -> int:",
            "    try:",
            f"        event = sdk.webhooks.unwrap(body, headers, secret=os.environ[{env_var!r}])",
            f"    except {ERROR}:",
            "        return 400",
            "    print(event)",
            "    return 200",
        ]
    )
