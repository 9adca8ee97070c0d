import type { AssistantMessageItem, UserMessageItem } from "../types/protocol.js";

/** Helpers users call to write a conversation by hand; they build items, they never send them. */
export function user(input: string, options?: { providerData?: Record<string, unknown> }): UserMessageItem {
  return { type: "message", role: "user", content: input, ...(options ?? {}) };
}

export function assistant(content: string | AssistantMessageItem["content"], options?: { providerData?: Record<string, unknown> }) {
  return {
    type: "message" as const,
    role: "assistant" as const,
    content: typeof content === "string" ? [{ type: "output_text" as const, text: content }] : content,
    status: "completed" as const,
    ...(options ?? {}),
  };
}

/** A fake model response for tests of the runner. */
export function response(text: string) {
  return {
    output: [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text }] }],
  };
}
