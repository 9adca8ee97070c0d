"""Report jobs: each keeps its cached prompt prefix only while the batch runs."""
from openai import OpenAI

client = OpenAI()


def weekly_report(rows: str) -> str:
    # Stays on GPT-5.4 until the report prompts are re-tuned; in_memory is valid there.
    response = client.responses.create(
        model="gpt-5.4",
        prompt_cache_key="weekly-report",
        prompt_cache_retention="in_memory",
        input=f"Summarize these rows:\n{rows}",
    )
    return response.output_text


def incident_digest(events: str) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        prompt_cache_key="incident-digest",
        prompt_cache_retention="in_memory",
        input=f"Write the incident digest:\n{events}",
    )
    return response.output_text


def check_dashboard(task: str):
    return client.responses.create(
        model="computer-use-preview",
        tools=[{"type": "computer_use_preview", "display_width": 1280, "display_height": 800, "environment": "browser"}],
        prompt_cache_retention="in_memory",
        input=task,
        truncation="auto",
    )
