"""Nightly quality sweep: the same prompts across the models we are allowed to use."""

from openai import OpenAI

client = OpenAI()

CANDIDATE_MODELS = ["gpt-5.4", "gpt-5.4-pro", "gpt-4.1"]
CROSS_VENDOR = ("gpt-5.4", "claude-sonnet-4-5")
REASONING_MODELS = {"gpt-5.4", "o3"}
ROUTES = {
    "chat": ["gpt-5.4"],
}


def sweep(prompts: list[str]) -> dict[str, list[str]]:
    results: dict[str, list[str]] = {}
    for model in CANDIDATE_MODELS:
        results[model] = [client.responses.create(model=model, input=p).output_text for p in prompts]
    return results


def summarize_results(results: dict[str, list[str]]) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        input=f"Summarize how these models differ:\n{results}",
    )
    return response.output_text
