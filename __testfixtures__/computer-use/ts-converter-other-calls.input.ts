import type OpenAI from "openai";
import type * as protocol from "./protocol.js";

type Item = OpenAI.Responses.ResponseOutputItem;

/** Output items to the protocol: computer calls keep both shapes, shell calls have their own `action`. */
export function convertItem(item: Item): protocol.OutputItem {
  if (item.type === "computer_call") {
    const { call_id, status, action, actions, ...providerData } = item;
    const normalizedActions = Array.isArray(actions) && actions.length > 0 ? actions : undefined;
    return {
      type: "computer_call",
      callId: call_id,
      status,
      action: action ?? normalizedActions?.[0],
      ...(normalizedActions ? { actions: normalizedActions } : {}),
      providerData,
    };
  } else if (item.type === "shell_call") {
    const { call_id, status, action, ...providerData } = item;
    return { type: "shell_call", callId: call_id, status, action: { commands: action.commands }, providerData };
  }
  throw new Error(`unsupported item ${item.type}`);
}

/** Protocol items back to the API. */
export function toInput(item: protocol.OutputItem): unknown {
  if (item.type === "computer_call") {
    const batched = Array.isArray((item as { actions?: unknown }).actions) ? ((item as { actions?: unknown[] }).actions ?? []) : [];
    return batched.length > 0 ? { action: item.action ?? batched[0], actions: batched } : item.action ? { action: item.action } : {};
  }
  if (item.type === "shell_call") {
    return { type: "shell_call", action: { commands: item.action.commands, timeout_ms: item.action.timeoutMs } };
  }
  if (item.type === "web_search_call") return { type: "web_search_call", action: item.action };
  return item;
}

export function toolInput(toolCall: protocol.ToolCallItem): unknown {
  switch (toolCall.type) {
    case "computer_call":
      return toolCall.actions ?? toolCall.action;
    case "shell_call":
      return toolCall.action;
    default:
      return undefined;
  }
}

/** A single-action read through a cast is still one. */
export function legacyAction(call: protocol.ToolCallItem): unknown {
  if (call.type !== "computer_call") return null;
  return (call as any).action;
}

export function replayWebSearch(item: protocol.OutputItem, providerData: Record<string, unknown>): unknown {
  const entry = { ...providerData, type: item.type === "computer_call" ? "computer_call" : "web_search_call" };
  if (providerData.action) (entry as OpenAI.Responses.ResponseFunctionWebSearch).action = providerData.action as any;
  return entry;
}
