"""Turns the agent's own computer_call items into Claude tool_use blocks."""
import re

import litellm


def is_openai_computer_model(model: str) -> bool:
    return bool(re.search(r"computer-use-preview", model, re.IGNORECASE))


def to_tool_use(items):
    blocks = []
    for item in items:
        if item.get("type") == "computer_call" and isinstance(item.get("action"), dict):
            action = item["action"]
            blocks.append({"type": "tool_use", "id": item["call_id"], "name": "computer", "input": dict(action)})
    return blocks


async def ask_claude(messages, items):
    return await litellm.acompletion(model="anthropic/claude-sonnet-4-5", messages=messages + to_tool_use(items))
