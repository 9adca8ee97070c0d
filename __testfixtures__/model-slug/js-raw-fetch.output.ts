const OPENAI_URL = "https://api.openai.com/v1/responses";

async function callOpenAI(body: unknown): Promise<any> {
  const res = await fetch(OPENAI_URL, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`OpenAI ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function moderateAndReply(message: string) {
  const res = await fetch("https://api.openai.com/v1/responses", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({
      model: "gpt-5.5",
      input: message,
      store: false,
    }),
  });
  return (await res.json()).output_text;
}

export async function sloganVariants(product: string) {
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({
      model: "gpt-5.4",
      temperature: 1.1,
      n: 3,
      messages: [{ role: "user", content: `Three slogans for ${product}` }],
    }),
  });
  return (await res.json()).choices.map((c: { message: { content: string } }) => c.message.content);
}

export const outline = (topic: string) =>
  callOpenAI({ model: "gpt-5.5", reasoning: { effort: "medium" }, input: `Outline: ${topic}` });
