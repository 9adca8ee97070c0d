"""Résumé screening — multilingual 🌍 assistant.

Reads CVs in any language (日本語, Ελληνικά, العربية) and scores them 1–5 ✨.
"""

from openai import OpenAI

client = OpenAI()
GREETING = "¡Hola! 👋 — résumé bot"; MODEL = "gpt-5.4"


def score(cv: str) -> str:
    # Müller’s rubric: “clarity” first 🧭
    response = client.responses.create(model="gpt-5.4", instructions="Note — be brief 🙂", input=cv)
    return response.output_text


def translate(cv: str) -> str:
    return client.responses.create(instructions="Traduire en français 🇫🇷", model="gpt-5.4-pro", input=cv).output_text
