import OpenAI from "openai";

const client = new OpenAI();

// The computer-use transform owns this request; model-slug must leave it alone.
export async function firstStep(task: string, screenshot: string) {
  return client.responses.create({
    model: "computer-use-preview",
    tools: [
      {
        type: "computer_use_preview",
        display_width: 1280,
        display_height: 800,
        environment: "browser",
      },
    ],
    input: [
      {
        role: "user",
        content: [
          { type: "input_text", text: task },
          { type: "input_image", image_url: `data:image/png;base64,${screenshot}` },
        ],
      },
    ],
    truncation: "auto",
  });
}

export const PINNED_CUA = "computer-use-preview-2025-03-11";

export async function planTask(task: string) {
  return client.responses.create({ model: "gpt-5.5", input: `Plan the clicks for: ${task}` });
}
