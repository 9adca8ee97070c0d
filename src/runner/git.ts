/** The dirty-work-tree guard: refuse to write over uncommitted changes unless --force. */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type TreeState = { kind: 'clean' } | { kind: 'not-git' } | { kind: 'dirty'; files: string[] };

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function topOf(path: string): string | null {
  const dir = statSync(path).isFile() ? dirname(path) : path;
  try {
    return git(['rev-parse', '--show-toplevel'], dir).trim();
  } catch {
    return null;
  }
}

/**
 * Uncommitted changes under the given paths (untracked files count: a write could clobber
 * them), asked of each repository the paths lie in; paths outside any repository make
 * the state `not-git` when nothing is dirty.
 */
export function workTreeState(inputs: string[], cwd: string): TreeState {
  const byTop = new Map<string, string[]>();
  let outside = false;
  for (const input of inputs) {
    // A glob is matched from the current directory, so that is where its files lie.
    const path = existsSync(resolve(cwd, input)) ? resolve(cwd, input) : cwd;
    const top = topOf(path);
    if (top === null) outside = true;
    else byTop.set(top, [...(byTop.get(top) ?? []), path]);
  }
  const files = [...byTop].flatMap(([top, paths]) =>
    git(['status', '--porcelain', '--', ...paths], top).split('\n').filter(Boolean).map((line) => line.slice(3)));
  if (files.length > 0) return { kind: 'dirty', files };
  return outside || byTop.size === 0 ? { kind: 'not-git' } : { kind: 'clean' };
}
