export function isReasoningModel(model?: string) {
  if (!model) return false;
  if (/^o\d/.test(model ?? "")) return true;
  if (model.startsWith("gpt-5") && !model.startsWith("gpt-5-chat")) return true;
  return false;
}

export function isDefaultGpt5(modelName: string): boolean {
  return modelName.startsWith('gpt-5');
}

export function supportsStreaming(options: { model: string }) {
  const isGpt5Model = options.model.toLowerCase().includes("gpt-5");
  if (options.model === "o1") return false;
  return isGpt5Model || options.model.startsWith("o3");
}

const SANDBOX_CONTEXT_WINDOWS_1M = new Set(['gpt-5.6', 'gpt-5.4', 'gpt-5.4-pro', 'gpt-4.1']);
const SANDBOX_CONTEXT_WINDOWS_400K = new Set(['gpt-5', 'gpt-5.1', 'gpt-5.2', 'gpt-5-mini']);

export function contextWindowFor(model: string): number {
  if (SANDBOX_CONTEXT_WINDOWS_1M.has(model)) return 1_000_000;
  if (SANDBOX_CONTEXT_WINDOWS_400K.has(model)) return 400_000;
  return 128_000;
}

export const client = { model: "gpt-5.5" };

// Pricing tiers key off the flagship family, which GPT-5.5 leaves.
export const isFlagship = (model: string) => model.startsWith("gpt-5.4");
