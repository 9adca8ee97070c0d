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
const ADAPTERS: LanguageAdapter[] = [javascript, notebook, markdown, python, json, yaml, toml, env];

/** Every extension the run looks at by default, for the file finder. */
export const DEFAULT_EXTENSIONS: string[] = ADAPTERS.flatMap((a) => a.extensions);

export function adapterFor(path: string): LanguageAdapter | null {
  return ADAPTERS.find((a) => a.files.test(path)) ?? null;
}

/** The adapter for an embedded region's language, if the tool has one. */
export function adapterIfAny(id: LanguageId): LanguageAdapter | null {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}

/** The adapters `paths` need: each file's own, and those of the regions they may hold. */
function adaptersFor(paths: Iterable<string>): Set<LanguageAdapter> {
  const needed = new Set<LanguageAdapter>();
  const add = (adapter: LanguageAdapter | null): void => {
    if (!adapter || needed.has(adapter)) return;
    needed.add(adapter);
    for (const id of adapter.embeds ?? []) add(adapterIfAny(id));
  };
  for (const path of paths) add(adapterFor(path));
  return needed;
}

/**
 * Runs the asynchronous set-up (WebAssembly grammars, ESM-only parsers) of the adapters
 * `paths` need, or of every adapter; once each, before the first parse. A run over
 * TypeScript alone never loads the Python grammar or the Markdown parser.
 */
export async function initLanguages(paths?: Iterable<string>): Promise<void> {
  const adapters = paths ? adaptersFor(paths) : ADAPTERS;
  await Promise.all([...adapters].flatMap((a) => (a.init ? [a.init()] : [])));
}
