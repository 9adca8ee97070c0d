"""One step of a computer-use loop against the Responses API, for the desktop runner."""
from openai import OpenAI

from .desktop import perform, screenshot_data_url

client = OpenAI()

CUA_MODEL = "gpt-5.5"
COMPUTER_TOOL = {"type": "computer"}


def request_options(model: str) -> dict:
    # Preview models reject requests without truncation.
    return {"truncation": "auto"} if model.startswith("computer-use-preview") else {}


def step(task: str, previous_response_id: str | None = None, call_output: dict | None = None):
    response = client.responses.create(
        model=CUA_MODEL,
        previous_response_id=previous_response_id,
        tools=[COMPUTER_TOOL],
        tool_choice={"type": "computer"},
        input=[call_output] if call_output else [{"role": "user", "content": task}],
        reasoning={"summary": "concise", "effort": "low"},
    )
    for item in response.output:
        if item.type == "computer_call":
            for action in getattr(item, "actions", None) or [item.action]:
                perform(action)
            return response, {
                "type": "computer_call_output",
                "call_id": item.call_id,
                "acknowledged_safety_checks": [check.model_dump() for check in item.pending_safety_checks],
                "output": {"type": "input_image", "image_url": screenshot_data_url()},
            }
    return response, None
