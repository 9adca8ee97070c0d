import OpenAI from "openai";

const client = new OpenAI();

export async function summarize(text: string) {
  const response = await client.responses.create({ model: "gpt-5.4", input: text });
  return response.output_text;
}
