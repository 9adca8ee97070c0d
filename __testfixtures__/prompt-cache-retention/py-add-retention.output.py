"""Order-status assistant: Responses API, a compacting step, and an Agents SDK agent."""

import httpx
from agents import Agent, ModelSettings
from openai import OpenAI

client = OpenAI()

status_agent = Agent(
    name="Order status",
    instructions="Look up the order and explain where it is.",
    model="gpt-5.5",
    model_settings=ModelSettings(tool_choice="auto"),
)


def answer(question: str) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        input=question,
        prompt_cache_retention="24h",
    )
    return response.output_text


def compact(previous_response_id: str):
    return client.responses.compact(model="gpt-5.5", previous_response_id=previous_response_id, prompt_cache_retention="24h")


def summarize(text: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.5",  # summaries for the daily digest
        messages=[{"role": "user", "content": text}],
        prompt_cache_retention="24h",
    )
    return completion.choices[0].message.content or ""


def raw_summary(text: str, api_key: str) -> str:
    reply = httpx.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {api_key}"},
        json={'model': 'gpt-5.5', 'messages': [{'role': 'user', 'content': text}], 'prompt_cache_retention': '24h'},
    )
    return reply.json()["choices"][0]["message"]["content"]
