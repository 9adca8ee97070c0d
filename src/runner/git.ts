/**
 * The dirty-work-tree guard: refuse to write over uncommitted changes unless --force.
 *
 * Git reads the target repository's own config, which can name commands for git to run
 * (`core.fsmonitor`, filter drivers that `status` calls to compare contents, hooks). A
 * repository the user merely runs the tool over must not get to run anything, so every
 * such setting the repository makes is overridden on the command line, submodules (with
 * configs of their own) are not entered, and output is read only as far as it is needed.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './files.js';

export type TreeState = { kind: 'clean' } | { kind: 'not-git' } | { kind: 'dirty'; files: string[] };

/** Settings that run a command during `status` or `rev-parse`, off whoever set them. */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.untrackedCache=false',
  'protocol.allow=never',
  'diff.external=',
];

/** Per-driver settings a repository's config can give a command: `filter.<driver>.clean` and the like. */
const DRIVER_COMMAND = /^(filter\.[^\n]+)\.(clean|smudge|process)$/;

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  // `status` would otherwise refresh and write the index of the repository it reads.
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
};

interface GitOutput {
  code: number | null;
  /** NUL- or newline-separated records, at most `limit`. */
  records: string[];
  stderr: string;
  /** More records came than `limit`; the process was stopped. */
  more: boolean;
}

/** Runs git, keeping at most `limit` records of its output (and a little of stderr). */
function git(args: string[], cwd: string, options: { limit: number; separator: string }): Promise<GitOutput> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const records: string[] = [];
    let partial = '';
    let stderr = '';
    let more = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (more) return;
      const parts = (partial + chunk).split(options.separator);
      partial = parts.pop()!;
      records.push(...parts);
      if (records.length > options.limit) {
        more = true;
        records.length = options.limit;
        child.kill();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (partial && !more && records.length < options.limit) records.push(partial);
      done({ code, records, stderr: stderr.trim(), more });
    });
  });
}

function failure(what: string, output: GitOutput): UsageError {
  const detail = output.stderr.split('\n')[0] || `exit code ${output.code}`;
  return new UsageError(`git ${what} failed (${detail}); pass --dry to see the changes without writing`);
}

/** The repository top holding `path`, or null when it is in none. */
async function topOf(path: string): Promise<string | null> {
  const dir = statSync(path).isFile() ? dirname(path) : path;
  const output = await git(configArgs(['rev-parse', '--show-toplevel']), dir, { limit: 1, separator: '\n' });
  if (output.code === 0) return output.records[0] ?? null;
  if (/not a git repository/i.test(output.stderr)) return null;
  throw failure('rev-parse', output);
}

function configArgs(args: string[], extra: string[] = []): string[] {
  return [...[...SAFE_CONFIG, ...extra].flatMap((setting) => ['-c', setting]), ...args];
}

/** Every driver command the repository's own config (and what it includes) defines, set to nothing. */
async function neutralDrivers(top: string): Promise<string[]> {
  const output = await git(configArgs(['config', '--list', '--show-scope', '--name-only', '-z']), top, { limit: 100_000, separator: '\0' });
  const settings = new Set<string>();
  // With -z, each setting is two records: its scope, then its name.
  for (let i = 0; i + 1 < output.records.length; i += 2) {
    const [scope, name] = [output.records[i], output.records[i + 1]!];
    if (scope === 'global' || scope === 'system') continue;
    const driver = DRIVER_COMMAND.exec(name)?.[1];
    if (driver) settings.add(`${driver}.clean=`).add(`${driver}.smudge=`).add(`${driver}.process=`).add(`${driver}.required=false`);
  }
  return [...settings];
}

const LISTED = 5;

/** Up to LISTED changed paths under `paths` (untracked ones count: a write could clobber them), and whether there are more. */
async function changedUnder(top: string, paths: string[]): Promise<{ files: string[]; more: boolean }> {
  const args = configArgs(
    ['status', '--porcelain', '-z', '--ignore-submodules=all', '--untracked-files=all', '--', ...paths],
    await neutralDrivers(top),
  );
  const output = await git(args, top, { limit: LISTED * 2, separator: '\0' });
  if (output.code !== 0 && !output.more) throw failure('status', output);
  // A rename record is followed by its source path, which has no status of its own.
  const files = output.records.filter((record) => /^.. /.test(record)).map((record) => record.slice(3));
  return { files: files.slice(0, LISTED), more: output.more || files.length > LISTED };
}

/**
 * Uncommitted changes under the given paths, asked of each repository the paths lie in;
 * paths outside any repository make the state `not-git` when nothing is dirty.
 */
export async function workTreeState(inputs: string[], cwd: string): Promise<TreeState> {
  const byTop = new Map<string, string[]>();
  let outside = false;
  for (const input of inputs) {
    // A glob is matched from the current directory, so that is where its files lie.
    const path = existsSync(resolve(cwd, input)) ? resolve(cwd, input) : cwd;
    const top = await topOf(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (top === null) outside = true;
    else byTop.set(top, [...(byTop.get(top) ?? []), path]);
  }
  const files: string[] = [];
  for (const [top, paths] of byTop) {
    const changed = await changedUnder(top, paths);
    files.push(...changed.files);
    if (changed.more) files.push('...');
  }
  if (files.length > 0) return { kind: 'dirty', files };
  return outside || byTop.size === 0 ? { kind: 'not-git' } : { kind: 'clean' };
}
