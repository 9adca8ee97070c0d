"use strict";

const OpenAI = require("openai");
const { readFile } = require("node:fs/promises");

const client = new OpenAI();
const MODEL = process.env.OPENAI_MODEL || "gpt-5.5";

async function summarizeFile(path) {
  const text = await readFile(path, "utf8");
  const response = await client.responses.create({
    model: MODEL,
    instructions: "Summarize the document for a busy executive.",
    input: text,
  });
  return response.output_text;
}

async function keywords(text) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.5",
    messages: [{ role: "user", content: `List ten keywords:\n${text}` }],
  });
  return completion.choices[0].message.content.split("\n");
}

module.exports = { summarizeFile, keywords, MODEL };
