import OpenAI from "openai";

const client = new OpenAI();

export const PRIMARY_MODEL = "gpt-5.4";
export const fallbackModel = "gpt-5.4";
export const CHEAP_MODEL = "gpt-5.4";
export const EVAL_MODEL = "gpt-5.4";
const legacyModel = "gpt-5.4";
const previousModel = "gpt-5.4";

export const fallback = { model: "gpt-5.4", maxOutputTokens: 512 };

export const routing = {
  primary: "gpt-5.4",
  backup: "gpt-5.4",
  budget: { model: "gpt-5.4" },
};

export const baseline = "gpt-5.4";

export async function grade(answer: string, reference: string, judgeModel = "gpt-5.4") {
  const response = await client.responses.create({
    model: judgeModel,
    input: `Reference:\n${reference}\n\nAnswer:\n${answer}\n\nScore 1-5.`,
  });
  return Number(response.output_text.trim());
}

export async function respond(input: string) {
  try {
    return await client.responses.create({ model: PRIMARY_MODEL, input });
  } catch {
    return client.responses.create({ model: fallbackModel, input });
  }
}

export const models = { legacyModel, previousModel, CHEAP_MODEL, EVAL_MODEL };

// Link unfurling: "preview" names a feature here, not an older route.
export const previewModel = "gpt-5.4";
export const prevModel = "gpt-5.4";
