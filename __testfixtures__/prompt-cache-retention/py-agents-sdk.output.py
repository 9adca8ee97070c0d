from agents import Agent, ModelSettings, RunConfig, Runner

# Front-line agents share one short-lived cache setting.
front_line = ModelSettings(prompt_cache_retention="24h", tool_choice="auto")

billing_agent = Agent(
    name="Billing",
    instructions="Resolve billing questions. Never promise refunds.",
    model="gpt-5.5",
    model_settings=ModelSettings(prompt_cache_retention="24h"),
)

refunds_agent = Agent(
    name="Refunds",
    instructions="Explain the refund policy.",
    model="gpt-5.5-pro",
    model_settings=front_line,
)

faq_agent = Agent(
    name="FAQ",
    instructions="Answer from the FAQ only.",
    model="gpt-5.4-nano",
    model_settings=ModelSettings(prompt_cache_retention="in_memory"),
)

# The model comes from the run config at run time.
greeter_agent = Agent(
    name="Greeter",
    instructions="Greet the customer.",
    model_settings=ModelSettings(prompt_cache_retention="in_memory"),
)


async def handle(message: str) -> str:
    result = await Runner.run(
        billing_agent,
        message,
        run_config=RunConfig(model="gpt-5.5", model_settings=ModelSettings(prompt_cache_retention="24h")),
    )
    return result.final_output
