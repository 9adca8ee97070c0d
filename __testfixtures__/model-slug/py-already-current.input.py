"""Already on GPT-5.5; nothing here should change or be reported."""

from openai import OpenAI

client = OpenAI()

MODEL = "gpt-5.5"
PRO_MODEL = "gpt-5.5-pro"
PINNED_MODEL = "gpt-5.5-2026-04-23"


def answer(question: str) -> str:
    response = client.responses.create(model=MODEL, reasoning={"effort": "medium"}, input=question)
    return response.output_text


def operate(screenshot_url: str) -> str:
    # computer use belongs to its own transform
    response = client.responses.create(
        model="computer-use-preview",
        tools=[{"type": "computer_use_preview", "display_width": 1280, "display_height": 800, "environment": "browser"}],
        input=[{"role": "user", "content": [{"type": "input_image", "image_url": screenshot_url}]}],
        truncation="auto",
    )
    return response.id
