"""Support-desk calls with short-lived prompt caching."""

import os

import requests
from openai import OpenAI

client = OpenAI()
TRIAGE_MODEL = "gpt-5.5"


def answer(question: str, history: list[dict]) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        prompt_cache_key="support-thread",
        prompt_cache_retention="24h",
        input=[*history, {"role": "user", "content": question}],
    )
    return response.output_text


def triage(ticket: str) -> str:
    completion = client.chat.completions.create(
        model=TRIAGE_MODEL,
        prompt_cache_retention='24h',
        messages=[{"role": "user", "content": f"Which queue should handle this?\n{ticket}"}],
    )
    return completion.choices[0].message.content or ""


def shrink(previous_response_id: str):
    return client.responses.compact(model="gpt-5.5-pro", previous_response_id=previous_response_id, prompt_cache_retention="24h")


def tag(text: str) -> str:
    # Tags stay on the small model.
    response = client.responses.create(model="gpt-5.4-mini", prompt_cache_retention="in_memory", input=text)
    return response.output_text


def route(text: str) -> str:
    response = client.responses.create(
        model=os.environ["ROUTER_MODEL"],
        prompt_cache_retention="in_memory",
        input=text,
    )
    return response.output_text


def raw_answer(question: str) -> str:
    reply = requests.post(
        "https://api.openai.com/v1/responses",
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
        json={"model": "gpt-5.5", "input": question, "prompt_cache_retention": "24h"},
        timeout=60,
    )
    return reply.json()["output"][0]["content"][0]["text"]
