import { describe, expect, test, vi } from "vitest";
import { ChatOpenAI } from "../index.js";

test("file search returns citations", async () => {
  const llm = new ChatOpenAI({ model: "gpt-5.5" });
  const response = await llm.invoke("What does the handbook say about leave?");
  expect(response.content).toBeDefined();
});

test("withStructuredOutput with o1", async () => {
  const model = new ChatOpenAI({ model: "o1" });
  expect(await model.invoke("2 + 2")).toBeDefined();
});

describe("gpt-5", () => {
  test("works with verbosity", async () => {
    const model = new ChatOpenAI({ model: "gpt-5", verbosity: "low" });
    expect(await model.invoke("Tell me a story")).toBeDefined();
  });
});

test("surfaces the API error for a model below the tool-search threshold", async () => {
  const model = new ChatOpenAI({ model: "gpt-4o" });
  await expect(model.invoke("find the order tool")).rejects.toThrow();
});

test("redacts emails before the request leaves", async () => {
  const fetchMock = vi.fn(async () => new Response("{}"));
  const model = new ChatOpenAI({
    model: "gpt-4o",
    temperature: 0,
    configuration: { fetch: fetchMock },
  });
  await model.invoke("Mail jane@example.com");
  expect(fetchMock).toHaveBeenCalled();
});
