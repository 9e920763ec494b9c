"""Speakeasy's `#stream` path variants: the base operation becomes dual-mode.

A Speakeasy spec describes an operation's streaming mode as a path item of its own whose key
carries a `#stream` fragment (`/v1/conversations#stream`): its own operationId, a request whose
flag is true, a `text/event-stream` answer. The operation at the same path without the
fragment answers JSON and its body has the boolean flag. Paired, the base operation is one
dual-mode method (`start(...)` the model, `start(..., stream=True)` the stream, both sent to the
base path); the variant keeps its own method, as Speakeasy's SDKs have it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from generator.ir import DualMode, Field, Operation, RequestBody, TypeRef

FRAGMENT = "#stream"


def pair(
    ops: Sequence[Operation], keys: Sequence[tuple[str, str]], note: Callable[[str], None]
) -> list[Operation]:
    """`ops` with each base operation of a `#stream` variant made dual-mode.

    `keys[i]` is (the path key as the spec spells it, the flag its
    `x-speakeasy-stream-request-field` names or "") of `ops[i]`. A variant that cannot be
    paired is left as it is, with a note naming it.
    """
    bases = {
        (key, op.http_method): i
        for i, (op, (key, _)) in enumerate(zip(ops, keys, strict=True))
        if "#" not in key
    }
    out = list(ops)
    for variant, (key, _) in zip(ops, keys, strict=True):
        if not key.endswith(FRAGMENT):
            continue
        at = bases.get((key[: -len(FRAGMENT)], variant.http_method))
        if at is None:
            note(
                f"{variant.loc}: no {variant.http_method} operation at "
                f"{key[: -len(FRAGMENT)]!r} to pair this #stream variant with; it is a method of its own"
            )
            continue
        # The flag the base names, else the one the variant names (its own flag), else `stream`.
        base, flag = out[at], keys[at][1] or variant.stream_flag or "stream"
        reason = _why_not(base, variant, flag)
        if reason:
            note(f"{variant.loc}: not the stream mode of {base.loc}: {reason}; both are methods of their own")
            continue
        out[at] = _dual(base, variant, flag)
    return out


def _why_not(base: Operation, variant: Operation, flag: str) -> str:
    """Why `variant` cannot be the stream mode of `base` ("" when it can)."""
    if variant.stream is None or variant.success is None:
        return "the variant does not answer text/event-stream"
    if base.stream is not None or base.dual is not None:
        return "the base operation already streams"
    if base.success is None or base.success.kind != "json":
        return "the base operation does not answer JSON"
    if base.pagination is not None:
        return "the base operation pages"
    if base.body is None or variant.body is None:
        return "a request body is missing"
    field = next((f for f in base.body.fields if f.wire == flag), None)
    if field is None or not _boolean(field.type):
        return f"the base request has no boolean {flag!r} field"
    declared = any(f.wire == flag for f in variant.body.fields)
    if declared and variant.stream_flag != flag:
        return f"the variant's request has a {flag!r} field that may not be true"
    # Without the flag in the variant's request, only the base's own model can carry it true.
    if not declared and field.type.kind != "bool":
        return f"the base request's {flag!r} may not be true and the variant's request has none"
    return _incompatible(base, variant, flag)


def _boolean(t: TypeRef) -> bool:
    """A boolean, or a boolean fixed to one value (`enum: [false]`, `const: false`)."""
    fixed = t.kind == "literal" and bool(t.values) and all(isinstance(v, bool) for v in t.values)
    return t.kind == "bool" or fixed


def _incompatible(base: Operation, variant: Operation, flag: str) -> str:
    """Why the base's arguments cannot make the variant's request ("" when they can)."""
    if _params(base) != _params(variant):
        return "their parameters differ"
    ours, theirs = base.body, variant.body
    assert ours is not None and theirs is not None
    if (ours.content_type, ours.kind) != (theirs.content_type, theirs.kind):
        return f"their request media types differ ({ours.content_type}, {theirs.content_type})"
    fields = {f.wire: f for f in theirs.fields if f.wire != flag}
    for f in ours.fields:
        other = fields.pop(f.wire, None)
        if f.wire == flag:
            continue
        if other is None or other.type != f.type or other.required and not f.required:
            return f"their request bodies differ at {f.wire!r}"
    extra = next((f for f in fields.values() if f.required), None)
    return f"the variant's request requires {extra.wire!r}" if extra is not None else ""


def _params(op: Operation) -> set[tuple[str, str, TypeRef, bool]]:
    return {(p.location, p.wire, p.type, p.required) for p in op.params}


def _dual(base: Operation, variant: Operation, flag: str) -> Operation:
    """`base` as a dual-mode operation: the variant's stream when the flag is true."""
    whole, streamed = base.success, variant.success
    assert whole is not None and streamed is not None
    # One success, as a flag-based dual operation has it: the stream, declaring both media types.
    both = tuple(dict.fromkeys((*whole.content_types, *streamed.content_types)))
    merged = replace(streamed, description=streamed.description or whole.description, content_types=both)
    request = variant.body if _needs_own(base.body, variant.body, flag) else None
    return replace(
        base,
        responses=tuple(merged if r == whole else r for r in base.responses),
        success=merged,
        stream=variant.stream,
        dual=DualMode(flag, whole, request, variant.operation_id),
    )


def _needs_own(base: RequestBody | None, variant: RequestBody | None, flag: str) -> bool:
    """Whether the stream mode must send the variant's body model: the base's refuses a true flag."""
    assert base is not None and variant is not None
    field: Field = next(f for f in base.fields if f.wire == flag)
    return field.type.kind != "bool" and variant.model not in ("", base.model)
