import { describe, expect, it, vi } from "vitest";
import type OpenAI from "openai";
import { summarize } from "../src/summarize";

function fakeClient(reply: string) {
  const create = vi.fn().mockResolvedValue({ output_text: reply });
  return { client: { responses: { create } } as unknown as OpenAI, create };
}

describe("summarize", () => {
  it("sends the model it is given", async () => {
    const { client, create } = fakeClient("short");
    await summarize(client, "a long text", { model: "gpt-5.4" });
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ model: "gpt-5.4" }));
  });

  it("uses gpt-4o for long inputs", async () => {
    const { client, create } = fakeClient("short");
    await summarize(client, "x".repeat(10_000), { model: "gpt-4o" });
    expect(create.mock.calls[0][0].model).toBe("gpt-4o");
  });

  it("passes a dated snapshot through", async () => {
    const { client, create } = fakeClient("short");
    await summarize(client, "text", { model: "gpt-4o-2024-08-06" });
    expect(create).toHaveBeenCalledOnce();
  });
});
