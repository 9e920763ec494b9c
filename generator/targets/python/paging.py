"""The Python view of a paging operation: its `Paging` constant and page return types."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Api, Pagination, PathStep
from generator.pagination import property_path, settings
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
    for key, value in settings(pagination):
        args.append(f"{key}={_steps(value) if isinstance(value, tuple) else py_literal(value)}")
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
    return property_path(api, response, path, names.field)
