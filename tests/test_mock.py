"""`sdkgen mock` (issue 10 §6): a real server on 127.0.0.1 answering every operation from the
spec's examples and refusing requests that do not match the spec with 400 and the reason.

Called with httpx for the refusals, and through the committed SDKs (the embedded Atoma spec
and the golden `wire` spec) for the answers, which must parse as the declared types."""

from __future__ import annotations

import asyncio
import datetime
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from generator import mock, values
from generator.build import build_api
from generator.config import Settings
from generator.example_values import ExampleValues
from generator.ir import Api, Operation, TypeRef
from generator.load import load_spec
from tests.helpers import shared_path
from tests.runtime.conftest import import_golden_package
from tests.runtime.conftest_client import atoma_sdk

ROOT = Path(__file__).resolve().parents[1]
WIRE_SPEC = ROOT / "tests" / "golden" / "wire" / "spec.yaml"
ATOMA_SPEC = ROOT / "spec" / "openapi.yaml"
MESSAGES = [{"role": "user", "content": "Hi"}]
AUTH = {"authorization": "Bearer t"}  # the wire and Atoma specs need a bearer token

pytestmark = [pytest.mark.timeout(30), pytest.mark.xdist_group("mock")]


def _mocked(spec: Path, package: str) -> Iterator[str]:
    settings = replace(Settings(), spec=spec, package=package)
    api = build_api(load_spec(spec, (), ()), settings)
    with mock.running(api) as url:
        yield url


@pytest.fixture(scope="module")
def atoma() -> Iterator[str]:
    yield from _mocked(ATOMA_SPEC, "atoma_sdk")


@pytest.fixture(scope="module")
def wire() -> Iterator[str]:
    yield from _mocked(WIRE_SPEC, "wire_sdk")


# -- refusals: 400 with the reason ----------------------------------------------------------


def test_missing_required_query_parameter_is_refused_naming_it(wire: str) -> None:
    answer = httpx.get(f"{wire}/records", headers=AUTH)
    assert answer.status_code == 400
    assert answer.json() == {"error": "required query parameter 'n' is missing"}
    assert httpx.get(f"{wire}/records", params={"n": "2"}, headers=AUTH).status_code == 200


def test_parameter_value_not_fitting_its_type_is_refused(wire: str) -> None:
    answer = httpx.get(f"{wire}/records", params={"n": "two"}, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json() == {"error": "query parameter 'n': expected an integer, got \"two\""}


def test_undeclared_content_type_is_refused(wire: str) -> None:
    answer = httpx.post(f"{wire}/notes", content=b"a,b", headers={**AUTH, "content-type": "text/csv"})
    assert answer.status_code == 400
    assert "text/csv" in answer.json()["error"]
    assert "application/json, application/x-www-form-urlencoded" in answer.json()["error"]


def test_json_body_failing_the_schema_is_refused_naming_the_pointer(atoma: str) -> None:
    bad = {"model": "m", "messages": [{"role": "user", "content": 5}]}
    answer = httpx.post(f"{atoma}/v1/chat/completions", json=bad, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("request body: /messages/0")
    missing = httpx.post(f"{atoma}/v1/chat/completions", json={"model": "m"}, headers=AUTH)
    assert missing.json() == {"error": "request body: /: required property 'messages' is missing"}


def test_missing_body_and_bad_json_are_refused(atoma: str) -> None:
    url = f"{atoma}/v1/chat/completions"
    assert httpx.post(url, headers=AUTH).json() == {"error": "request body is required"}
    broken = httpx.post(url, content=b"{", headers={**AUTH, "content-type": "application/json"})
    assert broken.status_code == 400 and broken.json()["error"].startswith("request body: not JSON")


def test_form_body_missing_a_required_field_is_refused(wire: str) -> None:
    answer = httpx.post(f"{wire}/customers", data={"balance": "1"}, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json() == {"error": "request body: required field 'name' is missing"}


def test_multipart_body_missing_a_required_part_is_refused(wire: str) -> None:
    answer = httpx.post(f"{wire}/files", data={"purpose": "batch"}, files={"image": b"x"}, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json() == {"error": "request body: required part 'file' is missing"}
    whole = httpx.post(f"{wire}/files", data={"purpose": "batch"}, files={"file": b"x"}, headers=AUTH)
    assert whole.status_code == 200
    unbounded = httpx.post(
        f"{wire}/files", content=b"x", headers={**AUTH, "content-type": "multipart/form-data"}
    )
    assert unbounded.json()["error"].startswith("request body: not a multipart/form-data body")


def test_unknown_route_and_method_are_not_served(wire: str) -> None:
    assert httpx.get(f"{wire}/nowhere", headers=AUTH).status_code == 404
    assert httpx.post(f"{wire}/records", headers=AUTH).status_code == 405


@pytest.fixture(scope="module")
def calls() -> Iterator[str]:
    yield from _mocked(ROOT / "tests" / "golden" / "calls" / "spec.yaml", "calls_sdk")


@pytest.fixture(scope="module")
def streams() -> Iterator[str]:
    yield from _mocked(ROOT / "tests" / "golden" / "streams" / "spec.yaml", "streams_sdk")


# -- answers, through the generated SDKs ----------------------------------------------------


def test_atoma_chat_create_returns_the_typed_model(atoma: str) -> None:
    with atoma_sdk.AtomaSdk(server_url=atoma, bearer_auth="t", timeout=5) as sdk:
        done = sdk.chat.chat_completions_create(model="m", messages=MESSAGES)
        listed = sdk.models.models_list()
    assert isinstance(done, atoma_sdk.models.components.ChatCompletionResponse)
    assert done.choices and isinstance(listed, atoma_sdk.models.components.ModelList)


def test_atoma_stream_yields_typed_chunks_until_done(atoma: str) -> None:
    with atoma_sdk.AtomaSdk(server_url=atoma, bearer_auth="t", timeout=5) as sdk:
        with sdk.chat.chat_completions_create_stream(model="m", messages=MESSAGES) as stream:
            events = list(stream)
    assert len(events) == mock.EVENTS
    assert all(isinstance(e.data, atoma_sdk.models.components.ChatCompletionChunk) for e in events)
    raw = httpx.post(
        f"{atoma}/v1/chat/completions",
        json={"model": "m", "messages": MESSAGES, "stream": True},
        headers=AUTH,
    )
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert raw.text.endswith("data: [DONE]\n\n")


def test_atoma_stream_async(atoma: str) -> None:
    async def run() -> list[object]:
        async with atoma_sdk.AsyncAtomaSdk(server_url=atoma, bearer_auth="t", timeout=5) as sdk:
            stream = await sdk.chat.chat_completions_create_stream(model="m", messages=MESSAGES)
            async with stream:
                return [e.data async for e in stream]

    chunks = asyncio.run(run())
    assert len(chunks) == mock.EVENTS
    assert all(isinstance(c, atoma_sdk.models.components.ChatCompletionChunk) for c in chunks)


def test_every_wire_operation_passes_validation_through_the_sdk(wire: str) -> None:
    wire_sdk = import_golden_package("wire")
    Echo = wire_sdk.models.components.Echo  # noqa: N806
    with wire_sdk.WireSdk(server_url=wire, api_key="k", timeout=5) as sdk:
        echo = sdk.customers.create_customer(name="Ada", balance=0, tax_exempt=False)
        assert isinstance(echo, Echo)
        assert isinstance(sdk.files.upload_file(purpose="fine-tune", file=b"\x00\xff"), Echo)
        assert isinstance(sdk.files.create_note(title="t"), Echo)
        form = sdk.files.create_note(title="t", content_type="application/x-www-form-urlencoded")
        assert isinstance(form, Echo)
        assert isinstance(sdk.blobs.put_blob(name="a b", request_body=b"\x00\xff"), Echo)
        assert sdk.blobs.get_blob(name="a b").read() == mock.BINARY
        assert isinstance(sdk.texts.echo_text(request_body="hi"), str)
        with sdk.texts.list_records(n=2) as lines:
            records = list(lines)
        assert len(records) == mock.EVENTS and all(
            isinstance(r, wire_sdk.models.components.Record) for r in records
        )
        ranged = sdk.charges.list_charges(created={"gt": 1}, window={"gt": 2}, ids=[1, 2], tag=["a"])
        assert isinstance(ranged, Echo)
        assert isinstance(sdk.files.delete_note(id="n 1"), wire_sdk.models.components.Note)
        assert sdk.blobs.get_anything().read() == mock.BINARY
        assert sdk.texts.get_report().read() == mock.BINARY


def test_every_form_and_multipart_field_the_sdk_sends_passes_the_value_checks(wire: str) -> None:
    wire_sdk = import_golden_package("wire")
    with wire_sdk.WireSdk(server_url=wire, api_key="k", timeout=5) as sdk:
        sdk.customers.create_customer(
            name="Ada",
            balance=3,
            tax_exempt=True,
            metadata={"k": "v"},
            expand=["a", "b"],
            address={"city": "c", "line": ["1", "2"]},
            tags=["x", "y"],
            ids=[1, 2],
            codes=["p", "q"],
        )
        sdk.files.upload_file(
            file=("a.bin", b"\x00\xff", "application/octet-stream"),
            purpose="batch",
            count=2,
            flag=False,
            tags=["a", "b"],
            attachments=[b"1", b"2"],
            image=b"\x89PNG",
            note="# hi",
            at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            meta={"city": "c", "line": ["1"]},
            source="https://example.com/f",
        )
    with pytest.raises(wire_sdk.errors.APIStatusError) as refused:
        with wire_sdk.WireSdk(server_url=wire, timeout=5) as anonymous:
            anonymous.files.create_note(title="t")
    assert refused.value.status_code == 401


def test_mock_command_prints_its_url_and_serves(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "generator", "mock", str(WIRE_SPEC), "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=tmp_path) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("sdkgen: mock of Wire on http://127.0.0.1:")
            url = line.split(" on ", 1)[1].strip()
            assert httpx.get(f"{url}/records", params={"n": "1"}, headers=AUTH).status_code == 200
        finally:
            proc.terminate()


def test_mock_command_bad_spec_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\npaths: 5\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "mock", str(bad)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.startswith("sdkgen: error: ") and done.stderr.count("\n") == 1


def test_mock_command_without_starlette_is_one_line_exit_2(tmp_path: Path) -> None:
    # `None` in sys.modules makes the import fail as when the package is not installed.
    code = (
        "import sys; sys.modules['starlette'] = sys.modules['uvicorn'] = None; "
        f"from generator.cli import main; sys.exit(main(['mock', {str(WIRE_SPEC)!r}, '--port', '0']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2
    assert done.stderr == f"sdkgen: error: {mock.MISSING_WEB}\n"


def test_dual_mode_answers_json_unless_the_flag_is_true(calls: str) -> None:
    calls_sdk = import_golden_package("calls")
    with calls_sdk.CallsSdk(server_url=calls, api_key="k", timeout=5) as sdk:
        whole = sdk.completions.create_completion(model="m", prompt="p")
        with sdk.completions.create_completion(model="m", prompt="p", stream=True) as stream:
            events = list(stream)
    assert isinstance(whole, calls_sdk.models.components.Completion)
    assert len(events) == mock.EVENTS


def test_event_union_stream_yields_each_declared_event_typed(streams: str) -> None:
    streams_sdk = import_golden_package("streams")
    ops = streams_sdk.models.operations
    with streams_sdk.StreamsSdk(server_url=streams, api_key="k", timeout=5) as sdk:
        with sdk.events.ticker_stream() as stream:
            events = list(stream)
    kinds = [ops.TickerStreamTickEvent, ops.TickerStreamNoticeEvent, ops.TickerStreamTickEvent]
    assert [type(e) for e in events] == kinds
    assert isinstance(events[0].data, streams_sdk.models.components.Tick)


# -- every operation of the real specs: a request made of the spec's own examples passes --------

REAL_SPECS = sorted(shared_path("specs").glob("*.yaml")) if shared_path("specs").is_dir() else []


def _request(api: Api, op: Operation, examples: ExampleValues) -> dict[str, Any]:
    """httpx.request arguments for a call of `op` made of example values (required ones only)."""
    path, params, headers = op.path, {}, {}
    for p in op.params:
        value = examples.wire_value(p.type, p.example, default=p.default, hint=p.wire)
        text = json.dumps(value) if not isinstance(value, str) else value
        if p.location == "path":
            path = path.replace(f"{{{p.wire}}}", quote(text if "/" not in text else "x", safe=""))
        elif p.required and p.location == "query":
            params[p.wire] = value if isinstance(value, list) else text
        elif p.required and p.location == "header":
            headers[p.wire] = text
    for scheme in api.security:  # every credential the spec declares; the mock asks for its own
        if scheme.kind == "apikey" and scheme.location != "cookie":
            (headers if scheme.location == "header" else params)[scheme.header] = "k"
        elif scheme.kind != "apikey":
            headers["authorization"] = "Bearer t" if scheme.kind == "bearer" else "Basic dTpw"
    out: dict[str, Any] = {"method": op.http_method, "url": path, "params": params, "headers": headers}
    body = op.body
    if body is not None:
        value = examples.wire_value(body.type)
        if body.kind == "json":
            out["json"] = value
        elif body.kind in ("form", "multipart"):
            fields = {f.wire: value[f.wire] for f in body.fields if f.required}
            out["data"] = {k: v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()}
            if body.kind == "multipart":
                out["files"] = {"_": b"x"}
        else:
            out["content"] = b"example"
        headers["content-type"] = headers.get("content-type", body.content_type)
        if body.kind == "multipart":
            del headers["content-type"]
    return out


@pytest.mark.parametrize("spec", REAL_SPECS, ids=lambda p: p.stem)
def test_every_operation_of_the_real_specs_answers_a_request_made_of_its_examples(spec: Path) -> None:
    api = build_api(load_spec(spec, (), ()), replace(Settings(), spec=spec, package="real_sdk"))
    examples = ExampleValues(api)
    kinds: dict[str, int] = {}
    with mock.running(api) as url, httpx.Client(base_url=url, timeout=5) as client:
        for op in api.operations:
            answer = client.request(**_request(api, op, examples))
            assert answer.status_code < 300, (op.operation_id, answer.text[:300])
            response = op.dual.response if op.dual is not None else op.success
            kind = response.kind if response is not None else ""
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind == "json" and response is not None and response.type is not None:
                assert values.fits(api, answer.json(), response.type), op.operation_id
            if kind == "sse" and op.stream is not None and op.stream.sentinel:
                assert answer.text.endswith(f"data: {op.stream.sentinel}\n\n"), op.operation_id
    assert kinds.get("json", 0) > 10, kinds


# -- credentials, array parameters, form and multipart values, response examples -------------

CHECKS_SPEC = """
openapi: 3.1.0
info: {title: Checks, version: "1"}
security: [{key: []}]
paths:
  /keyed:
    get:
      operationId: keyed
      responses: {'204': {description: ok}}
  /either:
    get:
      operationId: either
      security: [{bearer: []}, {basic: []}, {query: [], cookie: []}]
      responses: {'204': {description: ok}}
  /maybe:
    get:
      operationId: maybe
      security: [{bearer: []}, {}]
      responses: {'204': {description: ok}}
  /open/{ids}:
    get:
      operationId: arrays
      security: []
      parameters:
        - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
        - {name: n, in: query, explode: true, schema: {type: array, items: {type: integer}}}
        - {name: c, in: query, explode: false, schema: {type: array, items: {type: number}}}
        - {name: s, in: query, style: spaceDelimited, schema: {type: array, items: {type: boolean}}}
        - {name: p, in: query, style: pipeDelimited, schema: {$ref: '#/components/schemas/Colors'}}
        - {name: range, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Range'}}
        - {name: X-Ids, in: header, schema: {type: array, items: {type: integer}}}
        - {name: flags, in: cookie, explode: false, schema: {type: array, items: {type: boolean}}}
      responses: {'204': {description: ok}}
  /styled/{a}/{b}/{c}:
    get:
      operationId: styled
      security: []
      parameters:
        - name: a
          in: path
          required: true
          style: label
          explode: true
          schema: &ints {type: array, items: {type: integer}}
        - {name: b, in: path, required: true, style: matrix, explode: true, schema: *ints}
        - {name: c, in: path, required: true, style: matrix, schema: {$ref: '#/components/schemas/Ints'}}
        - {name: spread, in: query, schema: {$ref: '#/components/schemas/Range'}}
        - {name: pair, in: query, explode: false, schema: {$ref: '#/components/schemas/Range'}}
      responses: {'204': {description: ok}}
  /form:
    post:
      operationId: form
      security: []
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {$ref: '#/components/schemas/Form'}
            encoding:
              codes: {style: pipeDelimited, explode: false}
      responses: {'204': {description: ok}}
  /hashes:
    post:
      operationId: hashes
      security: []
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {$ref: '#/components/schemas/Hashes'}
      responses: {'204': {description: ok}}
  /upload:
    post:
      operationId: upload
      security: []
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {$ref: '#/components/schemas/Upload'}
      responses: {'204': {description: ok}}
  /example:
    get:
      operationId: example
      security: []
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Range'}
              example: {gt: 7}
  /named:
    get:
      operationId: named
      security: []
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Range'}
              examples:
                far: {externalValue: 'https://example.com/range.json'}
                near: {$ref: '#/components/examples/Near'}
                other: {value: {gt: 9}}
  /wrong:
    get:
      operationId: wrong
      security: []
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Range'}
              example: {gt: "seven"}
  /users:
    post:
      operationId: createUser
      security: []
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/User'}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/User'}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
    query: {type: apiKey, in: query, name: key}
    cookie: {type: apiKey, in: cookie, name: session}
    bearer: {type: oauth2, flows: {}}
    basic: {type: http, scheme: basic}
  examples:
    Near: {value: {gt: 3, lte: 4}}
  schemas:
    Color: {type: string, enum: [red, blue]}
    Colors: {type: array, items: {$ref: '#/components/schemas/Color'}}
    Ints: {type: array, items: {type: integer}}
    Range:
      type: object
      properties:
        gt: {type: integer}
        lte: {type: integer}
    Form:
      type: object
      required: [name]
      properties:
        name: {type: string}
        count: {type: integer}
        metadata: {type: object, additionalProperties: {type: integer}}
        expand: {type: array, items: {type: boolean}}
        codes: {type: array, items: {type: integer}}
        color: {$ref: '#/components/schemas/Color'}
    Hashes:
      type: object
      required: [profile, tags, owner]
      properties:
        profile: {type: object, properties: {headline: {type: string}}}
        tags: {type: array, items: {type: string}}
        owner: {type: object, required: [id], properties: {id: {type: string}}}
    Upload:
      type: object
      required: [file]
      properties:
        file: {type: string, format: binary}
        count: {type: integer}
        flag: {type: boolean}
        tags: {type: array, items: {type: integer}}
        meta: {$ref: '#/components/schemas/Range'}
    User:
      type: object
      required: [id, password, name]
      properties:
        id: {type: string, readOnly: true}
        password: {type: string, writeOnly: true}
        name: {type: string}
"""


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    spec = tmp_path_factory.mktemp("checks") / "spec.yaml"
    spec.write_text(CHECKS_SPEC)
    yield from _mocked(spec, "checks_sdk")


def _refusal(answer: httpx.Response, status: int = 400) -> str:
    assert answer.status_code == status, answer.text
    reason: str = answer.json()["error"]
    return reason


def test_missing_credentials_are_refused_401_naming_the_schemes(checks: str) -> None:
    assert _refusal(httpx.get(f"{checks}/keyed"), 401) == (
        "missing or malformed credentials: expected key (API key in header 'X-Key')"
    )
    assert _refusal(httpx.get(f"{checks}/keyed", headers={"x-key": ""}), 401).startswith("missing")
    either = _refusal(httpx.get(f"{checks}/either"), 401)
    assert either == (
        "missing or malformed credentials: expected bearer (Authorization: Bearer <token>) or "
        "basic (Authorization: Basic <base64 of user:password>) or "
        "query (API key in query 'key') and cookie (API key in cookie 'session')"
    )
    for bad in ("Bearer", "Token abc", "Basic not-base64!", "Basic " + "dXNlcg=="):  # "user": no colon
        assert httpx.get(f"{checks}/either", headers={"authorization": bad}).status_code == 401, bad
    # one of the two schemes an alternative needs together is not enough
    assert httpx.get(f"{checks}/either", params={"key": "k"}).status_code == 401


def test_each_credential_alternative_is_accepted(checks: str) -> None:
    assert httpx.get(f"{checks}/keyed", headers={"x-key": "k"}).status_code == 204
    assert httpx.get(f"{checks}/either", headers={"authorization": "Bearer t"}).status_code == 204
    assert httpx.get(f"{checks}/either", headers={"authorization": "basic dXNlcjpwdw=="}).status_code == 204
    both = httpx.get(f"{checks}/either", params={"key": "k"}, headers={"cookie": "session=s"})
    assert both.status_code == 204
    # `{}` among the alternatives, or `security: []`: anonymous calls pass
    assert httpx.get(f"{checks}/maybe").status_code == 204
    assert httpx.get(f"{checks}/open/1").status_code == 204


def test_array_and_object_parameters_are_accepted_in_each_style(checks: str) -> None:
    query = "n=1&n=2&c=1.5,2&s=true%20false&p=red|blue&range[gt]=1&range[lte]=2"
    answer = httpx.get(
        f"{checks}/open/1,2,3?{query}", headers={"x-ids": "1, 2", "cookie": "flags=true,false"}
    )
    assert answer.status_code == 204, answer.text


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("/open/1,x", "path parameter 'ids': /1: expected an integer, got \"x\""),
        ("/open/1?n=1&n=2.5", "query parameter 'n': /1: expected an integer, got \"2.5\""),
        ("/open/1?c=1,a", "query parameter 'c': /1: expected a number, got \"a\""),
        ("/open/1?s=true%20yes", "query parameter 's': /1: expected a boolean, got \"yes\""),
        ("/open/1?p=red|green", 'query parameter \'p\': /1: "green" is not one of "red", "blue"'),
        ("/open/1?range[gt]=x", "query parameter 'range': /gt: expected an integer, got \"x\""),
    ],
)
def test_array_and_object_parameter_items_not_fitting_are_refused_naming_the_pointer(
    checks: str, where: str, reason: str
) -> None:
    assert _refusal(httpx.get(f"{checks}{where}")) == reason


def test_header_and_cookie_array_items_are_checked(checks: str) -> None:
    header = httpx.get(f"{checks}/open/1", headers={"x-ids": "1,two"})
    assert _refusal(header) == "header parameter 'X-Ids': /1: expected an integer, got \"two\""
    cookie = httpx.get(f"{checks}/open/1", headers={"cookie": "flags=true,maybe"})
    assert _refusal(cookie) == "cookie parameter 'flags': /1: expected a boolean, got \"maybe\""


def test_form_values_are_checked_in_the_bracket_convention(checks: str) -> None:
    good = "name=a&count=2&metadata[k]=3&expand[0]=true&expand[1]=false&codes=1|2&color=red"
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert httpx.post(f"{checks}/form", content=good, headers=headers).status_code == 204
    appended = "name=a&expand[]=true&expand[]=false"  # the empty-bracket spelling of an array
    assert httpx.post(f"{checks}/form", content=appended, headers=headers).status_code == 204
    for body, reason in [
        ("name=a&count=two", 'request body: /count: expected an integer, got "two"'),
        ("name=a&metadata[k]=x", 'request body: /metadata/k: expected an integer, got "x"'),
        ("name=a&expand[0]=true&expand[1]=no", 'request body: /expand/1: expected a boolean, got "no"'),
        ("name=a&codes=1|b", 'request body: /codes/1: expected an integer, got "b"'),
        ("name=a&color=green", 'request body: /color: "green" is not one of "red", "blue"'),
    ]:
        assert _refusal(httpx.post(f"{checks}/form", content=body, headers=headers)) == reason


def test_a_required_form_hash_or_list_that_may_be_empty_may_be_absent(checks: str) -> None:
    # A form cannot write an empty object or list (Stripe's required `business_profile`, all
    # of whose keys are optional, arrives as nothing): absent, it stands for the empty value
    # when that fits, and is missing when it does not (`owner` needs an `id`).
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert httpx.post(f"{checks}/hashes", content="owner[id]=o", headers=headers).status_code == 204
    full = "profile[headline]=h&tags[0]=a&owner[id]=o"
    assert httpx.post(f"{checks}/hashes", content=full, headers=headers).status_code == 204
    for body, reason in [
        ("profile[headline]=h", "request body: required field 'owner' is missing"),
        ("owner[name]=o", "request body: /owner: required property 'id' is missing"),
    ]:
        assert _refusal(httpx.post(f"{checks}/hashes", content=body, headers=headers)) == reason


def test_multipart_fields_are_checked_and_file_parts_accepted(checks: str) -> None:
    fields = {"count": "2", "flag": "true", "tags": ["1", "2"], "meta": '{"gt": 1}'}
    answer = httpx.post(f"{checks}/upload", data=fields, files={"file": ("a.bin", b"\x00\xff")})
    assert answer.status_code == 204, answer.text
    tags_as_json = {"file": b"x", "tags": (None, b"[1, 2]", "application/json")}
    assert httpx.post(f"{checks}/upload", files=tags_as_json).status_code == 204  # one JSON part
    as_text = httpx.post(f"{checks}/upload", data={"file": "plain"}, files={"other": b"x"})
    assert as_text.status_code == 204, as_text.text  # a binary field may come as a text part
    for data, reason in [
        ({"count": "x"}, 'request body: /count: expected an integer, got "x"'),
        ({"flag": "yes"}, 'request body: /flag: expected a boolean, got "yes"'),
        ({"tags": ["1", "b"]}, 'request body: /tags/1: expected an integer, got "b"'),
        ({"meta": '{"gt": "x"}'}, 'request body: /meta/gt: expected an integer, got "x"'),
    ]:
        refused = httpx.post(f"{checks}/upload", data=data, files={"file": b"x"})
        assert _refusal(refused) == reason


def test_read_only_property_is_not_required_in_a_request_and_answered_in_the_response(checks: str) -> None:
    answer = httpx.post(f"{checks}/users", json={"password": "p", "name": "n"})
    assert answer.status_code == 201, answer.text
    assert set(answer.json()) == {"id", "name"}  # readOnly answered, writeOnly not
    missing = httpx.post(f"{checks}/users", json={"name": "n"})
    assert _refusal(missing) == "request body: /: required property 'password' is missing"


def test_response_examples_are_answered_first(checks: str) -> None:
    assert httpx.get(f"{checks}/example").json() == {"gt": 7}
    assert httpx.get(f"{checks}/named").json() == {"gt": 3, "lte": 4}  # the first with a value, via $ref
    assert httpx.get(f"{checks}/wrong").json() == {}  # does not fit: derived from the schema


def test_response_examples_that_cannot_be_answered_are_noted(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(CHECKS_SPEC)
    settings = replace(Settings(), spec=spec, package="checks_sdk")
    api = build_api(load_spec(spec, (), ()), settings)
    assert (
        "/paths/~1named/get/responses/200/content/application~1json/examples/far: externalValue is "
        "not fetched; the example is ignored" in "\n".join(api.notes)
    )
    assert mock.notes(api) == [
        f"{spec.name}#/paths/~1wrong/get/responses/200/content/application~1json/example: the example does "
        'not fit the response schema (/gt: expected an integer, got "seven"); the mock answers values '
        "derived from the schema"
    ]


def test_empty_form_and_multipart_bodies_have_no_fields_and_no_body_is_missing(wire: str) -> None:
    """A required body whose fields are all optional may be sent empty (as the SDK does)."""
    boundary = "0123456789abcdef"
    empty_parts = httpx.post(
        f"{wire}/options",
        content=f"--{boundary}--\r\n".encode(),
        headers={**AUTH, "content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert empty_parts.status_code == 200, empty_parts.text
    empty_form = httpx.post(
        f"{wire}/options", content=b"", headers={**AUTH, "content-type": "application/x-www-form-urlencoded"}
    )
    assert empty_form.status_code == 200, empty_form.text
    absent = httpx.post(f"{wire}/options", headers=AUTH)
    assert absent.json() == {"error": "request body is required"}
    no_parts = httpx.post(
        f"{wire}/options",
        content=b"",
        headers={**AUTH, "content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert no_parts.json() == {"error": "request body is required"}  # not even the delimiter


def test_a_part_whose_content_type_its_encoding_does_not_list_is_refused(wire: str) -> None:
    fields = {"purpose": "batch"}
    png = {"file": b"x", "image": ("i.png", b"\x89PNG", "image/png")}
    assert httpx.post(f"{wire}/files", data=fields, files=png, headers=AUTH).status_code == 200
    gif = {"file": b"x", "image": ("i.gif", b"GIF8", "image/gif")}
    answer = httpx.post(f"{wire}/files", data=fields, files=gif, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "request body: part 'image': Content-Type 'image/gif' is not one of image/png, image/jpeg"
    }


# -- formats: strings and numbers of their schema's `format` ----------------------------------

FORMATS_SPEC = """
openapi: 3.1.0
info: {title: Formats, version: "1"}
paths:
  /things/{uid}:
    post:
      operationId: thing
      parameters:
        - {name: uid, in: path, required: true, schema: {type: string, format: uuid}}
        - {name: since, in: query, example: last week, schema: {type: string, format: date-time}}
        - {name: ids, in: query, schema: {type: array, items: {type: string, format: uuid}}}
        - {name: limit, in: query, schema: {type: integer, format: int64}}
        - {name: X-Day, in: header, schema: {type: string, format: date}}
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/Formats'}}
          application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Formats'}}
          multipart/form-data: {schema: {$ref: '#/components/schemas/Formats'}}
      responses: {'204': {description: ok}}
  /example:
    get:
      operationId: example
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Formats'}
              example: {when: yesterday, day: "2024-01-01"}
  /shown:
    get:
      operationId: shown
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shown'}
components:
  schemas:
    Shown:
      type: object
      required: [id, at]
      properties:
        id: {type: string, format: uuid, example: cus_123}
        at: {type: string, format: date-time, example: "2024-05-06T07:08:09+02:00"}
    Formats:
      type: object
      properties:
        whens: {type: array, items: {type: string, format: date-time}}
        maybe: {type: [string, "null"], format: date-time}
        either: {anyOf: [{type: string, format: uuid}, {type: integer, format: int32}]}
"""
# The properties of `Formats` by format (name:format), each of its format's JSON type.
FORMAT_OF = dict(
    pair.split(":")
    for pair in (
        "when:date-time day:date at:time uid:uuid email:email uri:uri ipv4:ipv4 ipv6:ipv6 b64:byte "
        "small:int32 big:int64 ratio:float dbl:double made_up:made-up"
    ).split()
)
_JSON_TYPE = {"int32": "integer", "int64": "integer", "float": "number", "double": "number"}
FORMATS_SPEC += "".join(
    f"        {name}: {{type: {_JSON_TYPE.get(fmt, 'string')}, format: {fmt}}}\n"
    for name, fmt in FORMAT_OF.items()
)

DATE_TIME = "expected an RFC 3339 date-time with its offset (e.g. 2024-01-01T00:00:00Z)"
DATE = "expected an RFC 3339 full-date (e.g. 2024-01-01)"
TIME = "expected an RFC 3339 time (e.g. 12:00:00 or 12:00:00Z)"
UUID = "expected a UUID (8-4-4-4-12 hex digits)"
INT32 = "expected an int32 (-2147483648 to 2147483647)"
INT64 = "expected an int64 (-9223372036854775808 to 9223372036854775807)"
FINITE = "expected a finite number"
BIG = 2**63

# (property, values accepted, values refused, what a refusal says was expected)
FORMAT_CASES: list[tuple[str, list[Any], list[Any], str]] = [
    (
        "when",
        [
            "2024-01-01T00:00:00Z",  # pydantic, UTC
            "2024-01-01T00:00:00+00:00",  # datetime.isoformat(), the SDK's query and form values
            "2024-01-01T12:30:45.123456-05:30",  # microseconds, a negative offset
            "2024-01-01T00:00:00.000Z",  # Date.toISOString(), the TypeScript SDK
            "2024-01-01t00:00:00z",  # RFC 3339 §5.6: "T" and "Z" may be lower case
            "2016-12-31T23:59:60Z",  # a leap second
            "2016-12-31T18:59:60-05:00",  # the same leap second, offset
            "2024-02-29T00:00:00Z",
        ],
        [
            "yesterday",
            "2024-01-01",  # no time
            "2024-01-01T00:00:00",  # no offset (a naive datetime)
            "2024-01-01 00:00:00Z",  # a space for the "T"
            "2024-01-01T00:00Z",  # no seconds
            "2024-01-01T00:00:00.Z",  # a fraction without digits
            "2023-02-29T00:00:00Z",  # not a leap year
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z",
            "2024-01-01T12:00:60Z",  # a leap second at noon UTC
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00+0100",  # an offset without its colon
            "2024-01-01T00:00:00Z\n",
            "\uff12024-01-01T00:00:00Z",  # a fullwidth digit
        ],
        DATE_TIME,
    ),
    (
        "day",
        ["2024-01-01", "2024-02-29", "2000-02-29", "2023-12-31", "0000-02-29"],
        [
            "2024-1-1",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "20240101",
            "2024-01-01T00:00:00Z",
        ],
        DATE,
    ),
    (
        "at",
        ["12:00:00", "00:00:00.5", "12:00:00Z", "12:00:00.123+02:00", "23:59:60Z"],
        ["12:00", "24:00:00", "12:60:00", "12:00:60Z", "12:00:00+2:00", "noon"],
        TIME,
    ),
    (
        "uid",
        ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
        [
            "x",
            "123e4567e89b12d3a456426614174000",
            "{123e4567-e89b-12d3-a456-426614174000}",
            "123e4567-e89b-12d3-a456-42661417400g",
        ],
        UUID,
    ),
    (
        "email",
        ["user@example.com", "a.b+c@d", "\u00e9@\u00e9.fr"],
        ["user", "@example.com", "user@", "a@b@c", "a b@c.d", "a@b\tc"],
        "expected an email address",
    ),
    (
        "uri",
        ["https://example.com/a?b#c", "urn:isbn:0451450523", "mailto:a@b", "x-y+z.w:rest"],
        ["example.com", "/relative/path", "//host/path", "1http://x", "https://exa mple.com", ":no-scheme"],
        "expected a URI with a scheme (e.g. https://example.com)",
    ),
    (
        "ipv4",
        ["192.0.2.1", "0.0.0.0", "255.255.255.255"],
        ["256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "::1"],
        "expected an IPv4 address",
    ),
    (
        "ipv6",
        ["::1", "2001:db8::1", "::ffff:192.0.2.1", "2001:DB8:0:0:0:0:0:1"],
        ["1:2:3", "fe80::1%eth0", "192.0.2.1", "2001:db8:::1"],
        "expected an IPv6 address",
    ),
    (
        "b64",
        ["ZXhhbXBsZQ==", "", "YWJj", "+/+/"],
        ["ZXhhbXBsZQ", "ZXhh bXBsZQ==", "-_-_", "ZXhhbXBsZQ===", "ZQ=a"],
        "expected base64 (standard alphabet, padded)",
    ),
    ("small", [0, -(2**31), 2**31 - 1, 3.0], [2**31, -(2**31) - 1], INT32),
    ("big", [BIG - 1, -BIG], [BIG, -BIG - 1], INT64),
    ("made_up", ["anything at all"], [], ""),  # an unknown format is open
]


@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    spec = tmp_path_factory.mktemp("formats") / "spec.yaml"
    spec.write_text(FORMATS_SPEC)
    yield from _mocked(spec, "formats_sdk")


THING = "/things/123e4567-e89b-12d3-a456-426614174000"


@pytest.mark.parametrize(("name", "good", "bad", "expected"), FORMAT_CASES, ids=[c[0] for c in FORMAT_CASES])
def test_json_body_values_of_each_format_are_accepted_or_refused_naming_the_pointer(
    formats: str, name: str, good: list[Any], bad: list[Any], expected: str
) -> None:
    with httpx.Client(base_url=formats, timeout=5) as client:
        for value in good:
            answer = client.post(THING, json={name: value})
            assert answer.status_code == 204, (value, answer.text)
        for value in bad:
            answer = client.post(THING, json={name: value})
            assert answer.status_code == 400, value
            assert answer.json() == {
                "error": f"request body: /{name}: {expected}, got {json.dumps(value, ensure_ascii=False)}"
            }


def test_non_finite_numbers_are_refused_for_float_and_double(formats: str) -> None:
    headers = {"content-type": "application/json"}
    with httpx.Client(base_url=formats, timeout=5, headers=headers) as client:
        assert client.post(THING, content=b'{"ratio": 1.5, "dbl": -2e300}').status_code == 204
        for body, key, shown in [
            (b'{"dbl": NaN}', "dbl", "NaN"),
            (b'{"ratio": Infinity}', "ratio", "Infinity"),
            (b'{"dbl": 1e400}', "dbl", "Infinity"),  # past the largest double
        ]:
            refused = client.post(THING, content=body)
            assert refused.json() == {"error": f"request body: /{key}: {FINITE}, got {shown}"}


def test_items_of_a_formatted_array_are_checked_by_index(formats: str) -> None:
    answer = httpx.post(f"{formats}{THING}", json={"whens": ["2024-01-01T00:00:00Z", "soon"]})
    assert answer.json() == {"error": f'request body: /whens/1: {DATE_TIME}, got "soon"'}


def test_nullable_and_union_members_keep_their_formats(formats: str) -> None:
    with httpx.Client(base_url=formats, timeout=5) as client:
        for body in [{"maybe": None}, {"maybe": "2024-01-01T00:00:00Z"}, {"either": 5}]:
            assert client.post(THING, json=body).status_code == 204, body
        assert client.post(THING, json={"either": "123e4567-e89b-12d3-a456-426614174000"}).status_code == 204
        for body, reason in [
            ({"maybe": "x"}, f'/maybe: {DATE_TIME}, got "x"'),
            ({"either": "x"}, f'/either: {UUID}, got "x"'),
            ({"either": 2**31}, f"/either: {INT32}, got {2**31}"),
        ]:
            assert client.post(THING, json=body).json() == {"error": f"request body: {reason}"}


@pytest.mark.parametrize(
    ("where", "headers", "reason"),
    [
        ("/things/x", {}, f"path parameter 'uid': {UUID}, got \"x\""),
        (f"{THING}?since=yesterday", {}, f"query parameter 'since': {DATE_TIME}, got \"yesterday\""),
        (
            f"{THING}?since=2024-01-01T00:00:00",
            {},
            f"query parameter 'since': {DATE_TIME}, got \"2024-01-01T00:00:00\"",
        ),
        (
            f"{THING}?ids=123e4567-e89b-12d3-a456-426614174000&ids=7",
            {},
            f"query parameter 'ids': /1: {UUID}, got \"7\"",
        ),
        (f"{THING}?limit={BIG}", {}, f"query parameter 'limit': {INT64}, got {BIG}"),
        (f"{THING}?limit=nan", {}, "query parameter 'limit': expected an integer, got \"nan\""),
        (f"{THING}?limit=1_0", {}, "query parameter 'limit': expected an integer, got \"1_0\""),
        (THING, {"x-day": "2023-02-29"}, f"header parameter 'X-Day': {DATE}, got \"2023-02-29\""),
    ],
)
def test_parameters_of_a_format_are_refused_naming_the_parameter(
    formats: str, where: str, headers: dict[str, str], reason: str
) -> None:
    answer = httpx.post(f"{formats}{where}", json={}, headers=headers)
    assert answer.status_code == 400
    assert answer.json() == {"error": reason}


def test_parameters_of_a_format_as_the_sdks_send_them_are_accepted(formats: str) -> None:
    when = datetime.datetime(
        2024, 1, 1, 12, 30, 5, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    params = {
        "since": when.isoformat(),  # the Python SDK's query encoding: "+02:00", URL-encoded
        "ids": ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
        "limit": str(BIG - 1),  # read exactly, not through a float (which rounds it to 2**63)
    }
    answer = httpx.post(f"{formats}{THING}", params=params, json={}, headers={"x-day": "2024-02-29"})
    assert answer.status_code == 204, answer.text
    ts = httpx.post(f"{formats}{THING}", params={"since": "2024-01-01T00:00:00.000Z"}, json={})
    assert ts.status_code == 204, ts.text


def test_form_and_multipart_fields_of_a_format_are_checked(formats: str) -> None:
    good = {"when": "2024-01-01T00:00:00+00:00", "uid": "123e4567-e89b-12d3-a456-426614174000", "small": "7"}
    assert httpx.post(f"{formats}{THING}", data=good).status_code == 204
    assert httpx.post(f"{formats}{THING}", data=good, files={"_": b"x"}).status_code == 204
    form = httpx.post(f"{formats}{THING}", data={"when": "yesterday"})
    assert form.json() == {"error": f'request body: /when: {DATE_TIME}, got "yesterday"'}
    parts = httpx.post(f"{formats}{THING}", data={"small": str(2**31)}, files={"_": b"x"})
    assert parts.json() == {"error": f"request body: /small: {INT32}, got {2**31}"}


def test_what_the_python_sdk_serialises_is_accepted(formats: str) -> None:
    """The golden `formats` SDK's model, dumped as its client sends a JSON body (pydantic v2)."""
    formats_sdk = import_golden_package("formats")
    for when in (
        datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        datetime.datetime(
            2024, 1, 1, 23, 59, 59, 999999, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))
        ),
    ):
        model = formats_sdk.models.components.Formats(
            when=when,
            day=datetime.date(2024, 2, 29),
            at=datetime.time(12, 0, 0, 500000),
            uid=uuid.UUID("123E4567-E89B-12D3-A456-426614174000"),
            small=-(2**31),
            big=BIG - 1,
            ratio=1.5,
            email="user@example.com",
        )
        body = model.model_dump(mode="json", by_alias=True)
        assert body["uid"] == "123e4567-e89b-12d3-a456-426614174000"
        answer = httpx.post(f"{formats}{THING}", json=body)
        assert answer.status_code == 204, (body, answer.text)


def test_a_response_example_not_of_its_format_is_noted_and_not_answered(tmp_path: Path, formats: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(FORMATS_SPEC)
    api = build_api(load_spec(spec, (), ()), replace(Settings(), spec=spec, package="formats_sdk"))
    assert mock.notes(api) == [
        f"{spec.name}#/paths/~1example/get/responses/200/content/application~1json/example: the example "
        f'does not fit the response schema (/when: {DATE_TIME}, got "yesterday"); the mock answers values '
        "derived from the schema",
        f"{spec.name}#/components/schemas/Shown/properties/id: the example is not of its format "
        f'(/: {UUID}, got "cus_123"); the mock refuses it in a request and does not answer it',
        f"{spec.name}#/paths/~1things~1{{uid}}/post/parameters/1: the example is not of its format "
        f'(/: {DATE_TIME}, got "last week"); the mock refuses it in a request and does not answer it',
    ]
    answered = httpx.get(f"{formats}/example").json()
    assert answered.get("when") != "yesterday"  # derived from the schema, not the example
    # A property's own example is answered when it is of its format, not otherwise.
    shown = httpx.get(f"{formats}/shown").json()
    assert shown == {"id": "123e4567-e89b-12d3-a456-426614174000", "at": "2024-05-06T07:08:09+02:00"}
    model = TypeRef("model", "Formats")
    assert values.fits(api, answered, model, formats=True)
    # Only the mock asks for formats: the targets' defaults and docs examples take any string.
    assert values.fits(api, {"when": "yesterday"}, model)
    assert not values.fits(api, {"when": "yesterday"}, model, formats=True)


def test_mutation_the_refusals_come_from_the_format_checks(
    formats: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the format checker disabled (a mutant of the server under test) every refusal above
    turns into an acceptance: the tests would catch a mock that stopped checking formats."""
    from generator import formats as checker

    refused = [(name, bad[0]) for name, _, bad, _ in FORMAT_CASES if bad]
    with httpx.Client(base_url=formats, timeout=5) as client:
        assert all(client.post(THING, json={n: v}).status_code == 400 for n, v in refused)
        monkeypatch.setattr(checker, "problem", lambda fmt, value: "")
        assert all(client.post(THING, json={n: v}).status_code == 204 for n, v in refused)
        assert client.post("/things/x", json={}).status_code == 204


@pytest.mark.parametrize(
    ("mutant", "target", "replacement"),
    [
        (
            "leap years every 4th year",
            "_days",
            lambda year, month: (
                29
                if month == 2 and year % 4 == 0
                else 28
                if month == 2
                else 31
                if month in (1, 3, 5, 7, 8, 10, 12)
                else 30
            ),
        ),
        ("months of 31 days", "_days", lambda year, month: 31),
        ("int32 as unsigned", "_INT_RANGES", {"int32": 2**32, "int64": 2**63}),
        (
            "base64 without padding",
            "is_byte",
            lambda text: (
                not set(text) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
            ),
        ),
    ],
)
def test_mutation_each_loosened_rule_is_caught_by_the_cases(
    mutant: str, target: str, replacement: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule loosened one way at a time: some case above changes its verdict."""
    from generator import formats as checker

    def verdicts() -> list[bool]:
        return [
            not checker.problem(FORMAT_OF[name], v)
            for name, good, bad, _ in FORMAT_CASES
            for v in [*good, *bad]
        ]

    expected = [v in good for _, good, bad, _ in FORMAT_CASES for v in [*good, *bad]]
    assert verdicts() == expected
    monkeypatch.setattr(checker, target, replacement)
    if target == "is_byte":
        monkeypatch.setitem(checker._STRINGS, "byte", (replacement, checker._STRINGS["byte"][1]))
    assert verdicts() != expected, mutant


def test_bearer_tokens_must_be_rfc_6750_tokens(checks: str) -> None:
    for token in ("abc", "eyJhbGciOi.eyJzdWIiOi.SflKxwRJ-_~+/", "sk-ant-api03-AbC_d", "dGVzdA=="):
        answer = httpx.get(f"{checks}/either", headers={"authorization": f"Bearer {token}"})
        assert answer.status_code == 204, token
    for token in ("a b", "a=b", "{token}", "a,b", '"quoted"'):
        answer = httpx.get(f"{checks}/either", headers={"authorization": f"Bearer {token}"})
        assert answer.status_code == 401, token
        assert answer.json()["error"].startswith("missing or malformed credentials: expected bearer")
