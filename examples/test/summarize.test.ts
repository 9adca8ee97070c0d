import { describe, expect, it, vi } from "vitest";

const create = vi.fn().mockResolvedValue({ output_text: "Customer cannot log in. Password reset fails." });
vi.mock("openai", () => ({ default: vi.fn(() => ({ responses: { create } })) }));

describe("summarizeTicket", () => {
  it("asks the configured model for a two-sentence summary", async () => {
    const { summarizeTicket } = await import("../src/summarize.js");
    await summarizeTicket("I cannot log in");
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ model: "gpt-5.4" }));
  });
});
