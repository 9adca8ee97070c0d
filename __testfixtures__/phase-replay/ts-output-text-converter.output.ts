import type { ChatCompletionMessageParam } from "openai/resources/index";
import type { Response } from "openai/resources/responses/responses";
import type { ChatMessage } from "../index.js";

// Our own message model is what the UI and the other providers read.
export function fromChatCompletion(message: ChatCompletionMessageParam): ChatMessage {
  return { role: message.role, content: String(message.content ?? "") } as ChatMessage;
}

export function fromResponse(resp: Response): ChatMessage | undefined {
  const texts = resp.output.flatMap((item) => (item.type === "message" ? item.content : []));
  if (texts.length > 0) return { role: "assistant", content: texts.map((t) => ("text" in t ? t.text : "")).join("") };
  // Fallback when no structured output is present.
  if (typeof resp.output_text === "string" && resp.output_text.length > 0) {
    return { role: "assistant", content: resp.output_text };
  }
  return undefined;
}
