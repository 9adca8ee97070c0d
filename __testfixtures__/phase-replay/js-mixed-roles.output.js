// Rebuilds the request from the stored thread, then appends the new answer.
import OpenAI from "openai";
import { db } from "./db.js";

const client = new OpenAI();

export async function continueThread(threadId, userText) {
  const thread = await db.threads.get(threadId);
  const input = [
    { role: "developer", content: thread.instructions },
    ...thread.turns.flatMap((turn) => [
      { role: "user", content: turn.question },
      { role: "assistant", content: turn.answer },
    ]),
    { role: "user", content: userText },
  ];
  const response = await client.responses.create({ model: "gpt-5.4", input });
  const answers = response.output.filter((item) => item.type === "message");
  input.push(...answers.map((item) => ({ role: "assistant", content: item.content, phase: item.phase })));
  await db.threads.appendTurn(threadId, { question: userText, answer: response.output_text });
  return input;
}
