"""Per-model request options and pricing."""

from __future__ import annotations

PRICE_PER_MILLION_INPUT = {
    "gpt-5.4": 2.50,
    "gpt-5.4-pro": 30.00,
    "gpt-5.4-mini": 0.75,
}


def supports_sampling(model: str, effort: str | None) -> bool:
    if model == "gpt-5.4" and effort == "none":
        return True
    return model != "gpt-5.4-pro" and not model.startswith("o")


def request_options(model: str) -> dict[str, object]:
    if model in ("gpt-5.4", "gpt-5.4-pro"):
        return {"reasoning": {"summary": "auto"}}
    if model not in ["gpt-5.4"]:
        return {}
    return {"text": {"verbosity": "low"}}


def tier(model: str) -> str:
    if model.startswith("gpt-5.4"):
        return "current"
    match model:
        case "gpt-4o" | "gpt-4.1":
            return "previous"
        case "o3":
            return "reasoning"
        case _:
            return "unknown"


def input_cost(model: str, tokens: int) -> float:
    if model.endswith("-pro"):
        return tokens * PRICE_PER_MILLION_INPUT["gpt-5.4-pro"] / 1_000_000
    return tokens * PRICE_PER_MILLION_INPUT[model] / 1_000_000
