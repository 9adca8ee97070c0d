import OpenAI from "openai";

const openai = new OpenAI();

export async function chat(prompt: string) {
  return openai.chat.completions.create({
    model: "gpt-5-chat-latest",
    messages: [{ role: "user", content: prompt }],
  });
}

export async function legacy(prompt: string) {
  return openai.chat.completions.create({ model: "chatgpt-4o-latest", messages: [{ role: "user", content: prompt }] });
}

export async function current(prompt: string) {
  return openai.chat.completions.create({ model: "gpt-5.5", messages: [{ role: "user", content: prompt }] });
}
