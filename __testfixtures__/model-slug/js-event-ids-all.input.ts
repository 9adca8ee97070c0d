import OpenAI from "openai";

export const doneEvent = JSON.stringify({
  type: "response.output_item.done",
  event_id: "o1",
  response_id: "r3",
  item: { id: "item_1", type: "message" },
});

export const client = new OpenAI();

export function ask(prompt: string) {
  return client.responses.create({ model: "o3", input: prompt });
}
