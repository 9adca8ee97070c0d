"""Sampling settings carried over from the GPT-4 era, next to requests that already set effort."""

from openai import OpenAI

client = OpenAI()


def slogan(product: str) -> str:
    # temperature without a reasoning effort: GPT-5.5 would default to medium and reject it
    response = client.responses.create(
        model="gpt-5.4",
        temperature=0.9,
        input=f"A slogan for {product}.",
    )
    return response.output_text


def classify(ticket: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        reasoning={"effort": "none"},
        temperature=0,
        input=f"Category of this ticket (bug, billing, other):\n{ticket}",
    )
    return response.output_text


def rank(candidates: list[str]) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.4",
        reasoning_effort="none",
        top_p=0.5,
        messages=[{"role": "user", "content": "Rank these:\n" + "\n".join(candidates)}],
    )
    return completion.choices[0].message.content or ""


def confidence(question: str) -> float:
    completion = client.chat.completions.create(
        model="gpt-5.4",
        reasoning_effort="low",
        logprobs=True,
        top_logprobs=3,
        messages=[{"role": "user", "content": question}],
    )
    return completion.choices[0].logprobs.content[0].logprob


def draft(topic: str) -> str:
    response = client.responses.create(
        model="gpt-5.4-pro",
        extra_body={"top_p": 0.8},
        input=f"Draft an outline about {topic}.",
    )
    return response.output_text
