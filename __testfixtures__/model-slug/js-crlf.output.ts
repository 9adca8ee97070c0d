import OpenAI from "openai";

const client = new OpenAI();

// Written on Windows: every line ends in CRLF.
export async function summarize(text: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    input: text,
  });
  return response.output_text;
}

export const FALLBACK_MODEL = "gpt-5.4";
