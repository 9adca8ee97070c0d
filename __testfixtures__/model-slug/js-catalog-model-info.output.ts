import type { ModelInfo } from "../model";

export const defaultModelId = "gpt-4o";

export const languageModels = {
  "gpt-4o-mini": {
    contextWindow: 128_000,
    supportsImages: true,
    inputPrice: 0.15,
    outputPrice: 0.6,
    family: "gpt-4o-mini",
    name: "GPT-4o mini",
  },
  "gpt-4o": {
    contextWindow: 128_000,
    supportsImages: true,
    inputPrice: 2.5,
    outputPrice: 10,
    family: "gpt-4o",
    name: "GPT-4o",
  },
} satisfies Record<string, ModelInfo>;

export const pickerEntries = [
  { title: "GPT-4.1", params: { model: "gpt-4.1", contextLength: 1_047_576 } },
  { title: "OpenAI o3", params: { model: "o3", contextLength: 200_000 } },
  { title: "GPT-5.4", params: { model: "gpt-5.4", contextLength: 1_050_000 } },
];
