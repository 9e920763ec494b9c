"""The deliveries an API sends -> IR webhooks, and the one union alias of their payloads.

Events come from the OAS 3.1 `webhooks:` section (each entry's JSON request body); a spec
without one may still name its event schemas `Webhook*` (OpenAI's style): those that carry
a required one-value tag become the events. The union is discriminated by the first tag
whose value differs in every event, so a delivery parses as exactly its own event class.
"""

from __future__ import annotations

from typing import Any

from generator import naming, nodes
from generator.ir import Alias, Model, TypeRef, Webhook
from generator.load import Loc
from generator.operations import METHODS
from generator.schemas import SchemaBuilder, distinct_tag

_PREFIX = "Webhook"


class WebhookBuilder:
    """Builds the webhooks of a spec after its components and operations."""

    def __init__(self, schemas: SchemaBuilder) -> None:
        self.schemas = schemas
        self.spec = schemas.spec

    def build(self) -> tuple[tuple[Webhook, ...], str]:
        """The webhooks, and the name of the alias of their union ("" when there are none)."""
        found = self._declared()
        where = Loc(self.spec.main_file, "/webhooks")
        if not found:
            found = self._named_events()
            where = Loc(self.spec.main_file, "/components/schemas")
        if not found:
            return (), ""
        self.schemas.drain()  # the payload models are needed whole to find their tags
        payloads = list(dict.fromkeys(payload for _, payload, _, _ in found))
        prop = self._discriminator(payloads)
        name = self.schemas.claim("WebhookEvent")
        union = payloads[0]
        if any(p.kind == "any" for p in payloads):
            union = TypeRef("any")
        elif len(payloads) > 1:
            union = TypeRef("union", args=tuple(payloads), discriminator=prop)
        told = f", told apart by `{prop}`" if prop else ""
        self.schemas.add(
            Alias(name, "components", f"An event the API's webhooks deliver{told}.", union, where)
        )
        hooks = tuple(
            Webhook(key, payload, self._tags(payload).get(prop, ""), text, loc)
            for key, payload, text, loc in found
        )
        return hooks, name

    # -- where events come from -----------------------------------------------------------
    def _declared(self) -> list[tuple[str, TypeRef, str, Loc]]:
        """(key, payload, description, location) per method of each `webhooks:` entry."""
        section = self.spec.root.get("webhooks") or {}
        base = Loc(self.spec.main_file, "/webhooks")
        if not isinstance(section, dict):
            raise base.error("'webhooks' must be a mapping")
        found = []
        for key, item in section.items():
            item, loc = self.spec.deref(item, base.child(key))
            if not isinstance(item, dict):
                raise loc.error("a webhook must be a path item mapping")
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    op, op_loc = item[method], loc.child(method)
                    text = nodes.text(op, "description") or nodes.text(op, "summary")
                    payload = self._payload(op, op_loc, naming.class_name(key, _PREFIX) + "Event")
                    found.append((str(key), payload, text, op_loc))
        return found

    def _payload(self, op: dict[str, Any], loc: Loc, hint: str) -> TypeRef:
        body, body_loc = self.spec.deref(op.get("requestBody"), loc.child("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        for media, entry in (content or {}).items():
            if isinstance(entry, dict) and _is_json(str(media)) and "schema" in entry:
                return self.schemas.type_of(entry["schema"], body_loc.child("content", media, "schema"), hint)
        self.schemas.note(f"{loc}: no JSON request body: the event is parsed as plain JSON")
        return TypeRef("any")

    def _named_events(self) -> list[tuple[str, TypeRef, str, Loc]]:
        """Component models named `Webhook*` that carry a required one-value tag."""
        schemas = (self.spec.root.get("components") or {}).get("schemas") or {}
        base = Loc(self.spec.main_file, "/components/schemas")
        found = []
        for key in schemas:
            if not str(key).startswith(_PREFIX):
                continue
            loc = base.child(key)
            model = self.schemas.get(self.schemas.names.get(loc, ""))
            if isinstance(model, Model) and _tags(model):
                found.append((str(key), TypeRef("model", model.name), model.description, loc))
        return found

    # -- telling events apart ------------------------------------------------------------
    def _tags(self, t: TypeRef) -> dict[str, Any]:
        model = self.schemas.get(t.name) if t.kind == "model" else None
        return _tags(model) if isinstance(model, Model) else {}

    def _discriminator(self, payloads: list[TypeRef]) -> str:
        """A tag every payload fixes to a distinct value, else ""."""
        tags = [self._tags(p) for p in payloads]
        return distinct_tag(tags) if all(tags) else ""


def _tags(model: Model) -> dict[str, Any]:
    """The required fields of `model` fixed to one string."""
    return {
        f.wire: f.type.values[0]
        for f in model.fields
        if f.required
        and f.type.kind == "literal"
        and not f.type.nullable
        and len(f.type.values) == 1
        and isinstance(f.type.values[0], str)
    }


def _is_json(media: str) -> bool:
    base = media.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")
