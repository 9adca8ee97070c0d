import asyncio

from deskpilot import DesktopAgent, Sandbox


async def main():
    async with Sandbox(os_type="linux") as sandbox:
        agent = DesktopAgent(
            # OpenAI's computer-use model, run by the framework's OpenAI loop
            model="openai/computer-use-preview",
            tools=[sandbox],
            max_steps=20,
        )
        async for event in agent.run("Open the settings and turn on dark mode"):
            print(event)


if __name__ == "__main__":
    asyncio.run(main())
