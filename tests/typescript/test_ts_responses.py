"""Success bodies of the TypeScript SDK, per status and media type: the golden `wire` SDK, compiled,
run under node against the server the Python runtime tests use (tests/runtime/conftest_client.py).
A download is a `BinaryResponse` giving the exact bytes, streamed in chunks (5 MiB, an endless
body) or written to a file; JSON lines a `LineStream` of typed items; a declared 204 `undefined`;
a Content-Type the operation does not declare `UnexpectedContentTypeError`, naming both."""

from __future__ import annotations

import asyncio
import hashlib
import json
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.helpers import render_spec
from tests.runtime.conftest_client import State, blob, make_app, serve
from tests.typescript.build import TsBuild
from tests.typescript.support import node, ts_settings

SCRIPT = Path(__file__).resolve().parent / "node" / "response_scenarios.mjs"
PACKAGE = ts_settings("wire").package
Run = tuple[dict[str, Any], Path, set[str]]  # the results, the folder node wrote into, released keys
FIVE_MIB = 5 * 1024 * 1024
pytestmark = pytest.mark.xdist_group("ts")


def _endless(released: set[str]) -> list[Route]:
    """`GET /wire/blobs/endless-<key>`: zero bytes until the client hangs up (then `key` is in
    `released`); `GET /released/<key>`: whether it was, within 2 s (asked while node runs)."""

    async def chunks(key: str) -> AsyncIterator[bytes]:
        try:
            while True:
                yield bytes(65536)
                await asyncio.sleep(0.002)
        finally:
            released.add(key)

    async def endless(request: Request) -> Response:
        key = request.path_params["key"]
        return StreamingResponse(chunks(key), media_type="application/octet-stream")

    async def was_released(request: Request) -> Response:
        for _ in range(200):
            if request.path_params["key"] in released:
                break
            await asyncio.sleep(0.01)
        return JSONResponse({"released": request.path_params["key"] in released})

    return [
        Route("/wire/blobs/endless-{key}", endless, methods=["GET"]),
        Route("/released/{key}", was_released, methods=["GET"]),
    ]


@pytest.fixture(scope="module")
def run(
    ts_build: TsBuild, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[dict[str, Any], Path, set[str]]]:
    """Every scenario of node/response_scenarios.mjs (one node process), the folder it wrote
    into, and the endless downloads the server saw released."""
    out = tmp_path_factory.mktemp("ts-responses")
    state = State()
    released = state.disconnected  # the chat route's endless streams record theirs here too
    app = make_app(state)
    app.router.routes[:0] = _endless(released)
    for url in serve(app):
        dists = [str(ts_build.dist(p)) for p in (PACKAGE, "atoma-sdk")]
        proc = subprocess.run(
            [node(), str(SCRIPT), *dists, url, str(out)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
        yield json.loads(proc.stdout.strip().splitlines()[-1]), out, released


@pytest.fixture(scope="module")
def results(run: Run) -> dict[str, Any]:
    return run[0]


def ok(results: dict[str, Any], name: str) -> dict[str, Any]:
    """A scenario's result, which must have succeeded."""
    result = dict(results[name])
    assert result.pop("ok"), result
    return result


def failed(results: dict[str, Any], name: str) -> dict[str, Any]:
    """A scenario's error (name, message, expected, received, statusCode, body)."""
    result = dict(results[name])
    assert not result.pop("ok"), result
    return result


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_download_streams_the_exact_bytes_in_chunks(results: dict[str, Any]) -> None:
    got = ok(results, "downloadChunks")
    assert got.pop("sha256") == _sha(blob(FIVE_MIB))
    assert got.pop("chunks") > 10  # as they arrived, never one buffer
    assert got == {
        "binary": True,
        "status": 200,
        "contentType": "application/octet-stream",
        "length": FIVE_MIB,
    }


def test_a_download_is_written_to_a_file(run: Run) -> None:
    results, out, _ = run
    ok(results, "downloadToFile")
    assert (out / "five.bin").read_bytes() == blob(FIVE_MIB)


def test_a_download_in_chunks_of_a_given_size_and_whole_once(results: dict[str, Any]) -> None:
    assert ok(results, "downloadSized") == {"sizes": [100_000] * 3, "odd": [300, 300, 300, 100]}
    assert ok(results, "downloadWhole") == {
        "length": 1000,
        "sha256": _sha(blob(1000)),
        "again": "APIError: a response body can be read once",
    }


def test_an_endless_download_is_streamed_and_released_on_break_abort_or_close(
    run: Run,
) -> None:
    results, _, released = run
    # (`released` is asked while node runs: its exit would release every connection anyway.)
    assert ok(results, "downloadEndless") == {"enough": True, "released": True}
    aborted = ok(results, "downloadAborted")
    assert aborted == {
        "name": "APIUserAbortError",
        "message": "the response body was aborted",
        "released": True,
    }
    assert ok(results, "downloadClosed") == {"released": True}
    assert released >= {"a", "b", "c"}


def test_closing_an_event_stream_mid_iteration_ends_the_loop_and_releases_it(results: dict[str, Any]) -> None:
    got = ok(results, "sseClosedMidStream")
    assert got.pop("seen") < 100  # the loop ended soon after close(), never read on
    assert got == {"released": True}


def test_any_media_type_and_an_undecodable_structure_are_binary(results: dict[str, Any]) -> None:
    assert ok(results, "anything") == {"contentType": "image/png", "bytes": list(blob(10))}
    assert ok(results, "report") == {"binary": True, "text": "<note><title>t</title></note>"}
    assert ok(results, "rawDownload") == {"status": 200, "binary": True, "length": 1000}


def test_an_undeclared_content_type_throws_naming_both(results: dict[str, Any]) -> None:
    binary = failed(results, "undeclaredBinary")
    assert binary == {
        "name": "UnexpectedContentTypeError",
        "message": "expected a response of type application/octet-stream or audio/mpeg, "
        "received application/json (HTTP 200)",
        "expected": ["application/octet-stream", "audio/mpeg"],
        "received": "application/json",
        "statusCode": 200,
        "body": "",  # a download is closed unread
    }
    page = failed(results, "undeclaredJson")
    assert (page["name"], page["expected"], page["received"]) == (
        "UnexpectedContentTypeError",
        ["application/json"],
        "text/html",
    )
    assert page["body"] == "<html>maintenance</html>"  # a body read whole is kept


def test_json_lines_are_typed_items(results: dict[str, Any]) -> None:
    assert ok(results, "records") == {
        "lineStream": True,
        "items": [{"id": i, "name": f"r{i}"} for i in range(3)],
    }
    assert ok(results, "recordsBreak") == {
        "first": {"id": 0, "name": "r0"},
        "again": "APIError: a response body can be read once",
    }


def test_a_bad_json_line_throws_with_its_text_or_bytes(results: dict[str, Any]) -> None:
    bad = ok(results, "recordsBadLine")
    assert (bad["seen"], bad["name"], bad["line"]) == ([0], "LineDecodeError", '{"id": "x"}')
    undecodable = ok(results, "recordsBadBytes")
    assert undecodable == {
        "seen": ["ré"],  # split across chunks, CRLF ended
        "name": "ResponseDecodeError",
        "content": list(b'{"id": 1, "name": "\xff"}'),
    }


def test_a_declared_success_without_content_is_undefined(results: dict[str, Any]) -> None:
    assert ok(results, "noContentJson") == {"note": {"title": "n1"}, "gone": "undefined"}
    assert ok(results, "noContentText") == {"text": "é", "empty": "undefined"}
    assert ok(results, "text") == {"text": "HÉLLO"}


def test_return_types_and_docs_state_each_kind() -> None:
    files = render_spec(ts_settings("wire"))
    texts, blobs, notes = (files[f"src/sdk/{n}.ts"] for n in ("texts", "blobs", "files"))
    assert "getBlob(request: GetBlobRequest, options?: RequestOptions): Promise<BinaryResponse>" in blobs
    assert "getAnything(options?: RequestOptions): Promise<BinaryResponse>" in blobs
    assert "Promise<LineStream<components.RecordModel>>" in texts
    assert (
        "maybeText(request: MaybeTextRequest = {}, options?: RequestOptions): Promise<string | undefined>"
        in texts
    )
    assert "echoText(request: EchoTextRequest, options?: RequestOptions): Promise<string>" in texts
    assert "Promise<components.Note | undefined>" in notes
    page = files["docs/sdks/blobs/README.md"]
    assert "**Promise\\<BinaryResponse\\>** (the unread body: `bytes()`" in page
    assert 'await result.writeToFile("getBlob.out");' in page
    records = files["docs/sdks/texts/README.md"]
    assert "**Promise\\<*string* | *undefined*\\>**" in records
    assert (
        "**Promise\\<LineStream\\<[components.RecordModel](../../models/components/recordmodel.md)\\>\\>**"
        in records
    )
    assert "## Binary and JSON Lines Responses" in files["README.md"]
