/**
 * Browser task runner: drives a Chromium page with the computer-use model until the
 * model stops asking for actions, then returns its answer.
 *
 *   node --env-file=.env dist/computer-use/browser-agent.js "Find the opening hours of the Louvre"
 */
import OpenAI from "openai";
import { chromium, type Page } from "playwright";
import { runAction } from "./actions.js";

const client = new OpenAI();

const MODEL = process.env.CUA_MODEL ?? "computer-use-preview";
const DISPLAY_WIDTH = Number(process.env.CUA_DISPLAY_WIDTH ?? 1280);
const DISPLAY_HEIGHT = Number(process.env.CUA_DISPLAY_HEIGHT ?? 800);
const MAX_STEPS = Number(process.env.CUA_MAX_STEPS ?? 30);

const tools: OpenAI.Responses.Tool[] = [
  {
    type: "computer_use_preview",
    // The model sees the page at exactly the viewport size below.
    display_width: DISPLAY_WIDTH,
    display_height: DISPLAY_HEIGHT,
    environment: "browser",
  },
];

type SafetyCheck = OpenAI.Responses.ResponseComputerToolCall.PendingSafetyCheck;

async function screenshot(page: Page): Promise<string> {
  const png = await page.screenshot({ type: "png" });
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** Only checks the operator allowed up front are acknowledged; any other stops the run. */
function acknowledge(checks: SafetyCheck[]): SafetyCheck[] {
  const allowed = new Set((process.env.CUA_ALLOWED_CHECKS ?? "").split(",").filter(Boolean));
  const refused = checks.filter((check) => !allowed.has(check.code ?? ""));
  if (refused.length > 0) {
    throw new Error(`safety check needs a person: ${refused.map((c) => c.message).join("; ")}`);
  }
  return checks;
}

export async function runTask(task: string, startUrl = "https://www.bing.com"): Promise<string> {
  const browser = await chromium.launch({ headless: process.env.HEADLESS !== "0" });
  const page = await browser.newPage({ viewport: { width: DISPLAY_WIDTH, height: DISPLAY_HEIGHT } });
  try {
    await page.goto(startUrl);
    let response = await client.responses.create({
      model: MODEL,
      tools,
      tool_choice: "computer_use_preview",
      input: [{ role: "user", content: task }],
      reasoning: { summary: "concise" },
      truncation: "auto",
    });

    for (let step = 0; step < MAX_STEPS; step++) {
      const call = response.output.find((item) => item.type === "computer_call");
      if (!call || call.type !== "computer_call") return response.output_text;

      const acknowledged = acknowledge(call.pending_safety_checks);
      await runAction(page, call.action);

      response = await client.responses.create({
        model: MODEL,
        previous_response_id: response.id,
        tools,
        input: [
          {
            type: "computer_call_output",
            call_id: call.call_id,
            acknowledged_safety_checks: acknowledged,
            output: { type: "input_image", image_url: await screenshot(page) },
          },
        ],
        truncation: "auto",
      });
    }
    throw new Error(`no answer after ${MAX_STEPS} steps`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runTask(process.argv.slice(2).join(" ")));
}
