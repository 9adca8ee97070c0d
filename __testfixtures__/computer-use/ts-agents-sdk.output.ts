import { Agent, computerTool, run, withTrace } from "@openai/agents";
import { LocalPlaywrightComputer } from "./playwright-computer.js";

export async function searchAndSummarize(query: string): Promise<string | undefined> {
  const computer = await LocalPlaywrightComputer.launch({ width: 1024, height: 768 });
  try {
    const agent = new Agent({
      name: "Browser user",
      instructions: "You are a helpful agent. Use the browser to research before you answer.",
      model: "gpt-5.5",
      tools: [computerTool({ computer })],
      modelSettings: { truncation: "auto" },
    });
    return await withTrace("Computer use example", async () => {
      const result = await run(agent, query);
      return result.finalOutput;
    });
  } finally {
    await computer.close();
  }
}
