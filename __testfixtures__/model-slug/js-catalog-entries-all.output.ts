import OpenAI from "openai";

export const models = {
  gpt54: {
    title: "GPT-5.4",
    description: "OpenAI's flagship model with a 1M context window.",
    params: {
      model: "gpt-5.4",
      contextLength: 1_050_000,
      title: "GPT-5.4",
    },
    providerOptions: ["openai"],
    isOpenSource: false,
  },
  gpt41: {
    title: "GPT-4.1",
    params: { model: "gpt-4.1", contextLength: 1_047_576 },
  },
};

export const localModels = {
  models: [{ id: "gpt-4o", name: "GPT-4o" }],
};

export const pricing = { model: "gpt-5.4", inputPrice: 2.5, outputPrice: 15 };

const client = new OpenAI();

export async function ask(prompt: string) {
  return client.chat.completions.create({ model: "gpt-5.5", max_tokens: 1024, messages: [{ role: "user", content: prompt }] });
}
