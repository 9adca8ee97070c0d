import type { ModelInfo } from "../model.js"

export type OpenAiModelId = keyof typeof openAiModels

export const openAiDefaultModelId: OpenAiModelId = "gpt-4.1"

export const openAiModels = {
	"gpt-4.1": {
		maxTokens: 32_768,
		contextWindow: 1_047_576,
		supportsImages: true,
		inputPrice: 2,
		outputPrice: 8,
	},
	"gpt-4o": {
		maxTokens: 16_384,
		contextWindow: 128_000,
		supportsImages: true,
		inputPrice: 2.5,
		outputPrice: 10,
	},
} as const satisfies Record<string, ModelInfo>
