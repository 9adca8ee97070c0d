/**
 * The decisions file: fingerprints that survive moved lines, the file's own format, and
 * end to end through the built bin: a baseline that lets --check pass, catches a new
 * site, and is honoured (keep leaves a site as is, upgrade upgrades it as with --all).
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../src/policy/config.js';
import { type DecisionEntry, FileDecisions, parseDecisions, renderDecisions } from '../src/policy/decisions.js';
import type { Report } from '../src/report/model.js';
import type { Site } from '../src/types.js';
import { AGENT, cli, project } from './e2e.js';

const ROUTES = `import OpenAI from "openai";
const client = new OpenAI();

export async function summarize(text: string) {
  return client.responses.create({ model: "gpt-4o", input: text });
}

export async function classify(text: string) {
  return client.responses.create({
    model: "gpt-4o",
    input: text,
  });
}
`;

/** ROUTES with its two functions swapped and lines inserted above both. */
const ROUTES_MOVED = `import OpenAI from "openai";
// Routes: each one picks its own model.
const client = new OpenAI();

export async function classify(text: string) {
  return client.responses.create({
    model: "gpt-4o",
    input: text,
  });
}

/** Short summaries. */
export async function summarize(text: string) {
  return client.responses.create({ model: "gpt-4o", input: text });
}
`;

const SAMPLED = `import OpenAI from "openai";
const client = new OpenAI();
export const reply = (text: string) =>
  client.chat.completions.create({ model: "gpt-5.4", temperature: 0.7, messages: [{ role: "user", content: text }] });
`;

const PINNED_TEST = `import { expect, it } from "vitest";
it("pins the model", () => expect(pick()).toBe("gpt-5.4"));
it("pins the fallback", () => expect(fallback()).toBe("gpt-4.1"));
`;

function site(transform: string, from: string, line: number): Site {
  return {
    file: 'src/routes.ts',
    line,
    column: 1,
    transform,
    status: 'confirmation-needed',
    from,
    to: null,
    family: null,
    upgradeClass: 'unknown',
    reason: 'r',
  };
}

function entry(
  key: { file: string; transform: string; from: string | null; code: string },
  decision: DecisionEntry['decision'] = 'keep',
): DecisionEntry {
  return { ...key, decision, by: 'Reviewer', at: '2026-01-02' };
}

/** The fingerprints of ROUTES' two sites, and decisions keeping both. */
function routesDecided(): Array<[string, DecisionEntry]> {
  const file = new FileDecisions('src/routes.ts', ROUTES, []);
  return [5, 10].map((line) => {
    const { fingerprint, key } = file.key('model-slug', 'gpt-4o', line);
    return [fingerprint, entry(key)];
  });
}

describe('fingerprints', () => {
  test('hold no line number: lines inserted above and functions reordered keep every decision', () => {
    const decided = routesDecided();
    const moved = new FileDecisions('src/routes.ts', ROUTES_MOVED, decided);
    const { sites, unmatched } = moved.annotate([site('model-slug', 'gpt-4o', 7), site('model-slug', 'gpt-4o', 14)]);
    expect(unmatched).toEqual([]);
    // Each site keeps its own decision: the one-line call matches the one-line call's entry.
    expect(sites.map((s) => s.fingerprint)).toEqual([decided[1]![0], decided[0]![0]]);
    expect(sites.every((s) => s.decision?.kind === 'keep')).toBe(true);
  });

  test('tell apart identical lines by their neighbours', () => {
    const text = 'a({\n  model: "gpt-4o",\n  x: 1,\n});\nb({\n  model: "gpt-4o",\n  y: 2,\n});\n';
    const file = new FileDecisions('f.ts', text, []);
    expect(file.key('model-slug', 'gpt-4o', 2).fingerprint).not.toBe(file.key('model-slug', 'gpt-4o', 6).fingerprint);
  });

  test('a site whose neighbour changed still matches through its line, when no other line reads the same', () => {
    const decided = routesDecided();
    const edited = ROUTES.replace(
      'export async function summarize(text: string) {',
      'export async function summarize(text: string, tone = "plain") {',
    );
    const { sites, unmatched } = new FileDecisions('src/routes.ts', edited, decided).annotate([site('model-slug', 'gpt-4o', 5)]);
    expect(sites[0]!.decision?.kind).toBe('keep');
    expect(sites[0]!.fingerprint).toBe(decided[0]![0]);
    expect(unmatched).toEqual([decided[1]![0]]);
  });

  test('depend on the file, the transform and the model', () => {
    const a = new FileDecisions('src/a.ts', ROUTES, []).key('model-slug', 'gpt-4o', 5).fingerprint;
    expect(new FileDecisions('src/b.ts', ROUTES, []).key('model-slug', 'gpt-4o', 5).fingerprint).not.toBe(a);
    expect(new FileDecisions('src/a.ts', ROUTES, []).key('prompts', 'gpt-4o', 5).fingerprint).not.toBe(a);
    expect(new FileDecisions('src/a.ts', ROUTES, []).key('model-slug', 'gpt-4.1', 5).fingerprint).not.toBe(a);
  });
});

describe('the decisions file', () => {
  test('round-trips, sorted by file so a decision is a small diff', () => {
    const decisions = new Map(routesDecided().reverse());
    decisions.set('0000', { ...entry({ file: 'a.ts', transform: 'model-slug', from: 'gpt-5.4', code: 'x' }, 'upgrade'), note: 'why' });
    const text = renderDecisions(decisions);
    expect(parseDecisions(text, 'd.json')).toEqual(decisions);
    expect([...parseDecisions(text, 'd.json').values()].map((e) => e.file)).toEqual(['a.ts', 'src/routes.ts', 'src/routes.ts']);
  });

  test.each([
    ['not JSON', '{', /d\.json: not valid JSON/],
    ['another version', '{"version": 2, "decisions": {}}', /d\.json: expected \{"version": 1/],
    ['a list of decisions', '{"version": 1, "decisions": []}', /keyed by fingerprint/],
    [
      'an unknown verdict',
      JSON.stringify({
        version: 1,
        decisions: { x: { ...entry({ file: 'a', transform: 't', from: null, code: '' }), decision: 'ignore' } },
      }),
      /decisions\["x"\]\.decision/,
    ],
  ])('rejects %s as a config error naming the file', (_name, text, message) => {
    expect(() => parseDecisions(text, 'd.json')).toThrow(ConfigError);
    expect(() => parseDecisions(text, 'd.json')).toThrow(message);
  });

  test('a key such as __proto__ stays a key', () => {
    const text = `{"version": 1, "decisions": {"__proto__": ${JSON.stringify(entry({ file: 'a', transform: 't', from: null, code: '' }))}}}`;
    const decisions = parseDecisions(text, 'd.json');
    expect(decisions.get('__proto__')?.file).toBe('a');
    expect(({} as Record<string, unknown>).file).toBeUndefined();
  });
});

function json(root: string, ...args: string[]): Report {
  const run = cli(root, 'upgrade', '.', '--dry', '--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

interface SarifResult {
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  baselineState: string;
  suppressions?: unknown[];
  partialFingerprints?: Record<string, string>;
}

/** The lines --check names after `Check failed:`. */
function failing(stdout: string): string[] {
  const block = stdout.split(/^Check failed: .*$/m)[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function reviewed(): string {
  return project(
    { 'src/agent.ts': AGENT, 'src/reply.ts': SAMPLED, 'src/routes.ts': ROUTES, 'tests/agent.test.ts': PINNED_TEST },
    'decisions',
  );
}

describe('decide, end to end', () => {
  test('run, keep all current, --check passes; a new gpt-5.4 use fails it alone; moved lines keep their decisions', () => {
    const root = reviewed();
    expect(cli(root, 'upgrade', '.').code).toBe(0);
    expect(cli(root, 'upgrade', '.', '--check').code).toBe(1);
    const kept = cli(root, 'decide', 'keep', '--all-current', '--by', 'Reviewer');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(/^gpt55-codemod\.decisions\.json: keep recorded for 4 site\(s\)/);
    const decisionsText = readFileSync(join(root, 'gpt55-codemod.decisions.json'), 'utf8');
    const check = cli(root, 'upgrade', '.', '--check');
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('Check passed: no site is upgradable, blocked or undecided (4 kept by the decisions file)');
    // Kept sites are counted, not listed again.
    expect(check.stdout).toContain('Confirmation needed: none (3 kept by the decisions file)');
    expect(check.stdout).not.toContain('tests/agent.test.ts:');

    writeFileSync(
      join(root, 'src/routes.ts'),
      `${ROUTES}\nexport const draft = () => client.responses.create({ model: "gpt-5.4", input: "x" });\n`,
    );
    const fails = cli(root, 'upgrade', '.', '--check');
    expect(fails.code).toBe(1);
    expect(failing(fails.stdout)).toEqual([expect.stringMatching(/^src\/routes\.ts:15:\d+ {2}upgradable {2}gpt-5\.4$/)]);

    writeFileSync(join(root, 'src/routes.ts'), ROUTES_MOVED);
    writeFileSync(
      join(root, 'tests/agent.test.ts'),
      `// Pinned on purpose: the snapshots name these models.\n\n${PINNED_TEST.split('\n').reverse().join('\n')}\n`,
    );
    const moved = cli(root, 'upgrade', '.', '--check');
    expect(moved.code, moved.stdout).toBe(0);
    const report = json(root);
    expect(report.decisions).toEqual({ files: ['gpt55-codemod.decisions.json'], keep: 4, upgrade: 0, undecided: 0, stale: [] });
    // Runs read the decisions file but never treat it as a source: it names models too.
    expect(readFileSync(join(root, 'gpt55-codemod.decisions.json'), 'utf8')).toBe(decisionsText);
    expect(report.sites.some((s) => s.file === 'gpt55-codemod.decisions.json')).toBe(false);
  });

  test('upgrade decisions are upgraded as with --all for that site alone, never past the compatibility gate', () => {
    const root = reviewed();
    // Line 3 is under the test file's one line (at line 2): a value there is decided alone.
    const decided = cli(root, 'decide', 'upgrade', 'tests/agent.test.ts:3', 'src/reply.ts:4', '--note', 'tests follow production');
    expect(decided.code).toBe(1);
    expect(decided.stdout).toMatch(/upgrade recorded for 1 site\(s\) \(tests\/agent\.test\.ts:3:\d+ gpt-4\.1\)/);
    expect(decided.stdout).toMatch(
      /not recorded: src\/reply\.ts:4:\d+ gpt-5\.4: upgrade would not take \(it stays blocked: the request sends `temperature`/,
    );
    const sites = json(root).sites;
    const at = (file: string, line: number) => sites.find((s) => s.file === file && s.line === line)!;
    expect(at('tests/agent.test.ts', 3)).toMatchObject({
      status: 'upgraded',
      to: 'gpt-5.5',
      decision: { kind: 'upgrade', note: 'tests follow production' },
    });
    expect(at('tests/agent.test.ts', 3).reason).toBe('upgraded by the decisions file (in a test folder: may be an intentional pin)');
    // The other pinned site on the line above is untouched: --all applied to one site only.
    expect(at('tests/agent.test.ts', 2)).toMatchObject({ status: 'confirmation-needed', from: 'gpt-5.4' });
    expect(at('src/reply.ts', 4)).toMatchObject({ status: 'blocked' });
    expect(at('src/reply.ts', 4).decision).toBeUndefined();
    expect(cli(root, 'upgrade', '.').code).toBe(0);
    expect(readFileSync(join(root, 'tests/agent.test.ts'), 'utf8')).toBe(PINNED_TEST.replace('"gpt-4.1"', '"gpt-5.5"'));
  });

  test('keep holds back a site the run would upgrade; --reason selects by reason', () => {
    const root = reviewed();
    expect(cli(root, 'decide', 'keep', 'src/agent.ts:7').code).toBe(0);
    expect(cli(root, 'decide', 'keep', '--reason', 'OLDER FAMILY').stdout).toMatch(
      /keep recorded for 2 site\(s\) \(src\/routes\.ts:5:\d+ gpt-4o, src\/routes\.ts:10:\d+ gpt-4o\)/,
    );
    const agent = json(root).sites.find((s) => s.file === 'src/agent.ts')!;
    expect(agent).toMatchObject({ status: 'confirmation-needed', decision: { kind: 'keep' } });
    expect(agent.reason).toBe('kept as is by the decisions file (would be gpt-5.4 to gpt-5.5)');
    expect(cli(root, 'upgrade', '.').code).toBe(0);
    expect(readFileSync(join(root, 'src/agent.ts'), 'utf8')).toBe(AGENT);
    expect(cli(root, 'decide', 'keep', 'src/agent.ts:99').stdout).toContain('no site at src/agent.ts:99');
  });

  test('--from-checklist records the ticked boxes of the Markdown report as upgrades', () => {
    const root = reviewed();
    const out = project({}, 'checklist');
    expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, 'report.md')).code).toBe(0);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    const line = markdown.split('\n').find((l) => l.startsWith('- [ ] `src/routes.ts:10:'))!;
    expect(line).toMatch(/<!-- gpt55:[0-9a-f]+ -->$/);
    writeFileSync(join(out, 'report.md'), markdown.replace(line, line.replace('- [ ]', '- [x]')));
    const decided = cli(root, 'decide', '--from-checklist', join(out, 'report.md'));
    expect(decided.code, decided.stdout).toBe(0);
    expect(decided.stdout).toMatch(/upgrade recorded for 1 site\(s\) \(src\/routes\.ts:10:\d+ gpt-4o\)/);
    expect(json(root).sites.find((s) => s.file === 'src/routes.ts' && s.line === 10)).toMatchObject({
      status: 'upgraded',
      to: 'gpt-5.5',
    });
  });

  test('stale entries are reported, do not fail --check, and decide --prune removes them', () => {
    const root = reviewed();
    expect(cli(root, 'upgrade', '.').code).toBe(0);
    expect(cli(root, 'decide', 'keep', '--all-current').code).toBe(0);
    rmSync(join(root, 'src/routes.ts'));
    const check = cli(root, 'upgrade', '.', '--check');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /^Stale decisions: 2 whose site is gone \(src\/routes\.ts gpt-4o, src\/routes\.ts gpt-4o\); gpt55-codemod decide --prune removes them$/m,
    );
    expect(json(root).decisions!.stale).toEqual([
      expect.objectContaining({ file: 'src/routes.ts', transform: 'model-slug', from: 'gpt-4o', decision: 'keep' }),
      expect.objectContaining({ file: 'src/routes.ts', transform: 'model-slug', from: 'gpt-4o', decision: 'keep' }),
    ]);
    expect(cli(root, 'decide', '--prune').stdout).toContain('removed 2 stale decision(s)');
    expect(json(root).decisions).toMatchObject({ keep: 2, stale: [] });
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'gpt55-codemod.decisions.json'), 'utf8')).decisions)).toHaveLength(2);
  });

  test('the JSON report carries each decision; SARIF marks decided sites unchanged and suppresses kept ones', () => {
    const root = reviewed();
    expect(cli(root, 'decide', 'keep', 'tests/agent.test.ts:3', '--by', 'Reviewer', '--note', 'fallback eval').code).toBe(0);
    const kept = json(root).sites.find((s) => s.line === 3 && s.file === 'tests/agent.test.ts')!;
    expect(kept.decision).toEqual({
      kind: 'keep',
      note: 'fallback eval',
      by: 'Reviewer',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(kept.fingerprint).toMatch(/^[0-9a-f]{20}$/);
    const out = project({}, 'sarif');
    expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, 'r.sarif')).code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')).runs[0].results as SarifResult[];
    const line = (r: SarifResult) =>
      `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`;
    const decided = results.find((r) => line(r) === 'tests/agent.test.ts:3')!;
    expect(decided.baselineState).toBe('unchanged');
    expect(decided.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: expect.stringMatching(/^kept by Reviewer on \d{4}-\d{2}-\d{2}: fallback eval$/),
      },
    ]);
    expect(decided.partialFingerprints).toEqual({ 'gpt55CodemodSite/v1': kept.fingerprint });
    const open = results.find((r) => line(r) === 'tests/agent.test.ts:2')!;
    expect(open.baselineState).toBe('new');
    expect(open).not.toHaveProperty('suppressions');
  });

  test('a decisions file that is not one, or a link, stops the run with exit 2', () => {
    const root = reviewed();
    writeFileSync(join(root, 'gpt55-codemod.decisions.json'), '{"version": 1, "decisions": {"x": {"file": 3}}}');
    const bad = cli(root, 'upgrade', '.', '--dry');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('gpt55-codemod.decisions.json: decisions["x"].file is missing or has the wrong type');
    rmSync(join(root, 'gpt55-codemod.decisions.json'));
    symlinkSync('/etc/hostname', join(root, 'gpt55-codemod.decisions.json'));
    expect(cli(root, 'upgrade', '.', '--dry').stderr).toContain('gpt55-codemod.decisions.json: skipped: a symbolic link');
    expect(cli(root, 'decide', 'keep', '--all-current').code).toBe(2);
  });

  test('usage: a verdict is needed, and one way of naming sites', () => {
    const root = reviewed();
    expect(cli(root, 'decide', 'src/agent.ts:7').code).toBe(2);
    expect(cli(root, 'decide', 'keep').code).toBe(2);
    expect(cli(root, 'decide', 'keep', '--all-current', '--reason', 'x').code).toBe(2);
  });
});
