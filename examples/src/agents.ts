import { Agent, run } from "@openai/agents";
import { config } from "./config.js";

const billingAgent = new Agent({
  name: "Billing",
  instructions: "Answer billing questions. Never promise refunds.",
  model: "gpt-5.4",
});

const triageAgent = new Agent({
  name: "Triage",
  instructions: "Route the customer to the right specialist.",
  model: config.fallbackModel,
  handoffs: [billingAgent],
});

export async function answer(question: string) {
  const result = await run(triageAgent, question);
  return result.finalOutput;
}
