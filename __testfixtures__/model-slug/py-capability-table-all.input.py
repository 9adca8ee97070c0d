from dataclasses import dataclass, field

import gradio as gr


@dataclass
class ChatOpenAI:
    model: str = "gpt-4.1"
    reasoning_models: list[str] = field(
        default_factory=lambda: ["o4-mini", "o3", "o3-mini", "o1", "o1-pro", "o3-pro", "gpt-5", "gpt-5-mini"]
    )

    def is_reasoning(self) -> bool:
        return any(m in self.model for m in self.reasoning_models)


def pick(model_name: str) -> str:
    if "gpt-4.1" in model_name:
        return "diff"
    elif "o3" in model_name or "claude" in model_name:
        return "whole"
    return "udiff"


model_dropdown = gr.Dropdown(choices=["gpt-4.1-mini", "gpt-5", "o3", "gpt-5-mini"], value="gpt-4.1-mini")
