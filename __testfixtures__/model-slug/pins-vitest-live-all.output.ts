import { describe, expect, test } from "vitest";
import OpenAI from "openai";

const client = new OpenAI();

describe("responses against the API", () => {
  test("gpt-5.4 answers in one word", async () => {
    const response = await client.responses.create({
      model: "gpt-5.4",
      input: "Reply with the word OK.",
    });
    expect(response.output_text.trim()).toBe("OK");
  });

  test("greets back", async () => {
    const response = await client.responses.create({ model: "gpt-5.5", input: "Hi" });
    expect(response.output_text.length).toBeGreaterThan(0);
  });

  test("o3 streams its answer", async () => {
    const stream = await client.responses.create({ model: "o3", input: "Count to three.", stream: true });
    for await (const event of stream) expect(event.type).toBeTruthy();
  });
});
