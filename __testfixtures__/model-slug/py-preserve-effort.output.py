"""Requests carried over from GPT-5.4, where effort none was the default."""

import requests
from agents import Agent, ModelSettings
from langchain_openai import ChatOpenAI
from openai import OpenAI
from openai.types.shared import Reasoning

client = OpenAI()


def slogan(product: str) -> str:
    response = client.responses.create(
        model="gpt-5.5",
        temperature=0.9,
        input=f"A slogan for {product}.",
        reasoning={"effort": "none"},
    )
    return response.output_text


def confidence(question: str) -> float:
    completion = client.chat.completions.create(model="gpt-5.5", logprobs=True, messages=[{"role": "user", "content": question}], reasoning_effort="none")
    return completion.choices[0].logprobs.content[0].logprob


writer_agent = Agent(
    name="Writer",
    instructions="Rewrite the answer in a warm, brief tone.",
    model="gpt-5.5",
    model_settings=ModelSettings(temperature=0.7, reasoning=Reasoning(effort="none")),
)

planner_agent = Agent(
    name="Planner",
    instructions="Break the request into numbered steps.",
    model="gpt-5.5",
    model_settings=ModelSettings(reasoning=Reasoning(summary="auto", effort="none")),
)


def raw_reply(text: str, api_key: str) -> str:
    reply = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {api_key}"},
        json={
            "model": "gpt-5.5",
            "top_p": 0.9,
            "messages": [{"role": "user", "content": text}],
            "reasoning_effort": "none",
        },
        timeout=30,
    )
    return reply.json()["choices"][0]["message"]["content"]


# LangChain's spelling is not one the tool writes: this stays blocked.
llm = ChatOpenAI(model="gpt-5.4", temperature=0.2)
