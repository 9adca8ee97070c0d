"""Contract review: pinned to dated snapshots so outputs stay reproducible for audits."""

from openai import OpenAI

client = OpenAI()


def review_clause(clause: str) -> str:
    response = client.responses.create(
        model="gpt-5.4-2026-03-05",
        instructions="List every obligation this clause creates, one per line.",
        input=clause,
    )
    return response.output_text


def review_contract(contract: str) -> str:
    response = client.responses.create(
        model="gpt-5.4-pro-2026-03-05",
        reasoning={"effort": "high"},
        input=contract,
    )
    return response.output_text


def label_clause(clause: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.4-mini-2026-03-17",
        messages=[{"role": "user", "content": f"Label this clause: {clause}"}],
    )
    return completion.choices[0].message.content or ""
