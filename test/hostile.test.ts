/**
 * Hostile inputs, generated here (no stored blobs), through the built bin on temporary
 * folders. Each sits beside an ordinary file that calls gpt-5.4 (src/agent.ts): the hostile
 * file must end in a clear error naming it, a reported skip, or a normal upgrade; the
 * ordinary file must still be upgraded; nothing prints a stack trace; the run ends within a
 * generous bound (the timings themselves are measured in scripts, not asserted here).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AGENT, BIN, project } from './e2e.js';

const BOUND_MS = 20_000;

interface ReportEntry {
  file: string;
  line: number | null;
  status?: string;
  message?: string;
}

interface HostileRun {
  code: number | null;
  ms: number;
  stderr: string;
  sites: ReportEntry[];
  errors: ReportEntry[];
}

/**
 * Runs the bin with `args` in `root`; `prefix` is a command that wraps node (setpriv).
 * The spawn has its own time limit so a hang fails the test instead of stalling the suite.
 */
function run(root: string, args: string[], prefix: string[] = []): HostileRun {
  const started = Date.now();
  const [command, ...rest] = [...prefix, process.execPath, BIN, ...args];
  const result = spawnSync(command!, rest, { cwd: root, encoding: 'utf8', timeout: 3 * BOUND_MS, maxBuffer: 256 * 1024 * 1024 });
  const ms = Date.now() - started;
  const report =
    args.includes('--json') && result.stdout ? (JSON.parse(result.stdout) as { sites: ReportEntry[]; errors: ReportEntry[] }) : null;
  return { code: result.status, ms, stderr: result.stderr, sites: report?.sites ?? [], errors: report?.errors ?? [] };
}

function dryRun(root: string, prefix: string[] = []): HostileRun {
  return run(root, ['upgrade', '.', '--dry', '--json'], prefix);
}

/** What every case shares: bounded, no stack trace, the ordinary file upgraded. */
function expectContained(outcome: HostileRun): void {
  expect(outcome.code, outcome.stderr).not.toBeNull();
  expect(outcome.ms).toBeLessThan(BOUND_MS);
  expect(outcome.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(outcome.sites.filter((s) => s.file === 'src/agent.ts').map((s) => s.status)).toEqual(['upgraded']);
}

function errorFor(outcome: HostileRun, file: string): string | undefined {
  return outcome.errors.find((e) => e.file === file)?.message;
}

function statusesFor(outcome: HostileRun, file: string): string[] {
  return outcome.sites.filter((s) => s.file === file).map((s) => s.status!);
}

function hostile(files: Record<string, string | Buffer>): string {
  return project({ 'src/agent.ts': AGENT, ...files }, 'hostile');
}

/** `a` holds a model; each next key merges nine of the one before (the billion-laughs shape). */
function mergeBomb(): string {
  const names = 'abcdefghijk';
  const lines = ['a: &a {model: gpt-5.4, x: 1}'];
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `${names[i]}: &${names[i]} {<<: [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The same shape with plain aliases: nothing to expand, since edits are made where values are written. */
function aliasBomb(): string {
  const names = 'abcdefghijk';
  const lines = ['a: &a [x, y, z, x, y, z, x, y, z]'];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nmodel: gpt-5.4\n`;
}

function nested(open: string, close: string, depth: number): string {
  return open.repeat(depth) + close.repeat(depth);
}

function notebook(source: unknown): string {
  const cell = { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source };
  return `${JSON.stringify({ cells: [cell], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

const MILLION = 1_000_000;

describe('YAML aliases and merge keys', () => {
  test('a merge-key bomb is an error at its merge, in bounded time', () => {
    const outcome = dryRun(hostile({ 'config/bomb.yaml': mergeBomb() }));
    expectContained(outcome);
    expect(errorFor(outcome, 'config/bomb.yaml')).toMatch(/merge keys .* alias bomb/);
    expect(outcome.code).toBe(1);
  });

  test('an alias bomb is read without expanding its aliases: its own site is upgraded', () => {
    const outcome = dryRun(hostile({ 'config/aliases.yaml': aliasBomb() }));
    expectContained(outcome);
    expect(outcome.errors).toEqual([]);
    expect(statusesFor(outcome, 'config/aliases.yaml')).toEqual(['upgraded']);
  });
});

describe('deep nesting (100,000 levels)', () => {
  const DEEP = 100_000;
  test.each([
    ['deep.json', `{"model": "gpt-5.4", "x": ${nested('[', ']', DEEP)}}\n`, /nested deeper than \d+ levels/],
    ['deep.yaml', `model: gpt-5.4\nx: ${nested('[', ']', DEEP)}\n`, /nested deeper than \d+ levels/],
    ['deep.toml', `model = "gpt-5.4"\nx = ${nested('[', ']', DEEP)}\n`, /nested deeper than \d+ levels/],
    ['deep.ipynb', `{"cells": [], "x": ${nested('[', ']', DEEP)}, "model": "gpt-5.4"}\n`, /nested deeper than \d+ levels/],
    ['deep.ts', `const model = "gpt-5.4";\nexport const x = ${nested('[', ']', DEEP)};\n`, /./],
  ])('%s is an error naming it', (name, text, message) => {
    const outcome = dryRun(hostile({ [name]: text }));
    expectContained(outcome);
    expect(errorFor(outcome, name)).toMatch(message);
  });
});

describe('lines of a million characters', () => {
  const pad = ' '.repeat(MILLION);
  const word = 'a'.repeat(MILLION);
  const files: Record<string, string> = {
    '.env': `MODEL=gpt-5.4\nPADDING=a${pad}b\n`,
    'config/long.yaml': `model: gpt-5.4\nnote: ${'a '.repeat(MILLION / 2)}b\n`,
    'config/long.json': `{"model": "gpt-5.4",${pad}"note": "${word}"}\n`,
    'config/long.toml': `model = "gpt-5.4"\nnote = "${word}"\n`,
    'src/long.py': `model = "gpt-5.4"\nnote = "${word}"\n`,
    'src/long.ts': `export const model = "gpt-5.4";\nexport const note = "${word}";\n`,
  };
  test.each(Object.keys(files))('%s is upgraded', (name) => {
    const outcome = dryRun(hostile({ [name]: files[name]! }));
    expectContained(outcome);
    expect(outcome.errors).toEqual([]);
    expect(statusesFor(outcome, name)).toEqual(['upgraded']);
  });
});

describe('bytes that are not plain UTF-8 text', () => {
  test('invalid UTF-8 is an error naming the file', () => {
    const bad = Buffer.concat([Buffer.from('export const model = "gpt-5.4"; // '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]);
    const outcome = dryRun(hostile({ 'src/bad.ts': bad }));
    expectContained(outcome);
    expect(errorFor(outcome, 'src/bad.ts')).toMatch(/UTF-8/);
  });

  test('a file with NUL bytes is never written', () => {
    const root = hostile({ 'src/nul.ts': 'export const model = "gpt-5.4";\0\n' });
    const outcome = run(root, ['upgrade', '.', '--json']);
    expectContained(outcome);
    expect(readFileSync(join(root, 'src/nul.ts'), 'utf8')).toBe('export const model = "gpt-5.4";\0\n');
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toContain('"gpt-5.5"');
  });

  test('a file with NUL bytes is named in the report', () => {
    const outcome = dryRun(hostile({ 'src/nul.ts': 'export const model = "gpt-5.4";\0\n' }));
    expect(outcome.errors.map((e) => e.file)).toContain('src/nul.ts');
  });

  // UTF-16 has a NUL in every ASCII character: it is reported as an encoding the tool does not edit.
  test('UTF-16 with a BOM is upgraded or reported', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export const model = "gpt-5.4";\n', 'utf16le')]);
    const outcome = dryRun(hostile({ 'src/wide.ts': utf16 }));
    const handled = statusesFor(outcome, 'src/wide.ts').length > 0 || errorFor(outcome, 'src/wide.ts') !== undefined;
    expect(handled).toBe(true);
  });
});

describe('CR-only line ends', () => {
  test('.env, YAML and TypeScript files are upgraded with their CRs kept; others are errors naming them', () => {
    const files = {
      '.env': 'A=1\rMODEL=gpt-5.4\rB=2\r',
      'config/cr.yaml': 'a: 1\rmodel: gpt-5.4\rb: 2\r',
      'src/cr.ts': 'const a = 1;\rexport const model = "gpt-5.4";\rconst b = a;\r',
      'src/cr.py': 'a = 1\rmodel = "gpt-5.4"\rb = 2\r',
    };
    const root = hostile(files);
    const outcome = run(root, ['upgrade', '.', '--json']);
    expectContained(outcome);
    for (const name of ['.env', 'config/cr.yaml', 'src/cr.ts']) {
      expect(readFileSync(join(root, name), 'utf8'), name).toBe(files[name as keyof typeof files].replace('gpt-5.4', 'gpt-5.5'));
    }
    // tree-sitter-python does not take a lone CR as a line break: the file is left as it was.
    const python = statusesFor(outcome, 'src/cr.py').length > 0 || errorFor(outcome, 'src/cr.py') !== undefined;
    expect(python).toBe(true);
  });
});

describe('notebooks', () => {
  test('a cell whose source is one string rather than a list is upgraded in place', () => {
    const root = hostile({ 'nb/string.ipynb': notebook('model = "gpt-5.4"\nprint(model)\n') });
    const outcome = run(root, ['upgrade', '.', '--json']);
    expectContained(outcome);
    const written = JSON.parse(readFileSync(join(root, 'nb/string.ipynb'), 'utf8')) as { cells: Array<{ source: string }> };
    expect(written.cells[0]!.source).toBe('model = "gpt-5.5"\nprint(model)\n');
  });

  test('a cell whose source is neither a string nor a list is an error naming the notebook', () => {
    const outcome = dryRun(hostile({ 'nb/number.ipynb': notebook(42).replace('"nbformat"', '"model": "gpt-5.4", "nbformat"') }));
    expectContained(outcome);
    expect(errorFor(outcome, 'nb/number.ipynb')).toMatch(/`source` is not a string or a list/);
  });
});

describe('what is not a regular file', () => {
  /** A folder holding a FIFO, a character device (when mknod is allowed) and a link to one. */
  function specialFiles(): string {
    const root = hostile({});
    const mkfifo = spawnSync('mkfifo', [join(root, 'src/pipe.ts')]);
    expect(mkfifo.status, 'mkfifo').toBe(0);
    spawnSync('mknod', [join(root, 'src/null.ts'), 'c', '1', '3']);
    symlinkSync('/dev/zero', join(root, 'src/zero.ts'));
    return root;
  }

  test('FIFOs, device files and links to them in the tree never block the run', () => {
    const outcome = dryRun(specialFiles());
    expectContained(outcome);
  });

  test('a FIFO given by name is a reported skip', () => {
    const root = specialFiles();
    const outcome = run(root, ['upgrade', 'src/pipe.ts', 'src/agent.ts', '--dry', '--json']);
    expectContained(outcome);
    expect(errorFor(outcome, 'src/pipe.ts')).toMatch(/^skipped: /);
  });

  test('a FIFO found in a folder is a reported skip', () => {
    const outcome = dryRun(specialFiles());
    expect(errorFor(outcome, 'src/pipe.ts')).toMatch(/^skipped: /);
  });

  test('symbolic link loops end', () => {
    const root = hostile({ 'loop/readme.md': 'no models here\n' });
    symlinkSync('.', join(root, 'loop/self'));
    symlinkSync('..', join(root, 'loop/up'));
    symlinkSync('spin.ts', join(root, 'spin.ts'));
    const outcome = dryRun(root);
    expectContained(outcome);
  });
});

describe('what cannot be read', () => {
  /**
   * Root reads through any mode bits, and CI runs as root: there the bin runs with the
   * capabilities that bypass them dropped from its bounding set (util-linux setpriv), so
   * the modes apply to it as to anyone else.
   */
  const asModesApply = process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--'] : [];

  test('an unreadable folder and an unreadable file are errors naming them; the rest is upgraded', () => {
    const root = hostile({ 'locked/inner.ts': AGENT, 'src/unreadable.ts': AGENT });
    chmodSync(join(root, 'locked'), 0o000);
    chmodSync(join(root, 'src/unreadable.ts'), 0o000);
    try {
      const outcome = dryRun(root, asModesApply);
      expectContained(outcome);
      expect(errorFor(outcome, 'locked')).toMatch(/EACCES/);
      expect(errorFor(outcome, 'src/unreadable.ts')).toMatch(/EACCES/);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });
});
