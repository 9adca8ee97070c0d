import os

from openai import AzureOpenAI

# On Azure, `model` is the deployment name the team chose in the portal.
client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2025-04-01-preview",
)


def answer(question: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        input=question,
    )
    return response.output_text
