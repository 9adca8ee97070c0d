import base64

import requests


def send(**payload):
    reply = requests.post("https://api.openai.com/v1/responses", json=payload, timeout=60)
    reply.raise_for_status()
    return reply.json()


class Operator:
    def __init__(self, desktop, model="computer-use-preview", verbose=False):
        self.desktop = desktop
        self.model = model
        self.verbose = verbose
        width, height = desktop.size()
        self.tools = [
            {
                "type": "computer-preview",
                "display_width": width,
                "display_height": height,
                "environment": "linux",
            }
        ]

    def on_item(self, item):
        if item["type"] == "computer_call":
            action = item["action"]
            kind = action["type"]
            params = {k: v for k, v in action.items() if k != "type"}
            if self.verbose:
                print(f"{kind}({params})")

            # run it on the desktop
            getattr(self.desktop, kind)(**params)

            image = base64.b64encode(self.desktop.capture()).decode()
            checks = item.get("pending_safety_checks", [])
            return [
                {
                    "type": "computer_call_output",
                    "call_id": item["call_id"],
                    "acknowledged_safety_checks": checks,
                    "output": {"type": "input_image", "image_url": f"data:image/png;base64,{image}"},
                }
            ]
        return []

    def step(self, history):
        response = send(model=self.model, input=history, tools=self.tools, truncation="auto")
        return [out for item in response["output"] for out in self.on_item(item)]
