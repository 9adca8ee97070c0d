import type { ModelInfo } from "../model.js";

export type NativeModelId = keyof typeof nativeModels;

export const nativeDefaultModelId: NativeModelId = "gpt-5.4";

export const nativeModels = {
  "gpt-5.4": { maxTokens: 128000, contextWindow: 1050000, supportsImages: true },
  "gpt-5.4-mini": { maxTokens: 128000, contextWindow: 400000, supportsImages: true },
} as const satisfies Record<string, ModelInfo>;

export const codexDefaultModelId: keyof typeof codexModels = "gpt-5.4";

export const codexModels = {
  "gpt-5.4": { maxTokens: 128000, contextWindow: 1050000 },
  "gpt-5.5": { maxTokens: 128000, contextWindow: 1050000 },
} as const satisfies Record<string, ModelInfo>;
