import OpenAI from "openai";

const client = new OpenAI();

// Nightly comparison across the models we have contracts for.
const CANDIDATES = ["gpt-5.4", "gpt-5.4-pro", "claude-sonnet-4-5"];

const ALLOWED_MODELS = new Set(["gpt-5.4", "gpt-5.4-mini", "o4-mini"]);

export function assertAllowed(model: string) {
  if (!ALLOWED_MODELS.has(model)) throw new Error(`model ${model} is not allowed`);
}

export async function compareAll(prompt: string) {
  return Promise.all(
    CANDIDATES.map((model) => client.responses.create({ model, input: prompt })),
  );
}

export const routes = {
  chat: { models: ["gpt-5.5"], timeoutMs: 30_000 },
  batch: { models: ["gpt-5.4", "gpt-4.1"], timeoutMs: 600_000 },
};
