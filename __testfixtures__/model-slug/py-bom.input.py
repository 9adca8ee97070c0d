# -*- coding: utf-8 -*-
import os

from openai import OpenAI

MODEL = os.getenv("OPENAI_MODEL", "gpt-5.4")
client = OpenAI()


def ask(question: str) -> str:
    return client.responses.create(model=MODEL, input=question).output_text
