"""Typed settings for the assistant service."""

from typing import Literal, TypeAlias

from openai import OpenAI
from pydantic import BaseModel

SupportedModel: TypeAlias = Literal["gpt-5.4", "gpt-5.4-pro"]
type ReviewModel = Literal["gpt-5.4-pro"]


class AssistantSettings(BaseModel):
    model: Literal["gpt-5.4", "gpt-5.4-mini"] = "gpt-5.4"
    max_output_tokens: int = 1024


def reply(client: OpenAI, text: str, model: SupportedModel = "gpt-5.4") -> str:
    return client.responses.create(model=model, input=text).output_text


def review(client: OpenAI, text: str, model: Literal["gpt-5.4-pro"] = "gpt-5.4-pro") -> str:
    return client.responses.create(model=model, reasoning={"effort": "high"}, input=text).output_text


def summarize(client: OpenAI, text: str, model: str = "gpt-5.5") -> str:
    return client.responses.create(model=model, input=text).output_text
