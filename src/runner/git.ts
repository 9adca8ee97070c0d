/** The dirty-work-tree guard: refuse to write over uncommitted changes unless --force. */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type TreeState = { kind: 'clean' } | { kind: 'not-git' } | { kind: 'dirty'; files: string[] };

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Uncommitted changes under the given paths (untracked files count: a write could clobber them). */
export function workTreeState(inputs: string[], cwd: string): TreeState {
  const first = resolve(cwd, inputs.find((p) => existsSync(resolve(cwd, p))) ?? '.');
  const dir = existsSync(first) && statSync(first).isFile() ? dirname(first) : first;
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], dir).trim();
  } catch {
    return { kind: 'not-git' };
  }
  const paths = inputs.filter((p) => existsSync(resolve(cwd, p))).map((p) => resolve(cwd, p));
  const status = git(['status', '--porcelain', '--', ...(paths.length > 0 ? paths : [dir])], top);
  const files = status.split('\n').filter(Boolean).map((line) => line.slice(3));
  return files.length > 0 ? { kind: 'dirty', files } : { kind: 'clean' };
}
