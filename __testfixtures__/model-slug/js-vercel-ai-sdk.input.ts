import { createOpenAI, openai } from "@ai-sdk/openai";
import { generateObject, generateText, streamText } from "ai";
import { z } from "zod";

export async function title(conversation: string) {
  const { text } = await generateText({
    model: openai("gpt-5.4"),
    system: "Write a five-word title for this conversation.",
    prompt: conversation,
  });
  return text;
}

export function chat(messages: Parameters<typeof streamText>[0]["messages"]) {
  return streamText({
    model: openai.responses("gpt-5.4"),
    messages,
    providerOptions: { openai: { reasoningEffort: "low", store: false } },
  });
}

const proxy = createOpenAI({
  baseURL: process.env.LLM_PROXY_URL,
  apiKey: process.env.LLM_PROXY_KEY,
});

export async function extractInvoice(pdfText: string) {
  const { object } = await generateObject({
    model: proxy("gpt-5.4"),
    temperature: 0,
    schema: z.object({ total: z.number(), currency: z.string(), dueDate: z.string() }),
    prompt: pdfText,
  });
  return object;
}

export async function tagline(product: string) {
  const { text } = await generateText({
    model: createOpenAI({ apiKey: process.env.MARKETING_OPENAI_KEY })("gpt-5.4"),
    prompt: `Write a tagline for ${product}.`,
  });
  return text;
}

export async function brainstorm(topic: string) {
  const { text } = await generateText({
    model: createOpenAI({ apiKey: process.env.MARKETING_OPENAI_KEY })("gpt-5.4"),
    temperature: 0.9,
    prompt: `Ten blog post ideas about ${topic}.`,
  });
  return text;
}

const summaryModel = openai("gpt-5.4");

export async function summarize(text: string) {
  const { text: summary } = await generateText({ model: summaryModel, topP: 0.9, prompt: `Summarize:\n${text}` });
  return summary;
}
