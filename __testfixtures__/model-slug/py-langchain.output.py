"""Docs question answering with LangChain."""

from langchain.chat_models import init_chat_model
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "Answer only from the product documentation below.\n\n{context}"),
        ("human", "{question}"),
    ]
)

llm = ChatOpenAI(model="gpt-5.5", max_retries=2)
chain = prompt | llm | StrOutputParser()

# Marketing copy wants variety; support answers want the same words every time.
creative_llm = ChatOpenAI(model="gpt-5.4", temperature=0.9)
precise_llm = ChatOpenAI(model="gpt-5.5", temperature=0, reasoning_effort="none")

# Used when the primary deployment is rate limited.
fallback_llm = ChatOpenAI(model="gpt-5.4", timeout=30)
resilient_chain = prompt | llm.with_fallbacks([fallback_llm]) | StrOutputParser()

router = init_chat_model("openai:gpt-5.4", temperature=0)


class Citation(BaseModel):
    title: str
    url: str


citer = init_chat_model("gpt-5.5", model_provider="openai").with_structured_output(Citation)
