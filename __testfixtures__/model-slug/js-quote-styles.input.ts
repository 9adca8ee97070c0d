import OpenAI from 'openai';

const client = new OpenAI();

export const singleQuoted = 'gpt-5.4';
export const doubleQuoted = "gpt-5.4";
export const backticked = `gpt-5.4`;
export const proSingle = 'gpt-5.4-pro';

export async function answer(input: string, model: string = singleQuoted) {
  const response = await client.responses.create({ model, input });
  return response.output_text;
}
