import type { LanguageId } from '../types.js';
import { env } from './env.js';
import { javascript } from './javascript.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { notebook } from './notebook.js';
import { python } from './python.js';
import { toml } from './toml.js';
import type { LanguageAdapter } from './types.js';
import { yaml } from './yaml.js';

/** Every adapter; a path goes to the first whose `files` pattern matches it. */
const ADAPTERS: LanguageAdapter<any>[] = [
  javascript,
  notebook,
  markdown,
  python,
  json,
  yaml,
  toml,
  env,
];

/** Every extension the run looks at by default, for the file finder. */
export const DEFAULT_EXTENSIONS: string[] = ADAPTERS.flatMap((a) => a.extensions);

export function adapterFor(path: string): LanguageAdapter | null {
  return ADAPTERS.find((a) => a.files.test(path)) ?? null;
}

/** The adapter for an embedded region's language, if the tool has one. */
export function adapterIfAny(id: LanguageId): LanguageAdapter | null {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}

/** Runs the adapters' asynchronous set-up (WebAssembly grammars) once, before the first parse. */
export async function initLanguages(): Promise<void> {
  await Promise.all(ADAPTERS.map((a) => a.init?.()));
}
