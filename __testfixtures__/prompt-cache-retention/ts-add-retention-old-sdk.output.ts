import { Agent } from "@openai/agents";
import OpenAI from "openai";

const client = new OpenAI();

export const supportAgent = new Agent({
  name: "Support",
  instructions: "Answer customer questions about their orders.",
  model: "gpt-5.5",
});

export async function answer(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    input: question,
  });
  return response.output_text;
}

// Requests in memory-only caching: this one is fixed whatever the SDK version.
export async function followUp(question: string, previousResponseId: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    previous_response_id: previousResponseId,
    prompt_cache_retention: "24h",
    input: question,
  });
  return response.output_text;
}
