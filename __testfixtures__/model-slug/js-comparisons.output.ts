import OpenAI from "openai";

type Pricing = { input: number; output: number };

const PRICING: Record<string, Pricing> = {
  "gpt-5.4": { input: 2.5, output: 15 },
  "gpt-5.4-mini": { input: 0.75, output: 4.5 },
};

const CONTEXT_WINDOW = new Map<string, number>([
  ["gpt-5.4", 1_050_000],
  ["gpt-5.4-mini", 400_000],
]);

export function maxInputTokens(model: string) {
  return CONTEXT_WINDOW.get(model) ?? CONTEXT_WINDOW.get("gpt-5.4")!;
}

export function costOf(model: string, inputTokens: number, outputTokens: number) {
  const price = PRICING[model] ?? PRICING["gpt-5.4"];
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}

export function supportsPro(model: string) {
  return model === "gpt-5.4" || model.startsWith("gpt-5.4-pro");
}

export function isLegacyRoute(model: string) {
  return model !== 'gpt-5.4';
}

export function contextWindow(model: string): number {
  switch (model) {
    case "gpt-5.4":
    case "gpt-5.4-pro":
      return 1_050_000;
    default:
      return 400_000;
  }
}

export function hasPricing(model: string) {
  return "gpt-5.4" in PRICING && Object.keys(PRICING).includes(model);
}

export function mentionsModel(log: string) {
  return log.includes("gpt-5.4");
}

const client = new OpenAI();

export async function answer(model: string, input: string) {
  const effective = model || "gpt-5.5";
  return client.responses.create({ model: effective, input });
}
