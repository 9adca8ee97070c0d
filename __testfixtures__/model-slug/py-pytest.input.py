import pytest
from openai import OpenAI

from support.agent import answer, build_agent


@pytest.fixture
def client() -> OpenAI:
    return OpenAI()


@pytest.mark.parametrize("model", ["gpt-5.4", "gpt-5.4-mini"])
def test_answer_mentions_order_id(client: OpenAI, model: str) -> None:
    reply = answer(client, "Where is order 1234?", model=model)
    assert "1234" in reply


def test_default_model() -> None:
    agent = build_agent()
    assert agent.model == "gpt-5.4"


@pytest.mark.integration
def test_live_call(client: OpenAI) -> None:
    response = client.responses.create(model="gpt-5.4", input="Reply with the word OK.")
    assert response.output_text.strip() == "OK"
