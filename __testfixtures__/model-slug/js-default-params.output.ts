import OpenAI from "openai";

const client = new OpenAI();

export async function ask(question: string, model = "gpt-5.5") {
  const response = await client.responses.create({ model, input: question });
  return response.output_text;
}

export async function brainstorm(topic: string, model: string = "gpt-5.4", temperature = 0.8) {
  const response = await client.responses.create({ model, temperature, input: `Ideas for ${topic}` });
  return response.output_text;
}

interface TranslateOptions {
  model?: string;
  targetLanguage: string;
}

export const translate = async (text: string, { model = "gpt-5.5", targetLanguage }: TranslateOptions) => {
  const response = await client.responses.create({
    model,
    instructions: `Translate the user's text into ${targetLanguage}.`,
    input: text,
  });
  return response.output_text;
};
