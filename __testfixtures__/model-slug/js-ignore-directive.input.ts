import OpenAI from "openai";

const client = new OpenAI();

export async function replayIncident(input: string) {
  // Incident INC-4821 is reproduced with the exact model it happened on.
  // gpt55-codemod-ignore
  const response = await client.responses.create({ model: "gpt-5.4", input });
  return response.output_text;
}

export async function cannedAnswer(input: string) {
  const response = await client.responses.create({
    model: "gpt-5.4", // gpt55-codemod-ignore: answers are cached by model id
    input,
  });
  return response.output_text;
}

/* gpt55-codemod-ignore */ export const CONTRACT_MODEL = "gpt-5.4";

export async function everydayAnswer(input: string) {
  const response = await client.responses.create({
    // the directive covers only its own line and the next one
    model: "gpt-5.4",
    input,
  });
  return response.output_text;
}
