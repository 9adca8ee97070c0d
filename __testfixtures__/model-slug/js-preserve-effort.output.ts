import { Agent } from "@openai/agents";
import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
import OpenAI from "openai";

const client = new OpenAI();

export async function summarize(ticket: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    instructions: "Summarize the support ticket in two sentences.",
    input: ticket,
    reasoning: { effort: "none" },
  });
  return response.output_text;
}

// Slogans want variety: sampled with temperature.
export async function slogan(product: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    temperature: 0.9,
    reasoning: { summary: "auto", effort: "none" },
    input: `A slogan for ${product}.`,
  });
  return response.output_text;
}

export async function reply(text: string) {
  const completion = await client.chat.completions.create({ model: "gpt-5.5", top_p: 0.8, messages: [{ role: "user", content: text }], reasoning_effort: "none" });
  return completion.choices[0]?.message.content ?? "";
}

export async function rank(items: string[]) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.5",
    reasoning_effort: "low",
    messages: [{ role: "user", content: `Rank these:\n${items.join("\n")}` }],
  });
  return completion.choices[0]?.message.content ?? "";
}

export const storyteller = new Agent({
  name: "Storyteller",
  instructions: "Tell a bedtime story in under 200 words.",
  model: "gpt-5.5",
  modelSettings: { temperature: 0.3, reasoning: { effort: "none" } },
});

export const helper = new Agent({
  name: "Helper",
  instructions: "Answer briefly.",
  model: "gpt-5.5",
  modelSettings: { reasoning: { effort: "none" } },
});

// No known effort spelling for the AI SDK call here: it stays blocked.
export async function blurb(product: string) {
  const { text } = await generateText({
    model: openai("gpt-5.4"),
    temperature: 1,
    prompt: `Two sentences selling ${product}.`,
  });
  return text;
}
