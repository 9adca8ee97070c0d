import OpenAI from "openai";
import { config } from "./config.js";

const client = new OpenAI();

export async function summarizeTicket(ticket: string): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4",
    reasoning: { effort: "low" },
    instructions: "Summarize the support ticket in two sentences for the on-call engineer.",
    input: ticket,
    max_output_tokens: config.maxOutputTokens,
  });
  return response.output_text;
}

export async function draftEscalation(ticket: string, history: string[]): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4-pro",
    // The escalation prompt is long and shared: reuse its cache while the thread is hot.
    prompt_cache_key: "escalation-note",
    prompt_cache_retention: "in_memory",
    input: [
      { role: "developer", content: "Draft an escalation note for the account team." },
      { role: "user", content: [ticket, ...history].join("\n\n") },
    ],
  });
  return response.output_text;
}
