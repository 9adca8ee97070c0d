/**
 * prompt-cache-retention and the reasoning-effort options: SDK version reading, the
 * insertion layout, both transforms in one run, the Markdown effort section, and the CLI
 * end to end (the built bin; `npm test` builds first).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { appendEntry } from '../src/languages/list-edit.js';
import { initLanguages } from '../src/languages/index.js';
import { compareVersions, lowestVersion } from '../src/policy/sdk.js';
import { findTransform } from '../src/registry.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import { processText } from '../src/runner/engine.js';
import { sdkVersionsFor } from '../src/runner/sdk-versions.js';
import { AGENT, cli, project } from './e2e.js';
import { type FixtureExtras, fixtureSettings, formatSiteLine } from './helpers.js';

/** A temporary repository: the manifest walk stops at its root. */
function repository(files: Record<string, string>): string {
  const root = project(files, 'retention');
  mkdirSync(join(root, '.git'));
  return root;
}

function upgrade(path: string, text: string, extras: FixtureExtras) {
  const transforms = ['model-slug', 'prompt-cache-retention'].map((name) => findTransform(name)!);
  return processText(path, text, fixtureSettings(transforms, false, extras));
}

beforeAll(async () => {
  await initLanguages();
});

describe('declared SDK versions', () => {
  test.each([
    ['^6.2.0', '6.2.0'],
    ['~6.9.1', '6.9.1'],
    ['>=6.9 <7', '6.9.0'],
    ['6.x', '6.0.0'],
    ['6.9.0 - 7.0.0', '6.9.0'],
    ['^5.0.0 || ^6.10.0', '5.0.0'],
    ['>=2.8,<3', '2.8.0'],
    ['~=2.8.0', '2.8.0'],
    ['==2.8.*', '2.8.0'],
    ['^0.6', '0.6.0'],
    ['*', null],
    ['<3', null],
    ['latest', null],
    ['^6.9.0 || *', null],
    ['github:openai/openai-node', null],
  ])('lowest version of %s', (spec, lowest) => {
    expect(lowestVersion(spec)).toBe(lowest);
  });

  test('versions compare by number, not as text', () => {
    expect(compareVersions('2.10.0', '2.9.1')).toBeGreaterThan(0);
    expect(compareVersions('6.9', '6.9.0')).toBe(0);
    expect(compareVersions('0.3.3', '0.3.10')).toBeLessThan(0);
  });

  test('npm: a lockfile wins over the range, the nearest package.json that declares a package wins', () => {
    const root = repository({
      'package.json': JSON.stringify({ workspaces: ['packages/*'], devDependencies: { '@openai/agents': '^0.3.1' } }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/openai': { version: '6.12.0' }, 'packages/bot/node_modules/openai': { version: '6.8.1' } },
      }),
      'packages/bot/package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'packages/bot/src/agent.ts': '',
      'packages/web/package.json': JSON.stringify({ dependencies: { openai: '^6.10.0' } }),
      'packages/web/src/app.ts': '',
    });
    const bot = sdkVersionsFor(join(root, 'packages/bot/src/agent.ts'));
    expect(bot.npm.openai).toEqual({ spec: '6.8.1', version: '6.8.1', source: '../../../package-lock.json' });
    expect(bot.npm['@openai/agents']).toEqual({ spec: '^0.3.1', version: '0.3.1', source: '../../../package.json' });
    expect(sdkVersionsFor(join(root, 'packages/web/src/app.ts')).npm.openai?.version).toBe('6.12.0');
  });

  test('npm: pnpm and yarn (classic and Berry) lockfiles', () => {
    const pnpm = repository({
      'package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      openai:\n        specifier: ^6.2.0\n        version: 6.15.0(zod@3.25.76)\n",
      'src/a.ts': '',
    });
    expect(sdkVersionsFor(join(pnpm, 'src/a.ts')).npm.openai?.version).toBe('6.15.0');
    const classic = repository({
      'package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'yarn.lock':
        '# yarn lockfile v1\n\n\n"openai@^6.2.0", openai@^6.5.0:\n  version "6.7.0"\n  resolved "https://registry.yarnpkg.com/openai/-/openai-6.7.0.tgz"\n',
      'a.ts': '',
    });
    expect(sdkVersionsFor(join(classic, 'a.ts')).npm.openai).toEqual({ spec: '6.7.0', version: '6.7.0', source: 'yarn.lock' });
    const berry = repository({
      'package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'yarn.lock': '__metadata:\n  version: 8\n\n"openai@npm:^6.2.0":\n  version: 6.11.0\n  resolution: "openai@npm:6.11.0"\n',
      'a.ts': '',
    });
    expect(sdkVersionsFor(join(berry, 'a.ts')).npm.openai?.version).toBe('6.11.0');
  });

  test('npm: pnpm-lock.yaml read from its importers, whatever its packages hold; flow style read whole', () => {
    const sections = repository({
      'package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        '',
        'settings:\n  autoInstallPeers: true',
        '# the project',
        'importers:\n\n  .:\n    dependencies:\n      openai:\n        specifier: ^6.2.0\n        version: 6.16.0',
        'packages:\n\n  openai@6.16.0:\n    resolution: {integrity: sha512-x}',
        'snapshots:\n\n  openai@6.16.0: {}',
        '',
      ].join('\r\n'),
      'a.ts': '',
    });
    expect(sdkVersionsFor(join(sections, 'a.ts')).npm.openai?.version).toBe('6.16.0');
    const flow = repository({
      'package.json': JSON.stringify({ dependencies: { openai: '^6.2.0' } }),
      'pnpm-lock.yaml': "{lockfileVersion: '9.0', importers: {.: {dependencies: {openai: {specifier: ^6.2.0, version: 6.17.0}}}}}\n",
      'a.ts': '',
    });
    expect(sdkVersionsFor(join(flow, 'a.ts')).npm.openai?.version).toBe('6.17.0');
  });

  test('npm: a workspace link in the lockfile reads the linked package version', () => {
    const pnpm = repository({
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  examples/basic:\n    dependencies:\n      '@openai/agents':\n        specifier: workspace:*\n        version: link:../../packages/agents\n",
      'packages/agents/package.json': JSON.stringify({ name: '@openai/agents', version: '0.17.0' }),
      'examples/basic/package.json': JSON.stringify({ dependencies: { '@openai/agents': 'workspace:*' } }),
      'examples/basic/hello.ts': '',
    });
    expect(sdkVersionsFor(join(pnpm, 'examples/basic/hello.ts')).npm['@openai/agents']?.version).toBe('0.17.0');
    const npm = repository({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'apps/*'] }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          'node_modules/@openai/agents-core': { resolved: 'packages/core', link: true },
          'packages/core': { name: '@openai/agents-core', version: '0.12.1' },
        },
      }),
      'apps/bot/package.json': JSON.stringify({ dependencies: { '@openai/agents-core': '*' } }),
      'apps/bot/agent.ts': '',
    });
    expect(sdkVersionsFor(join(npm, 'apps/bot/agent.ts')).npm['@openai/agents-core']?.version).toBe('0.12.1');
  });

  test('PyPI: uv.lock / poetry.lock over requirements and pyproject; names normalised', () => {
    const root = repository({
      'requirements.txt': '# runtime\n-r base.txt\nOpenAI[datalib]>=2.6,<3 ; python_version >= "3.9"\n',
      'pyproject.toml': '[project]\nname = "desk"\ndependencies = [\n  "openai_agents>=0.6.1",\n]\n',
      'app/main.py': '',
      'svc/uv.lock': 'version = 1\n\n[[package]]\nname = "openai"\nversion = "2.9.0"\nsource = { registry = "https://pypi.org/simple" }\n',
      'svc/main.py': '',
      'poetry/pyproject.toml':
        '[tool.poetry.dependencies]\npython = "^3.11"\nopenai = { version = "^2.8", extras = ["datalib"] }\n\n[tool.poetry.group.dev.dependencies]\nopenai-agents = "0.5.0"\n',
      'poetry/main.py': '',
    });
    const app = sdkVersionsFor(join(root, 'app/main.py')).pypi;
    expect(app.openai).toEqual({ spec: '>=2.6,<3', version: '2.6.0', source: '../requirements.txt' });
    expect(app['openai-agents']).toEqual({ spec: '>=0.6.1', version: '0.6.1', source: '../pyproject.toml' });
    expect(sdkVersionsFor(join(root, 'svc/main.py')).pypi.openai).toEqual({ spec: '2.9.0', version: '2.9.0', source: 'uv.lock' });
    const poetry = sdkVersionsFor(join(root, 'poetry/main.py')).pypi;
    expect([poetry.openai?.version, poetry['openai-agents']?.version]).toEqual(['2.8.0', '0.5.0']);
  });

  test('nothing above the repository root is read', () => {
    const outer = repository({ 'package.json': JSON.stringify({ dependencies: { openai: '6.20.0' } }) });
    mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
    writeFileSync(join(outer, 'repo', 'a.ts'), '');
    expect(sdkVersionsFor(join(outer, 'repo', 'a.ts')).npm).toEqual({});
  });
});

describe('one entry added to a list, in its layout', () => {
  const add = (text: string, item = 'c: 3', comment = '//') => {
    const open = text.indexOf('{') + 1;
    const close = text.lastIndexOf('}');
    const items = [...text.slice(open, close).matchAll(/[a-z]: \d/g)].map((m) => ({
      start: open + m.index,
      end: open + m.index + m[0].length,
    }));
    const edit = appendEntry(text, { open, close, items }, item, comment);
    return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  };

  test.each([
    ['{ a: 1, b: 2 }', '{ a: 1, b: 2, c: 3 }'],
    ['{ a: 1, b: 2, }', '{ a: 1, b: 2, c: 3, }'],
    ['{\n  a: 1,\n  b: 2,\n}', '{\n  a: 1,\n  b: 2,\n  c: 3,\n}'],
    ['{\n  a: 1,\n  b: 2\n}', '{\n  a: 1,\n  b: 2,\n  c: 3\n}'],
    ['{\r\n\ta: 1,\r\n\tb: 2, // last\r\n}', '{\r\n\ta: 1,\r\n\tb: 2, // last\r\n\tc: 3,\r\n}'],
  ])('%j', (before, after) => {
    expect(add(before)).toBe(after);
  });
});

describe('--preserve-effort and --add-retention in one run', () => {
  const sdk = {
    npm: {
      openai: { spec: '6.12.0', version: '6.12.0', source: 'package-lock.json' },
      '@openai/agents': { spec: '0.4.0', version: '0.4.0', source: 'package.json' },
    },
    pypi: {},
  };

  test('both settings go into one request beside the new model', () => {
    const text = [
      'const response = await client.responses.create({',
      '  model: "gpt-5.4",',
      '  temperature: 0.2,',
      '  input: question,',
      '});',
      '',
    ].join('\n');
    const outcome = upgrade('src/answer.ts', text, { preserveEffort: true, addRetention: true, sdk });
    expect(outcome.newText).toBe(
      [
        'const response = await client.responses.create({',
        '  model: "gpt-5.5",',
        '  temperature: 0.2,',
        '  input: question,',
        '  reasoning: { effort: "none" },',
        '  prompt_cache_retention: "24h",',
        '});',
        '',
      ].join('\n'),
    );
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '1:48 prompt-cache-retention upgraded - -> 24h',
      '2:11 model-slug upgraded gpt-5.4 -> gpt-5.5',
    ]);
  });

  test('an agent without modelSettings gets effort now and retention on the next run', () => {
    const text = 'export const helper = new Agent({ name: "Helper", model: "gpt-5.4" });\n';
    const first = upgrade('src/helper.ts', text, { preserveEffort: true, addRetention: true, sdk });
    expect(first.newText).toBe(
      'export const helper = new Agent({ name: "Helper", model: "gpt-5.5", modelSettings: { reasoning: { effort: "none" } } });\n',
    );
    expect(first.sites.find((s) => s.transform === 'prompt-cache-retention')?.reason).toContain('run again with --add-retention');
    const second = upgrade('src/helper.ts', first.newText!, { preserveEffort: true, addRetention: true, sdk });
    expect(second.newText).toBe(
      'export const helper = new Agent({ name: "Helper", model: "gpt-5.5", modelSettings: { reasoning: { effort: "none" }, promptCacheRetention: "24h" } });\n',
    );
  });

  test('an ignore directive above the setting leaves it as it is, unreported', () => {
    const text = [
      'await client.responses.create({',
      '  model: "gpt-5.5",',
      '  // gpt55-codemod-ignore: measured against the 24h default, kept on purpose',
      '  prompt_cache_retention: "in_memory",',
      '  input,',
      '});',
      '',
    ].join('\n');
    const outcome = upgrade('src/bench.ts', text, {});
    expect(outcome.newText).toBeNull();
    expect(outcome.sites).toEqual([]);
  });

  test('configs have no effort spelling to write: a sampled request stays blocked', () => {
    const text = '{ "summarizer": { "model": "gpt-5.4", "temperature": 0.3 } }\n';
    const outcome = upgrade('config/llm.json', text, { preserveEffort: true });
    expect(outcome.newText).toBeNull();
    expect(outcome.sites.map((s) => s.status)).toEqual(['blocked']);
  });

  test('the Markdown report lists every upgraded model site under reasoning effort, and no cache setting', () => {
    const text = [
      'await client.responses.create({ model: "gpt-5.4", input: q, prompt_cache_retention: "in_memory" });',
      'await client.chat.completions.create({ model: "gpt-5.4", reasoning_effort: "low", messages });',
      '',
    ].join('\n');
    const outcome = upgrade('src/calls.ts', text, { preserveEffort: true });
    const report = buildReport({ filesScanned: 1, filesChanged: 1, filesErrored: 0, sites: outcome.sites, errors: [], changes: [] });
    const markdown = renderMarkdown(report);
    const effort = markdown.slice(markdown.indexOf('## Reasoning-effort handling'), markdown.indexOf('## Prompt updates'));
    expect(effort).toContain(
      "| src/calls.ts:1:41 | gpt-5.4 | gpt-5.5 | none (added by --preserve-effort: GPT-5.4's default, so behaviour stays as it was) |",
    );
    expect(effort).toContain('| src/calls.ts:2:48 | gpt-5.4 | gpt-5.5 | low (preserved) |');
    expect(effort).not.toContain('in_memory');
    expect(markdown.slice(markdown.indexOf('## Compatibility check'))).toContain('prompt-cache-retention');
  });
});

describe('the model after this run', () => {
  const run = (names: string[], path: string, text: string) =>
    processText(path, text, fixtureSettings(names.map((name) => findTransform(name)!)));

  const PREVIEW_STEP = [
    'const response = await client.responses.create({',
    '  model: "computer-use-preview",',
    '  tools: [{ type: "computer_use_preview", display_width: 1024, display_height: 768, environment: "browser" }],',
    '  prompt_cache_retention: "in_memory",',
    '  input,',
    '  truncation: "auto",',
    '});',
    'const call = response.output.find((item) => item.type === "computer_call");',
    '',
  ];

  test('computer-use moving the preview model takes in_memory along, in one run', () => {
    const text = [...PREVIEW_STEP, 'if (call) await runAction(page, call.action);', ''].join('\n');
    const outcome = run(['computer-use', 'prompt-cache-retention'], 'src/step.ts', text);
    expect(outcome.newText).toContain('model: "gpt-5.5"');
    expect(outcome.newText).toContain('prompt_cache_retention: "24h"');
    expect(run(['computer-use', 'prompt-cache-retention'], 'src/step.ts', outcome.newText!).newText).toBeNull();
  });

  test('a preview flow computer-use holds back keeps in_memory', () => {
    const text = [...PREVIEW_STEP, 'const { action } = call;', 'await runAction(page, action);', ''].join('\n');
    const outcome = run(['computer-use', 'prompt-cache-retention'], 'src/step.ts', text);
    expect(outcome.newText).toBeNull();
    expect(outcome.sites.filter((s) => s.transform === 'prompt-cache-retention')).toEqual([]);
  });

  test('without computer-use in the run the preview model stays, and so does in_memory', () => {
    const text = [...PREVIEW_STEP, 'if (call) await runAction(page, call.action);', ''].join('\n');
    expect(run(['prompt-cache-retention'], 'src/step.ts', text)).toMatchObject({ newText: null, sites: [] });
  });
});

describe('gpt55-codemod --add-retention (built bin)', () => {
  const SOURCE = AGENT;

  test('an old openai pinned in package.json: no edit, the site names the version needed', () => {
    // A request on GPT-5.5 already: prompt-cache-retention alone moves no model.
    const current = SOURCE.replace('"gpt-5.4"', '"gpt-5.5"');
    const root = repository({ 'package.json': JSON.stringify({ dependencies: { openai: '6.8.1' } }), 'src/answer.ts': current });
    const { code, stdout } = cli(root, 'prompt-cache-retention', 'src', '--add-retention', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.summary.filesChanged).toBe(0);
    expect(report.sites).toHaveLength(1);
    expect(report.sites[0]).toMatchObject({
      file: 'src/answer.ts',
      line: 6,
      status: 'confirmation-needed',
      transform: 'prompt-cache-retention',
    });
    expect(report.sites[0].reason).toContain('needs openai 6.9.0 or later');
    expect(readFileSync(join(root, 'src/answer.ts'), 'utf8')).toBe(current);
  });

  test('a new enough openai: upgrade adds the field beside the new model', () => {
    const root = repository({ 'package.json': JSON.stringify({ dependencies: { openai: '^6.10.0' } }), 'src/answer.ts': SOURCE });
    const { code } = cli(root, 'upgrade', 'src', '--add-retention', '--force');
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'src/answer.ts'), 'utf8')).toBe(
      SOURCE.replace(
        '    model: "gpt-5.4",\n    input: question,\n',
        '    model: "gpt-5.5",\n    input: question,\n    prompt_cache_retention: "24h",\n',
      ),
    );
  });
});

describe('the effort of an agent that relies on the Agents SDK defaults', () => {
  const agents = (version: string) => ({ npm: { '@openai/agents': { spec: version, version, source: 'package.json' } }, pypi: {} });
  const note = (text: string, extras: FixtureExtras, all = false) =>
    processText('src/agent.ts', text, fixtureSettings([findTransform('model-slug')!], all, extras)).sites[0]?.reasoningEffort;
  const bare = 'export const agent = new Agent({ name: "Helper", model: "gpt-5.4" });\n';

  test('0.10.0 and later send none for gpt-5.4 and gpt-5.5 alike', () => {
    expect(note(bare, { sdk: agents('0.17.0') })).toBe(
      'not set: the Agents SDK (@openai/agents `0.17.0` in package.json) sends effort none for gpt-5.4 and gpt-5.5 alike, so it stays none',
    );
  });

  test('an older SDK, or one not declared, leaves the API default', () => {
    expect(note(bare, { sdk: agents('0.9.1') })).toContain(
      '@openai/agents `0.9.1` in package.json predates per-model agent defaults (0.10.0)',
    );
    expect(note(bare, {})).toContain('unless the project runs @openai/agents 0.10.0 or later');
  });

  test('model settings of its own turn the SDK defaults off', () => {
    const text = 'export const agent = new Agent({ model: "gpt-5.4", modelSettings: { toolChoice: "auto" } });\n';
    expect(note(text, { sdk: agents('0.17.0') })).toMatch(/^not set: GPT-5.4 ran at none, GPT-5.5 defaults to medium/);
  });

  test('with --all, a model whose SDK effort differs says both', () => {
    const text = 'export const agent = new Agent({ name: "Helper", model: "gpt-5" });\n';
    expect(note(text, { sdk: agents('0.17.0') }, true)).toBe(
      'not set: the Agents SDK (@openai/agents `0.17.0` in package.json) sends effort low for gpt-5 and effort none for gpt-5.5',
    );
  });
});
