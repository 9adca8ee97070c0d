import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses/responses";
import { loadSession, saveSession } from "./sessions.js";

const client = new OpenAI();

interface Session {
  id: string;
  messages: ResponseInputItem[];
}

export async function reply(sessionId: string, text: string): Promise<string> {
  const session: Session = await loadSession(sessionId);
  session.messages.push({ role: "user", content: text });
  const response = await client.responses.create({
    model: "gpt-5.4",
    instructions: "You are a concise travel planner.",
    input: session.messages,
  });
  session.messages.push({ role: "assistant", content: response.output_text });
  await saveSession(session);
  return response.output_text;
}
