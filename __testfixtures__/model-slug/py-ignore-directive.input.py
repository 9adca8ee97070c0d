from openai import OpenAI

client = OpenAI()


def reproduce_incident(transcript: str) -> str:
    # gpt55-codemod-ignore: incident 4521 must be replayed on the model that produced it
    response = client.responses.create(model="gpt-5.4", input=transcript)
    return response.output_text


def answer(question: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",  # gpt55-codemod-ignore
        input=question,
    )
    return response.output_text


def suggest(question: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        input=question,
    )
    return response.output_text
