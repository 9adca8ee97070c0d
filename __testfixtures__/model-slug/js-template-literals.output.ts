import OpenAI from "openai";

const client = new OpenAI();
const tier = process.env.MODEL_TIER ?? "mini";

export async function answer(question: string) {
  const response = await client.responses.create({
    model: `gpt-5.5`,
    input: question,
  });
  return response.output_text;
}

export async function answerWithTier(question: string) {
  // Built at run time: not a literal slug, so the tool cannot know what it names.
  const response = await client.responses.create({
    model: `gpt-5.4-${tier}`,
    input: question,
  });
  return response.output_text;
}

export const logLine = (ms: number) => `gpt-5.4 answered in ${ms} ms`;
