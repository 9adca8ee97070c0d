import type { RealtimeItem } from "./items";

interface Transport {
  sendEvent(event: Record<string, unknown>): void;
}

// The Realtime API has no update event for items: re-create the ones that changed.
export function resendItems(transport: Transport, additions: RealtimeItem[], updates: RealtimeItem[]): void {
  for (const addition of [...additions, ...updates]) {
    if (addition.type === "message") {
      const itemEntry: Record<string, any> = {
        type: "message",
        role: addition.role,
        content: addition.content,
        id: addition.itemId,
      };
      transport.sendEvent({ type: "conversation.item.create", item: itemEntry });
    } else if (addition.type === "function_call" && addition.status === "completed") {
      transport.sendEvent({
        type: "conversation.item.create",
        item: { type: "function_call_output", call_id: addition.callId, output: addition.output },
      });
    }
  }
}
