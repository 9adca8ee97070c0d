"""Ticket triage service backed by the OpenAI API."""

from __future__ import annotations

import asyncio

from openai import AsyncOpenAI, OpenAI

client = OpenAI()
async_client = AsyncOpenAI()


def summarize(ticket: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        instructions="Summarize the support ticket in two sentences.",
        input=ticket,
    )
    return response.output_text


def draft_reply(ticket: str, history: list[dict[str, str]]) -> str:
    completion = client.chat.completions.create(
        model='gpt-5.4',
        messages=[
            {"role": "developer", "content": "You write friendly, concise replies."},
            *history,
            {"role": "user", "content": ticket},
        ],
    )
    return completion.choices[0].message.content or ""


async def classify_many(tickets: list[str]) -> list[str]:
    async def one(ticket: str) -> str:
        response = await async_client.responses.create(
            model="gpt-5.4-pro",
            reasoning={"effort": "high"},
            input=f"Classify this ticket as bug, billing or other:\n\n{ticket}",
        )
        return response.output_text.strip()

    return list(await asyncio.gather(*(one(t) for t in tickets)))


def continue_thread(previous_response_id: str, message: str) -> str:
    previous_response = client.responses.retrieve(previous_response_id)
    follow_up = client.responses.create(
        model="gpt-5.4",
        previous_response_id=previous_response.id,
        input=[{"role": "user", "content": message}],
    )
    return follow_up.output_text


def stream_answer(question: str) -> None:
    with client.responses.stream(model="gpt-5.4", input=question) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                print(event.delta, end="", flush=True)
