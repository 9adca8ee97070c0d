import OpenAI from "openai";
import { services } from "../services/index.js";

const client = new OpenAI();

/** Replays the reply even when saving it fails. */
export async function turn(history: any[]): Promise<void> {
  const response = await client.responses.create({ model: "gpt-5.5", input: history });
  for (const item of response.output) {
    if (item.type !== "message") continue;
    try {
      await services.chatHistory.save(item);
    } catch {
      history.push({ role: "assistant", content: item.content });
    }
  }
}
