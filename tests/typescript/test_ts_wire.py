"""The TypeScript SDK of tests/typescript/specs/wire.yaml, compiled and run under node against a
real local server (tests/typescript/echo_server.py): the exact bytes it sends, by scenario,
for the same rules the Python runtime follows (forms, query and path styles, headers, cookies),
and models that keep the properties their spec does not name (`additionalProperties`)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import render_for
from generator.config import Settings
from tests.helpers import ROOT
from tests.typescript.build import WIRE_PACKAGE, TsBuild
from tests.typescript.echo_server import LABEL, EchoServer, compact, echo_server
from tests.typescript.support import SPECS, node

SCRIPT = Path(__file__).resolve().parent / "node" / "wire_scenarios.mjs"
pytestmark = pytest.mark.xdist_group("ts")


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with echo_server() as srv:
        yield srv


@pytest.fixture(scope="module")
def results(ts_build: TsBuild, server: EchoServer) -> dict[str, Any]:
    """Every scenario of node/wire_scenarios.mjs, run by one node process."""
    proc = subprocess.run(
        [node(), str(SCRIPT), str(ts_build.dist(WIRE_PACKAGE)), server.url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def ok(results: dict[str, Any], name: str) -> dict[str, Any]:
    """A scenario's result, which must have succeeded."""
    result = dict(results[name])
    assert result.pop("ok"), result
    return result


# -- additionalProperties ----------------------------------------------------------------------


def test_extras_are_kept_inbound_under_their_wire_names(results: dict[str, Any]) -> None:
    label = ok(results, "extrasRoundTrip")["label"]
    assert label == {
        "displayName": "Zoë",
        "colorCode": "#fff",
        "child": {"shortName": "c", "additionalProperties": {"hits": 3, "maxHits": 9}},
        "additionalProperties": {
            "x_extra": {"nested_key": [1, {"deep_key": None}]},
            "camelCase": "kept",
            "ünï": "ç",
        },
    }


def test_extras_round_trip_to_the_same_bytes(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "extrasRoundTrip")
    get, put = server.received["extrasRoundTrip"]
    assert get.method == "GET" and put.method == "POST"
    assert put.body == LABEL.encode() == compact(LABEL)


def test_extras_from_the_caller_are_sent_as_given_and_named_fields_win(
    results: dict[str, Any], server: EchoServer
) -> None:
    ok(results, "extrasFromCaller")
    body = server.only("extrasFromCaller").body
    assert body == (b'{"display_name":"n","child":{"short_name":"s","hits":1},"raw_key":{"innerKey":1}}')


def test_extras_are_validated_by_their_schema(results: dict[str, Any]) -> None:
    assert ok(results, "extrasRejectedByTheirSchema") == {"success": False}


# -- forms: the bytes tests/runtime/test_client_wire.py expects from the Python runtime ----------

FORM_FULL = (
    "name=Ada+L&balance=0&tax_exempt=false&metadata%5Bk+1%5D=v%26x"
    "&expand%5B0%5D=a&expand%5B1%5D=b.c&address%5Bcity%5D=Z%C3%BCrich&address%5Bline%5D%5B0%5D=1"
)


@pytest.mark.parametrize(
    "scenario,body",
    [
        ("formFull", FORM_FULL),
        ("formMinimal", "name=x&tax_exempt=true"),
        # each property's encoding: deepObject, exploded form, joined form, pipes, spaces, spread
        (
            "formEncodings",
            "name=n&expand%5B0%5D=a&tags=x&tags=y&ids=1%2C2&codes=p%7Cq&words=u+v+w&gt=1&lte=2",
        ),
    ],
)
def test_form_bodies(results: dict[str, Any], server: EchoServer, scenario: str, body: str) -> None:
    ok(results, scenario)
    got = server.only(scenario)
    assert got.header("content-type") == "application/x-www-form-urlencoded"
    assert got.body == body.encode()


@pytest.mark.parametrize(
    "scenario,target",
    [
        (
            "queryStyles",
            "/charges?created%5Bgt%5D=1&created%5Blte%5D=5&window=gt%2C2&lte=3&ids=1%7C2&tag=a&tag=b",
        ),
        (
            "queryScalars",
            "/charges?words=a+b+c&cols=x%2Cy&q=a%26b%3Dc+d%2F%C3%A9%2A~%21&live=false"
            "&since=2024-01-02T03%3A04%3A05.000Z",
        ),
        ("queryNone", "/charges"),
        # a query written into the path key travels with every call, before the parameters
        ("queryInPathKey", "/charges?beta=true&v=2&q=a+b"),
        ("queryInPathKeyAlone", "/charges?beta=true&v=2"),
        ("pathStyles", "/files/a%2Fb%20c/.x,y/;semi=m;semi=n/1,2"),
        ("pathExploded", "/files/a%2Fb%20c/.%C3%A9/;semi=1/1,2"),
    ],
)
def test_query_and_path_styles(
    results: dict[str, Any], server: EchoServer, scenario: str, target: str
) -> None:
    ok(results, scenario)
    assert server.only(scenario).target == target


@pytest.mark.parametrize(
    "scenario,message",
    [
        ("pathEmpty", 'path parameter "plain" must not be empty'),
        ("pathEmptyList", 'path parameter "list" must not be empty'),
        ("pathDotDot", 'path parameter "plain" must not make a "." or ".." segment'),
        ("pathDotLabel", 'path parameter "dotted" must not make a "." or ".." segment'),
    ],
)
def test_bad_path_values_throw_before_sending(
    results: dict[str, Any], server: EchoServer, scenario: str, message: str
) -> None:
    assert results[scenario] == {"ok": False, "name": "RangeError", "message": message}
    assert scenario not in server.received


def test_header_and_cookie_parameters(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "headersAndCookies")
    got = server.only("headersAndCookies")
    assert (got.header("x-trace-id"), got.header("x-flags")) == ("t-1", "a,b")
    assert got.header("cookie") == "session=s%201%3Bx; prefs=p,q"
    ok(results, "headersOmitted")
    omitted = server.only("headersOmitted")
    assert omitted.header("x-flags") is None and omitted.header("cookie") is None


def test_done_ends_a_data_only_json_stream_without_a_declared_sentinel(results: dict[str, Any]) -> None:
    assert ok(results, "doneEndsTheStream") == {"prices": [0, 1, 2]}


def test_a_deprecated_method_warns_once_at_call_time(results: dict[str, Any], server: EchoServer) -> None:
    assert ok(results, "deprecatedWarnsOnce")["warnings"] == [
        "DeprecationWarning: ticks.oldCall is deprecated: this method will be removed in a future "
        "release. Use `ticks.streamTicks` instead."
    ]
    assert len(server.received["deprecatedWarnsOnce"]) == 2


def _parts(body: bytes, content_type: str) -> list[tuple[bytes, bytes]]:
    """(part headers, part content) of a multipart/form-data body, in order."""
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = b"--" + content_type.split("boundary=", 1)[1].encode()
    chunks = body.split(boundary)
    assert chunks[0] == b"" and chunks[-1] == b"--\r\n", body
    parts = []
    for chunk in chunks[1:-1]:
        head, _, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        parts.append((head, content.removesuffix(b"\r\n")))
    return parts


def test_multipart_body_sends_one_part_per_property(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "multipartBytes")
    got = server.only("multipartBytes")
    assert _parts(got.body, got.header("content-type") or "") == [
        (
            b'Content-Disposition: form-data; name="file"; filename="file"\r\nContent-Type: image/png',
            b"\x00\x01\x02\xff",
        ),
        (b'Content-Disposition: form-data; name="title"', "t é".encode()),
        (b'Content-Disposition: form-data; name="tags"', b"a"),
        (b'Content-Disposition: form-data; name="tags"', b"b"),
        (b'Content-Disposition: form-data; name="meta"', b'{"gt":1}'),
    ]


def test_multipart_file_keeps_its_name_and_takes_the_encoding_media_type(
    results: dict[str, Any], server: EchoServer
) -> None:
    ok(results, "multipartFile")
    got = server.only("multipartFile")
    assert _parts(got.body, got.header("content-type") or "") == [
        (
            b'Content-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: image/png',
            b"hi\r\n",
        ),
    ]


def test_a_file_from_a_path_is_sent_as_a_file_part_byte_exact(
    results: dict[str, Any], server: EchoServer
) -> None:
    # `fileFromPath`: the part is named after the file (or the name given), its bytes exact.
    ok(results, "multipartFromPath")
    got = server.only("multipartFromPath")
    head = b'Content-Disposition: form-data; name="file"; filename="report.bin"\r\nContent-Type: image/png'
    assert _parts(got.body, got.header("content-type") or "") == [(head, ALL_BYTES)]
    ok(results, "multipartFromPathNamed")
    got = server.only("multipartFromPathNamed")
    [(head, content)] = _parts(got.body, got.header("content-type") or "")
    assert b'filename="r \xc3\xa9.txt"' in head and content == ALL_BYTES


def test_a_file_from_a_path_is_a_binary_body_and_a_missing_one_is_never_sent(
    results: dict[str, Any], server: EchoServer
) -> None:
    ok(results, "binaryFromPath")
    got = server.only("binaryFromPath")
    assert got.header("content-type") == "application/octet-stream" and got.body == ALL_BYTES
    assert results["fileFromPathMissing"] == {"ok": True, "code": "ENOENT"}
    assert "fileFromPathMissing" not in server.received
    assert results["fileFromPathFolder"] == {"ok": True, "message": "fileFromPath: FOLDER is not a file"}


def test_multipart_file_part_refuses_other_values_before_sending(
    results: dict[str, Any], server: EchoServer
) -> None:
    result = results["multipartRejectsNumbers"]
    assert not result["ok"] and "expected a Blob, a Uint8Array or a string" in result["message"]
    assert "multipartRejectsNumbers" not in server.received


def test_multipart_body_that_is_not_an_object_throws_and_gets_a_generation_note(
    results: dict[str, Any], server: EchoServer
) -> None:
    assert results["multipartNotAnObject"] == {
        "ok": False,
        "name": "TypeError",
        "message": "a multipart/form-data body must be an object",
    }
    assert "multipartNotAnObject" not in server.received
    settings = Settings(
        spec=SPECS / "wire.yaml", out=ROOT / "unused", package=WIRE_PACKAGE, target="typescript"
    )
    _, notes = render_for(settings)
    assert (
        "wire.yaml#/paths/~1upload-many/post/requestBody: multipart/form-data: the TypeScript SDK sends "
        "multipart bodies of object schemas only: the method throws TypeError before sending"
    ) in notes


def test_with_raw_response_gives_status_headers_and_the_parsed_value(results: dict[str, Any]) -> None:
    assert ok(results, "rawResponse") == {
        "status": 200,
        "contentType": "application/json",
        "displayName": "Zoë",
        "streamType": "text/event-stream",
        "prices": [0, 1, 2],
        "methods": ["getLabel", "putLabel"],
    }


def test_multipart_file_fields_are_documented_as_file_content() -> None:
    settings = Settings(
        spec=SPECS / "wire.yaml", out=ROOT / "unused", package=WIRE_PACKAGE, target="typescript"
    )
    files, _ = render_for(settings)
    cell = "*Blob* \\| *Uint8Array* \\| *string*"
    for page, row in (
        ("docs/models/operations/uploadrequestbody.md", "`file`"),
        ("docs/sdks/files/README.md", "`request.file`"),
    ):
        line = next(ln for ln in files[page].splitlines() if ln.startswith(f"| {row} "))
        assert cell in line, line
    assert "file: Blob | Uint8Array | string;" in files["src/models/operations/uploadrequestbody.ts"]


# -- bodies without fields, text by its charset (tests/runtime/test_client_body_edges.py) -------


def test_a_required_body_without_any_field_is_still_sent(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "requiredMultipartEmpty")
    multipart = server.only("requiredMultipartEmpty")
    media, _, boundary = (multipart.header("content-type") or "").partition("; boundary=")
    assert media == "multipart/form-data" and boundary
    assert multipart.body == f"--{boundary}--\r\n".encode()
    ok(results, "requiredFormEmpty")
    form = server.only("requiredFormEmpty")
    assert (form.header("content-type"), form.body) == ("application/x-www-form-urlencoded", b"")


def test_an_optional_body_is_sent_only_with_a_field(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "optionalJsonEmpty")
    empty = server.only("optionalJsonEmpty")
    assert (empty.header("content-type"), empty.body) == (None, b"")
    ok(results, "optionalJsonGiven")
    given = server.only("optionalJsonGiven")
    assert (given.header("content-type"), given.body) == ("application/json", b'{"count":0}')


@pytest.mark.parametrize(
    "scenario,content_type,body",
    [
        ("noteDefault", "application/json", '{"note":"t é","count":1}'.encode()),
        ("noteJson", "application/json", '{"note":"t é","count":1}'.encode()),
        ("noteForm", "application/x-www-form-urlencoded", b"note=t+%C3%A9&count=1"),
        ("noteRaw", "application/x-www-form-urlencoded", b"note=t+%C3%A9&count=1"),
    ],
)
def test_the_caller_chooses_among_declared_media_types(
    results: dict[str, Any], server: EchoServer, scenario: str, content_type: str, body: bytes
) -> None:
    ok(results, scenario)
    got = server.only(scenario)
    assert (got.header("content-type"), got.body) == (content_type, body)


def test_the_caller_chooses_multipart(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "noteMultipart")
    got = server.only("noteMultipart")
    assert _parts(got.body, got.header("content-type") or "") == [
        (b'Content-Disposition: form-data; name="note"', "t é".encode()),
        (b'Content-Disposition: form-data; name="count"', b"1"),
    ]


def test_the_media_type_choice_is_documented() -> None:
    settings = Settings(
        spec=SPECS / "wire.yaml", out=ROOT / "unused", package=WIRE_PACKAGE, target="typescript"
    )
    files, _ = render_for(settings)
    page = files["docs/sdks/options2/README.md"]
    note = page[page.index("## createNote") :]
    row = next(ln for ln in note.splitlines() if ln.startswith("| `options` "))
    assert (
        "BodyOptions" in row
        and (
            '`contentType`, the media type the body is sent as: `"application/json"` or '
            '`"application/x-www-form-urlencoded"` or `"multipart/form-data"` (default the first).'
        )
        in row
    )
    other = page[page.index("## sendOptionsForm") : page.index("## sendMaybeOptions")]
    assert "contentType" not in other


STRING = {"schema": {"type": "string"}}
MEDIA = ("text/plain", "application/json", "application/octet-stream")
# One string body as text, JSON and bytes: a `BinaryBody` cannot share the first one's request type.
MIXED = {
    "openapi": "3.1.0",
    "info": {"title": "Mixed", "version": "1"},
    "paths": {
        "/raw": {
            "post": {
                "operationId": "putRaw",
                "requestBody": {"content": {m: STRING for m in MEDIA}},
                "responses": {"204": {"description": "Done."}},
            }
        }
    },
}


def test_a_media_type_the_request_type_cannot_carry_is_not_offered_with_a_note(tmp_path: Path) -> None:
    spec = tmp_path / "mixed.yaml"
    spec.write_text(json.dumps(MIXED), encoding="utf-8")
    settings = Settings(spec=spec, out=tmp_path / "out", package="mixed", target="typescript")
    files, notes = render_for(settings)
    assert 'options?: BodyOptions<"text/plain" | "application/json">' in files["src/sdk/root.ts"]
    assert (
        "mixed.yaml#/paths/~1raw/post/requestBody/content/application~1octet-stream: the TypeScript SDK "
        "cannot send it with text/plain's request type; the media type is not offered"
    ) in notes


@pytest.mark.parametrize("charset,text", [("latin1", "café"), ("utf16", "café ☕"), ("none", "café ☕")])
def test_a_text_response_is_decoded_by_its_charset(
    results: dict[str, Any], server: EchoServer, charset: str, text: str
) -> None:
    assert ok(results, f"text_{charset}") == {"text": text}
    assert server.only(f"text_{charset}").header("accept") == "text/plain"  # what the spec declares


def test_text_that_does_not_decode_throws_with_the_bytes(results: dict[str, Any]) -> None:
    assert ok(results, "text_bad") == {
        "error": "ResponseDecodeError",
        "message": "the response body cannot be read as text: it is not valid utf-8",
        "charset": "utf-8",
        "content": list(b"ok \xff\xfe end"),
    }
    assert ok(results, "text_unknown") == {
        "error": "ResponseDecodeError",
        "message": "the response body cannot be read as text: "
        'its charset "x-unknown" is not one this runtime knows',
        "charset": "x-unknown",
        "content": list(b"plain"),
    }


# -- success bodies of other media types (tests/typescript/test_ts_responses.py has the rest) ----


def test_application_jsonl_is_a_line_stream(results: dict[str, Any], server: EchoServer) -> None:
    assert ok(results, "tickLines") == {"prices": [0, 1, 2]}
    assert server.only("tickLines").header("accept") == "application/jsonl"


def test_a_json_success_without_a_schema_is_checked_and_left_unread(results: dict[str, Any]) -> None:
    assert ok(results, "pingJson") == {"value": "undefined"}
    assert ok(results, "pingHtml") == {
        "error": "UnexpectedContentTypeError",
        "expected": ["application/json"],
        "received": "text/html",
        "body": "<p>maintenance</p>",
    }


# -- binary and text bodies --------------------------------------------------------------------

ALL_BYTES = bytes(range(255, -1, -1))  # every byte value, most of them not UTF-8


@pytest.mark.parametrize(
    "scenario", ["binaryUint8Array", "binaryArrayBuffer", "binaryBlob", "binaryReadableStream"]
)
def test_binary_body_arrives_byte_exact(results: dict[str, Any], server: EchoServer, scenario: str) -> None:
    ok(results, scenario)
    got = server.only(scenario)
    assert (got.method, got.target) == ("PUT", f"/blobs/{scenario}")
    assert got.header("content-type") == "application/octet-stream"
    assert got.body == ALL_BYTES


def test_an_async_iterable_body_is_streamed_chunked(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "binaryAsyncIterable")
    got = server.only("binaryAsyncIterable")
    assert got.header("content-type") == "application/octet-stream"
    assert got.header("transfer-encoding") == "chunked" and got.header("content-length") is None
    assert got.body == bytes(range(256)) * (5 * 1024 * 4)  # 5 MiB


def test_a_binary_body_refuses_text_before_sending(results: dict[str, Any], server: EchoServer) -> None:
    result = ok(results, "binaryRefusesText")
    assert result["error"] == "TypeError" and "binary body must be a Uint8Array" in result["message"]
    assert "binaryRefusesText" not in server.received


def test_a_text_plain_body_is_sent_as_utf8_text(results: dict[str, Any], server: EchoServer) -> None:
    ok(results, "textPlain")
    got = server.only("textPlain")
    assert got.header("content-type") == "text/plain"
    assert got.body == "café ☕\nline".encode()
