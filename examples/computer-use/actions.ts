import type OpenAI from "openai";
import type { Page } from "playwright";

type Action = OpenAI.Responses.ResponseComputerToolCall["action"];

/** Key names the model sends, as Playwright spells them. */
const KEYS: Record<string, string> = {
  ENTER: "Enter", ESC: "Escape", TAB: "Tab", BACKSPACE: "Backspace", SPACE: " ",
  CTRL: "Control", ALT: "Alt", SHIFT: "Shift", CMD: "Meta",
  ARROWUP: "ArrowUp", ARROWDOWN: "ArrowDown", ARROWLEFT: "ArrowLeft", ARROWRIGHT: "ArrowRight",
};

/** Runs one action the model asked for on the page. */
export async function runAction(page: Page, action: Action): Promise<void> {
  console.log(`action: ${action.type}`);
  switch (action.type) {
    case "click":
      await page.mouse.click(action.x, action.y, { button: action.button === "right" ? "right" : "left" });
      break;
    case "double_click":
      await page.mouse.dblclick(action.x, action.y);
      break;
    case "move":
      await page.mouse.move(action.x, action.y);
      break;
    case "drag": {
      const [start, ...rest] = action.path;
      if (!start) break;
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      for (const point of rest) await page.mouse.move(point.x, point.y);
      await page.mouse.up();
      break;
    }
    case "scroll":
      await page.mouse.move(action.x, action.y);
      await page.mouse.wheel(action.scroll_x, action.scroll_y);
      break;
    case "type":
      await page.keyboard.type(action.text);
      break;
    case "keypress":
      await page.keyboard.press(action.keys.map((key) => KEYS[key.toUpperCase()] ?? key).join("+"));
      break;
    case "wait":
      await page.waitForTimeout(1000);
      break;
    case "screenshot":
      break;
  }
}
