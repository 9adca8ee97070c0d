"""Command-line shortcuts for the models the tool knows."""

import os

DEFAULT_MODEL_NAME = "gpt-5.5"

MODEL_ALIASES = {
    "sonnet": "anthropic/claude-sonnet-4-5",
    "4": "gpt-4-0613",
    "4o": "gpt-4o",
    "mini": "gpt-4o-mini",
    "o1": "o1",
}


def add_deprecated_flags(group):
    gpt_4o_model = "gpt-4o"
    group.add_argument("--4o", action="store_const", dest="model", const=gpt_4o_model)


def model_from_attribute(attribute: str) -> str:
    return attribute.replace("_", "-").replace("gpt_4o", "gpt-4o")


def model_for_environment() -> str | None:
    key_models = [
        ("ANTHROPIC_API_KEY", "sonnet"),
        ("OPENAI_API_KEY", "gpt-4o"),
        ("GEMINI_API_KEY", "gemini/gemini-2.5-pro"),
    ]
    for env_key, model in key_models:
        if os.environ.get(env_key):
            return model
    return None
