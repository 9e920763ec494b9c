"""`sdk.webhooks.unwrap` (issue 11): Standard Webhooks signatures and typed events.

The expected signatures are computed here with hmac/hashlib, independently of the shipped
runtime, and cross-checked against the official `openai` client's verifier on the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import openai
import pytest

from generator.cli import render_for
from generator.config import Settings
from tests.corpus_support import CORPUS, generate

KEY = b"a-32-byte-signing-key-for-tests!"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
EVENT = {"id": "evt_1", "type": "batch.completed", "created_at": 1719168000, "data": {"id": "batch_1"}}


def sign(msg_id: str, stamp: str, body: bytes, key: bytes = KEY) -> str:
    """The Standard Webhooks `v1,<base64>` entry, computed from the spec's definition."""
    digest = hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def delivery(
    event: dict[str, Any], *, at: float | None = None, key: bytes = KEY
) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(event).encode()
    stamp = str(int(time.time() if at is None else at))
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": stamp,
        "webhook-signature": sign("msg_1", stamp, body, key),
    }
    return body, headers


def _load(tmp: Path, spec: str, package: str) -> ModuleType:
    code, stderr, _ = generate(CORPUS / spec, tmp / package, package)
    assert code == 0, stderr
    sys.path.insert(0, str(tmp / package))
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    tmp = tmp_path_factory.mktemp("webhooks")
    cases = {
        "openai": ("webhooks_openai.yaml", "wh_openai_sdk"),
        "named": ("webhooks_named.json", "wh_named_sdk"),
        "only": ("webhooks_only.json", "wh_only_sdk"),
        "callbacks": ("callbacks_webhooks.yaml", "wh_callbacks_sdk"),
    }
    yield {key: _load(tmp, spec, package) for key, (spec, package) in cases.items()}
    for _, package in cases.values():
        sys.path.remove(str(tmp / package))


def _client(module: ModuleType, async_: bool = False) -> Any:
    return getattr(module, "AsyncClient" if async_ else "Client")()


def test_unwrap_returns_the_event_class_of_its_type(sdks: dict[str, ModuleType]) -> None:
    sdk = _client(sdks["openai"])
    components = importlib.import_module("wh_openai_sdk.models.components")
    for kind, cls in [
        ("batch.completed", components.WebhookBatchCompleted),
        ("batch.cancelled", components.WebhookBatchCancelled),
        ("response.failed", components.WebhookResponseFailed),
    ]:
        body, headers = delivery({**EVENT, "type": kind})
        event = sdk.webhooks.unwrap(body, headers, SECRET)
        assert type(event) is cls
        assert json.loads(event.model_dump_json(by_alias=True, exclude_unset=True)) == json.loads(body)
    # The same delivery, as text with headers in any case, through the async client.
    body, headers = delivery(EVENT)
    upper = {k.title(): v for k, v in headers.items()}
    event = _client(sdks["openai"], async_=True).webhooks.unwrap(body.decode(), upper, SECRET)
    assert type(event) is components.WebhookBatchCompleted


def test_an_unknown_event_type_is_no_event(sdks: dict[str, ModuleType]) -> None:
    from pydantic import ValidationError

    body, headers = delivery({**EVENT, "type": "batch.exploded"})
    with pytest.raises(ValidationError):
        _client(sdks["openai"]).webhooks.unwrap(body, headers, SECRET)


def test_the_official_openai_verifier_agrees(sdks: dict[str, ModuleType]) -> None:
    body, headers = delivery(EVENT)
    theirs = openai.OpenAI(api_key="unused", base_url="http://127.0.0.1:9").webhooks
    theirs.verify_signature(body, headers, secret=SECRET)
    _client(sdks["openai"]).webhooks.verify_signature(body, headers, SECRET)
    tampered = body.replace(b"batch_1", b"batch_2")
    with pytest.raises(openai.InvalidWebhookSignatureError):
        theirs.verify_signature(tampered, headers, secret=SECRET)
    with pytest.raises(sdks["openai"].WebhookVerificationError):
        _client(sdks["openai"]).webhooks.verify_signature(tampered, headers, SECRET)


def _bad_deliveries() -> dict[str, tuple[bytes, dict[str, str], str]]:
    """Deliveries that must not verify, built at call time (their timestamps are relative to now)."""
    body, good = delivery(EVENT)
    now = time.time()
    old_body, old = delivery(EVENT, at=now - 310)
    new_body, new = delivery(EVENT, at=now + 310)
    _, other_key = delivery(EVENT, key=b"another key")
    cases = [
        ("tampered body", body + b" ", good, "no v1 entry"),
        ("wrong key", body, other_key, "no v1 entry"),
        ("stale", old_body, old, "too old"),
        ("future", new_body, new, "future"),
        ("not a time", body, {**good, "webhook-timestamp": "soon"}, "not a Unix time"),
        ("empty signature", body, {**good, "webhook-signature": ""}, "no webhook-signature header"),
        (
            "other version",
            body,
            {**good, "webhook-signature": good["webhook-signature"].replace("v1,", "v1a,")},
            "no v1",
        ),
    ]
    for name in ("webhook-id", "webhook-timestamp", "webhook-signature"):
        cases.append((f"no {name}", body, {k: v for k, v in good.items() if k != name}, f"no {name} header"))
    return {why: (b, h, m) for why, b, h, m in cases}


@pytest.mark.parametrize("why", list(_bad_deliveries()))
def test_a_bad_delivery_raises_a_typed_error(sdks: dict[str, ModuleType], why: str) -> None:
    body, headers, message = _bad_deliveries()[why]
    module = sdks["openai"]
    with pytest.raises(module.WebhookVerificationError, match=message) as caught:
        _client(module).webhooks.unwrap(body, headers, SECRET)
    assert isinstance(caught.value, module.errors.APIError)


def test_rotated_secrets_and_the_tolerance_window(sdks: dict[str, ModuleType]) -> None:
    hooks = _client(sdks["openai"]).webhooks
    body, headers = delivery(EVENT, at=time.time() - 3000)
    rotated = {**headers, "webhook-signature": "v1,AAAA " + headers["webhook-signature"]}
    assert hooks.unwrap(body, rotated, SECRET, tolerance=3600).id == "evt_1"
    assert hooks.unwrap(body, rotated, KEY, tolerance=3600).id == "evt_1"  # the raw key as bytes
    joined = {**headers, "webhook-signature": headers["webhook-signature"] + ", v1,AAAA"}
    assert hooks.unwrap(body, joined, SECRET, tolerance=3600).id == "evt_1"  # two header lines, joined
    with pytest.raises(sdks["openai"].WebhookVerificationError, match="not base64"):
        hooks.unwrap(body, rotated, "whsec_not*base64", tolerance=3600)
    for empty in ("", "whsec_", b""):  # anyone could sign with an empty key
        with pytest.raises(sdks["openai"].WebhookVerificationError, match="secret is empty"):
            hooks.unwrap(body, rotated, empty, tolerance=3600)
    for tolerance in (float("nan"), -1.0):  # NaN compared false: any timestamp passed
        with pytest.raises(ValueError, match="tolerance must be a number of seconds"):
            hooks.unwrap(body, rotated, SECRET, tolerance=tolerance)


def test_other_specs(sdks: dict[str, ModuleType]) -> None:
    # No `webhooks:` section: the `Webhook*` schemas with a tag are the events, the rest are not.
    named = importlib.import_module("wh_named_sdk.models.components.webhookevent")
    assert "WebhookSettings" not in Path(str(named.__file__)).read_text()
    body, headers = delivery(EVENT)
    assert (
        type(_client(sdks["named"]).webhooks.unwrap(body, headers, SECRET)).__name__
        == "WebhookBatchCompleted"
    )
    # A webhook without a JSON body schema: the verified body parses as plain JSON.
    assert _client(sdks["only"]).webhooks.unwrap(body, headers, SECRET) == EVENT
    # One event: the union is that model.
    body, headers = delivery({"kind": "created"})
    event = _client(sdks["callbacks"]).webhooks.unwrap(body, headers, SECRET)
    assert type(event).__name__ == "Event" and event.kind == "created"


def test_no_webhooks_no_attribute(tmp_path: Path) -> None:
    settings = Settings(spec=CORPUS / "petstore.yaml", out=tmp_path, package="pets")
    files, _ = render_for(settings)
    assert "pets/webhooks.py" not in files and "docs/sdks/webhooks/README.md" not in files
    assert "def webhooks" not in files["pets/sdk.py"]


def test_a_target_without_webhooks_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.targets.typescript.target import TypeScriptTarget

    spec = CORPUS / "webhooks_openai.yaml"
    _, notes = render_for(Settings(spec=spec, out=tmp_path, package="wh", target="python"))
    assert not any("webhooks" in n for n in notes)
    ts = Settings(spec=spec, out=tmp_path, package="wh-ts", target="typescript")
    files, notes = render_for(ts)
    assert not any("webhooks" in n for n in notes) and "src/sdk/webhooks.ts" in files
    monkeypatch.setattr(TypeScriptTarget, "renders_webhooks", False)  # a target without them
    _, notes = render_for(ts)
    assert any("#/webhooks: webhooks are not generated for typescript" in n for n in notes)


def test_the_docs_page_example_handles_deliveries(
    sdks: dict[str, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(str(sdks["openai"].__file__)).parents[1]
    page = (root / "docs" / "sdks" / "webhooks" / "README.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("WH_OPENAI_SDK_WEBHOOK_SECRET", SECRET)
    namespace: dict[str, Any] = {}
    exec(compile(code, "webhooks-docs-example", "exec"), namespace)
    body, headers = delivery(EVENT)
    assert namespace["handle"](body, headers) == 200
    assert namespace["handle"](body + b" ", headers) == 400
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "[unwrap](docs/sdks/webhooks/README.md#unwrap)" in readme
