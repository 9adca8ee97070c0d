import OpenAI from "openai";

export const DEFAULT_MODEL = "gpt-5.4";
export const REASONING_MODEL = "gpt-5.4-pro";
export const SCORING_MODEL = "gpt-5.4";

export const MODELS = {
  support: "gpt-5.4",
  marketing: "gpt-5.4",
} as const;

const BASE_REQUEST = { model: "gpt-5.4", store: false, max_output_tokens: 1024 };

const client = new OpenAI();

export async function reply(input: string) {
  const response = await client.responses.create({
    model: DEFAULT_MODEL,
    input,
  });
  return response.output_text;
}

export async function plan(goal: string) {
  const response = await client.responses.create({
    model: REASONING_MODEL,
    reasoning: { effort: "xhigh" },
    input: `Plan the steps to: ${goal}`,
  });
  return response.output_text;
}

// Scores come back as token logprobs, so this request keeps sampling parameters.
export async function score(candidate: string) {
  const completion = await client.chat.completions.create({
    model: SCORING_MODEL,
    logprobs: true,
    top_logprobs: 5,
    messages: [{ role: "user", content: `Is this answer correct? Reply yes or no.\n\n${candidate}` }],
  });
  return completion.choices[0]?.logprobs?.content ?? [];
}

export async function rephrase(text: string) {
  const response = await client.responses.create({
    model: SCORING_MODEL,
    input: `Rephrase: ${text}`,
  });
  return response.output_text;
}

export async function supportReply(ticket: string) {
  const response = await client.responses.create({ model: MODELS.support, input: ticket });
  return response.output_text;
}

export async function campaignCopy(brief: string) {
  const response = await client.responses.create({
    model: MODELS.marketing,
    temperature: 1,
    input: brief,
  });
  return response.output_text;
}

export async function brainstorm(topic: string) {
  const response = await client.responses.create({ ...BASE_REQUEST, top_p: 0.9, input: topic });
  return response.output_text;
}

export const SUMMARY = { model: "gpt-5.4", maxOutputTokens: 400 };

export async function summarize(text: string) {
  const response = await client.responses.create({
    model: SUMMARY.model,
    max_output_tokens: SUMMARY.maxOutputTokens,
    temperature: 0.3,
    input: text,
  });
  return response.output_text;
}
