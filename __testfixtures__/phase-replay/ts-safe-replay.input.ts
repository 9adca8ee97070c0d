import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses/responses";
import { runTool, toolDefinitions } from "./tools.js";

const client = new OpenAI();

/** Replays whole output items: phase, ids and reasoning items all survive. */
export async function agentLoop(task: string): Promise<string> {
  const input: ResponseInputItem[] = [{ role: "user", content: task }];
  for (;;) {
    const response = await client.responses.create({ model: "gpt-5.4", input, tools: toolDefinitions });
    input.push(...response.output);
    const calls = response.output.filter((item) => item.type === "function_call");
    if (calls.length === 0) return response.output_text;
    for (const call of calls) {
      input.push({ type: "function_call_output", call_id: call.call_id, output: await runTool(call.name, call.arguments) });
    }
  }
}

/** Chains on the server: the stored response keeps every item's phase. */
export async function followUp(previousResponseId: string, question: string): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4",
    previous_response_id: previousResponseId,
    input: [{ role: "user", content: question }],
  });
  return response.output_text;
}

/** Already keeps phase when it trims tool traffic from the history. */
export function visibleMessages(output: OpenAI.Responses.ResponseOutputItem[]): ResponseInputItem[] {
  return output.flatMap((item) =>
    item.type === "message" ? [{ role: "assistant" as const, content: item.content, phase: item.phase }] : [],
  );
}
