// File generated from our OpenAPI spec by Stainless. See CONTRIBUTING.md for details.

import OpenAI from 'openai';

export const client = new OpenAI();

export async function example() {
  return client.responses.create({ model: 'gpt-5.4', input: 'hello' });
}
