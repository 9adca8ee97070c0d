"""Per-model step limits and token counting for the agent."""

import tiktoken


def step_timeout(model_name: str) -> int:
    if "gemini" in model_name:
        return 75
    elif "o3" in model_name or "claude" in model_name or "sonnet" in model_name:
        return 90
    elif model_name.startswith("gpt-5.4"):
        return 60
    return 75


def edit_format(model: str) -> str:
    if "gpt-4.1-mini" in model:
        return "diff"
    if model.endswith("gpt-4o") or "gpt-5.4-pro" in model:
        return "udiff"
    if model in ("gpt-4o", "o1"):
        return "whole"
    return "diff"


def model_from_attribute(attribute: str) -> str:
    if "gpt_4o" in attribute:
        return attribute.replace("gpt_4o", "gpt-4o")
    return attribute.replace("_", "-")


def count_tokens(text: str) -> int:
    encoding = tiktoken.encoding_for_model("gpt-4.1-mini")
    fallback = tiktoken.encoding_for_model(model_name="gpt-4o")
    return len(encoding.encode(text)) or len(fallback.encode(text))
