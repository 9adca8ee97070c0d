from agents import Agent, ModelSettings, RunConfig, Runner, function_tool
from openai.types.shared import Reasoning


@function_tool
def lookup_order(order_id: str) -> str:
    """Return the shipping status for an order."""
    return f"Order {order_id} shipped yesterday."


support_agent = Agent(
    name="Support",
    instructions="Answer customer questions about their orders.",
    model="gpt-5.4",
    tools=[lookup_order],
)

writer_agent = Agent(
    name="Writer",
    instructions="Rewrite the answer in a warm, brief tone.",
    model="gpt-5.4",
    model_settings=ModelSettings(temperature=0.7),
)

planner_agent = Agent(
    name="Planner",
    instructions="Break the customer's request into numbered steps.",
    model="gpt-5.4",
    model_settings=ModelSettings(reasoning=Reasoning(effort="low")),
)

tone_agent = Agent(
    name="Tone checker",
    instructions="Flag replies that sound rude or dismissive.",
    model="gpt-5.4",
    model_settings=ModelSettings(temperature=0.2, reasoning=Reasoning(effort="none")),
)

triage_agent = Agent(
    name="Triage",
    instructions="Hand the conversation to the right specialist.",
    handoffs=[support_agent, writer_agent, planner_agent],
    model="gpt-5.4-mini",
)


async def answer(question: str) -> str:
    result = await Runner.run(
        triage_agent,
        question,
        run_config=RunConfig(model="gpt-5.4", model_settings=ModelSettings(top_p=0.9)),
    )
    return result.final_output
