import OpenAI from "openai";

const client = new OpenAI();

export const assistant = {
  name: "GPT-5.4 Assistant",
  model: "gpt-5.4",
};

export async function summarize(text: string) {
  return client.responses.create({
    model: "gpt-5.4", // defaults to gpt-5.4 until the evals move
    input: text,
  });
}

export async function answer(question: string) {
  return client.responses.create({
    // The strongest model for open questions
    model: "gpt-5.5",
    input: question,
  });
}

export const picker = [{ title: "o3", description: "Reasoning for hard tasks", params: { model: "o3", contextLength: 200000 } }];
