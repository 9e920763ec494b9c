"""What a stream operation yields: its event model, and whether unknown events may come.

A stream is *open* when a newer server can send an event of a kind this SDK cannot type:
an event-name union (an undeclared `event:` name), a payload that is a union (an unknown
discriminator value), or an envelope whose `event` is a closed set of names. Its items are
then `Model | UnknownEvent` (the runtime yields `UnknownEvent` for those kinds); the client
signature, the docs and `sdkgen diff` all take the item type from here.
"""

from __future__ import annotations

from generator.ir import Alias, Api, Enum, Model, StreamBody, TypeRef

UNKNOWN = "UnknownEvent"


def resolved(api: Api, t: TypeRef) -> TypeRef:
    """`t` with named aliases followed to the type they stand for (a cycle of aliases stops
    at its first repeat)."""
    seen: set[str] = set()
    while t.kind == "alias" and t.name not in seen:
        seen.add(t.name)
        named = api.named(t.name)
        if not isinstance(named, Alias):
            break
        t = named.target
    return t


def payload_is_union(api: Api, t: TypeRef) -> bool:
    """Whether the payload type is a union with a model member (its kind can be unknown)."""
    t = resolved(api, t)
    return t.kind == "union" and any(resolved(api, a).kind == "model" for a in t.args)


def closed_event_names(api: Api, model: Model) -> bool:
    """Whether the envelope's `event` field admits only listed names."""
    event = next((f for f in model.fields if f.wire == "event"), None)
    if event is None:
        return False
    t = resolved(api, event.type)
    if t.kind == "literal":
        return True
    if t.kind == "enum":
        named = api.named(t.name)
        return isinstance(named, Enum) and not named.open
    return False


def envelope_is_open(api: Api, name: str, member: bool = False) -> bool:
    """Whether one envelope model's events can be of a kind the SDK does not know (for a
    `member` of an event-name union, its `event` name was matched already)."""
    model = api.named(name)
    if not isinstance(model, Model):
        return False
    data = next((f for f in model.fields if f.wire == "data"), None)
    if data is not None and payload_is_union(api, data.type):
        return True
    return not member and closed_event_names(api, model)


def is_open(api: Api, stream: StreamBody) -> bool:
    """Whether the stream's items include `UnknownEvent`."""
    return bool(stream.events) or envelope_is_open(api, stream.model)


def item_annotation(api: Api, stream: StreamBody) -> str:
    """The item type of the stream: `Model`, or `Model | UnknownEvent` when open."""
    return f"{stream.model} | {UNKNOWN}" if is_open(api, stream) else stream.model
