"""Release notes writer (Windows line endings)."""

from openai import OpenAI

client = OpenAI()


def release_notes(changes: list[str]) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        instructions="Turn the change list into short release notes.",
        input="\n".join(changes),
    )
    return response.output_text
