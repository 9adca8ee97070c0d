import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

const client = new OpenAI();

const FEW_SHOT: ChatCompletionMessageParam[] = [
  { role: "system", content: "Classify each support ticket as billing, bug or other." },
  { role: "user", content: "I was charged twice this month." },
  { role: "assistant", content: "billing" },
];

/** Chat Completions has no phase: neither the examples nor the replayed answers change. */
export async function classify(history: ChatCompletionMessageParam[], ticket: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    messages: [...FEW_SHOT, ...history, { role: "user", content: ticket }],
  });
  const answer = completion.choices[0]!.message;
  history.push({ role: "assistant", content: answer.content });
  return answer.content;
}
