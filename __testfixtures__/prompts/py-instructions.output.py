from datetime import date

from agents import Agent, Runner
from openai import OpenAI

client = OpenAI()
RESEARCH_MODEL = "gpt-5.5-pro"


def summarize(thread: str) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        instructions=(
            f"You are GPT-5.5, summarizing Slack threads for Acme's weekly digest. "
            f"Today is {date.today():%A %d %B}. Keep it under 120 words."
        ),
        input=thread,
    )
    return response.output_text


researcher = Agent(
    name="Researcher",
    model=RESEARCH_MODEL,
    instructions="You are GPT-5.5 Pro.\nCite every source with its URL.",
)


def route(ticket: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-5.4-mini",
        messages=[
            {"role": "developer", "content": "You are GPT-5.4 mini. Reply with one word: billing, outage or other."},
            {"role": "user", "content": ticket},
        ],
    )
    return completion.choices[0].message.content


async def research(question: str) -> str:
    result = await Runner.run(researcher, question)
    return result.final_output
