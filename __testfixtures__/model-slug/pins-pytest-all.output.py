import pytest
from openai import OpenAI

from app.chat import ask, build_client


@pytest.fixture
def client(httpx_mock) -> OpenAI:
    httpx_mock.add_response(json={"output_text": "ok"})
    return build_client()


def test_ask_sends_model(client: OpenAI) -> None:
    reply = ask(client, "Where is order 1234?", model="gpt-5.5")
    assert reply == "ok"


def test_default_model_is_gpt_4o() -> None:
    assert build_client().default_model == "gpt-4o"


def test_second_call_keeps_model(client: OpenAI) -> None:
    ask(client, "first", model="gpt-5.5")
    ask(client, "second", model="gpt-5.5")


def test_snapshot_model(client: OpenAI) -> None:
    ask(client, "pinned", model="gpt-4.1-2025-04-14")
