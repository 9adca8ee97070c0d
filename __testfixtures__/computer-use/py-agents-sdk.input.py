import asyncio

from agents import Agent, ComputerTool, ModelSettings, Runner, trace

from .computers import LocalPlaywrightComputer


async def main():
    async with LocalPlaywrightComputer() as computer:
        with trace("Computer use example"):
            agent = Agent(
                name="Browser user",
                instructions="You are a helpful agent.",
                tools=[ComputerTool(computer)],
                # Use the computer using model, and set truncation to auto because it's required
                model="computer-use-preview-2025-03-11",
                model_settings=ModelSettings(truncation="auto"),
            )
            result = await Runner.run(agent, "Search for SF sports news and summarize.")
            print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
