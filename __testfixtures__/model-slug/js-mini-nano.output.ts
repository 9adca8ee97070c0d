import OpenAI from "openai";

const client = new OpenAI();

export async function route(message: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4-nano",
    messages: [{ role: "user", content: `Label as billing, tech or other: ${message}` }],
  });
  return completion.choices[0]?.message.content;
}

export async function autocomplete(prefix: string) {
  const response = await client.responses.create({
    model: "gpt-5.4-mini",
    input: prefix,
    max_output_tokens: 32,
  });
  return response.output_text;
}

export async function extract(text: string) {
  const response = await client.responses.create({ model: "o4-mini", input: text });
  return response.output_text;
}

export async function summarizeLong(text: string) {
  const response = await client.responses.create({ model: "gpt-5-mini", input: text });
  return response.output_text;
}
