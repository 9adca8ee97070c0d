import OpenAI from "openai";
import { lookupOrder } from "./orders.js";

const client = new OpenAI();

const tools = [
  {
    type: "function" as const,
    name: "lookup_order",
    description: "Look up an order by its id.",
    parameters: {
      type: "object",
      properties: { orderId: { type: "string" } },
      required: ["orderId"],
      additionalProperties: false,
    },
    strict: true,
  },
];

/** One customer turn: keeps calling tools until the model answers without one. */
export async function runTurn(history: any[], question: string): Promise<string> {
  history.push({ role: "user", content: question });

  for (let step = 0; step < 8; step++) {
    const response = await client.responses.create({
      model: "gpt-5.4",
      instructions: "You are the order desk. Use the tools; never guess an order status.",
      input: history,
      tools,
    });

    let calledTool = false;
    for (const item of response.output) {
      if (item.type === "message") {
        history.push({
          role: "assistant",
          content: item.content,
        });
      } else if (item.type === "function_call") {
        calledTool = true;
        history.push(item);
        const order = await lookupOrder(JSON.parse(item.arguments).orderId);
        history.push({ type: "function_call_output", call_id: item.call_id, output: JSON.stringify(order) });
      }
    }
    if (!calledTool) return response.output_text;
  }
  throw new Error("the order desk did not finish in 8 steps");
}
