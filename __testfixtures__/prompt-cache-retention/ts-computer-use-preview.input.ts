import OpenAI from "openai";
import type { Page } from "playwright";
import { runAction, screenshotUrl } from "./browser.js";

const client = new OpenAI();

// A task lasts a few minutes: the cached prefix only needs to live while it runs.
export async function nextStep(page: Page, previousResponseId: string | null, input: OpenAI.Responses.ResponseInput) {
  const response = await client.responses.create({
    model: "computer-use-preview",
    previous_response_id: previousResponseId,
    tools: [{ type: "computer_use_preview", display_width: 1280, display_height: 800, environment: "browser" }],
    input,
    prompt_cache_key: "browser-agent",
    prompt_cache_retention: "in_memory",
    truncation: "auto",
  });
  const call = response.output.find((item) => item.type === "computer_call");
  if (call?.type === "computer_call") {
    await runAction(page, call.action);
    return { response, next: { type: "computer_call_output", call_id: call.call_id, output: { type: "input_image", image_url: await screenshotUrl(page) } } };
  }
  return { response, next: null };
}
