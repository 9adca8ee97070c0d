import os

import pytest
from openai import OpenAI

pytestmark = pytest.mark.skipif(not os.environ.get("OPENAI_API_KEY"), reason="needs a real API key")


@pytest.fixture
def client() -> OpenAI:
    return OpenAI()


def test_answers_order_question(client: OpenAI) -> None:
    response = client.responses.create(model="gpt-5.5", input="Where is order 1234?")
    assert response.output_text


def test_default_model_is_gpt_4o() -> None:
    assert os.environ.get("SUPPORT_MODEL", "gpt-4o") == "gpt-4o"


def test_follow_up_keeps_context(client: OpenAI) -> None:
    first = client.responses.create(model="gpt-5.5", input="My order is 1234.")
    second = client.responses.create(model="gpt-5.5", input="Where is it?", previous_response_id=first.id)
    assert second.output_text


def test_snapshot_model(client: OpenAI) -> None:
    response = client.responses.create(model="gpt-4.1-2025-04-14", input="ping")
    assert response.output_text
