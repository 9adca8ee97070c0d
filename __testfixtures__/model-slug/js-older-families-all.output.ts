import OpenAI from "openai";

const client = new OpenAI();

export async function legacyChat(question: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.5",
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.message.content;
}

export async function creativeChat(question: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-4o",
    temperature: 0.7,
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.message.content;
}

export async function solve(problem: string) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    reasoning: { effort: "high" },
    input: problem,
  });
  return response.output_text;
}

export async function proof(problem: string) {
  const response = await client.responses.create({ model: "gpt-5.5-pro", input: problem });
  return response.output_text;
}

export async function review(diff: string) {
  const response = await client.responses.create({ model: "gpt-5.5", input: diff });
  return response.output_text;
}

export async function deepReview(diff: string) {
  const response = await client.responses.create({ model: "gpt-5.5-pro", input: diff });
  return response.output_text;
}

export async function refactor(code: string) {
  const response = await client.responses.create({ model: "gpt-5.5", input: code });
  return response.output_text;
}

export async function longContext(doc: string) {
  const response = await client.responses.create({ model: "gpt-5.5", input: doc });
  return response.output_text;
}

export async function cheapTag(text: string) {
  const response = await client.responses.create({ model: "gpt-4o-mini", input: text });
  return response.output_text;
}

export async function reproducible(text: string) {
  const response = await client.responses.create({ model: "gpt-4o-2024-08-06", input: text });
  return response.output_text;
}
