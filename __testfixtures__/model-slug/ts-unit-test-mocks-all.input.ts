import { describe, expect, it, vi } from "vitest";
import { AIMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "../chat_models/index.js";

const recorded = new AIMessage({
  content: "Hi there",
  response_metadata: { model_name: "gpt-4o", finish_reason: "stop" },
});

describe("ChatOpenAI request body", () => {
  it("sends the configured model", async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ id: "resp_1", object: "response", model: "gpt-5.4", output: [] }))
    );
    const model = new ChatOpenAI({ model: "gpt-5.4", configuration: { fetch: fetchMock } });
    await model.invoke("hello");
    const body = JSON.parse(fetchMock.mock.calls[0][1].body);
    expect(body.model).toBe("gpt-5.4");
    expect(recorded.response_metadata.model_name).toEqual("gpt-4o");
  });
});
