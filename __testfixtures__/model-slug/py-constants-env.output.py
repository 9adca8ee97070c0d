"""Settings and calls for the nightly summarizer worker."""

import os
from dataclasses import dataclass

from openai import OpenAI

DEFAULT_MODEL = "gpt-5.5"
SUMMARY_MODEL = os.getenv("SUMMARY_MODEL", "gpt-5.5")
SCORING_MODEL = os.environ.get("SCORING_MODEL", "gpt-5.4")
TITLE_MODEL = os.getenv("TITLE_MODEL", default="gpt-5.5")

os.environ.setdefault("OPENAI_MODEL", "gpt-5.5")

client = OpenAI()


@dataclass
class WorkerSettings:
    model: str = "gpt-5.5"
    max_output_tokens: int = 800
    batch_size: int = 20


def summarize(text: str) -> str:
    response = client.responses.create(model=SUMMARY_MODEL, input=text)
    return response.output_text


def title(text: str) -> str:
    response = client.responses.create(model=TITLE_MODEL, input=f"Title for:\n{text}")
    return response.output_text


def score(text: str) -> float:
    completion = client.chat.completions.create(
        model=SCORING_MODEL,
        messages=[{"role": "user", "content": f"Is this summary faithful? yes or no\n\n{text}"}],
        logprobs=True,
        top_logprobs=5,
        max_completion_tokens=1,
    )
    top = completion.choices[0].logprobs.content[0].top_logprobs
    return sum(2.718281828 ** t.logprob for t in top if t.token.lower() == "yes")


def rewrite(text: str, model: str = "gpt-5.4", temperature: float = 0.3) -> str:
    response = client.responses.create(model=model, input=text, temperature=temperature)
    return response.output_text


def translate(text: str, language: str, *, model="gpt-5.5") -> str:
    response = client.responses.create(
        model=model,
        reasoning={"effort": "low"},
        instructions=f"Translate the user's text into {language}.",
        input=text,
    )
    return response.output_text


def tag(text: str) -> list[str]:
    response = client.responses.create(model=DEFAULT_MODEL, input=f"Three tags for:\n{text}")
    return response.output_text.split(",")
