"""Contract tests: every operation of every generating corpus spec, called through the
generated SDK (sync and async) against `sdkgen mock`, which refuses (400, so the SDK raises)
any request its spec does not allow; each result must have the method's declared type."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pydantic
import pytest

from generator import mock
from generator.build import build_api
from generator.config import Settings
from generator.example_values import ExampleValues
from generator.ir import Api, Operation, TypeRef
from generator.load import load_spec
from generator.targets.python.names import PyNames
from tests.corpus_support import Outcome

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.xdist_group("corpus"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),  # deprecated operations are called too
]

# (package, operation id) -> why the SDK or the mock cannot carry it yet.
EXPECTED_FAILURES: dict[tuple[str, str], str] = {}
# Calls (operation x offered request media type) that pass, each made sync and async.
EXERCISED = 203  # 196 + the real-spec regressions corpus spec (7)


def _fits(value: Any, ann: Any) -> bool:
    """Whether `value` has the annotated type (the shapes generated methods declare)."""
    origin = typing.get_origin(ann)
    if ann is Any or ann is object:
        return True
    if ann is None or ann is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in typing.get_args(ann))
    if origin is typing.Literal:
        return value in typing.get_args(ann)
    if origin is typing.Annotated:
        return _fits(value, typing.get_args(ann)[0])
    if origin in (list, dict):
        args = typing.get_args(ann)
        if not isinstance(value, origin):
            return False
        if origin is list:
            return not args or all(_fits(v, args[0]) for v in value)
        return not args or all(_fits(v, args[1]) for v in value.values())
    if hasattr(ann, "__value__"):  # a recursive `TypeAliasType`: its value is a string
        try:
            pydantic.TypeAdapter(ann).validate_python(value, strict=True)
        except pydantic.ValidationError:
            return False
        return True
    if ann is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(ann, type):
        return isinstance(value, origin or ann)
    return isinstance(value, origin) if isinstance(origin, type) else False


def _is_binary(t: TypeRef) -> bool:
    return t.format == "binary" or (t.kind == "array" and bool(t.args) and _is_binary(t.args[0]))


def _calls(api: Api, names: PyNames, op: Operation, examples: ExampleValues) -> list[dict[str, Any]]:
    """Keyword arguments of one call per offered media type (required arguments only)."""
    kwargs: dict[str, Any] = {}
    for p in op.params:
        if p.required:
            value = examples.wire_value(p.type, p.example, default=p.default, hint=p.wire)
            kwargs[names.param(op, p)] = value
    body = op.body
    if body is None:
        return [kwargs]
    value = examples.wire_value(body.type)
    if body.fields:
        for f in body.fields:
            if f.required and not f.read_only:
                given = value.get(f.wire) if isinstance(value, dict) else None
                kwargs[names.body_field(op, f)] = b"\x00\xff" if _is_binary(f.type) else given
    elif body.required:
        kinds = {kind for _, kind in body.offered}
        kwargs["request_body"] = b"\x00\xff" if "binary" in kinds else value
    if len(body.offered) < 2:
        return [kwargs]
    chooser = "content_type"
    while chooser in kwargs or any(names.param(op, p) == chooser for p in op.params):
        chooser = "request_" + chooser
    return [{**kwargs, chooser: media} for media, _ in body.offered]


def _declared(method: Any) -> Any:
    return typing.get_type_hints(method, include_extras=False)["return"]


def _check_sync(result: Any, ann: Any, package: Any) -> None:
    origin = typing.get_origin(ann) or ann
    name = getattr(origin, "__name__", "")
    if name == "SyncPage":
        assert all(_fits(i, typing.get_args(ann)[-1]) for i in result.items), ann
    elif name in ("EventStream", "LineStream"):
        with result as stream:
            items = list(stream)
        assert items and all(_fits(i, typing.get_args(ann)[0]) for i in items), (ann, items[:2])
    elif name == "BinaryResponse":
        assert isinstance(result, package.BinaryResponse) and result.read() == mock.BINARY
    else:
        assert _fits(result, ann), (ann, repr(result)[:200])


async def _check_async(result: Any, ann: Any, package: Any) -> None:
    origin = typing.get_origin(ann) or ann
    name = getattr(origin, "__name__", "")
    if name in ("AsyncPage", "AsyncPager"):  # a pager awaited is its first page
        assert all(_fits(i, typing.get_args(ann)[-1]) for i in result.items), ann
    elif name in ("AsyncEventStream", "AsyncLineStream"):
        async with result as stream:
            items = [i async for i in stream]
        assert items and all(_fits(i, typing.get_args(ann)[0]) for i in items), (ann, items[:2])
    elif name == "AsyncBinaryResponse":
        assert isinstance(result, package.AsyncBinaryResponse) and await result.read() == mock.BINARY
    else:
        assert _fits(result, ann), (ann, repr(result)[:200])


def _clients(package: Any) -> tuple[type, type]:
    sdk = package.sdk
    sync = [
        c
        for n, c in vars(sdk).items()
        if isinstance(c, type) and c.__module__ == sdk.__name__ and f"Async{n}" in vars(sdk)
    ]
    assert len(sync) == 1, sync
    return sync[0], getattr(sdk, f"Async{sync[0].__name__}")


def _resource(client: Any, path: str) -> Any:
    for attr in filter(None, path.split(".")):
        client = getattr(client, attr)
    return client


def _exercise(outcome: Outcome, url: str, api: Api) -> tuple[int, list[str]]:
    """Call every operation sync and async; (calls per client, failures)."""
    package = importlib.import_module(outcome.case.package)
    names, examples = PyNames(api), ExampleValues(api)
    sync_cls, async_cls = _clients(package)
    failures: list[str] = []
    count = 0
    plan = [(op, kw) for op in api.operations for kw in _calls(api, names, op, examples)]
    # A credential for every scheme: the mock refuses (401) a call without what its security asks.
    auth = {names.scheme(s).param: "user:secret" if s.kind == "basic" else "k" for s in api.security}

    def label(op: Operation) -> str:
        return f"{outcome.case.package}.{op.operation_id}"

    with sync_cls(server_url=url, timeout=5, retries=0, **auth) as client:
        for op, kw in plan:
            expected = (outcome.case.package, op.operation_id) in EXPECTED_FAILURES
            method = getattr(_resource(client, names.resource_of(op)), names.method(op))
            try:
                _check_sync(method(**kw), _declared(method), package)
                count += 1
                if expected:  # a fixed gap must leave the list, so the list stays true
                    failures.append(f"{label(op)} passes now: remove it from EXPECTED_FAILURES")
            except Exception as exc:  # noqa: BLE001 - collected, reported together below
                if not expected:
                    failures.append(f"sync {label(op)} {kw.get('content_type', '')}: {exc!r}"[:400])

    async def run() -> None:
        async with async_cls(server_url=url, timeout=5, retries=0, **auth) as client:
            for op, kw in plan:
                if (outcome.case.package, op.operation_id) in EXPECTED_FAILURES:
                    continue
                method = getattr(_resource(client, names.resource_of(op)), names.method(op))
                try:
                    result = method(**kw)
                    if inspect.isawaitable(result):
                        result = await result
                    await _check_async(result, _declared(method), package)
                except Exception as exc:  # noqa: BLE001
                    failures.append(f"async {label(op)}: {exc!r}"[:400])

    asyncio.run(run())
    return count, failures


@pytest.fixture(scope="module")
def generated(corpus: dict[str, Outcome]) -> Iterator[list[Outcome]]:
    outs = [o for o in corpus.values() if o.code == 0]
    sys.path[:0] = [str(o.out) for o in outs]
    yield outs
    for o in outs:
        sys.path.remove(str(o.out))


def test_every_corpus_operation_round_trips_through_the_sdk_against_the_mock(
    generated: list[Outcome],
) -> None:
    total, failures = 0, []
    for outcome in generated:
        settings = replace(Settings(), spec=outcome.case.spec, package=outcome.case.package)
        api = build_api(load_spec(outcome.case.spec, (), ()), settings)
        with mock.running(api) as url:
            count, missed = _exercise(outcome, url, api)
        total += count
        failures += missed
    print(f"\ncontract: {total} operation x media type calls, each sync and async")
    assert not failures, "\n".join(failures)
    assert total == EXERCISED, total
