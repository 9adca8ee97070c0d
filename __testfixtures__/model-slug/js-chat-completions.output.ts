import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const SYSTEM_PROMPT = "You are a support agent for Acme. Answer briefly and cite the order id.";

export async function answer(history: ChatCompletionMessageParam[], question: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-5.5",
    messages: [
      { role: "system", content: SYSTEM_PROMPT },
      ...history,
      { role: "user", content: question },
    ],
    max_completion_tokens: 800,
  });
  return completion.choices[0]?.message.content ?? "";
}

export async function classifyIntent(message: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-5.5",
    reasoning_effort: "low",
    response_format: { type: "json_object" },
    messages: [
      { role: "developer", content: "Return {\"intent\": \"refund\" | \"shipping\" | \"other\"}." },
      { role: "user", content: message },
    ],
  });
  return JSON.parse(completion.choices[0]!.message.content!) as { intent: string };
}

export function streamAnswer(question: string) {
  return openai.chat.completions.stream({
    model: 'gpt-5.5-pro',
    messages: [{ role: "user", content: question }],
  });
}
