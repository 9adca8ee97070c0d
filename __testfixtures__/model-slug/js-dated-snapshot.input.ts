import OpenAI from "openai";

const client = new OpenAI();

// Pinned snapshots keep regulated outputs reproducible between audits.
export const AUDIT_MODEL = "gpt-5.4-2026-03-05";

export async function auditSummary(record: string) {
  const response = await client.responses.create({
    model: AUDIT_MODEL,
    input: record,
  });
  return response.output_text;
}

export async function extractFields(record: string) {
  const response = await client.responses.create({
    model: "gpt-5.4-pro-2026-03-05",
    input: record,
  });
  return response.output_text;
}

export async function tagRecord(record: string) {
  const response = await client.responses.create({
    model: "gpt-5.4-mini-2026-03-17",
    input: record,
  });
  return response.output_text;
}
