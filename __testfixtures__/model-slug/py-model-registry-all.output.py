from llm import hookimpl

from .openai_models import AsyncChat, Chat


@hookimpl
def register_models(register):
    register(
        Chat("gpt-4o", vision=True, supports_schema=True, supports_tools=True),
        AsyncChat("gpt-4o", vision=True, supports_schema=True, supports_tools=True),
        aliases=("4o",),
    )
    register(Chat("gpt-4.1", vision=True, supports_schema=True), aliases=("4.1",))


MODEL_INFO = {"id": "gpt-5.4", "context_window": 1_050_000, "input_price": 2.5}


def ask(client, prompt):
    return client.responses.create(model="gpt-5.5", input=prompt)
