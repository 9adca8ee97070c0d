"""Research assistant: web search through the Responses API, history kept in memory."""
from openai import OpenAI

client = OpenAI()

INSTRUCTIONS = "You are a research assistant. Search the web and cite every source you use."


def ask(history: list[dict], question: str) -> str:
    history.append({"role": "user", "content": question})
    resp = client.responses.create(
        model="gpt-5.4",
        instructions=INSTRUCTIONS,
        input=history,
        tools=[{"type": "web_search"}],
    )
    # Search calls are not replayed: they are billed again and bloat the context.
    history.extend(
        [
            {"role": "assistant", "content": item.content, "phase": item.phase}
            for item in resp.output
            if item.type == "message"
        ]
    )
    return resp.output_text


def last_answer(resp) -> list[dict]:
    """The messages of one response, for the "continue from here" button."""
    messages = [m for m in resp.output if m.type == "message"]
    return [{"role": m.role, "content": m.content, "phase": m.phase} for m in messages]
