"""Multi-vendor completion through LiteLLM; only the OpenAI fine-tune is ours."""

import litellm
from anthropic import Anthropic

anthropic = Anthropic()

VENDOR_MODELS = {
    "anthropic": "claude-sonnet-4-5",
    "google": "gemini-2.5-pro",
    "meta": "meta-llama/Llama-3.3-70B-Instruct",
}
SUPPORT_FINE_TUNE = "ft:gpt-4o-mini-2024-07-18:acme:support:9xQ2pLm1"


def complete(vendor: str, prompt: str) -> str:
    response = litellm.completion(
        model=VENDOR_MODELS[vendor],
        messages=[{"role": "user", "content": prompt}],
        temperature=0.2,
    )
    return response.choices[0].message.content


def critique(text: str) -> str:
    message = anthropic.messages.create(
        model="claude-opus-4-1",
        max_tokens=1024,
        messages=[{"role": "user", "content": f"Critique this draft:\n{text}"}],
    )
    return message.content[0].text


def support_reply(ticket: str) -> str:
    response = litellm.completion(model=SUPPORT_FINE_TUNE, messages=[{"role": "user", "content": ticket}])
    return response.choices[0].message.content
