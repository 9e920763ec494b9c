"""The Python view of a paging operation: its `Paging` constant and page return types."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Api, Model, Pagination, PathStep, TypeRef
from generator.targets.python.names import PyNames
from generator.targets.python.types import Annotator, py_literal


@dataclass(frozen=True)
class PagingView:
    """What a paging method prints: the constant's value and its return annotations."""

    constant: str  # `Paging(...)`
    returns: str  # `SyncPage[Response, Item]`
    async_returns: str  # `AsyncPager[Response, Item]`: awaited for a page, or iterated
    async_page: str  # `AsyncPage[Response, Item]`, whose `pager` the async method returns


def paging_view(
    api: Api, names: PyNames, pagination: Pagination, response: str, ann: Annotator
) -> PagingView:
    """The view of `pagination` for a method whose parsed response is `response`."""
    plain = Annotator(api, names)  # an item is the parsed model, never the dict an argument may be
    item = plain.annotation(pagination.item)
    ann.classes |= plain.classes
    ann.modules |= plain.modules
    ann.typing |= plain.typing
    ann.pydantic |= plain.pydantic
    items = _attribute_path(api, names, response, pagination.results)
    args = [
        py_literal(pagination.kind),
        f"results={_steps(pagination.results)}",
        f"items={_steps(items)}",
    ]
    if pagination.input:
        args.append(f"input={py_literal(pagination.input)}")
    if pagination.input_in == "body":
        args.append("body=True")
    if pagination.start:
        args.append(f"start={pagination.start}")
    if pagination.limit:
        args.append(f"limit={py_literal(pagination.limit)}")
    if pagination.next:
        args.append(f"next={_steps(pagination.next)}")
    if pagination.has_more:
        args.append(f"has_more={_steps(pagination.has_more)}")
    pair = f"[{response}, {item}]"
    return PagingView(
        f"Paging({', '.join(args)})", "SyncPage" + pair, "AsyncPager" + pair, "AsyncPage" + pair
    )


def _steps(path: tuple[PathStep, ...]) -> str:
    """A tuple literal without the trailing comma that would make ruff split it."""
    inner = ", ".join(py_literal(s) for s in path)
    return f"({inner},)" if len(path) == 1 else f"({inner})"


def _attribute_path(
    api: Api, names: PyNames, response: str, path: tuple[PathStep, ...]
) -> tuple[PathStep, ...]:
    """`path` through the parsed response: each wire name as the model's attribute."""
    out: list[PathStep] = []
    t: TypeRef | None = TypeRef("model", response)
    for step in path:
        t = _resolved(api, t)
        if isinstance(step, int):
            out.append(step)
            t = t.args[0] if t is not None and t.args else None
            continue
        model = api.named(t.name) if t is not None and t.kind == "model" else None
        assert isinstance(model, Model), "the core checked the path leads to a list"
        field = next(f for f in model.fields if f.wire == step)
        out.append(names.field(model, field))
        t = field.type
    return tuple(out)


def _resolved(api: Api, t: TypeRef | None) -> TypeRef | None:
    seen: set[str] = set()
    while t is not None and t.kind == "alias" and t.name not in seen:  # a cycle stops at a repeat
        seen.add(t.name)
        named = api.named(t.name)
        t = getattr(named, "target", None)
    return t
