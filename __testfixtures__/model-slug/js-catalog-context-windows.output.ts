// Context windows the compaction step plans for, by model.
const CONTEXT_WINDOW_1M = new Set([
  "gpt-5.6",
  "gpt-5.4",
  "gpt-5.4-2026-03-05",
  "gpt-5.4-pro",
  "gpt-4.1",
  "gpt-4.1-2025-04-14",
  "gpt-4.1-mini",
]);

const CONTEXT_WINDOW_400K = ["gpt-5", "gpt-5-mini", "gpt-5.1", "gpt-5.2"] as const;

export type CompactionModel =
  | "openai/gpt-5.4"
  | "openai/gpt-4o"
  | "openai/gpt-4o-mini";

export function contextWindow(model: string): number {
  if (CONTEXT_WINDOW_1M.has(model)) return 1_000_000;
  if ((CONTEXT_WINDOW_400K as readonly string[]).includes(model)) return 400_000;
  return 128_000;
}

export const compactionModel = "gpt-5.5";
