/**
 * Ticket agent with a hand-written tool loop. Every step replays the conversation so far;
 * assistant messages are rebuilt as plain text (reasoning items are not replayed, to keep
 * the requests small), tool calls and their results are replayed as they came.
 */
import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses/responses";

const client = new OpenAI();

const tools = [
  {
    type: "function" as const,
    name: "search_kb",
    description: "Full-text search over the support knowledge base. Returns the five best articles.",
    parameters: {
      type: "object",
      properties: { query: { type: "string" } },
      required: ["query"],
      additionalProperties: false,
    },
    strict: true,
  },
];

async function searchKb(query: string): Promise<string> {
  const res = await fetch(`https://kb.internal.example/api/search?limit=5&q=${encodeURIComponent(query)}`);
  if (!res.ok) return JSON.stringify({ error: `search failed: ${res.status}` });
  return JSON.stringify(await res.json());
}

export async function resolveTicket(history: ResponseInputItem[], ticket: string): Promise<string> {
  history.push({ role: "user", content: ticket });

  for (let step = 0; step < 6; step++) {
    const response = await client.responses.create({
      model: "gpt-5.4",
      reasoning: { effort: "low" },
      instructions: "Resolve the ticket from the knowledge base. Search before answering; cite article titles.",
      input: history,
      tools,
    });

    const calls = [];
    for (const item of response.output) {
      if (item.type === "message") {
        history.push({
          role: "assistant",
          content: item.content.map((part) => (part.type === "output_text" ? part.text : "")).join(""),
        });
      } else if (item.type === "function_call") {
        history.push(item);
        calls.push(item);
      }
    }
    if (calls.length === 0) return response.output_text;

    for (const call of calls) {
      const { query } = JSON.parse(call.arguments) as { query: string };
      history.push({ type: "function_call_output", call_id: call.call_id, output: await searchKb(query) });
    }
  }
  throw new Error("the ticket agent gave up after 6 steps");
}
