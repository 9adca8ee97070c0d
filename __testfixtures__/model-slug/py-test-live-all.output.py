"""Runs one agent step against each provider; needs real API keys."""

import pytest

from webagent.llm import ChatAnthropic, ChatGoogle, ChatOpenAI


@pytest.mark.skipif("not config.getoption('--live')")
async def test_one_step_per_provider(step_messages):
    models = [
        ChatOpenAI(model="gpt-5.5"),
        ChatGoogle(model="gemini-2.0-flash"),
        ChatAnthropic(model="claude-sonnet-4-5"),
    ]
    for llm in models:
        reply = await llm.ainvoke(step_messages)
        assert reply.usage.total_tokens > 0


def test_cli_arguments(run):
    assert run(["--model", "gpt-4o", "--dry"]).exit_code == 0
