"use strict";

const OpenAI = require("openai");

const client = new OpenAI();

function toHistoryEntry(item) {
  return {
    role: "assistant",
    content: item.content.map((part) => part.text).join("")
  };
}

async function answer(history, question) {
  history.push({ role: "user", content: question });
  const response = await client.responses.create({ model: "gpt-5.4", input: history });
  history.push(...response.output.filter((item) => item.type === "message").map(toHistoryEntry));
  return response.output_text;
}

module.exports = { answer };
