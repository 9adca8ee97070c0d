/**
 * A time budget per file (--file-timeout). Parsing and transforming are synchronous, so a
 * file that makes a parser or a transform run away cannot be stopped by a timer on the
 * event loop; a `vm` script run with a timeout can: V8 stops the script and whatever it
 * calls (WebAssembly included) from a watchdog thread. That watchdog is a thread started
 * per call (about a quarter of a millisecond), so one call serves a slice of files.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

export class OverBudget extends Error {}

/** How long one watchdog's slice of items runs at most before its results are handed on (progress stays live). */
const SLICE_MS = 200;

const SLOT = Symbol.for('gpt55-codemod.budgeted-work');
const slots = globalThis as unknown as Record<symbol, (() => unknown) | undefined>;
const CALL = new vm.Script(`globalThis[Symbol.for('gpt55-codemod.budgeted-work')]()`);
const modules = createRequire(import.meta.url).cache;

/**
 * A module whose first require the budget stopped halfway stays cached half-initialised,
 * and every later file would get that half: modules first required by the stopped work
 * are dropped, so the next require runs them again from the start.
 */
function forgetModulesSince(count: number): void {
  for (const id of Object.keys(modules).slice(count)) delete modules[id];
}

/** `work()` under a watchdog of `ms`; false when the watchdog stopped it. */
function watched(ms: number, work: () => void): boolean {
  slots[SLOT] = work;
  const loaded = Object.keys(modules).length;
  try {
    CALL.runInThisContext({ timeout: ms });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
    forgetModulesSince(loaded);
    return false;
  } finally {
    slots[SLOT] = undefined;
  }
}

/**
 * Hands on `work(item)` for each item in order, or an OverBudget for an item that ran over
 * `ms` milliseconds; no budget when `ms` is 0. Items run in slices under one watchdog that
 * started with the slice: when it fires, the item it stopped had the whole budget only if
 * it began the slice, so any other is run again at the start of a slice of its own. A
 * result counts once it is stored, so a stopped item never leaves half a result behind.
 */
export function eachWithinBudget<T, R>(
  ms: number,
  items: readonly T[],
  work: (item: T) => R,
  deliver: (item: T, outcome: R | OverBudget) => void,
): void {
  if (ms <= 0) {
    for (const item of items) deliver(item, work(item));
    return;
  }
  const slice = Math.min(SLICE_MS, ms / 2);
  let first = 0;
  while (first < items.length) {
    const done: R[] = [];
    const started = performance.now();
    const finished = watched(ms, () => {
      while (first + done.length < items.length && performance.now() - started < slice) done.push(work(items[first + done.length]!));
    });
    for (const [index, result] of done.entries()) deliver(items[first + index]!, result);
    first += done.length;
    if (!finished && done.length === 0)
      deliver(items[first++]!, new OverBudget(`took over ${ms / 1000} s (--file-timeout); left untouched`));
  }
}
