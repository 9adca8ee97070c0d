import { describe, expect, it, vi } from "vitest";
import OpenAI from "openai";
import { summarize } from "../summarize";

vi.mock("openai");

describe("summarize", () => {
  it("sends the configured model", async () => {
    const create = vi.fn().mockResolvedValue({ output_text: "Short summary." });
    vi.mocked(OpenAI).mockImplementation(() => ({ responses: { create } }) as unknown as OpenAI);

    await summarize("A long ticket body");

    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ model: "gpt-5.4", input: "A long ticket body" }),
    );
  });
});
