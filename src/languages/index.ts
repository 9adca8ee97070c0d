import type { LanguageId } from '../types.js';
import { javascript } from './javascript.js';
import type { LanguageAdapter } from './types.js';

/** Every adapter; a path goes to the first whose `files` pattern matches it. */
const ADAPTERS: LanguageAdapter<any>[] = [
  javascript,
];

/** Every extension the run looks at by default, for the file finder. */
export const DEFAULT_EXTENSIONS: string[] = ADAPTERS.flatMap((a) => a.extensions);

export function adapterFor(path: string): LanguageAdapter | null {
  return ADAPTERS.find((a) => a.files.test(path)) ?? null;
}

export function adapterById(id: LanguageId): LanguageAdapter {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (!adapter) throw new Error(`no adapter for ${id}`);
  return adapter;
}

/** Runs the adapters' asynchronous set-up (WebAssembly grammars) once, before the first parse. */
export async function initLanguages(): Promise<void> {
  await Promise.all(ADAPTERS.map((a) => a.init?.()));
}
