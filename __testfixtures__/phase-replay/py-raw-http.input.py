"""Batch interview runner: raw HTTPS calls to /v1/responses, no SDK on the worker image."""
import os

import httpx

API_URL = "https://api.openai.com/v1/responses"
HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}


def interview(questions: list[str]) -> list[dict]:
    conversation: list[dict] = [
        {"role": "developer", "content": "Interview the candidate about their last project."},
    ]
    with httpx.Client(timeout=120) as http:
        for question in questions:
            conversation.append({"role": "user", "content": question})
            r = http.post(
                API_URL,
                headers=HEADERS,
                json={"model": "gpt-5.4", "input": conversation, "store": False},
            )
            r.raise_for_status()
            data = r.json()
            for item in data["output"]:
                if item["type"] != "message":
                    continue
                conversation.append(
                    {
                        "role": "assistant",
                        "content": item["content"],  # output_text parts, replayed as they came
                    }
                )
    return conversation
