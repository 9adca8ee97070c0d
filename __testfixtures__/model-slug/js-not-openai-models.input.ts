import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";

const anthropic = new Anthropic();
const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const openai = new OpenAI();
const openrouter = new OpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: process.env.OPENROUTER_API_KEY });

export async function draftWithClaude(prompt: string) {
  return anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    messages: [{ role: "user", content: prompt }],
  });
}

export async function draftWithGemini(prompt: string) {
  return gemini.models.generateContent({ model: "gemini-2.5-pro", contents: prompt });
}

export async function draftViaRouter(prompt: string) {
  return openrouter.chat.completions.create({
    model: "anthropic/claude-sonnet-4.5",
    messages: [{ role: "user", content: prompt }],
  });
}

// Our fine-tune on support transcripts: retraining on a new base is a separate project.
export async function supportReply(prompt: string) {
  return openai.chat.completions.create({
    model: "ft:gpt-4o-mini-2024-07-18:acme::9xKq2Lm1",
    messages: [{ role: "user", content: prompt }],
  });
}

export async function alreadyUpgraded(prompt: string) {
  return openai.responses.create({ model: "gpt-5.5", input: prompt });
}

export async function alreadyUpgradedPro(prompt: string) {
  return openai.responses.create({ model: "gpt-5.5-pro", input: prompt });
}

export async function earlyAccess(prompt: string) {
  return openai.responses.create({ model: "gpt-5.6-sol", input: prompt });
}
