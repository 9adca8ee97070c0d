import { Agent, Runner, run, tool } from "@openai/agents";
import { z } from "zod";

const lookupOrder = tool({
  name: "lookup_order",
  description: "Fetch an order by id",
  parameters: z.object({ orderId: z.string() }),
  async execute({ orderId }) {
    return { orderId, status: "shipped" };
  },
});

export const billingAgent = new Agent({
  name: "Billing",
  instructions: "Resolve billing questions. Use lookup_order for order status.",
  model: "gpt-5.4",
  tools: [lookupOrder],
});

export const triageAgent = Agent.create({
  name: "Triage",
  instructions: "Route the customer to the right specialist.",
  model: "gpt-5.4",
  modelSettings: { reasoning: { effort: "low" }, toolChoice: "auto" },
  handoffs: [billingAgent],
});

// One runner for the whole service: every agent without its own model uses this one.
const runner = new Runner({
  model: "gpt-5.4",
  workflowName: "support",
  traceIncludeSensitiveData: false,
});

export async function handle(message: string) {
  const result = await runner.run(triageAgent, message);
  return result.finalOutput;
}

export async function quickAnswer(message: string) {
  const result = await run(billingAgent, message, { maxTurns: 3 });
  return result.finalOutput;
}
