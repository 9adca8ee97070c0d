"""Calls the OpenAI REST API directly, without the SDK."""

import os

import httpx
import requests

RESPONSES_URL = "https://api.openai.com/v1/responses"
CHAT_URL = "https://api.openai.com/v1/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}


def extract_invoice_fields(text: str) -> dict:
    payload = {
        "model": "gpt-5.4",
        "input": [{"role": "user", "content": text}],
        "text": {"format": {"type": "json_object"}},
    }
    response = requests.post(RESPONSES_URL, headers=HEADERS, json=payload, timeout=60)
    response.raise_for_status()
    return response.json()


async def brainstorm(topic: str) -> str:
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(
            CHAT_URL,
            headers=HEADERS,
            json={
                "model": "gpt-5.4",
                "messages": [{"role": "user", "content": f"Ten product ideas about {topic}"}],
                "temperature": 1.1,
                "top_p": 0.95,
            },
        )
    response.raise_for_status()
    return response.json()["choices"][0]["message"]["content"]


def tagline(product: str) -> str:
    body = {
        "model": "gpt-5.4",
        "reasoning": {"effort": "none"},
        "temperature": 0.4,
        "input": f"Write a one-line tagline for {product}.",
    }
    response = httpx.post(RESPONSES_URL, headers=HEADERS, json=body, timeout=60)
    return response.json()["output"][0]["content"][0]["text"]
