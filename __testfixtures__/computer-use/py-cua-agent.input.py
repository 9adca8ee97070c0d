import base64
import os
from typing import Callable

import requests

from computers import Computer


def create_response(**kwargs):
    headers = {
        "Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}",
        "Content-Type": "application/json",
    }
    response = requests.post("https://api.openai.com/v1/responses", headers=headers, json=kwargs, timeout=120)
    response.raise_for_status()
    return response.json()


class Agent:
    """Drives a Computer with the computer-use model until the task is done."""

    def __init__(
        self,
        model="computer-use-preview",
        computer: Computer | None = None,
        acknowledge_safety_check: Callable[[str], bool] = lambda message: False,
    ):
        self.model = model
        self.computer = computer
        self.tools = []
        self.acknowledge_safety_check = acknowledge_safety_check

        if computer:
            width, height = computer.get_dimensions()
            self.tools.append(
                {
                    "type": "computer-preview",
                    "display_width": width,
                    "display_height": height,
                    "environment": computer.get_environment(),
                }
            )

    def dispatch(self, action):
        """Calls the Computer method named by the action: click(x, y, button), type(text), ..."""
        name = action["type"]
        args = {key: value for key, value in action.items() if key != "type"}
        getattr(self.computer, name)(**args)

    def handle_item(self, item):
        if item["type"] == "message":
            print(item["content"][0]["text"])
            return []

        if item["type"] == "computer_call":
            self.dispatch(item["action"])

            for check in item.get("pending_safety_checks", []):
                if not self.acknowledge_safety_check(check["message"]):
                    raise RuntimeError(f"Safety check declined: {check['message']}")

            screenshot = base64.b64encode(self.computer.screenshot()).decode()
            return [
                {
                    "type": "computer_call_output",
                    "call_id": item["call_id"],
                    "acknowledged_safety_checks": item.get("pending_safety_checks", []),
                    "output": {"type": "input_image", "image_url": f"data:image/png;base64,{screenshot}"},
                }
            ]
        return []

    def run(self, task: str) -> list[dict]:
        items = [{"role": "user", "content": task}]
        while True:
            response = create_response(
                model=self.model,
                input=items,
                tools=self.tools,
                truncation="auto",
            )
            items += response["output"]
            new_items = [out for item in response["output"] for out in self.handle_item(item)]
            if not new_items:
                return items
            items += new_items
