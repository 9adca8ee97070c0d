"""Planner agent: whole output items go back into the input, so nothing is lost."""
from openai import OpenAI

from .tools import TOOLS, call_tool

client = OpenAI()


def plan(goal: str) -> str:
    items: list = [{"role": "user", "content": goal}]
    while True:
        response = client.responses.create(model="gpt-5.4", input=items, tools=TOOLS)
        items += response.output
        calls = [item for item in response.output if item.type == "function_call"]
        if not calls:
            return response.output_text
        for call in calls:
            items.append({"type": "function_call_output", "call_id": call.call_id, "output": call_tool(call)})


def refine(previous_response_id: str, feedback: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        previous_response_id=previous_response_id,
        input=[{"role": "user", "content": feedback}],
    )
    return response.output_text


def replayable(response) -> list[dict]:
    return [
        {"role": "assistant", "content": item.content, "phase": item.phase}
        for item in response.output
        if item.type == "message"
    ]
