import { describe, expect, it } from "vitest";
import { executeComputerActions } from "../src/runner/toolExecution.js";

describe("executeComputerActions", () => {
  it("runs the call's action and leaves the item as it was built", async () => {
    const computerCall = { type: "computer_call" as const, callId: "c1", status: "completed" as const, action: { type: "screenshot" as const } };
    const items = await executeComputerActions([computerCall]);
    expect(computerCall.action).toEqual({ type: "screenshot" });
    expect(items).toHaveLength(1);
  });
});
