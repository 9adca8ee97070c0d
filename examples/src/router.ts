// Picks a model per request. The comparison below is routing logic, not a model choice.
export type SupportedModel = "gpt-5.4" | "gpt-5.4-mini";

export function maxTokensFor(model: string): number {
  if (model === "gpt-5.4") return 4000;
  return 1500;
}

export const MODEL_CHOICES = ["gpt-5.4", "gpt-5.4-mini", "gpt-4.1"];
