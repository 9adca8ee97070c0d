"""Older features that were never moved off their original models."""

from openai import OpenAI

client = OpenAI()


def caption(image_url: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Write alt text for this image."},
                    {"type": "image_url", "image_url": {"url": image_url}},
                ],
            }
        ],
    )
    return completion.choices[0].message.content or ""


def extract_dates(text: str) -> str:
    response = client.responses.create(model="gpt-4.1", input=f"List every date in:\n{text}")
    return response.output_text


def solve(problem: str) -> str:
    response = client.responses.create(model="o3", reasoning={"effort": "high"}, input=problem)
    return response.output_text


def prove(statement: str) -> str:
    response = client.responses.create(model="o3-pro", input=statement)
    return response.output_text


def patch(diff: str) -> str:
    response = client.responses.create(model="gpt-5.3-codex", input=diff)
    return response.output_text


def brainstorm(topic: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.2",
        messages=[{"role": "user", "content": f"Ideas about {topic}"}],
        temperature=1.0,
    )
    return completion.choices[0].message.content or ""


def tag(text: str) -> str:
    response = client.responses.create(model="gpt-4o-mini", input=f"Tags for:\n{text}")
    return response.output_text
