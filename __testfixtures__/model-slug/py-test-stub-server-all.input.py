"""A reply cut off at the token cap must raise a clear error, not a JSON parse error."""

import pytest

from shopbot.llm import ChatOpenAI, CappedOutputError, UserMessage


async def test_cut_off_reply_raises(httpserver):
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": "gpt-4o",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": '{"a": "cut'}, "finish_reason": "length"}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 512, "total_tokens": 515},
        }
    )

    llm = ChatOpenAI(model="gpt-4o", api_key="test-key", base_url=httpserver.url_for("/v1"))

    with pytest.raises(CappedOutputError):
        await llm.ainvoke([UserMessage(content="go on")])


def test_capped_error_names_the_cap():
    error = CappedOutputError(message="cut at max_completion_tokens=512", model="o3")
    assert "512" in str(error)
