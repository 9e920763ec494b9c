"""Example payloads survive a round trip through the generated models of spec/."""

from __future__ import annotations

import json
import sys

import pytest

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "generated"))

from atoma_sdk.models import components, operations  # noqa: E402

CHUNK = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "m",
    "choices": [
        {"index": 0, "delta": {"role": "assistant", "content": "Hi"}, "finish_reason": None, "logprobs": None}
    ],
    "usage": None,
    "system_fingerprint": None,
}


@pytest.mark.parametrize(
    "payload",
    [
        CHUNK,
        {**CHUNK, "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}},
        {k: v for k, v in CHUNK.items() if k not in ("usage", "system_fingerprint")},
        {**CHUNK, "choices": [{"index": 0, "delta": {"role": "brand-new-role"}}]},
        {**CHUNK, "future_field": {"nested": [1, 2]}},
    ],
)
def test_chunk_round_trips_exactly(payload: dict[str, object]) -> None:
    model = components.ChatCompletionChunk.model_validate_json(json.dumps(payload))
    assert json.loads(model.model_dump_json(by_alias=True)) == payload
    assert model.model_dump(by_alias=True, mode="json") == payload


def test_stream_body_decodes_json_text_data() -> None:
    body = operations.ChatCompletionsCreateStreamResponseBody.model_validate({"data": json.dumps(CHUNK)})
    assert isinstance(body.data, components.ChatCompletionChunk)
    assert body.model_dump(mode="json")["data"] == CHUNK


def test_discriminated_message_union() -> None:
    req = components.CreateChatCompletionRequest.model_validate(
        {"model": "m", "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]}
    )
    assert [type(m).__name__ for m in req.messages] == ["SystemMessage", "UserMessage"]
    assert req.model_dump(by_alias=True, mode="json") == {
        "model": "m",
        "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}],
    }


def test_unknown_enum_value_is_kept() -> None:
    delta = components.ChatCompletionChunkDelta.model_validate({"role": "critic"})
    assert delta.role == "critic"
    assert delta.model_dump(mode="json") == {"role": "critic"}


def test_assistant_message_keeps_its_class_and_role() -> None:
    message = {"role": "assistant", "content": "Hi", "tool_calls": []}
    req = components.CreateChatCompletionRequest.model_validate({"model": "m", "messages": [message]})
    assert type(req.messages[0]) is components.AssistantMessage
    assert req.model_dump(by_alias=True, mode="json")["messages"] == [message]
