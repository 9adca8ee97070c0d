from typing import Literal

ChatModelName = Literal[
    "openai/gpt-4.1",
    "openai/gpt-4.1-mini",
    "openai/gpt-4o",
    "openai/gpt-5.4",
]

REASONING_MODELS = {"o1", "o3", "o4-mini", "gpt-5"}

MODEL_INFO = [
    {"model": "gpt-4o", "context_window": 128000, "supports_vision": True},
    {"model": "gpt-4.1", "context_window": 1047576, "supports_vision": True},
]

DEFAULT_MODEL = "gpt-5.5"


def is_reasoning(model: str) -> bool:
    return model in REASONING_MODELS
