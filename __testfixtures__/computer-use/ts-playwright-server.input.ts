import express from "express";
import OpenAI from "openai";
import { chromium, type Page } from "playwright";
import { runAction } from "./actions.js";

const client = new OpenAI();
const app = express();
app.use(express.json());

const MODEL = process.env.CUA_MODEL ?? "computer-use-preview";
const DISPLAY_WIDTH = Number(process.env.DISPLAY_WIDTH ?? 1280);
const DISPLAY_HEIGHT = Number(process.env.DISPLAY_HEIGHT ?? 800);
const MAX_TURNS = 25;

const tools: OpenAI.Responses.Tool[] = [
  {
    type: "computer_use_preview",
    // Must match the Playwright viewport below.
    display_width: DISPLAY_WIDTH,
    display_height: DISPLAY_HEIGHT,
    environment: "browser",
  },
];

async function screenshotUrl(page: Page): Promise<string> {
  const png = await page.screenshot();
  return `data:image/png;base64,${png.toString("base64")}`;
}

app.post("/tasks", async (req, res) => {
  const browser = await chromium.launch();
  const page = await browser.newPage({ viewport: { width: DISPLAY_WIDTH, height: DISPLAY_HEIGHT } });
  await page.goto(req.body.startUrl ?? "https://www.bing.com");

  try {
    let response = await client.responses.create({
      model: MODEL,
      tools,
      input: [{ role: "user", content: req.body.task }],
      reasoning: { summary: "concise" },
      truncation: "auto",
    });

    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const call = response.output.find((item) => item.type === "computer_call");
      if (!call || call.type !== "computer_call") break;

      await runAction(page, call.action);

      response = await client.responses.create({
        model: MODEL,
        previous_response_id: response.id,
        tools,
        input: [
          {
            type: "computer_call_output",
            call_id: call.call_id,
            acknowledged_safety_checks: call.pending_safety_checks,
            output: { type: "input_image", image_url: await screenshotUrl(page) },
          },
        ],
        truncation: "auto",
      });
    }

    res.json({ answer: response.output_text });
  } finally {
    await browser.close();
  }
});

app.listen(Number(process.env.PORT ?? 3000));
