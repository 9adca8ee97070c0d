from agents import Agent, ModelSettings, RunConfig, Runner
from openai.types.shared import Reasoning

# No model settings: the SDK picks the default effort for the agent's model.
planner_agent = Agent(
    name="PlannerAgent",
    instructions="Plan a handful of web searches for the query.",
    model="gpt-5.5",
)

writer_agent = Agent(
    name="WriterAgent",
    instructions="Write a cohesive report from the search results.",
    model="gpt-5.5",
    model_settings=ModelSettings(tool_choice="required", reasoning=Reasoning(effort="none")),
)

run_config = RunConfig(
    model="gpt-5.5",
    model_settings=ModelSettings(temperature=0.3),
    workflow_name="research",
)


async def research(query: str) -> str:
    plan = await Runner.run(planner_agent, query, run_config=run_config)
    report = await Runner.run(writer_agent, str(plan.final_output))
    return report.final_output
