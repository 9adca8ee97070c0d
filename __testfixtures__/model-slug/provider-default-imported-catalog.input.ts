export * from "./anthropic.js"
export * from "./openai.js"

import { anthropicDefaultModelId } from "./anthropic.js"
import { mistralDefaultModelId } from "./mistral.js"
import type { OpenAiModelId } from "./openai.js"

type ProviderName = "anthropic" | "mistral" | "openai" | "openai-compatible"

/** The model id a provider starts with while its model list is still loading. */
export function defaultModelIdFor(provider: ProviderName): string {
	switch (provider) {
		case "anthropic":
			return anthropicDefaultModelId
		case "mistral":
			return mistralDefaultModelId
		case "openai":
			return "gpt-4o" // the native provider's usual pick
		default:
			return ""
	}
}

// The model the settings page shows for a new OpenAI profile.
export const newProfileModelId: OpenAiModelId = "gpt-4.1"
