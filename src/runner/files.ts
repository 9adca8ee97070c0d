/**
 * Finds the files a run looks at: fast-glob over the given paths, nested .gitignore files
 * (the `ignore` package), node_modules and .git always skipped, symlinks leading outside
 * the given paths skipped.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { adapterFor } from '../languages/index.js';

export interface FindOptions {
  cwd: string;
  /** Narrows the default extensions (`ts,py`); empty: every language the tool knows. */
  extensions: string[];
  ignorePatterns: string[];
  gitignore: boolean;
}

export class UsageError extends Error {}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/** Cwd-relative path with `/` separators, as reports show it. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** `ts`, `.ts` and `*.ts` all mean the extension; `env` also matches `.env` and `.env.local`. */
function matchesExtensions(path: string, extensions: string[]): boolean {
  if (extensions.length === 0) return true;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return extensions.some((raw) => {
    const ext = raw.replace(/^\*?\./, '');
    return base.endsWith(`.${ext}`) || base === `.${ext}` || base.startsWith(`.${ext}.`);
  });
}

/** One matcher per folder that holds a .gitignore, applied to the paths below it. */
class GitignoreStack {
  private readonly byDir = new Map<string, Ignore | null>();

  private matcherFor(dir: string): Ignore | null {
    if (!this.byDir.has(dir)) {
      const file = join(dir, '.gitignore');
      this.byDir.set(dir, existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null);
    }
    return this.byDir.get(dir)!;
  }

  /** Ignored by any .gitignore from the repository top (or the filesystem root) down to the file. */
  ignores(absolute: string, top: string): boolean {
    let dir = dirname(absolute);
    while (true) {
      const matcher = this.matcherFor(dir);
      const rel = relative(dir, absolute).split(sep).join('/');
      if (matcher && rel && matcher.ignores(rel)) return true;
      if (dir === top || dirname(dir) === dir) return false;
      dir = dirname(dir);
    }
  }
}

function gitTop(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** Files under one input (a file, a folder or a glob), absolute paths. */
async function expand(input: string, cwd: string): Promise<{ files: string[]; root: string }> {
  const absolute = resolve(cwd, input);
  if (fg.isDynamicPattern(input)) {
    const entries = await fg(input, { cwd, dot: true, absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ALWAYS_SKIPPED });
    return { files: entries, root: cwd };
  }
  if (!existsSync(absolute)) throw new UsageError(`${input}: no such file or folder`);
  if (statSync(absolute).isFile()) return { files: [absolute], root: dirname(absolute) };
  const entries = await fg('**/*', {
    cwd: absolute,
    dot: true,
    absolute: true,
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    ignore: ALWAYS_SKIPPED,
  });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) files.push(entry.path);
    else if (entry.dirent.isSymbolicLink() && symlinkedFileInside(entry.path, absolute)) files.push(entry.path);
  }
  return { files, root: absolute };
}

function symlinkedFileInside(link: string, root: string): boolean {
  try {
    const target = realpathSync(link);
    return isInside(realpathSync(root), target) && statSync(target).isFile();
  } catch {
    return false;
  }
}

/** The files to process, cwd-relative display paths and absolute paths, sorted. */
export async function findFiles(inputs: string[], options: FindOptions): Promise<Array<{ path: string; absolute: string }>> {
  const extra = options.ignorePatterns.length > 0 ? ignore().add(options.ignorePatterns) : null;
  const stack = new GitignoreStack();
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const { files, root } = await expand(input, options.cwd);
    const top = gitTop(root);
    for (const absolute of files) {
      const path = displayPath(options.cwd, absolute);
      if (seen.has(path) || !adapterFor(path) || !matchesExtensions(path, options.extensions)) continue;
      if (extra?.ignores(relative(root, absolute).split(sep).join('/') || path)) continue;
      if (options.gitignore && stack.ignores(absolute, top)) continue;
      seen.set(path, absolute);
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, absolute]) => ({ path, absolute }));
}

/** Deterministic shard membership (`--shard k/n`), stable when other files come and go. */
export function inShard(path: string, shard: { index: number; count: number } | null): boolean {
  if (!shard) return true;
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shard.count === shard.index - 1;
}
