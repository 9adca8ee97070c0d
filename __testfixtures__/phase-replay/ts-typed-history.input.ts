import OpenAI from "openai";
import type { ResponseInputItem, ResponseOutputMessage } from "openai/resources/responses/responses";

const client = new OpenAI();

/** One row of the `chat_turns` table, written after every answer and read back on resume. */
export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

function textOf(message: ResponseOutputMessage): string {
  return message.content.map((part) => (part.type === "output_text" ? part.text : "")).join("");
}

export class SupportThread {
  private readonly input: ResponseInputItem[] = [];
  readonly turns: ChatTurn[] = [];

  async ask(question: string): Promise<string> {
    this.input.push({ role: "user", content: question });
    this.turns.push({ role: "user", content: question });
    const response = await client.responses.create({ model: "gpt-5.4", input: this.input });
    for (const item of response.output) {
      if (item.type !== "message") continue;
      this.input.push({ role: "assistant", content: textOf(item) });
      this.turns.push({ role: "assistant", content: textOf(item) });
    }
    return response.output_text;
  }
}

/** Rebuilds the request input from stored turns after a restart. */
export function resume(turns: ChatTurn[]): ResponseInputItem[] {
  return turns.map((turn) => ({ role: turn.role, content: turn.content }));
}
