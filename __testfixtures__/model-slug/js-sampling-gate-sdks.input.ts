import { Agent } from "@openai/agents";
import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";

export const storyteller = new Agent({
  name: "Storyteller",
  instructions: "Tell a bedtime story in under 200 words.",
  model: "gpt-5.4",
  modelSettings: { temperature: 0.3 },
});

export const steadyStoryteller = new Agent({
  name: "Steady storyteller",
  instructions: "Tell a bedtime story in under 200 words.",
  model: "gpt-5.4",
  modelSettings: { temperature: 0.3, reasoning: { effort: "none" } },
});

export async function productBlurb(product: string) {
  const { text } = await generateText({
    model: openai.responses("gpt-5.4"),
    temperature: 0.6,
    providerOptions: { openai: { reasoningEffort: "none" } },
    prompt: `Two sentences selling ${product}.`,
  });
  return text;
}

export async function wildBlurb(product: string) {
  const { text } = await generateText({
    model: openai("gpt-5.4"),
    temperature: 1,
    topP: 0.95,
    prompt: `Two surprising sentences selling ${product}.`,
  });
  return text;
}
