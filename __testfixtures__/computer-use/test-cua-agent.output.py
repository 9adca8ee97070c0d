from unittest.mock import MagicMock

import agent
from agent import Agent


def test_agent_sends_the_preview_tool(monkeypatch):
    sent = {}
    monkeypatch.setattr(agent, "create_response", lambda **kwargs: sent.update(kwargs) or {"output": []})
    computer = MagicMock()
    computer.get_dimensions.return_value = (1024, 768)
    computer.get_environment.return_value = "browser"

    Agent(model="computer-use-preview", computer=computer).run("open example.com")

    assert sent["tools"] == [
        {"type": "computer-preview", "display_width": 1024, "display_height": 768, "environment": "browser"}
    ]
    assert sent["truncation"] == "auto"
