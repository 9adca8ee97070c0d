// Quick start as published for the v1 SDK wrapper. Kept for readers of old blog posts.
import OpenAI from "openai";

const client = new OpenAI();

const response = await client.responses.create({
  model: "gpt-5.4",
  input: "Write a haiku about release notes.",
});

console.log(response.output_text);
