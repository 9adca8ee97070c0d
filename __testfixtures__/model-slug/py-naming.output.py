"""Routes requests to a primary model and degrades gracefully under load."""

import os

from agents import Agent
from openai import OpenAI, RateLimitError

FALLBACK_MODEL = "gpt-5.4"
CHEAP_MODEL = os.getenv("CHEAP_MODEL", "gpt-5.4")
SUMMARY_MODEL = os.getenv("LEGACY_SUMMARY_MODEL", "gpt-5.4")

ROUTES = {
    "default": "gpt-5.5",
    "budget": "gpt-5.4",
}

judge = Agent(
    name="Judge",
    instructions="Decide which of two answers better follows the policy. Reply A or B.",
    model="gpt-5.4",
)


class Router:
    def __init__(self, primary_model: str = "gpt-5.5", backup_model: str = "gpt-5.4") -> None:
        self.client = OpenAI()
        self.primary_model = primary_model
        self.backup_model = backup_model
        self.fallback_model = "gpt-5.4"

    def ask(self, question: str) -> str:
        for model in (self.primary_model, self.backup_model, self.fallback_model):
            try:
                return self.client.responses.create(model=model, input=question).output_text
            except RateLimitError:
                continue
        raise RuntimeError("every route is rate limited")


def grade(answer: str, reference: str) -> str:
    client = OpenAI()
    response = client.responses.create(
        model="gpt-5.5",
        input=f"Answer:\n{answer}\n\nReference:\n{reference}\n\nScore 1-5.",
        metadata={"grader_model": "gpt-5.4"},
    )
    return response.output_text
