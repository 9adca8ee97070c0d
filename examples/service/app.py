"""Support-bot HTTP service: triage and answer tickets with the OpenAI Responses API."""

import os

from fastapi import FastAPI
from openai import OpenAI
from pydantic import BaseModel

app = FastAPI()
client = OpenAI()

DEFAULT_MODEL = os.getenv("SUPPORT_MODEL", "gpt-5.4")
# Cost control: classification runs on the cheap route.
CHEAP_MODEL = "gpt-5.4-mini"


class Ticket(BaseModel):
    subject: str
    body: str


@app.post("/answer")
def answer(ticket: Ticket) -> dict:
    response = client.responses.create(
        model=DEFAULT_MODEL,
        reasoning={"effort": "medium"},
        instructions="Answer the customer's question using the knowledge base excerpts.",
        input=f"{ticket.subject}\n\n{ticket.body}",
    )
    return {"answer": response.output_text}


@app.post("/brainstorm")
def brainstorm(ticket: Ticket) -> dict:
    completion = client.chat.completions.create(
        model="gpt-5.4",
        temperature=0.9,
        messages=[
            {"role": "system", "content": "Suggest three creative ways to make the customer happy."},
            {"role": "user", "content": ticket.body},
        ],
    )
    return {"ideas": completion.choices[0].message.content}


def route(model: str) -> str:
    if model == "gpt-5.4-pro":
        return "slow-queue"
    return "default-queue"
