import OpenAI from "openai";

const client = new OpenAI();
const SUMMARY_MODEL = "gpt-5.5";

// Long-lived support threads: keep the cached prefix only while it is hot.
export async function answer(question: string, history: OpenAI.Responses.ResponseInput) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    prompt_cache_key: "support-thread",
    prompt_cache_retention: "24h",
    input: [...history, { role: "user", content: question }],
  });
  return response.output_text;
}

export async function summarize(thread: string) {
  const completion = await client.chat.completions.create({
    model: SUMMARY_MODEL,
    prompt_cache_retention: '24h',
    messages: [{ role: "user", content: `Summarize this thread:\n${thread}` }],
  });
  return completion.choices[0]?.message.content ?? "";
}

export async function shrink(previousResponseId: string) {
  return client.responses.compact({ model: "gpt-5.5-pro", previous_response_id: previousResponseId, prompt_cache_retention: "24h" });
}

// Tagging stays on the small model, where in-memory caching is still accepted.
export async function tag(text: string) {
  const response = await client.responses.create({
    model: "gpt-5.4-mini",
    prompt_cache_retention: "in_memory",
    input: `Tag this text: ${text}`,
  });
  return response.output_text;
}

export async function route(text: string) {
  const response = await client.responses.create({
    model: process.env.ROUTER_MODEL ?? defaultModel(),
    prompt_cache_retention: "in_memory",
    input: text,
  });
  return response.output_text;
}

export async function draft(brief: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    prompt_cache_retention: "24h",
    input: brief,
  });
  return response.output_text;
}

function defaultModel(): string {
  return "gpt-5.4-nano";
}
