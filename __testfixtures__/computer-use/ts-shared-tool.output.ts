// Tool definitions shared by the browser worker and the desktop worker.
import type { Tool } from "openai/resources/responses/responses";

export function browserComputerTool(width = 1280, height = 800): Tool {
  return {
    type: "computer_use_preview",
    display_width: width,
    display_height: height,
    environment: "browser",
  };
}

export const desktopComputerTool: Tool = { type: "computer_use_preview", display_width: 1920, display_height: 1080, environment: "linux" };
