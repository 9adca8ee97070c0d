import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses/responses";

const client = new OpenAI();

/**
 * Long-running support threads grow past the context window; compact them before the
 * next turn instead of dropping history.
 */
export async function compactThread(items: ResponseInputItem[]) {
  const compacted = await client.responses.compact({
    model: "gpt-5.5",
    input: items,
  });
  return compacted.output;
}

export async function continueThread(items: ResponseInputItem[], userTurn: string) {
  const history = items.length > 200 ? await compactThread(items) : items;
  return client.responses.create({
    model: "gpt-5.5",
    input: [...history, { role: "user", content: userTurn }],
    store: false,
  });
}
