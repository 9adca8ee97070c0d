import OpenAI from "openai";

const client = new OpenAI();

export const answer = (input) =>
  client.responses.create({ model: "gpt-5.5", input }).then((r) => r.output_text);