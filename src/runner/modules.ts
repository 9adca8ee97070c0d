/**
 * The modules a file imports, read beside it: `./openai.js` in TypeScript source names
 * `./openai.ts` (ESM spells the compiled name), a folder names its index. Only relative
 * specifiers are read; a package is somebody else's code. Nothing outside the file's
 * repository is read, however many `../` a hostile import spells.
 */
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { ModuleReader } from '../languages/types.js';
import { readSource } from './io.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const COMPILED_EXTENSION = /\.(m|c)?jsx?$/;

/** The files a relative specifier may name, most likely first. */
function candidates(base: string): string[] {
  const stem = base.replace(COMPILED_EXTENSION, '');
  return [base, ...SOURCE_EXTENSIONS.map((ext) => stem + ext), ...SOURCE_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
}

function firstText(paths: readonly string[]): string | null {
  for (const path of paths) {
    const read = readSource(path);
    if (read.kind === 'text') return read.text;
  }
  return null;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The reader for the modules of the file at `absolute` in the repository at `root`, each module read once. */
export function moduleReader(absolute: string, root: string): ModuleReader {
  const read = new Map<string, string | null>();
  return (specifier) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
    const base = resolve(dirname(absolute), specifier);
    if (!inside(root, base)) return null;
    if (!read.has(base)) read.set(base, firstText(candidates(base)));
    return read.get(base) ?? null;
  };
}
