import { openai } from "@ai-sdk/openai";
import { generateText, streamText } from "ai";

export async function title(conversation: string) {
  const { text } = await generateText({
    model: openai.responses("gpt-5.5"),
    providerOptions: {
      openai: { promptCacheRetention: "24h", store: false },
    },
    prompt: `Give this conversation a five-word title:\n${conversation}`,
  });
  return text;
}

export function streamAnswer(question: string) {
  return streamText({
    model: openai("gpt-5.4-nano"),
    providerOptions: { openai: { promptCacheRetention: "in_memory" } },
    prompt: question,
  });
}
