import OpenAI from "openai";

const client = new OpenAI();

export async function summarize(text: string): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4",
    instructions: "Summarize the ticket in two sentences.",
    input: text,
  });
  return response.output_text;
}

export async function draftReply(ticket: string) {
  const response = await client.responses.create({
    model: 'gpt-5.4-pro',
    reasoning: { effort: "high" },
    input: [{ role: "user", content: ticket }],
  });
  return response.output_text;
}
