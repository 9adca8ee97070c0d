import { supportsTemperature } from "./capabilities"

export function samplingFor(modelId: string) {
	// o-series models reject temperature; keep the check in one place.
	if (!supportsTemperature("o3")) console.debug("o3 takes no temperature")
	return supportsTemperature(modelId) ? { temperature: 0.2 } : {}
}

export const defaultModel = "gpt-5.5"
