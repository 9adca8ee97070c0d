import { describe, expect, it } from "vitest"

import { getModelContextWindow, isReasoningModel, providerModels } from "../models"
import { OpenAiHandler } from "../handler"

describe("model helpers", () => {
	it("recognises reasoning models", () => {
		expect(isReasoningModel("o3")).toBe(true)
		expect(isReasoningModel("gpt-4o")).toBe(false)
	})

	it("knows the context window of each model", async () => {
		expect(await getModelContextWindow("gpt-5.4")).toBe(1_050_000)
		expect(providerModels["gpt-4.1"].supportsImages).toBe(true)
	})

	it("reads the model back from the response", async () => {
		const fetchMock = mockFetch({
			response: { id: "resp_abc", model: "gpt-4o-mini", output: [] },
		})
		const handler = new OpenAiHandler({ apiModelId: "gpt-5.4", fetch: fetchMock })
		const body = await handler.send("hi")
		expect(body.model).toBe("gpt-5.4")
	})
})

describe("provider catalog", () => {
	it("lists gpt-4o with its window", () => {
		expect(providerModels["gpt-4o"]).toEqual({ id: "gpt-4o", contextWindow: 128_000 })
	})
})

createProviderTests(CometApiHandler, {
	providerName: "cometapi",
	modelConversions: {
		"gpt-5-mini": "gpt-5-mini",
		"claude-4-sonnet": "claude-sonnet-4-20250514",
	},
})
