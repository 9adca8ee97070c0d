import { Agent, Runner, run } from "@openai/agents";

// Short-lived cache for the chatty front-line agents.
const cacheSettings = { promptCacheRetention: "24h" as const, toolChoice: "auto" as const };

export const billingAgent = new Agent({
  name: "Billing",
  instructions: "Resolve billing questions. Never promise refunds.",
  model: "gpt-5.5",
  modelSettings: { promptCacheRetention: "24h", reasoning: { effort: "low" } },
});

export const refundsAgent = new Agent({
  name: "Refunds",
  instructions: "Explain the refund policy and open a ticket when asked.",
  model: "gpt-5.5-pro",
  modelSettings: cacheSettings,
});

export const faqAgent = Agent.create({
  name: "FAQ",
  instructions: "Answer from the FAQ only.",
  model: "gpt-5.4-mini",
  modelSettings: { promptCacheRetention: "in-memory" },
});

// No model here: the agent runs on the runner's or the SDK's default model.
export const greeterAgent = new Agent({
  name: "Greeter",
  instructions: "Greet the customer and ask how to help.",
  modelSettings: { promptCacheRetention: "in-memory" },
});

const runner = new Runner({
  model: "gpt-5.5",
  modelSettings: { promptCacheRetention: "24h" },
  workflowName: "support",
});

export async function handle(message: string) {
  const result = await runner.run(billingAgent, message);
  return result.finalOutput ?? (await run(greeterAgent, message)).finalOutput;
}
