import OpenAI from "openai";

export type SupportedModel = "gpt-5.4" | "gpt-5.4-pro" | "gpt-5.4-mini";

export interface AssistantConfig {
  model: SupportedModel;
  tier: "standard" | "premium";
}

export interface RateLimits {
  "gpt-5.4": number;
  "gpt-5.4-pro": number;
}

export enum ModelTier {
  Standard = "gpt-5.4",
  Fallback = "gpt-5.4",
}

export const SUPPORTED_MODELS = ["gpt-5.4", "gpt-5.4-pro", "gpt-5.4-mini"] as const;

export function isSupported(model: string): model is SupportedModel {
  return (SUPPORTED_MODELS as readonly string[]).includes(model);
}

const client = new OpenAI();

export async function run(config: AssistantConfig, input: string) {
  return client.responses.create({ model: config.model, input });
}

export async function runStandard(input: string) {
  return client.responses.create({ model: ModelTier.Standard, temperature: 0.2, input });
}
