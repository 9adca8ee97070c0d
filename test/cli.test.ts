/**
 * End-to-end: the built bin (npm test builds first) on temporary folders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AGENT, BIN, cli, project } from './e2e.js';

/** Every file under root (node_modules and .git included), path to content. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(full);
      } else out[relative(root, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(root);
  return out;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd, encoding: 'utf8' });
}

const TEST_FILE = `import { expect, it } from "vitest";
it("pins the model", () => expect(pick()).toBe("gpt-5.4"));
`;

const SAMPLED = `import OpenAI from "openai";
const client = new OpenAI();
export const reply = (text: string) =>
  client.chat.completions.create({ model: "gpt-5.4", temperature: 0.7, messages: [{ role: "user", content: text }] });
`;

function sampleProject(): string {
  return project({
    'src/agent.ts': AGENT,
    'src/reply.ts': SAMPLED,
    'src/agent.test.ts': TEST_FILE,
    'node_modules/openai/index.js': 'module.exports = { model: "gpt-5.4" };\n',
    'assets/logo.js': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x67, 0x70, 0x74, 0x2d, 0x35, 0x2e, 0x34]),
  });
}

describe('gpt55-codemod CLI', () => {
  test('--dry prints a diff and the summary and writes nothing', () => {
    const root = sampleProject();
    const before = snapshot(root);
    const { code, stdout } = cli(root, 'upgrade', '.', '--dry');
    expect(code).toBe(0);
    expect(stdout).toContain('+    model: "gpt-5.5",');
    expect(stdout).toContain('-    model: "gpt-5.4",');
    expect(stdout).toMatch(/Sites: 1 upgraded, 1 confirmation-needed, 1 blocked, 0 unknown/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^ {2}1 {2}in a test .*: may be an intentional pin {2}\(src\/agent\.test\.ts:2:\d+ gpt-5\.4\)$/,
    );
    expect(snapshot(root)).toEqual(before);
  });

  test('a real run upgrades, keeps the file mode, and leaves node_modules and binary files alone', () => {
    const root = sampleProject();
    chmodSync(join(root, 'src/agent.ts'), 0o640);
    const before = snapshot(root);
    const { code } = cli(root, 'transforms/model-slug', '.');
    expect(code).toBe(0);
    const after = snapshot(root);
    expect(after['src/agent.ts']).toBe(AGENT.replace('"gpt-5.4"', '"gpt-5.5"'));
    expect(statSync(join(root, 'src/agent.ts')).mode & 0o777).toBe(0o640);
    expect(after['node_modules/openai/index.js']).toBe(before['node_modules/openai/index.js']);
    expect(after['assets/logo.js']).toBe(before['assets/logo.js']);
    expect(after['src/reply.ts']).toBe(SAMPLED);
    expect(after['src/agent.test.ts']).toBe(TEST_FILE);
  });

  test('the mode survives the umask, symlinks are not followed, and a run inside tests/ still sees a test folder', () => {
    const root = sampleProject();
    git(root, 'init', '-q');
    chmodSync(join(root, 'src/agent.ts'), 0o666);
    symlinkSync('agent.ts', join(root, 'src/link.ts'));
    mkdirSync(join(root, 'tests'));
    writeFileSync(join(root, 'tests/pinned.ts'), AGENT);
    const sites = JSON.parse(cli(join(root, 'tests'), 'upgrade', '.', '--json', '--force').stdout).sites;
    expect(sites).toEqual([expect.objectContaining({ file: 'pinned.ts', status: 'confirmation-needed' })]);
    const umask = spawnSync('bash', ['-c', `umask 022 && node ${JSON.stringify(BIN)} upgrade src --force`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(umask.status).toBe(0);
    expect(statSync(join(root, 'src/agent.ts')).mode & 0o777).toBe(0o666);
    expect(lstatSync(join(root, 'src/link.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toContain('"gpt-5.5"');
  });

  test('--patch writes nothing else, and git apply of the patch equals a real run', () => {
    const patched = sampleProject();
    const real = join(mkdtempSync(join(tmpdir(), 'gpt55-real-')), 'p');
    cpSync(patched, real, { recursive: true });
    const before = snapshot(patched);
    expect(cli(patched, 'upgrade', '.', '--patch', '../out.patch').code).toBe(0);
    expect(snapshot(patched)).toEqual(before);
    git(patched, 'apply', '../out.patch');
    expect(cli(real, 'upgrade', '.').code).toBe(0);
    expect(snapshot(patched)).toEqual(snapshot(real));
    expect(snapshot(real)['src/agent.ts']).toContain('"gpt-5.5"');
  });

  test('--check exits 1 when there is work and 0 when there is none', () => {
    const root = sampleProject();
    expect(cli(root, 'upgrade', '.', '--check').code).toBe(1);
    const clean = project({ 'src/agent.ts': AGENT.replace('gpt-5.4', 'gpt-5.5') });
    expect(cli(clean, 'upgrade', '.', '--check').code).toBe(0);
  });

  test('--json prints the version 1 report whose counts equal its sites', () => {
    const root = sampleProject();
    const { code, stdout } = cli(root, 'upgrade', 'src', '--dry', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['tool', 'version', 'target', 'summary', 'sites', 'errors', 'warnings', 'decisions']);
    expect(report).toMatchObject({ tool: 'gpt55-codemod', version: '0.1.0', target: 'gpt-5.5' });
    expect(report.summary).toMatchObject({ filesScanned: 3, filesChanged: 1, filesErrored: 0 });
    const counts = { upgraded: 0, 'confirmation-needed': 0, blocked: 0, unknown: 0 } as Record<string, number>;
    for (const site of report.sites) counts[site.status]!++;
    expect(report.summary.sites).toEqual(counts);
    expect(report.sites.find((s: { file: string }) => s.file === 'src/agent.ts')).toMatchObject({
      file: 'src/agent.ts',
      line: 7,
      column: 13,
      transform: 'model-slug',
      status: 'upgraded',
      from: 'gpt-5.4',
      to: 'gpt-5.5',
      family: 'gpt-5.4',
      upgradeClass: 'model string only',
    });
    expect(report.sites.find((s: { file: string }) => s.file === 'src/agent.ts').reasoningEffort).toMatch(/^not set: GPT-5.4 ran at none/);
  });

  test('--report writes JSON, Markdown and SARIF by extension', () => {
    const root = sampleProject();
    for (const file of ['r.json', 'r.md', 'r.sarif']) expect(cli(root, 'upgrade', 'src', '--dry', '--report', file).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'r.json'), 'utf8')).summary.sites.blocked).toBe(1);
    expect(readFileSync(join(root, 'r.md'), 'utf8')).toContain('- [ ] ');
    expect(JSON.parse(readFileSync(join(root, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  test('bad output targets are refused before anything is written', () => {
    const root = sampleProject();
    const before = snapshot(root);
    for (const args of [
      ['--report', 'r.txt'],
      ['--report', 'missing/r.json'],
      ['--patch', 'missing/p.patch'],
      ['--extensions', 'rb'],
    ]) {
      const { code, stderr } = cli(root, 'upgrade', 'src', ...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^gpt55-codemod: --(report|patch|extensions)/);
    }
    expect(snapshot(root)).toEqual(before);
  });

  test('a reader that closes the pipe early ends the output without a stack trace', () => {
    const root = sampleProject();
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} upgrade . --dry | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^diff --git /);
    expect(result.stderr).toBe('');
  });

  test('a file with a syntax error is reported with file and line; the others are still upgraded', () => {
    const root = project({ 'src/agent.ts': AGENT, 'src/broken.ts': 'const model = "gpt-5.4";\nexport function (\n' });
    const { code, stdout } = cli(root, 'upgrade', '.', '--json', '--force');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'src/broken.ts', line: 2 })]);
    expect(report.summary.filesErrored).toBe(1);
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toContain('"gpt-5.5"');
    expect(readFileSync(join(root, 'src/broken.ts'), 'utf8')).toContain('"gpt-5.4"');
  });

  test('a dirty git work tree is refused without --force', () => {
    const root = sampleProject();
    git(root, 'init', '-q');
    git(root, 'add', 'src');
    git(root, 'commit', '-qm', 'init');
    writeFileSync(join(root, 'src/agent.ts'), `${AGENT}// local edit\n`);
    const refused = cli(root, 'upgrade', 'src');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toContain('"gpt-5.4"');
    expect(cli(root, 'upgrade', 'src', '--dry').code).toBe(0);
    expect(cli(root, 'upgrade', 'src', '--force').code).toBe(0);
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toContain('"gpt-5.5"');
  });

  test('paths inside and outside a repository in one run: the repository part is still guarded', () => {
    const root = sampleProject();
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
    const outside = project({ 'agent.ts': AGENT });
    writeFileSync(join(root, 'src/agent.ts'), `${AGENT}// local edit\n`);
    expect(cli(root, 'upgrade', 'src', outside).code).toBe(2);
    git(root, 'checkout', '--', 'src/agent.ts');
    expect(cli(root, 'upgrade', 'src', outside).code).toBe(0);
    expect(readFileSync(join(outside, 'agent.ts'), 'utf8')).toContain('"gpt-5.5"');
  });

  test('.gitignore is honoured unless --no-gitignore; --ignore-pattern and --extensions narrow the run', () => {
    const root = sampleProject();
    writeFileSync(join(root, '.gitignore'), 'generated/\n');
    mkdirSync(join(root, 'generated'));
    writeFileSync(join(root, 'generated/client.ts'), AGENT);
    const scanned = (...args: string[]) => JSON.parse(cli(root, 'upgrade', '.', '--dry', '--json', ...args).stdout).summary.filesScanned;
    // src/ holds three files; assets/logo.js is read and skipped as binary
    expect(scanned()).toBe(4);
    expect(scanned('--no-gitignore')).toBe(5);
    expect(scanned('--ignore-pattern', '*.test.ts')).toBe(3);
    expect(scanned('--extensions', 'py')).toBe(0);
  });

  test('a glob input is a pattern; an existing path with glob characters is that path', () => {
    const root = project({ 'src/agent.ts': AGENT, 'src/lib/model.ts': AGENT, 'app/[id]/page.tsx': AGENT, 'app/i/page.tsx': AGENT });
    const files = (...inputs: string[]) => {
      const report = JSON.parse(cli(root, 'upgrade', ...inputs, '--dry', '--json').stdout);
      return [...new Set(report.sites.map((site: { file: string }) => site.file))].sort();
    };
    expect(files('src/**/*.ts')).toEqual(['src/agent.ts', 'src/lib/model.ts']);
    expect(files('app/[id]')).toEqual(['app/[id]/page.tsx']);
    expect(files('app/[i]/*.tsx')).toEqual(['app/i/page.tsx']);
    expect(cli(root, 'upgrade', 'app/missing', '--dry').code).toBe(2);
  });

  test('files over 5 MB are skipped and reported', () => {
    const root = project({ 'src/big.ts': `const m = "gpt-5.4";\n${'// padding\n'.repeat(500_000)}` });
    const report = JSON.parse(cli(root, 'upgrade', '.', '--dry', '--json').stdout);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'src/big.ts', message: expect.stringContaining('5 MB') })]);
    expect(report.sites).toEqual([]);
  });

  test('usage errors exit 2; list and --help describe the commands', () => {
    const root = sampleProject();
    expect(cli(root, 'no-such-transform', '.').code).toBe(2);
    expect(cli(root, 'upgrade', '--bogus').code).toBe(2);
    expect(cli(root, 'upgrade', 'missing-folder').code).toBe(2);
    expect(cli(root, 'upgrade', '.', '--shard', '3/2').code).toBe(2);
    const list = cli(root, 'list');
    expect(list.stdout).toMatch(/^model-slug\s+Replace GPT-5\.4/m);
    const help = cli(root, '--help');
    expect(help.code).toBe(0);
    for (const flag of [
      '--dry',
      '--json',
      '--report',
      '--patch',
      '--all',
      '--config',
      '--force',
      '--check',
      '--workers',
      '--file-timeout',
      '--shard',
      '--extensions',
      '--ignore-pattern',
      '--no-gitignore',
      '--quiet',
      '--verbose',
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });

  test('config exclude and pinned globs, and --all', () => {
    const root = sampleProject();
    writeFileSync(join(root, 'gpt55-codemod.config.yaml'), 'exclude:\n  - src/reply.ts\npinned:\n  - src/agent.ts\n');
    const sites = (...args: string[]) => JSON.parse(cli(root, 'upgrade', 'src', '--dry', '--json', ...args).stdout).sites;
    expect(sites().map((s: { file: string; status: string }) => `${s.file} ${s.status}`)).toEqual([
      'src/agent.test.ts confirmation-needed',
      'src/agent.ts confirmation-needed',
    ]);
    // --all upgrades the config-pinned file; the test's assertion is a value it checks, which stays.
    expect(sites('--all').map((s: { status: string }) => s.status)).toEqual(['confirmation-needed', 'upgraded']);
    // Run from below the config's folder: its globs still name paths from the config's folder.
    const below = JSON.parse(cli(join(root, 'src'), 'upgrade', '.', '--dry', '--json').stdout).sites;
    expect(below.map((s: { file: string; status: string }) => `${s.file} ${s.status}`)).toEqual([
      'agent.test.ts confirmation-needed',
      'agent.ts confirmation-needed',
    ]);
    writeFileSync(join(root, 'gpt55-codemod.config.yaml'), 'exclude: src\n');
    expect(cli(root, 'upgrade', 'src', '--dry').code).toBe(2);
  });

  test('the built transform also runs under jscodeshift with its own runner', () => {
    const root = sampleProject();
    const jscodeshift = join(import.meta.dirname, '..', 'node_modules', '.bin', 'jscodeshift');
    const transform = join(import.meta.dirname, '..', 'dist', 'transforms', 'model-slug.js');
    execFileSync(jscodeshift, ['--no-babel', '-t', transform, 'src', '--extensions=ts', '--parser=ts', '--silent'], { cwd: root });
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toBe(AGENT.replace('"gpt-5.4"', '"gpt-5.5"'));
    expect(readFileSync(join(root, 'src/reply.ts'), 'utf8')).toBe(SAMPLED);
  });
  test('a file over the --file-timeout budget is an error naming it, left untouched, and the run goes on', () => {
    // Just under the 5 MB limit: seconds of parsing and walking on any machine.
    const statements = Array.from({ length: 78_000 }, (_, i) => `export const model${i} = { id: ${i}, name: "entry ${i}" };`).join('\n');
    // The small file comes second, after the stopped one, so it also shows that nothing was left half-loaded.
    const root = project({ 'src/catalog.ts': `${AGENT}${statements}\n`, 'src/zz-agent.ts': AGENT });
    const { code, stdout } = cli(root, 'upgrade', 'src', '--dry', '--json', '--file-timeout', '1');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([{ file: 'src/catalog.ts', line: null, message: 'took over 1 s (--file-timeout); left untouched' }]);
    expect(report.sites).toEqual([expect.objectContaining({ file: 'src/zz-agent.ts', status: 'upgraded' })]);
    expect(cli(root, 'upgrade', 'src', '--dry', '--file-timeout', 'soon').code).toBe(2);
  });
});
