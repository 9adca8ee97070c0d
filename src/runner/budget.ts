/**
 * A time budget per file (--file-timeout). Parsing and transforming are synchronous, so a
 * file that makes a parser or a transform run away cannot be stopped by a timer on the
 * event loop; a `vm` script run with a timeout can: V8 stops the script and whatever it
 * calls (WebAssembly included) from a watchdog thread. Only files some prefilter lets
 * through pay for the watchdog (about a quarter of a millisecond each).
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';

export class OverBudget extends Error {}

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

/** `work()`, stopped with OverBudget once it has run `ms` milliseconds; no budget when `ms` is 0. */
export function withinBudget<T>(ms: number, work: () => T): T {
  if (ms <= 0) return work();
  slots[SLOT] = work;
  const loaded = Object.keys(modules).length;
  try {
    return CALL.runInThisContext({ timeout: ms }) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      forgetModulesSince(loaded);
      throw new OverBudget(`took over ${ms / 1000} s (--file-timeout); left untouched`);
    }
    throw err;
  } finally {
    slots[SLOT] = undefined;
  }
}
