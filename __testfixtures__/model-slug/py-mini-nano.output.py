"""High-volume helpers that run on the small models to keep costs down."""

from openai import OpenAI

client = OpenAI()


def detect_language(text: str) -> str:
    response = client.responses.create(
        model="gpt-5.4-nano",
        instructions="Reply with the ISO 639-1 code of the text's language only.",
        input=text,
    )
    return response.output_text.strip()


def short_title(text: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.4-mini",
        messages=[{"role": "user", "content": f"A five-word title for:\n{text}"}],
    )
    return completion.choices[0].message.content or ""


def quick_check(text: str) -> bool:
    response = client.responses.create(model="o4-mini", input=f"Is this spam? yes/no\n{text}")
    return response.output_text.strip().lower() == "yes"
