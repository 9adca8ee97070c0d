"""Support summaries: the small models keep a short-lived cache; GPT-5.5 paths already use 24h."""
from agents import Agent, ModelSettings
from openai import OpenAI

client = OpenAI()

CHEAP_MODEL = "gpt-5.4-mini"

# The fallback route stays on GPT-5.4 until its owner signs off; in_memory is valid there.
FALLBACK_MODEL = "gpt-5.4"


def tag_ticket(ticket: str) -> str:
    response = client.responses.create(
        model=CHEAP_MODEL,
        prompt_cache_key="ticket-tags",
        prompt_cache_retention="in_memory",
        input=f"Tag this ticket:\n{ticket}",
    )
    return response.output_text


def answer_with_fallback(question: str) -> str:
    response = client.responses.create(
        model=FALLBACK_MODEL,
        prompt_cache_retention="in_memory",
        input=question,
    )
    return response.output_text


def summarize_thread(thread: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.5",
        prompt_cache_retention="24h",
        messages=[{"role": "user", "content": f"Summarize this thread:\n{thread}"}],
    )
    return completion.choices[0].message.content


classifier = Agent(
    name="Classifier",
    instructions="Label the message as billing, bug or other.",
    model="gpt-5.4-nano",
    model_settings=ModelSettings(prompt_cache_retention="in_memory"),
)
