import OpenAI from "openai";
import type { Page } from "playwright";
import { handleModelAction } from "./handlers.js";

const openai = new OpenAI();

export async function computerUseLoop(page: Page, task: string) {
  let response = await openai.responses.create({
    model: "computer-use-preview",
    tools: [
      {
        type: "computer_use_preview",
        display_width: 1024,
        display_height: 768,
        environment: "browser",
      },
    ],
    input: [{ role: "user", content: task }],
    reasoning: { summary: "concise" },
    truncation: "auto",
  });

  while (true) {
    const computerCalls = response.output.filter((item) => item.type === "computer_call");
    if (computerCalls.length === 0) {
      return response.output_text;
    }

    const computerCall = computerCalls[0]!;
    const action = computerCall.action;
    console.log(`Action: ${action.type}`);
    await handleModelAction(page, action);
    await page.waitForTimeout(1000);

    const screenshot = await page.screenshot();
    response = await openai.responses.create({
      model: "computer-use-preview",
      previous_response_id: response.id,
      tools: [
        {
          type: "computer_use_preview",
          display_width: 1024,
          display_height: 768,
          environment: "browser",
        },
      ],
      input: [
        {
          call_id: computerCall.call_id,
          type: "computer_call_output",
          acknowledged_safety_checks: computerCall.pending_safety_checks,
          output: {
            type: "input_image",
            image_url: `data:image/png;base64,${screenshot.toString("base64")}`,
          },
        },
      ],
      truncation: "auto",
    });
  }
}
