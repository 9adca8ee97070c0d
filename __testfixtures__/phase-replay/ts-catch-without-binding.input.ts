import { services } from "../services/index.js";
import type { ChatHistoryItem } from "../types.js";

interface ServerState {
  session: { history: ChatHistoryItem[] };
}

/** A turn that failed: the error text goes into the local session history for the UI. */
export async function recordFailure(state: ServerState, error: unknown): Promise<void> {
  const errorMessage = `Error: ${error instanceof Error ? error.message : String(error)}`;
  try {
    await services.chatHistory.addAssistantMessage(errorMessage);
  } catch {
    state.session.history.push({
      message: { role: "assistant", content: errorMessage },
      contextItems: [],
    });
  }
}

export function recordReply(state: ServerState, text: string): void {
  try {
    services.chatHistory.addAssistantMessage(text);
  } catch {
    state.session.history.push({ role: "assistant", content: text } as any);
  }
}
