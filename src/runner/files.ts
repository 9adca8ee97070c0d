/**
 * Finds the files a run looks at: fast-glob over the given paths, nested .gitignore files
 * (the `ignore` package), node_modules and .git always skipped, symlinks leading outside
 * the given paths skipped.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { walkSync } from '@nodelib/fs.walk';
import ignore, { type Ignore } from 'ignore';
import { adapterFor } from '../languages/index.js';
import { lazyRequire } from '../lazy.js';
import { isLeftoverTemp } from './io.js';

export interface FindOptions {
  cwd: string;
  /** Narrows the default extensions (`ts,py`); empty: every language the tool knows. */
  extensions: string[];
  ignorePatterns: string[];
  gitignore: boolean;
}

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const ALWAYS_SKIPPED = [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`);
/** Only glob inputs need it. */
const fastGlob = lazyRequire<typeof import('fast-glob')>('fast-glob');

/**
 * `absolute` relative to `base`, with `/` separators. A run computes this several times per
 * file, and path.relative() (which resolves both sides) was most of the time spent listing
 * a large tree; a path under `base` is a plain slice.
 */
function relativeTo(base: string, absolute: string): string {
  const prefix = base.endsWith(sep) ? base : base + sep;
  const rel = absolute.startsWith(prefix) ? absolute.slice(prefix.length) : relative(base, absolute);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Cwd-relative path with `/` separators, as reports show it. */
export function displayPath(cwd: string, absolute: string): string {
  return absolute === cwd ? '.' : relativeTo(cwd, absolute) || '.';
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

interface Matcher {
  dir: string;
  matcher: Ignore;
}

/** One matcher per folder that holds a .gitignore, applied to the paths below it. */
class GitignoreStack {
  private readonly byDir = new Map<string, Ignore | null>();
  /** Per repository top, then per folder: the matchers from that folder up to the top. */
  private readonly chains = new Map<string, Map<string, Matcher[]>>();

  private matcherFor(dir: string): Ignore | null {
    if (!this.byDir.has(dir)) {
      const file = join(dir, '.gitignore');
      this.byDir.set(dir, existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null);
    }
    return this.byDir.get(dir)!;
  }

  /** The .gitignore matchers from `dir` up to the repository top (or the filesystem root), kept per folder because files share them. */
  private chainFor(dir: string, top: string): Matcher[] {
    let byFolder = this.chains.get(top);
    if (!byFolder) this.chains.set(top, (byFolder = new Map<string, Matcher[]>()));
    let chain = byFolder.get(dir);
    if (!chain) {
      const matcher = this.matcherFor(dir);
      const above = dir === top || dirname(dir) === dir ? [] : this.chainFor(dirname(dir), top);
      chain = matcher ? [{ dir, matcher }, ...above] : above;
      byFolder.set(dir, chain);
    }
    return chain;
  }

  /**
   * Ignored by any .gitignore from the repository top (or the filesystem root) down to the
   * file or folder; a folder is matched with a trailing `/`, so `dist/` patterns apply to it.
   */
  ignores(absolute: string, top: string, folder = false): boolean {
    // As in git, the deepest .gitignore with a verdict decides: `!schema.gen.ts` in a
    // package re-includes what `*.gen.ts` at the top excludes. A folder excluded higher
    // up is never walked, so nothing below it can come back.
    for (const { dir, matcher } of this.chainFor(dirname(absolute), top)) {
      const rel = relativeTo(dir, absolute);
      const verdict = matcher.test(folder ? `${rel}/` : rel);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

function repositoryTop(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** Decides whether a folder's contents are walked at all; a pruned folder's files are never listed. */
type FolderFilter = (absolute: string, root: string) => boolean;

/** What a walk found besides the files to process. */
interface Aside {
  /** Temp files an interrupted run of the tool left behind, absolute paths. */
  leftovers: string[];
  /** Inputs and folders passed over, with the reason, for the report. */
  skipped: Array<{ path: string; reason: string }>;
}

/** Why an input that exists is not processed, or null when it is. */
function refusedInput(input: string, absolute: string, cwd: string): string | null {
  const segments = relative(cwd, absolute).split(sep).concat(input.split(/[\\/]/));
  const skippedFolder = segments.find((segment) => SKIPPED_FOLDERS.has(segment));
  if (skippedFolder) return `${skippedFolder} is always skipped`;
  const stats = lstatSync(absolute);
  if (stats.isSymbolicLink()) return 'a symbolic link: give the file it points at to upgrade that';
  if (!stats.isFile() && !stats.isDirectory()) return 'not a regular file or folder';
  return null;
}

/**
 * Files under one input (a file, a folder or a glob), absolute paths. Synchronous walks:
 * nothing else runs meanwhile, and the asynchronous ones spend longer handing each
 * folder's listing back through the thread pool than reading it.
 */
function expand(input: string, cwd: string, walkInto: FolderFilter, aside: Aside): { files: string[]; root: string } {
  const absolute = resolve(cwd, input);
  // A path that exists is taken as written, so a folder named like a glob (`app/[id]`) is
  // that folder; anything else with glob syntax is a pattern.
  if (!existsSync(absolute) && !isLink(absolute)) {
    if (!fastGlob().isDynamicPattern(input)) throw new UsageError(`${input}: no such file or folder`);
    const entries = fastGlob().sync(input, {
      cwd,
      dot: true,
      absolute: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: ALWAYS_SKIPPED,
    });
    return { files: entries, root: cwd };
  }
  const refused = refusedInput(input, absolute, cwd);
  if (refused) {
    aside.skipped.push({ path: displayPath(cwd, absolute), reason: `skipped: ${refused}` });
    return { files: [], root: absolute };
  }
  if (lstatSync(absolute).isFile()) return { files: [absolute], root: dirname(absolute) };
  // fast-glob's own walker, called directly for its folder filter: gitignored folders
  // (dist/, .venv/, coverage/) are pruned instead of listed and then dropped file by file.
  // Symbolic links are skipped: one inside the paths is found as its target, and one
  // leading outside them is not the tool's to edit (a write would replace the link).
  const entries = walkSync(absolute, {
    followSymbolicLinks: false,
    deepFilter: (entry) => !SKIPPED_FOLDERS.has(entry.name) && walkInto(entry.path, absolute),
    entryFilter: (entry) => {
      if (entry.dirent.isFIFO() || entry.dirent.isCharacterDevice() || entry.dirent.isBlockDevice() || entry.dirent.isSocket()) {
        if (adapterFor(entry.path)) aside.skipped.push({ path: displayPath(cwd, entry.path), reason: 'skipped: not a regular file' });
        return false;
      }
      if (!entry.dirent.isFile()) return false;
      if (!isLeftoverTemp(entry.name)) return true;
      aside.leftovers.push(entry.path);
      return false;
    },
    // A folder that cannot be listed is reported and the walk goes on.
    errorFilter: (error) => {
      const path = error.path ? displayPath(cwd, error.path) : displayPath(cwd, absolute);
      aside.skipped.push({ path, reason: `skipped: cannot list (${error.code ?? error.message})` });
      return true;
    },
  });
  return { files: entries.map((entry) => entry.path), root: absolute };
}

function isLink(absolute: string): boolean {
  try {
    return lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface FoundFile {
  /** Relative to the current directory, as reports show it. */
  path: string;
  absolute: string;
  /** Relative to the repository top (or the current directory outside a repository), for the policy's path rules and patches. */
  policyPath: string;
  /** The repository top holding the file, or null outside any repository. */
  top: string | null;
  /** A .gitignore excludes it (only found so under --no-gitignore). */
  gitignored: boolean;
}

export interface Found extends Aside {
  files: FoundFile[];
}

/** The files to process, sorted by path. `--ignore-pattern` globs match paths relative to the current directory. */
export function findFiles(inputs: string[], options: FindOptions): Found {
  const extra = options.ignorePatterns.length > 0 ? ignore({ allowRelativePaths: true }).add(options.ignorePatterns) : null;
  const stack = new GitignoreStack();
  const seen = new Map<string, FoundFile>();
  const tops = new Map<string, string | null>();
  const aside: Aside = { leftovers: [], skipped: [] };
  const topOf = (root: string): string | null => {
    if (!tops.has(root)) tops.set(root, repositoryTop(root));
    return tops.get(root)!;
  };
  const excludedByPattern = (absolute: string, folder: boolean): boolean => {
    if (!extra) return false;
    const path = displayPath(options.cwd, absolute);
    return extra.ignores(folder ? `${path}/` : path);
  };
  const gitignored = (absolute: string, root: string, folder: boolean): boolean => stack.ignores(absolute, topOf(root) ?? root, folder);
  const ignored = (absolute: string, root: string, folder: boolean): boolean =>
    excludedByPattern(absolute, folder) || (options.gitignore && gitignored(absolute, root, folder));
  for (const input of inputs) {
    const { files, root } = expand(input, options.cwd, (folder, walkRoot) => !ignored(folder, walkRoot, true), aside);
    const top = topOf(root);
    for (const absolute of files) {
      const path = displayPath(options.cwd, absolute);
      if (seen.has(path) || !adapterFor(path) || !matchesExtensions(path, options.extensions)) continue;
      if (ignored(absolute, root, false)) continue;
      seen.set(path, {
        path,
        absolute,
        policyPath: top ? relativeTo(top, absolute) : path,
        top,
        gitignored: !options.gitignore && gitignored(absolute, root, false),
      });
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ...aside };
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
