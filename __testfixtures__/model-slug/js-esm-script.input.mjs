#!/usr/bin/env node
import OpenAI from "openai";
import { argv } from "node:process";

const client = new OpenAI();
const question = argv.slice(2).join(" ");

if (!question) {
  console.error("usage: ask.mjs <question>");
  process.exit(2);
}

const stream = await client.responses.create({
  model: "gpt-5.4",
  input: question,
  stream: true,
});

for await (const event of stream) {
  if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
}
process.stdout.write("\n");
