import OpenAI from "openai";

const client = new OpenAI();

export async function creativeTitle(topic: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    temperature: 0.9,
    input: `A catchy title about ${topic}`,
  });
  return response.output_text;
}

export async function focusedAnswer(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    top_p: 0.2,
    input: question,
  });
  return response.output_text;
}

export async function tokenConfidence(question: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    logprobs: true,
    top_logprobs: 3,
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.logprobs;
}

export async function steadyTitle(topic: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    temperature: 0.3,
    reasoning: { effort: "none" },
    input: `A title about ${topic}`,
  });
  return response.output_text;
}

export async function steadyChat(question: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    reasoning_effort: "none",
    temperature: 0.2,
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0]?.message.content;
}

export async function thoughtfulButWarm(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    reasoning: { effort: "high" },
    temperature: 0.5,
    input: question,
  });
  return response.output_text;
}
