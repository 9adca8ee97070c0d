/** The per-file budget: one watchdog serves a slice of files, yet each file gets the whole budget. */
import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import { eachWithinBudget, OverBudget } from '../src/runner/budget.js';

/** Synchronous work of about `ms` milliseconds of wall time, as a parse is. */
function busy(ms: number): string {
  const until = performance.now() + ms;
  while (performance.now() < until);
  return `${ms}`;
}

function outcomes(budget: number, items: number[]): string[] {
  const seen: string[] = [];
  eachWithinBudget(budget, items, busy, (item, outcome) => seen.push(outcome instanceof OverBudget ? `${item} over` : outcome));
  return seen;
}

describe('eachWithinBudget', () => {
  test('a file the watchdog stops late in a slice runs again with the whole budget', () => {
    // The second starts 300 ms into a slice whose watchdog fires at 800 ms: stopped after
    // 500 ms, it is run again on its own and finishes in its 600 ms.
    expect(outcomes(800, [300, 600, 1])).toEqual(['300', '600', '1']);
  });

  test('a file over the budget is handed on as OverBudget, in its place, and the rest go on', () => {
    expect(outcomes(200, [1, 500, 1])).toEqual(['1', '500 over', '1']);
  });

  test('no budget runs every item as it is', () => {
    expect(outcomes(0, [1, 2])).toEqual(['1', '2']);
  });
});
