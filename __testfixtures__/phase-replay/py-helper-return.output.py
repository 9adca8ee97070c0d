"""Support macros: the model drafts a reusable reply macro from the agent's request."""
from openai import OpenAI

client = OpenAI()


def to_history_entry(item):
    return {
        "role": "assistant",
        "content": item.content,
        "phase": item.phase,
    }


def draft_macro(history: list[dict], request: str) -> list[dict]:
    history.append({"role": "user", "content": request})
    resp = client.responses.create(model="gpt-5.4", input=history)
    history.extend(to_history_entry(item) for item in resp.output if item.type == "message")
    return history


def retry_last(history: list[dict], resp) -> list[dict]:
    """Replays only the final message of a response, for the "try again" button."""
    final = next(item for item in reversed(resp.output) if item.type == "message")
    return history + [{"role": "assistant", "content": final.content, "phase": final.phase}]
