"""Follow-up mails: the conversation with the model is kept in Redis between customer replies."""
import json

import redis
from openai import OpenAI

client = OpenAI()
store = redis.Redis.from_url("redis://localhost:6379/2")


def load_thread(ticket_id: str) -> list[dict]:
    raw = store.get(f"followup:{ticket_id}")
    return json.loads(raw) if raw else []


def draft_followup(ticket_id: str, customer_reply: str) -> str:
    thread = load_thread(ticket_id)
    thread.append({"role": "user", "content": customer_reply})
    resp = client.responses.create(
        model="gpt-5.4",
        instructions="Draft the next follow-up mail to the customer. Keep it under 120 words.",
        input=thread,
    )
    thread.append({"role": "assistant", "content": resp.output_text})
    store.set(f"followup:{ticket_id}", json.dumps(thread))
    return resp.output_text
