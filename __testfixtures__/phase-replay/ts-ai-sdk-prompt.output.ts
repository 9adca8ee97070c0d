import type { LanguageModelV2Message, LanguageModelV2TextPart } from "@ai-sdk/provider";
import type { AgentInputItem } from "@openai/agents";

// Turns the agent's history into the prompt of a Vercel AI SDK model.
export function toPrompt(items: AgentInputItem[]): LanguageModelV2Message[] {
  const messages: LanguageModelV2Message[] = [];
  for (const item of items) {
    if (item.type === "message" && item.role === "assistant") {
      const parts: LanguageModelV2TextPart[] = item.content.map((c) => ({ type: "text", text: c.text }));
      messages.push({
        role: "assistant",
        content: parts,
        providerOptions: { agents: { id: item.id } },
      });
    }
  }
  return messages;
}
