import OpenAI from "openai";

const client = new OpenAI();

// Deployments override the model per environment; the literal is the default.
const CHAT_MODEL = process.env.CHAT_MODEL ?? "gpt-5.4";
const SUMMARY_MODEL = process.env.SUMMARY_MODEL || 'gpt-5.4';
const CREATIVE_MODEL = process.env.CREATIVE_MODEL ?? "gpt-5.4";

export async function chat(input: string) {
  return client.responses.create({ model: CHAT_MODEL, input });
}

export async function summarize(input: string) {
  return client.responses.create({
    model: SUMMARY_MODEL,
    instructions: "Summarize in three bullet points.",
    input,
  });
}

export async function poem(topic: string) {
  return client.responses.create({
    model: CREATIVE_MODEL,
    temperature: 1.2,
    input: `Write a short poem about ${topic}.`,
  });
}

export function modelFor(task: "chat" | "summary") {
  return task === "chat" ? process.env.CHAT_MODEL ?? "gpt-5.4" : SUMMARY_MODEL;
}
