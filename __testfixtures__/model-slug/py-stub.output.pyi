from typing import Final, Literal

from openai import OpenAI

DEFAULT_MODEL: Final = "gpt-5.5"
ModelName = Literal["gpt-5.4", "gpt-5.4-pro"]

def answer(client: OpenAI, question: str, model: ModelName = ...) -> str: ...
def review(client: OpenAI, text: str, model: Literal["gpt-5.4-pro"] = ...) -> str: ...
