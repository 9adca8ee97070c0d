/**
 * Batch runs at monorepo scale, end to end through the built bin (npm test builds first):
 * the worker pool, shards merged back together, workspace packages, files that cannot be
 * read or written, and the progress bar staying out of machine-read output.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findFiles } from '../src/runner/files.js';
import { POOL_THRESHOLD } from '../src/runner/pool.js';
import { workspacePackages } from '../src/runner/workspaces.js';
import { BIN, cli, cliBoundByModes, type CliResult, writeFiles } from './e2e.js';
import type { Report } from '../src/report/model.js';

const SLOW = 180_000;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the tests (each monorepo holds hundreds of files). */
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gpt55-${name}-`));
  made.push(dir);
  return dir;
}

/** A dry JSON run; its exit code is 1 exactly when some file failed (a --dry run finds no other cause). */
function jsonRun(cwd: string, ...args: string[]): { report: Report; text: string } {
  return parsedRun(cli(cwd, 'upgrade', '.', '--dry', '--json', ...args));
}

function parsedRun({ code, stdout, stderr }: CliResult): { report: Report; text: string } {
  const report = JSON.parse(stdout) as Report;
  expect(code, stderr).toBe(report.summary.filesErrored > 0 ? 1 : 0);
  return { report, text: stdout };
}

const CALLS = {
  upgraded: (n: number) => `import OpenAI from "openai";

const client = new OpenAI();

export async function summarize${n}(text: string): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4",
    instructions: "Summarize the ticket in two sentences.",
    input: text,
  });
  return response.output_text;
}
`,
  blocked: (n: number) => `import OpenAI from "openai";

const openai = new OpenAI();

export async function label${n}(ticket: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-5.4",
    temperature: 0.3,
    messages: [{ role: "user", content: ticket }],
  });
  return completion.choices[0]?.message.content;
}
`,
  fallback: (n: number) => `import { Agent } from "@openai/agents";

export const FALLBACK_MODEL = "gpt-5.4-mini";

export const triage${n} = new Agent({
  name: "Triage",
  instructions: "Route the customer to billing or support.",
  model: "gpt-5.4",
});
`,
  snapshot: (n: number) => `import OpenAI from "openai";

const client = new OpenAI();

// Pinned for reproducible extraction.
export const extract${n} = (document: string) =>
  client.responses.create({ model: "gpt-5.4-2026-03-05", input: document });
`,
};

function plainModule(n: number): string {
  return `export interface Invoice${n} {
  id: string;
  total: number;
  lines: Array<{ sku: string; quantity: number }>;
}

export function invoiceTotal${n}(invoice: Invoice${n}): number {
  return invoice.lines.reduce((sum, line) => sum + line.quantity, 0) * invoice.total;
}
`;
}

const PYTHON_CALL = `from openai import OpenAI

client = OpenAI()


def rank(query: str) -> str:
    response = client.responses.create(model="gpt-5.4", input=query)
    return response.output_text
`;

const PYTHON_TEST = `from ranker.rank import MODEL


def test_model_is_pinned():
    assert MODEL == "gpt-5.4"
`;

/**
 * A workspace monorepo of more than POOL_THRESHOLD files: TypeScript in two npm
 * workspaces, a Python service, prompt YAML, JSON config, a Markdown guide with a fence,
 * and one TypeScript file that does not parse.
 */
function monorepo(): string {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }, null, 2)}\n`,
    'packages/api/package.json': `${JSON.stringify({ name: '@acme/api', dependencies: { openai: '^6.1.0' } }, null, 2)}\n`,
    'packages/web/package.json': `${JSON.stringify({ name: '@acme/web', dependencies: { openai: '^6.1.0' } }, null, 2)}\n`,
    'packages/web/config/models.json': `${JSON.stringify({ default: 'gpt-5.4', fallback: 'gpt-5.4-mini' }, null, 2)}\n`,
    'packages/api/src/broken.ts': 'export const model = "gpt-5.4";\nexport function (\n',
    'services/ranker/pyproject.toml': '[project]\nname = "ranker"\nversion = "0.2.0"\ndependencies = ["openai>=1.60"]\n',
    'services/ranker/ranker/rank.py': PYTHON_CALL,
    'services/ranker/tests/test_rank.py': PYTHON_TEST,
    'prompts/triage.prompt.yml': 'name: Triage\nmodel: openai/gpt-5.4\nmessages:\n  - role: system\n    content: Label the ticket.\n',
    'docs/guide.md': '# Guide\n\n```ts\nconst response = await client.responses.create({ model: "gpt-5.4", input: "Hi" });\n```\n',
  };
  const shapes = Object.values(CALLS);
  for (let n = 0; n < POOL_THRESHOLD + 60; n++) {
    const pkg = Math.floor(n / 15) % 3 === 1 ? 'web' : 'api';
    files[`packages/${pkg}/src/module-${String(n).padStart(3, '0')}.ts`] =
      n % 15 === 0 ? shapes[(n / 15) % shapes.length]!(n) : plainModule(n);
  }
  const root = tempDir('scale');
  writeFiles(root, files);
  return root;
}

/** Package labels of `paths` in a repository made of `files` (a .git folder marks its top). */
function packagesOf(files: Record<string, string>, paths: string[]): Record<string, string> | null {
  const root = tempDir('workspaces');
  mkdirSync(join(root, '.git'));
  writeFiles(root, files);
  const labels = workspacePackages(
    paths.map((path) => ({ absolute: join(root, path) })),
    root,
  );
  return labels && Object.fromEntries(paths.map((path) => [path, labels.get(join(root, path))!]));
}

describe('workspace packages', () => {
  test('pnpm-workspace.yaml members, with a negated glob; a fixture package.json stays in its package; Poetry names', () => {
    const labels = packagesOf(
      {
        'package.json': '{ "name": "platform", "private": true }\n',
        'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - '!apps/legacy'\n",
        'apps/web/package.json': '{ "name": "@platform/web" }\n',
        'apps/web/test/fixtures/app/package.json': '{ "name": "fixture-app" }\n',
        'apps/legacy/package.json': '{ "name": "legacy" }\n',
        'tools/eval/pyproject.toml': '[tool.poetry]\nname = "eval-tools"\nversion = "0.1.0"\n',
      },
      ['apps/web/src/chat.ts', 'apps/web/test/fixtures/app/index.ts', 'apps/legacy/src/old.ts', 'tools/eval/run.py', 'README.md'],
    );
    expect(labels).toEqual({
      'apps/web/src/chat.ts': '@platform/web',
      'apps/web/test/fixtures/app/index.ts': '@platform/web',
      'apps/legacy/src/old.ts': 'platform',
      'tools/eval/run.py': 'eval-tools',
      'README.md': 'platform',
    });
  });

  test('yarn workspaces.packages; a package without a name is named by its folder; files outside every package', () => {
    const labels = packagesOf(
      {
        'package.json': '{ "private": true, "workspaces": { "packages": ["services/**"] } }\n',
        'services/billing/api/package.json': '{ "version": "1.0.0" }\n',
      },
      ['services/billing/api/index.ts', 'scripts/seed.ts'],
    );
    expect(labels).toEqual({ 'services/billing/api/index.ts': 'services/billing/api', 'scripts/seed.ts': '.' });
  });

  test('nested manifests without a declaration are packages; a single project has none', () => {
    const nested = packagesOf(
      {
        'package.json': '{ "name": "app" }\n',
        'ml/pyproject.toml': '[project]\nname = "ranker"\n',
      },
      ['src/index.ts', 'ml/rank.py', 'docs/intro.md'],
    );
    expect(nested).toEqual({ 'src/index.ts': 'app', 'ml/rank.py': 'ranker', 'docs/intro.md': 'app' });
    expect(packagesOf({ 'package.json': '{ "name": "app" }\n' }, ['src/index.ts', 'docs/intro.md'])).toBeNull();
    expect(packagesOf({ 'src/index.ts': '' }, ['src/index.ts'])).toBeNull();
  });

  test('files no package holds, beside packages, are labelled as such', () => {
    const labels = packagesOf({ 'web/package.json': '{ "name": "web" }\n' }, ['web/index.ts', 'scripts/deploy.ts']);
    expect(labels).toEqual({ 'web/index.ts': 'web', 'scripts/deploy.ts': '(no package)' });
  });
});

describe('file discovery', () => {
  const listed = (root: string, options: { gitignore?: boolean; ignorePatterns?: string[] } = {}) =>
    findFiles(['.'], {
      cwd: root,
      extensions: [],
      ignorePatterns: options.ignorePatterns ?? [],
      gitignore: options.gitignore ?? true,
    }).files.map((f) => f.path);

  test('ignored folders are pruned the way git prunes them: nested .gitignore files, negations, --ignore-pattern', () => {
    const root = tempDir('discovery');
    writeFiles(root, {
      '.gitignore': 'dist/\n*.gen.ts\n!dist/keep.ts\n',
      'src/app.ts': 'export {};\n',
      'src/client.gen.ts': 'export {};\n',
      'dist/keep.ts': 'export {};\n',
      'dist/deep/bundle.js': 'export {};\n',
      'packages/api/.gitignore': 'build/\n!*.gen.ts\n',
      'packages/api/src/routes.ts': 'export {};\n',
      'packages/api/src/schema.gen.ts': 'export {};\n',
      'packages/api/build/routes.js': 'export {};\n',
      'packages/api/node_modules/openai/index.js': 'export {};\n',
      'legacy/old.ts': 'export {};\n',
      'docs/build/notes.md': '# notes\n',
    });
    // A parent folder excluded by a pattern cannot be re-included (dist/keep.ts); a file
    // pattern can be, by a deeper .gitignore (schema.gen.ts); `build/` only applies below packages/api.
    expect(listed(root)).toEqual([
      'docs/build/notes.md',
      'legacy/old.ts',
      'packages/api/src/routes.ts',
      'packages/api/src/schema.gen.ts',
      'src/app.ts',
    ]);
    expect(listed(root, { ignorePatterns: ['legacy/', 'docs/**'] })).toEqual([
      'packages/api/src/routes.ts',
      'packages/api/src/schema.gen.ts',
      'src/app.ts',
    ]);
    expect(listed(root, { gitignore: false })).toEqual([
      'dist/deep/bundle.js',
      'dist/keep.ts',
      'docs/build/notes.md',
      'legacy/old.ts',
      'packages/api/build/routes.js',
      'packages/api/src/routes.ts',
      'packages/api/src/schema.gen.ts',
      'src/app.ts',
      'src/client.gen.ts',
    ]);
  });
});

describe('batch runs at scale', () => {
  test('--workers 1 and --workers 2 give byte-identical JSON reports over more files than the pool threshold', { timeout: SLOW }, () => {
    const root = monorepo();
    const one = jsonRun(root, '--workers', '1');
    const two = jsonRun(root, '--workers', '2');
    expect(one.report.summary.filesScanned).toBeGreaterThan(POOL_THRESHOLD);
    expect(two.text).toBe(one.text);
    const { sites } = one.report.summary;
    expect(sites.upgraded).toBeGreaterThan(0);
    expect(sites.blocked).toBeGreaterThan(0);
    expect(sites['confirmation-needed']).toBeGreaterThan(0);
    expect(one.report.errors.map((e) => e.file)).toEqual(['packages/api/src/broken.ts']);
    expect(new Set(one.report.sites.map((s) => s.file.replace(/^.*\./, '')))).toEqual(new Set(['ts', 'py', 'json', 'yml', 'md']));
  });

  test('--shard 1/2 and --shard 2/2 merged with merge-reports equal the unsharded report', { timeout: SLOW }, () => {
    const root = monorepo();
    // Outside the scanned folder, or the second shard would scan the first one's report.
    const out = tempDir('shards');
    const whole = jsonRun(root).report;
    const shards = ['1/2', '2/2'].map((shard, i) => {
      const { report, text } = jsonRun(root, '--shard', shard);
      expect(report.sites.length).toBeGreaterThan(0);
      writeFileSync(join(out, `shard-${i + 1}.json`), text);
      return report;
    });
    expect(shards[0]!.summary.filesScanned + shards[1]!.summary.filesScanned).toBe(whole.summary.filesScanned);
    const merged = cli(out, 'merge-reports', 'shard-1.json', 'shard-2.json');
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(merged.stdout) as Report;
    expect(report.sites).toEqual(whole.sites);
    expect(report.summary).toEqual(whole.summary);
    expect(report.errors).toEqual(expect.arrayContaining(whole.errors));
  });

  test('sites carry their workspace package; the summary and the Markdown report group counts by package', { timeout: SLOW }, () => {
    const root = monorepo();
    const markdown = join(tempDir('report'), 'report.md');
    const { report } = jsonRun(root, '--report', markdown);
    const packageOf = (file: string) => report.sites.find((s) => s.file === file)?.package;
    expect(packageOf('packages/api/src/module-000.ts')).toBe('@acme/api');
    expect(packageOf('packages/web/src/module-015.ts')).toBe('@acme/web');
    expect(packageOf('packages/web/config/models.json')).toBe('@acme/web');
    expect(packageOf('services/ranker/ranker/rank.py')).toBe('ranker');
    expect(packageOf('prompts/triage.prompt.yml')).toBe('acme');
    const summary = cli(root, 'upgrade', '.', '--dry').stdout;
    expect(summary).toMatch(/^By package:\n {2}@acme\/api +\d+ upgraded, \d+ confirmation-needed, \d+ blocked, \d+ unknown$/m);
    expect(summary).toMatch(/^ {2}ranker +1 upgraded, 1 confirmation-needed, 0 blocked, 0 unknown$/m);
    expect(readFileSync(markdown, 'utf8')).toContain(
      '| Package | upgraded | confirmation-needed | blocked | unknown |\n|---|---|---|---|---|\n| @acme/api |',
    );
  });

  test('a single project without workspaces keeps the report as it was: no package field, no grouping', () => {
    const root = tempDir('single');
    writeFileSync(join(root, 'package.json'), '{ "name": "single-app" }\n');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'agent.ts'), CALLS.upgraded(1));
    writeFileSync(join(root, 'src', 'label.ts'), CALLS.blocked(2));
    const { report } = jsonRun(root);
    expect(report.sites).toHaveLength(2);
    for (const site of report.sites) expect(site).not.toHaveProperty('package');
    expect(cli(root, 'upgrade', '.', '--dry').stdout).not.toContain('By package');
  });

  test('an unreadable file is an error for that file alone; the pooled run goes on', { timeout: SLOW }, () => {
    const root = monorepo();
    const locked = join(root, 'packages/api/src/module-000.ts');
    chmodSync(locked, 0o000);
    const { report } = parsedRun(cliBoundByModes(root, 'upgrade', '.', '--dry', '--json', '--workers', '2'));
    expect(report.errors).toContainEqual({ file: 'packages/api/src/module-000.ts', line: null, message: 'cannot read: EACCES' });
    expect(report.sites.some((s) => s.file === 'packages/api/src/module-000.ts')).toBe(false);
    expect(report.sites.some((s) => s.file === 'packages/web/src/module-060.ts' && s.status === 'upgraded')).toBe(true);
    chmodSync(locked, 0o644);
  });

  test('a read-only file is reported and left as it is; the other files are written', { timeout: SLOW }, () => {
    const root = monorepo();
    const readOnly = join(root, 'packages/api/src/module-000.ts');
    const before = readFileSync(readOnly, 'utf8');
    chmodSync(readOnly, 0o444);
    const { code, stdout, stderr } = cli(root, 'upgrade', '.', '--json');
    expect(code, stderr).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.errors).toContainEqual({ file: 'packages/api/src/module-000.ts', line: null, message: 'read-only; not written' });
    expect(readFileSync(readOnly, 'utf8')).toBe(before);
    expect(statSync(readOnly).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(root, 'packages/web/src/module-060.ts'), 'utf8')).toContain('model: "gpt-5.5"');
    expect(readFileSync(join(root, 'packages/web/src/module-015.ts'), 'utf8')).toContain('model: "gpt-5.4",\n    temperature');
    expect(readFileSync(join(root, 'services/ranker/ranker/rank.py'), 'utf8')).toContain('model="gpt-5.5"');
    const site = report.sites.find((s) => s.file === 'packages/api/src/module-000.ts');
    expect(site?.status).toBe('unknown');
  });

  test('the progress bar never appears in piped output', { timeout: SLOW }, () => {
    const root = monorepo();
    for (const args of [['--dry'], ['--dry', '--json']]) {
      const { stderr } = cli(root, 'upgrade', '.', ...args);
      expect(stderr).not.toMatch(/\d+\/\d+ files/);
    }
  });

  // `script` runs the command on a pseudo-terminal, where stdout is a TTY.
  test.skipIf(!existsSync('/usr/bin/script'))('on a terminal the bar shows for a text run and never for --json', { timeout: SLOW }, () => {
    const root = monorepo();
    const onTerminal = (...args: string[]): string => {
      const command = [process.execPath, BIN, 'upgrade', '.', ...args].map((a) => `'${a}'`).join(' ');
      return spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        .stdout;
    };
    expect(onTerminal('--dry', '--quiet')).not.toMatch(/\d+\/\d+ files/);
    expect(onTerminal('--dry', '--json')).not.toMatch(/\d+\/\d+ files/);
    expect(onTerminal('--dry')).toMatch(/\d+\/\d+ files, \d+ changed/);
  });
});
