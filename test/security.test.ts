/**
 * What a hostile repository can make the tool do: write elsewhere, run code, lose an edit.
 * Each test is one finding, run through the built bin on a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeAtomically } from '../src/runner/io.js';
import { AGENT, cli, project } from './e2e.js';

const UPGRADED = AGENT.replace('"gpt-5.4"', '"gpt-5.5"');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd, encoding: 'utf8' });
}

function committedProject(files: Record<string, string>): string {
  const root = project(files, 'security');
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'init');
  return root;
}

/** The highest pid in use now: the next processes get the ones above it. */
function lastPid(): number {
  return Math.max(
    ...readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number),
  );
}

describe('temp files', () => {
  test('links planted at the temp names of the next few hundred pids are never written through', () => {
    const root = project({ 'app.ts': AGENT });
    const victim = join(mkdtempSync(join(tmpdir(), 'gpt55-victim-')), 'post-commit');
    writeFileSync(victim, '#!/bin/sh\necho untouched\n');
    const first = lastPid();
    for (let pid = first; pid < first + 400; pid++) symlinkSync(victim, join(root, `.app.ts.gpt55-codemod-${pid}.tmp`));
    expect(cli(root, 'upgrade', 'app.ts').code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('#!/bin/sh\necho untouched\n');
    expect(statSync(victim).mode & 0o111).toBe(0);
    expect(lstatSync(join(root, 'app.ts')).isFile()).toBe(true);
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(UPGRADED);
  });

  test('a temp file an interrupted run left behind is removed and reported by the next write run', () => {
    const root = project({ 'app.ts': AGENT, '.app.ts.gpt55-codemod-4194303-0123456789abcdef.tmp': 'half' });
    const dry = JSON.parse(cli(root, 'upgrade', '.', '--dry', '--json').stdout);
    expect(dry.errors).toEqual([
      expect.objectContaining({
        file: '.app.ts.gpt55-codemod-4194303-0123456789abcdef.tmp',
        message: expect.stringMatching(/interrupted run; a write run removes it/),
      }),
    ]);
    expect(existsSync(join(root, '.app.ts.gpt55-codemod-4194303-0123456789abcdef.tmp'))).toBe(true);
    const real = cli(root, 'upgrade', '.');
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/\.app\.ts\.gpt55-codemod-4194303-0123456789abcdef\.tmp {2}temp file left by an interrupted run; removed/);
    expect(readdirSync(root).sort()).toEqual(['app.ts']);
  });
});

describe('git', () => {
  test("a write run never runs the target's core.fsmonitor or filter drivers", () => {
    const root = committedProject({ 'app.ts': AGENT, '.gitattributes': '*.ts filter=evil\n' });
    git(root, 'config', 'core.fsmonitor', 'touch fsmonitor-ran; false');
    git(root, 'config', 'filter.evil.clean', 'touch filter-ran; cat');
    git(root, 'config', 'filter.evil.required', 'true');
    // A new mtime makes git compare contents, which is when it calls the clean filter.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'app.ts'), later, later);
    const { code } = cli(root, 'upgrade', '.');
    expect(existsSync(join(root, 'fsmonitor-ran'))).toBe(false);
    expect(existsSync(join(root, 'filter-ran'))).toBe(false);
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(UPGRADED);
  });

  test('a work tree with more changes than git prints in a megabyte is still refused with a short list', () => {
    const files: Record<string, string> = { 'app.ts': AGENT };
    const root = committedProject(files);
    mkdirSync(join(root, 'untracked'));
    const long = 'u'.repeat(200);
    for (let i = 0; i < 6000; i++) writeFileSync(join(root, 'untracked', `${long}-${i}.txt`), '');
    const { code, stderr } = cli(root, 'upgrade', '.');
    expect(code).toBe(2);
    expect(stderr).toMatch(/uncommitted changes under the given paths \(untracked\/u+-\d+\.txt, .*, \.\.\.\)/);
    expect(stderr.length).toBeLessThan(2000);
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(AGENT);
  });
});

describe('lost edits', () => {
  /**
   * Runs `write` with `fs[name]` wrapped so that another program's edit lands just before
   * the wrapped call: the moments between the tool's last look at the file and its rename.
   */
  function editDuring(name: 'renameSync' | 'fchmodSync', path: string, edit: string, write: () => string | null): string | null {
    const fs = createRequire(import.meta.url)('node:fs') as Record<string, (...args: unknown[]) => unknown>;
    const original = fs[name]!;
    let edited = false;
    fs[name] = (...args: unknown[]) => {
      if (!edited) {
        edited = true;
        appendFileSync(path, edit);
      }
      return original(...args);
    };
    syncBuiltinESMExports();
    try {
      return write();
    } finally {
      fs[name] = original;
      syncBuiltinESMExports();
    }
  }

  for (const moment of ['renameSync', 'fchmodSync'] as const) {
    test(`an edit made to the file just before ${moment === 'renameSync' ? 'the rename' : 'the temp file is finished'} is kept`, () => {
      const root = project({ 'app.ts': AGENT });
      const path = join(root, 'app.ts');
      const problem = editDuring(moment, path, '// edited meanwhile\n', () => writeAtomically(path, AGENT, UPGRADED));
      expect(problem).toMatch(/changed on disk while being written/);
      expect(readFileSync(path, 'utf8')).toBe(`${AGENT}// edited meanwhile\n`);
      expect(readdirSync(root)).toEqual(['app.ts']);
    });
  }
});

describe('outputs', () => {
  test('--report and --patch refuse project files and .git, even with --dry', () => {
    const root = committedProject({ 'app.ts': AGENT, 'README.md': '# app\n' });
    const config = readFileSync(join(root, '.git/config'), 'utf8');
    for (const args of [
      ['--report', 'README.md'],
      ['--report', 'new-report.json'],
      ['--patch', 'app.ts'],
      ['--patch', '.git/config'],
      ['--patch', 'src/../.git/x.patch'],
    ]) {
      const { code, stderr } = cli(root, 'upgrade', '.', '--dry', ...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/under the paths being upgraded|inside a \.git folder|the folder does not exist/);
    }
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# app\n');
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(AGENT);
    expect(readFileSync(join(root, '.git/config'), 'utf8')).toBe(config);
    expect(existsSync(join(root, 'new-report.json'))).toBe(false);
    expect(cli(root, 'upgrade', '.', '--dry', '--report', '../report.json').code).toBe(0);
  });

  test('a file name holding HTML is escaped in the Markdown report and percent-encoded in SARIF', () => {
    const name = '<img src=x onerror=alert(1)>.test.ts';
    const root = project({ [name]: AGENT });
    const out = mkdtempSync(join(tmpdir(), 'gpt55-out-'));
    expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, 'r.md')).code).toBe(0);
    expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, 'r.sarif')).code).toBe(0);
    const markdown = readFileSync(join(out, 'r.md'), 'utf8');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;.test.ts');
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toMatch(/<img/);
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.test.ts',
    );
  });
});

describe('patches', () => {
  test('a patch made from a subfolder, over paths outside it, applies from the subfolder and from the top', () => {
    const root = committedProject({ 'src/app.ts': AGENT, 'lib/agent.ts': AGENT });
    const out = mkdtempSync(join(tmpdir(), 'gpt55-patch-'));
    expect(cli(join(root, 'src'), 'upgrade', '.', '../lib', '--patch', join(out, 'p.patch')).code).toBe(0);
    const patch = readFileSync(join(out, 'p.patch'), 'utf8');
    expect(patch.match(/^diff --git .*$/gm)).toEqual(['diff --git a/lib/agent.ts b/lib/agent.ts', 'diff --git a/src/app.ts b/src/app.ts']);
    git(join(root, 'src'), 'apply', join(out, 'p.patch'));
    expect(readFileSync(join(root, 'src/app.ts'), 'utf8')).toBe(UPGRADED);
    git(root, 'checkout', '--', '.');
    git(root, 'apply', join(out, 'p.patch'));
    expect(readFileSync(join(root, 'lib/agent.ts'), 'utf8')).toBe(UPGRADED);
  });

  test('a read-only file a real run refuses is not in the patch, and git apply keeps an executable mode', () => {
    const root = committedProject({ 'locked.ts': AGENT, 'tool.ts': AGENT });
    chmodSync(join(root, 'locked.ts'), 0o444);
    chmodSync(join(root, 'tool.ts'), 0o755);
    const out = mkdtempSync(join(tmpdir(), 'gpt55-patch-'));
    const { code, stdout } = cli(root, 'upgrade', '.', '--patch', join(out, 'p.patch'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/locked\.ts {2}read-only; not written/);
    const patch = readFileSync(join(out, 'p.patch'), 'utf8');
    expect(patch).not.toContain('locked.ts');
    git(root, 'apply', join(out, 'p.patch'));
    expect(statSync(join(root, 'tool.ts')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(root, 'tool.ts'), 'utf8')).toBe(UPGRADED);
  });
});

describe('links, owners and guards', () => {
  test('a symbolic link named on the command line is left a link, its target untouched, and reported', () => {
    const root = project({ 'real.ts': AGENT });
    symlinkSync('real.ts', join(root, 'link.ts'));
    const { code, stdout } = cli(root, 'upgrade', 'link.ts');
    expect(code).toBe(0);
    expect(stdout).toMatch(/link\.ts {2}skipped: a symbolic link/);
    expect(lstatSync(join(root, 'link.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real.ts'), 'utf8')).toBe(AGENT);
  });

  test('hard links stay one file, written in place', () => {
    const root = project({ 'app.ts': AGENT });
    linkSync(join(root, 'app.ts'), join(root, 'twin.txt'));
    const inode = statSync(join(root, 'app.ts')).ino;
    expect(cli(root, 'upgrade', 'app.ts').code).toBe(0);
    expect(statSync(join(root, 'app.ts')).ino).toBe(inode);
    expect(readFileSync(join(root, 'twin.txt'), 'utf8')).toBe(UPGRADED);
  });

  test.runIf(process.getuid?.() === 0)('a run as root keeps the owner and group of a file owned by another user', () => {
    const root = project({ 'app.ts': AGENT });
    chownSync(join(root, 'app.ts'), 1234, 4321);
    expect(cli(root, 'upgrade', 'app.ts').code).toBe(0);
    const stats = statSync(join(root, 'app.ts'));
    expect([stats.uid, stats.gid]).toEqual([1234, 4321]);
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(UPGRADED);
  });

  test('an empty path is refused; node_modules and .git named explicitly are skipped with a word', () => {
    const root = project({ 'app.ts': AGENT, 'node_modules/openai/model.js': 'module.exports = "gpt-5.4";\n' });
    git(root, 'init', '-q');
    const empty = cli(root, 'upgrade', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/an empty path was given/);
    expect(readFileSync(join(root, 'app.ts'), 'utf8')).toBe(AGENT);
    const report = JSON.parse(cli(root, 'upgrade', 'node_modules', '.git', '--dry', '--json').stdout);
    expect(report.summary.filesScanned).toBe(0);
    expect(report.errors).toEqual([
      { file: 'node_modules', line: null, message: 'skipped: node_modules is always skipped' },
      { file: '.git', line: null, message: 'skipped: .git is always skipped' },
    ]);
  });

  test('--no-gitignore says which gitignored files it writes', () => {
    const root = project({ '.gitignore': '.env\n', '.env': 'OPENAI_MODEL=gpt-5.4\n', 'app.ts': AGENT });
    const { code, stderr } = cli(root, 'upgrade', '.', '--no-gitignore');
    expect(code).toBe(0);
    expect(stderr).toMatch(/--no-gitignore: wrote 1 file\(s\) that \.gitignore excludes \(\.env\)/);
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe('OPENAI_MODEL=gpt-5.5\n');
  });
});

describe('reads', () => {
  test('an import that climbs out of the repository is not read for the model table it would name', () => {
    const outside = mkdtempSync(join(tmpdir(), 'gpt55-outside-'));
    const repo = join(outside, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'src'));
    // The table of a real provider-types package: typed keys, then records with prices.
    const table = readFileSync(
      join(import.meta.dirname, '../__testfixtures__/model-slug/provider-default-imported-catalog.module.openai.ts'),
      'utf8',
    );
    writeFileSync(join(outside, 'openai.ts'), table);
    writeFileSync(join(repo, 'src', 'openai.ts'), table);
    const user = (from: string) =>
      `import type { OpenAiModelId } from "${from}";\nexport const newProfileModelId: OpenAiModelId = "gpt-4.1";\n`;
    writeFileSync(join(repo, 'src', 'inside.ts'), user('./openai.js'));
    writeFileSync(join(repo, 'src', 'outside.ts'), user('../../openai.js'));
    const report = JSON.parse(cli(repo, 'upgrade', 'src', '--all', '--dry', '--json').stdout) as {
      sites: Array<{ file: string; status: string; reason: string }>;
    };
    const siteOf = (file: string) => report.sites.find((s) => s.file.endsWith(file));
    expect(siteOf('inside.ts')).toMatchObject({ status: 'blocked', reason: expect.stringMatching(/openAiModels/) });
    expect(siteOf('outside.ts')?.reason ?? '').not.toMatch(/openAiModels/);
  });
});
