import OpenAI from "openai";
import cases from "./cases.json" with { type: "json" };

const client = new OpenAI();

// Scores in evals/results/*.json were produced with this model; keep it to compare runs.
const CANDIDATE = "gpt-5.4";

export async function runSuite() {
  const results = [];
  for (const c of cases as Array<{ id: string; input: string; expected: string }>) {
    const response = await client.responses.create({ model: CANDIDATE, input: c.input });
    results.push({ id: c.id, pass: response.output_text.trim() === c.expected });
  }
  return results;
}
