import OpenAI from "openai";
import type { Page } from "playwright";
import { runAction, screenshotUrl } from "./browser.js";

const client = new OpenAI();

// A task lasts a few minutes: the cached prefix only needs to live while it runs.
export async function nextStep(page: Page, previousResponseId: string | null, input: OpenAI.Responses.ResponseInput) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    previous_response_id: previousResponseId,
    tools: [{ type: "computer" }],
    input,
    prompt_cache_key: "browser-agent",
    prompt_cache_retention: "24h",
  });
  const call = response.output.find((item) => item.type === "computer_call");
  if (call?.type === "computer_call") {
    for (const action of call.actions ?? [call.action]) await runAction(page, action);
    return { response, next: { type: "computer_call_output", call_id: call.call_id, output: { type: "input_image", image_url: await screenshotUrl(page) } } };
  }
  return { response, next: null };
}
