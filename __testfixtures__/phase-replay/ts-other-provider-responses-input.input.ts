import { UnsupportedFunctionalityError, type LanguageModelV2Message } from "@ai-sdk/provider";
import type { AcmeResponsesInput, AcmeResponsesUserContentPart } from "./acme-responses-api";

// Acme's Responses-style endpoint takes the same item shapes, but it is another
// provider's API: its assistant items have no phase to keep.
export function convertToAcmeResponsesInput({ prompt }: { prompt: LanguageModelV2Message[] }): {
  input: AcmeResponsesInput;
  warnings: string[];
} {
  const input: AcmeResponsesInput = [];
  const warnings: string[] = [];

  for (const message of prompt) {
    switch (message.role) {
      case "system":
        input.push({ role: "system", content: message.content });
        break;

      case "user": {
        const content: AcmeResponsesUserContentPart[] = message.content.map((part) => {
          if (part.type !== "text") throw new UnsupportedFunctionalityError({ functionality: `user ${part.type} parts` });
          return { type: "input_text", text: part.text };
        });
        input.push({ role: "user", content });
        break;
      }

      case "assistant":
        for (const part of message.content) {
          if (part.type === "text") {
            const id = typeof part.providerOptions?.acme?.itemId === "string" ? part.providerOptions.acme.itemId : undefined;
            input.push({ role: "assistant", content: part.text, id });
          } else if (part.type === "tool-call") {
            input.push({ type: "function_call", call_id: part.toolCallId, name: part.toolName, arguments: JSON.stringify(part.input) });
          }
        }
        break;

      case "tool":
        for (const part of message.content) {
          const output = part.output.type === "text" ? part.output.value : JSON.stringify(part.output.value);
          input.push({ type: "function_call_output", call_id: part.toolCallId, output });
        }
        break;

      default:
        warnings.push(`unsupported role: ${(message as { role: string }).role}`);
    }
  }

  return { input, warnings };
}
