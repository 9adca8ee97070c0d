from agents import Agent, ModelSettings, Runner

# Reasoning is not imported here, so --preserve-effort has no spelling to write in these agents.
writer_agent = Agent(
    name="Writer",
    instructions="Rewrite the answer in a warm, brief tone.",
    model="gpt-5.4",
    model_settings=ModelSettings(temperature=0.7),
)

support_agent = Agent(
    name="Support",
    instructions="Answer questions about orders.",
    model="gpt-5.4",
)


async def answer(question: str) -> str:
    result = await Runner.run(support_agent, question)
    return result.final_output
