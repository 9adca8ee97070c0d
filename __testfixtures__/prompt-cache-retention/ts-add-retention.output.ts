import { Agent } from "@openai/agents";
import OpenAI from "openai";

const client = new OpenAI();

export const supportAgent = new Agent({
  name: "Support",
  instructions: "Answer customer questions about their orders.",
  model: "gpt-5.5",
  modelSettings: { promptCacheRetention: "24h" },
});

export const plannerAgent = new Agent({
  name: "Planner",
  instructions: "Break the request into numbered steps.",
  model: "gpt-5.5",
  modelSettings: { reasoning: { effort: "low" }, promptCacheRetention: "24h" },
});

export async function answer(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    input: question,
    prompt_cache_retention: "24h",
  });
  return response.output_text;
}

export async function summarize(text: string) {
  const completion = await client.chat.completions.create({ model: "gpt-5.5", messages: [{ role: "user", content: text }], prompt_cache_retention: "24h" });
  return completion.choices[0]?.message.content ?? "";
}

export async function cached(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    prompt_cache_retention: "24h",
    input: question,
  });
  return response.output_text;
}

export async function tag(text: string) {
  const response = await client.responses.create({ model: "gpt-5.4-mini", input: text });
  return response.output_text;
}

export async function rawAnswer(question: string) {
  const reply = await fetch("https://api.openai.com/v1/responses", {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      model: "gpt-5.5",
      input: question,
      prompt_cache_retention: "24h"
    }),
  });
  return (await reply.json()).output_text;
}
