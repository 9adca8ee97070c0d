from webagent.llm import ChatAzureOpenAI


def build_llm(endpoint: str) -> ChatAzureOpenAI:
    return ChatAzureOpenAI(
        model="gpt-4o",
        azure_endpoint=endpoint,
        api_version="2025-03-01-preview",
    )
