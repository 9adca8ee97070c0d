import OpenAI from "openai";

const client = new OpenAI();

// Friendly replies: sampled with a little temperature for variety.
export async function suggestReply(ticket: string): Promise<string | null> {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    temperature: 0.7,
    messages: [
      { role: "system", content: "You write short, friendly support replies." },
      { role: "user", content: ticket },
    ],
  });
  return completion.choices[0]?.message.content ?? null;
}

export async function classifyTone(ticket: string): Promise<string | null> {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    reasoning_effort: "none",
    temperature: 0,
    messages: [{ role: "user", content: `Classify the tone (calm, upset, angry): ${ticket}` }],
  });
  return completion.choices[0]?.message.content ?? null;
}
