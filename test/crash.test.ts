/**
 * Crash safety of write runs: killed at any moment, out of disk, or two at once on one tree,
 * every file is either its original or its complete upgraded text, and no temp file of the
 * tool outlives the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { AGENT, BIN, cli } from './e2e.js';

const FILES = 2000;
const UPGRADED = AGENT.replace('"gpt-5.4"', '"gpt-5.5"');
const TEMP = /\.gpt55-codemod-.*\.tmp$/;

/** Files of a few KB each, so a write takes long enough to be caught halfway. */
function source(i: number): string {
  const padding = Array.from({ length: 80 }, (_, line) => `// module ${i}, note ${line}: kept as it is by the upgrade`).join('\n');
  return `${AGENT}${padding}\n`;
}

function upgraded(i: number): string {
  return source(i).replace(AGENT, UPGRADED);
}

function tree(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'gpt55-crash-'));
  mkdirSync(join(root, 'src'));
  for (let i = 0; i < count; i++) writeFileSync(join(root, 'src', `agent-${String(i).padStart(4, '0')}.ts`), source(i));
  return root;
}

/** Every file's state: original, upgraded, or something else (a defect); and the temp files left. */
function states(root: string, count: number): { original: number; upgraded: number; other: string[]; temps: string[] } {
  const result = { original: 0, upgraded: 0, other: [] as string[], temps: [] as string[] };
  for (const name of readdirSync(join(root, 'src'))) {
    if (TEMP.test(name)) {
      result.temps.push(name);
      continue;
    }
    const i = Number(/agent-(\d+)\.ts$/.exec(name)?.[1]);
    const text = readFileSync(join(root, 'src', name), 'utf8');
    if (text === source(i)) result.original++;
    else if (text === upgraded(i)) result.upgraded++;
    else result.other.push(name);
  }
  expect(result.original + result.upgraded + result.other.length).toBe(count);
  return result;
}

const sleep = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));

/** Starts a write run and SIGKILLs it `delay` ms after its first file is written. */
async function killDuringWrites(root: string, delay: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'upgrade', 'src', '--quiet', '--workers', '1'], { cwd: root, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const first = join(root, 'src', 'agent-0000.ts');
  const deadline = Date.now() + 60_000;
  while (readFileSync(first, 'utf8') !== upgraded(0) && Date.now() < deadline) await sleep(2);
  await sleep(delay);
  child.kill('SIGKILL');
  await exited;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) spawnSync('rm', ['-rf', dir]);
});

describe('crash safety', () => {
  for (const delay of [0, 40, 120]) {
    test(`SIGKILL ${delay} ms into the writes leaves every file whole, and the next run cleans up`, async () => {
      const root = tree(FILES);
      made.push(root);
      await killDuringWrites(root, delay);
      const killed = states(root, FILES);
      expect(killed.other).toEqual([]);
      expect(killed.upgraded).toBeGreaterThan(0);
      const next = cli(root, 'upgrade', 'src');
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout.match(/temp file left by an interrupted run; removed/g)?.length ?? 0).toBe(killed.temps.length);
      const after = states(root, FILES);
      expect(after).toEqual({ original: 0, upgraded: FILES, other: [], temps: [] });
    }, 120_000);
  }

  test('SIGTERM during the writes stops after the file being written, leaving no temp file', async () => {
    const root = tree(FILES);
    made.push(root);
    const child = spawn(process.execPath, [BIN, 'upgrade', 'src', '--workers', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = join(root, 'src', 'agent-0000.ts');
    while (readFileSync(first, 'utf8') !== upgraded(0)) await sleep(2);
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    const stopped = states(root, FILES);
    expect(stopped.other).toEqual([]);
    expect(stopped.temps).toEqual([]);
    expect(stopped.original).toBeGreaterThan(0);
    expect(stdout).toMatch(/not written: the run was stopped \(SIGTERM\)/);
  }, 120_000);

  test('two write runs at once on one tree: no lost or mixed writes', async () => {
    const count = 1500;
    const root = tree(count);
    made.push(root);
    const runOnce = () =>
      new Promise<{ errors: Array<{ message: string }> }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'upgrade', 'src', '--json', '--workers', '1'], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('exit', () => resolve(JSON.parse(stdout)));
      });
    const reports = await Promise.all([runOnce(), runOnce()]);
    // Whichever run comes second to a file finds it changed since it read it, and leaves it.
    for (const report of reports)
      for (const error of report.errors) expect(error.message).toMatch(/^changed on disk (since it was read|while being written)/);
    expect(states(root, count)).toEqual({ original: 0, upgraded: count, other: [], temps: [] });
  }, 120_000);
});

/** A small tmpfs, where this machine lets a test mount one (root, in CI). */
function smallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'gpt55-full-'));
  made.push(dir);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0 ? dir : null;
}

const disk = process.platform === 'linux' ? smallDisk() : null;
afterAll(() => {
  if (disk) spawnSync('umount', [disk]);
});

describe('a full disk', () => {
  test.runIf(disk !== null)('a write that runs out of space leaves the original and no temp file', () => {
    const root = disk!;
    const big = `${AGENT}${'// padding line kept as it is by the upgrade\n'.repeat(900)}`;
    writeFileSync(join(root, 'agent.ts'), big);
    // Fill the rest of the disk, so the temp file cannot be written whole.
    try {
      writeFileSync(join(root, 'filler'), Buffer.alloc(64 * 1024));
    } catch {
      // ENOSPC: the disk is full, which is the point
    }
    const { code, stdout } = cli(root, 'upgrade', 'agent.ts');
    expect(code).toBe(1);
    expect(stdout).toMatch(/agent\.ts {2}cannot write: ENOSPC/);
    expect(readFileSync(join(root, 'agent.ts'), 'utf8')).toBe(big);
    expect(readdirSync(root).filter((name) => TEMP.test(name))).toEqual([]);
  });
});
