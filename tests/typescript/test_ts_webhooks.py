"""`sdk.webhooks` of the TypeScript SDK (tests/corpus/webhooks_openai.yaml): Standard Webhooks
signatures verified with Web Crypto and typed events validated by the spec's zod schemas.

The compiled SDK runs under node as a webhook receiver on 127.0.0.1 (node/webhook_receiver.mjs);
each delivery is signed here with hmac/hashlib (tests/test_webhooks.py, independent of both
runtimes) and POSTed to it as exact bytes, and the receiver answers what `unwrap` or
`verifySignature` made of it."""

from __future__ import annotations

import base64
import http.client
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import Settings
from generator.targets.typescript.target import TypeScriptTarget
from tests.helpers import render_spec
from tests.test_webhooks import EVENT, KEY, SECRET, _bad_deliveries, delivery, sign
from tests.typescript.build import WEBHOOKS_PACKAGE, WEBHOOKS_TYPES, TsBuild
from tests.typescript.support import node

SCRIPT = Path(__file__).resolve().parent / "node" / "webhook_receiver.mjs"
pytestmark = pytest.mark.xdist_group("ts")

# EVENT as the TypeScript model reads it: camelCase properties.
PARSED = {"id": "evt_1", "type": "batch.completed", "createdAt": 1719168000, "data": {"id": "batch_1"}}


class Receiver:
    """POSTs deliveries to the node receiver; `call` gives its JSON answer."""

    def __init__(self, port: int) -> None:
        self.port = port

    def call(
        self,
        body: bytes,
        headers: dict[str, str],
        *,
        secret: str = SECRET,
        raw_secret: bool = False,
        body_as: str = "buffer",
        headers_as: str = "object",
        tolerance: float | None = None,
        verify_only: bool = False,
        global_crypto: bool = True,
    ) -> dict[str, Any]:
        sent = {
            **headers,
            "x-call": "verify" if verify_only else "unwrap",
            "x-secret": secret,
            "x-secret-kind": "raw" if raw_secret else "text",
            "x-body": body_as,
            "x-headers": headers_as,
            **({} if tolerance is None else {"x-tolerance": str(tolerance)}),
            **({} if global_crypto else {"x-no-global-crypto": "1"}),
        }
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("POST", "/webhook", body=body, headers=sent)
            answer: dict[str, Any] = json.loads(conn.getresponse().read())
        finally:
            conn.close()
        return answer


@pytest.fixture(scope="module")
def receiver(ts_build: TsBuild) -> Iterator[Receiver]:
    proc = subprocess.Popen(
        [node(), str(SCRIPT), str(ts_build.dist(WEBHOOKS_PACKAGE))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip().isdigit(), proc.stderr.read() if proc.stderr else line
        yield Receiver(int(line))
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_the_type_checks_ran_with_the_sdk(ts_build: TsBuild) -> None:
    # specs/webhooks_types.ts, compiled in the one tsc run (whose success ts_build.dist asserts).
    assert (ts_build.dist(WEBHOOKS_PACKAGE) / WEBHOOKS_TYPES.with_suffix(".js").name).is_file()


def test_unwrap_resolves_to_the_typed_event_of_its_type(receiver: Receiver) -> None:
    for kind in ("batch.completed", "batch.cancelled", "response.failed"):
        body, headers = delivery({**EVENT, "type": kind, "object": "event"})
        answer = receiver.call(body, headers)
        assert answer == {"ok": True, "event": {**PARSED, "type": kind, "object": "event"}}


def test_bodies_and_headers_in_every_form(receiver: Receiver) -> None:
    # Non-ASCII text: a string body is signed as its UTF-8 bytes, like the bytes themselves.
    event = {**EVENT, "data": {"id": "batch_é✓"}}
    body, headers = delivery(event)
    for body_as in ("buffer", "u8", "string"):
        for headers_as in ("object", "title", "fetch"):
            answer = receiver.call(body, headers, body_as=body_as, headers_as=headers_as)
            assert answer == {"ok": True, "event": {**PARSED, "data": {"id": "batch_é✓"}}}, (
                body_as,
                headers_as,
            )


@pytest.mark.parametrize("why", list(_bad_deliveries()))
def test_a_bad_delivery_rejects_with_a_typed_error(receiver: Receiver, why: str) -> None:
    body, headers, message = _bad_deliveries()[why]
    for verify_only in (False, True):
        answer = receiver.call(body, headers, verify_only=verify_only)
        assert answer["ok"] is False and answer["name"] == "WebhookVerificationError", answer
        assert message in answer["message"], answer
        assert answer["verification"] and answer["apiError"] and not answer["validation"]


def test_without_a_global_web_crypto_node_crypto_signs(receiver: Receiver) -> None:
    body, headers = delivery(EVENT)
    assert receiver.call(body, headers, global_crypto=False) == {"ok": True, "event": PARSED}
    assert "no v1 entry" in receiver.call(body + b" ", headers, global_crypto=False)["message"]


def test_verify_signature_checks_without_parsing(receiver: Receiver) -> None:
    body, headers = delivery({"not": "an event"})
    assert receiver.call(body, headers, verify_only=True) == {"ok": True, "event": "undefined"}


def test_rotated_secrets_raw_keys_and_the_tolerance_window(receiver: Receiver) -> None:
    old = time.time() - 3000
    body, headers = delivery(EVENT, at=old)
    rotated = {**headers, "webhook-signature": "v1,AAAA " + headers["webhook-signature"]}
    assert receiver.call(body, rotated, tolerance=3600)["event"] == PARSED
    joined = {**headers, "webhook-signature": headers["webhook-signature"] + ", v1,AAAA"}
    assert receiver.call(body, joined, tolerance=3600)["event"] == PARSED  # two header lines, joined
    assert "too old (tolerance 300 s)" in receiver.call(body, rotated)["message"]
    raw = base64.b64encode(KEY).decode()
    assert receiver.call(body, rotated, secret=raw, raw_secret=True, tolerance=3600)["event"] == PARSED
    assert receiver.call(body, rotated, secret=raw, tolerance=3600)["event"] == PARSED  # no whsec_
    # Two real entries while a secret rotates: either secret verifies the delivery.
    new_key = b"the next signing key, rotated in"
    body, headers = delivery(EVENT)
    stamp = headers["webhook-timestamp"]
    both = {
        **headers,
        "webhook-signature": f"{sign('msg_1', stamp, body, new_key)} {headers['webhook-signature']}",
    }
    new_secret = "whsec_" + base64.b64encode(new_key).decode()
    assert receiver.call(body, both, secret=new_secret)["event"] == PARSED
    assert receiver.call(body, both, secret=SECRET)["event"] == PARSED
    other = "whsec_" + base64.b64encode(b"neither of the two keys").decode()
    assert "no v1 entry" in receiver.call(body, both, secret=other)["message"]


@pytest.mark.parametrize("secret", ["whsec_not*base64", "whsec_abc", "whsec_"])
def test_a_secret_that_is_not_base64_is_refused(receiver: Receiver, secret: str) -> None:
    body, headers = delivery(EVENT)
    answer = receiver.call(body, headers, secret=secret)
    assert answer["name"] == "WebhookVerificationError", answer
    assert "not base64" in answer["message"] or "empty" in answer["message"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (json.dumps({**EVENT, "type": "batch.exploded"}).encode(), "type must be one of"),
        (json.dumps({k: v for k, v in EVENT.items() if k != "created_at"}).encode(), "created_at"),
        (json.dumps({**EVENT, "data": {"id": 7}}).encode(), "Expected string"),
        (b"not json", "not JSON"),
        (b'{"id": "\xff"}', "not JSON"),  # not UTF-8
    ],
)
def test_a_verified_body_that_is_no_event_rejects(receiver: Receiver, payload: bytes, message: str) -> None:
    stamp = str(int(time.time()))
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": stamp,
        "webhook-signature": sign("msg_1", stamp, payload),
    }
    answer = receiver.call(payload, headers)
    assert answer["ok"] is False and answer["name"] == "WebhookValidationError", answer
    assert message in answer["message"], answer
    assert answer["validation"] and answer["apiError"] and not answer["verification"]


def test_webhooks_take_their_names_first(tmp_path: Path) -> None:
    """A tag or untagged method named `webhooks` moves aside; the CLI has no note to give."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        """openapi: 3.1.0
info: {title: names, version: "1"}
paths:
  /hooks:
    get: {operationId: listHooks, tags: [Webhooks], responses: {'204': {description: ok}}}
  /ping:
    get: {operationId: webhooks, responses: {'204': {description: ok}}}
webhooks:
  ping:
    post:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: ok}}
""",
        encoding="utf-8",
    )
    files = render_spec(Settings(spec=spec, out=tmp_path / "out", package="names-sdk", target="typescript"))
    sdk = files["src/sdk/sdk.ts"]
    assert "readonly webhooks: Webhooks = new Webhooks();" in sdk
    assert "readonly webhooksResource: Webhooks2;" in sdk
    assert "async webhooks2(" in files["src/sdk/root.ts"]
    assert "[listHooks](docs/sdks/webhooks2/README.md#listhooks)" in files["README.md"]
    assert "[unwrap](docs/sdks/webhooks/README.md#unwrap)" in files["README.md"]
    assert TypeScriptTarget.renders_webhooks
