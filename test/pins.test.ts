/**
 * A pinned file's values reported as one line (src/policy/pins.ts): which sites fold, what the
 * line says, and end to end through the built bin: every report shows that one line, a keep
 * on it holds when lines move, and a pin added after `decide keep --all-current` fails
 * `--check` again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PinnedKind } from '../src/policy/context.js';
import { collapsePins } from '../src/policy/pins.js';
import type { Report } from '../src/report/model.js';
import type { Site } from '../src/types.js';
import { AGENT, cli, project } from './e2e.js';

function site(line: number, from: string, extra: Partial<Site> = {}): Site {
  return {
    file: 'tests/agent.test.ts',
    line,
    column: 20,
    transform: 'model-slug',
    status: 'confirmation-needed',
    from,
    to: 'gpt-5.5',
    family: from,
    upgradeClass: 'model string only',
    reason: 'in a test folder: may be an intentional pin',
    ...extra,
  };
}

const pinnedIn =
  (members: Site[], kind: PinnedKind = 'test') =>
  (s: Site): PinnedKind | null =>
    members.includes(s) ? kind : null;

describe('collapsePins', () => {
  test('the values become one line at the first, with the lines and a count per model', () => {
    const members = [site(4, 'gpt-4o'), site(9, 'gpt-5.4'), site(12, 'gpt-4o'), site(20, 'gpt-4o')];
    const snapshot = site(15, 'gpt-4o-2024-08-06', { reason: 'dated snapshot (2024-08-06): pinned on purpose' });
    const sites = [...members.slice(0, 3), snapshot, members[3]!];
    const [summary, ...rest] = collapsePins(sites, pinnedIn(members), false);
    expect(rest).toEqual([snapshot]);
    expect(summary).toMatchObject({
      line: 4,
      column: 20,
      from: 'gpt-4o',
      to: null,
      status: 'confirmation-needed',
      upgradeClass: 'unknown',
    });
    expect(summary!.catalog).toEqual({ sites: 4, models: ['gpt-4o', 'gpt-5.4'], lastLine: 20, pins: { path: 'test', counts: [3, 1] } });
    expect(summary!.reason).toBe(
      'test file pins 4 model value(s) (lines 4-20): gpt-4o ×3, gpt-5.4; --all moves the live ones ' +
        '(the models of requests the tests send or build); one decision for the file',
    );
  });

  test('a lone value keeps its line and its own reason; upgraded and blocked sites are never folded', () => {
    const lone = [site(4, 'gpt-4o')];
    expect(collapsePins(lone, pinnedIn(lone), false)).toEqual(lone);
    const moved = [site(4, 'gpt-5.4', { status: 'upgraded' }), site(5, 'gpt-5.4', { status: 'blocked' }), site(6, 'gpt-4o')];
    expect(collapsePins(moved, pinnedIn(moved), true)).toEqual(moved);
  });

  test('says what --all does: moves the live ones, leaves models without counterpart, kept what it kept', () => {
    const minis = [site(3, 'gpt-4o-mini', { to: null }), site(8, 'gpt-4o-mini', { to: null })];
    expect(collapsePins(minis, pinnedIn(minis), false)[0]!.reason).toContain(
      'gpt-4o-mini ×2; none has a GPT-5.5 counterpart, so --all leaves them too',
    );
    const kept = [site(3, 'gpt-4o'), site(8, 'o3')];
    expect(collapsePins(kept, pinnedIn(kept), true)[0]!.reason).toContain('gpt-4o, o3; left even with --all: test data');
    const recorded = [site(3, 'gpt-4o'), site(3, 'gpt-4o')];
    expect(collapsePins(recorded, pinnedIn(recorded, 'recorded'), false)[0]!.reason).toMatch(
      /^fixture file records 2 model value\(s\) \(line 3\): gpt-4o ×2; kept even with --all: recorded data;/,
    );
  });
});

/** A vitest spec with a mocked client: the models it passes and asserts are the test's own. */
const SPEC = `import { expect, it, vi } from "vitest";
import { summarize } from "../src/summarize";

const create = vi.fn().mockResolvedValue({ output_text: "ok" });

it("sends the model it is given", async () => {
  await summarize({ responses: { create } }, "text", { model: "gpt-5.4" });
  expect(create).toHaveBeenCalledWith(expect.objectContaining({ model: "gpt-5.4" }));
});

it("uses gpt-4o for long inputs", async () => {
  await summarize({ responses: { create } }, "x".repeat(9000), { model: "gpt-4o" });
});
`;

const MODELS = `export type ModelId = "gpt-4.1" | "gpt-4o";
`;

function json(root: string, ...args: string[]): Report {
  const run = cli(root, 'upgrade', '.', '--dry', '--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

interface SarifResult {
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
}

describe('a test file end to end', () => {
  test('one line in every report; decide upgrade on it is refused, keep on it passes --check and holds when lines move', () => {
    const root = project({ 'tests/summarize.test.ts': SPEC, 'src/models.ts': MODELS }, 'pins');
    const pins = json(root).sites.filter((s) => s.file === 'tests/summarize.test.ts');
    expect(pins.map((s) => [s.line, s.status, s.catalog])).toEqual([
      [7, 'confirmation-needed', { sites: 3, models: ['gpt-5.4', 'gpt-4o'], lastLine: 12, pins: { path: 'test', counts: [2, 1] } }],
    ]);
    expect(pins[0]!.reason).toMatch(/^test file pins 3 model value\(s\) \(lines 7-12\): gpt-5\.4 ×2, gpt-4o;/);

    const out = project({}, 'pins-reports');
    for (const ext of ['md', 'sarif']) expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, `r.${ext}`)).code).toBe(0);
    expect(readFileSync(join(out, 'r.md'), 'utf8').match(/^- \[ \] `tests\/summarize\.test\.ts:\d+:\d+`/gm)).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')).runs[0].results as SarifResult[];
    const regions = sarif
      .filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'tests/summarize.test.ts')
      .map((r) => r.locations[0]!.physicalLocation.region);
    expect(regions).toEqual([{ startLine: 7, startColumn: expect.any(Number), endLine: 12 }]);

    const upgrade = cli(root, 'decide', 'upgrade', 'tests/summarize.test.ts:7');
    expect(upgrade.code).toBe(1);
    expect(upgrade.stdout).toContain('it stands for the 3 pinned values of the file: run with --all to move the live ones');
    expect(cli(root, 'decide', 'keep', 'tests/summarize.test.ts:7', '--by', 'Reviewer').code).toBe(0);
    writeFileSync(join(root, 'tests/summarize.test.ts'), `// Pinned on purpose.\n\n${SPEC}`);
    expect(json(root).sites.find((s) => s.file === 'tests/summarize.test.ts')).toMatchObject({ line: 9, decision: { kind: 'keep' } });
  });

  test('after decide keep --all-current, a gpt-5.4 pin added to the test file fails --check: the line is new again', () => {
    const root = project({ 'tests/summarize.test.ts': SPEC, 'src/models.ts': MODELS, 'src/agent.ts': AGENT }, 'pins-check');
    expect(cli(root, 'upgrade', '.').code).toBe(0);
    const kept = cli(root, 'decide', 'keep', '--all-current', '--by', 'Reviewer');
    expect(kept.stdout).toMatch(/keep recorded for 2 site\(s\)/);
    expect(cli(root, 'upgrade', '.', '--check').code).toBe(0);

    const added = `${SPEC}\nit("streams", async () => {\n  await summarize({ responses: { create } }, "t", { model: "gpt-5.4", stream: true });\n});\n`;
    writeFileSync(join(root, 'tests/summarize.test.ts'), added);
    const check = cli(root, 'upgrade', '.', '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^\s*tests\/summarize\.test\.ts:7:\d+ {2}undecided {2}gpt-5\.4$/m);
    expect(check.stdout).toMatch(/Stale decisions: 1 whose site is gone \(tests\/summarize\.test\.ts gpt-5\.4\)/);
    const line = json(root).sites.find((s) => s.file === 'tests/summarize.test.ts')!;
    expect(line.reason).toContain('4 model value(s) (lines 7-16): gpt-5.4 ×3, gpt-4o;');
    expect(line.decision).toBeUndefined();
  });

  test('--all upgrades the values a live request sends; what stays folds', () => {
    const live = `import OpenAI from "openai";
import { test } from "vitest";

const client = new OpenAI();

test("gpt-4o answers", async () => {
  await client.responses.create({ model: "gpt-4o", input: "Hi" });
});

test("o3 reasons", async () => {
  await client.responses.create({ model: "o3", input: "Why?" });
});

test("greets", async () => {
  await client.responses.create({ model: "gpt-5.4", input: "Hello" });
});
`;
    const root = project({ 'tests/live.int.test.ts': live }, 'pins-all');
    const sites = json(root, '--all').sites;
    expect(sites.map((s) => [s.line, s.status, s.catalog?.sites ?? null])).toEqual([
      [7, 'confirmation-needed', 2],
      [15, 'upgraded', null],
    ]);
    expect(sites[0]!.reason).toMatch(/^test file pins 2 model value\(s\) \(lines 7-11\): gpt-4o, o3; left even with --all:/);
  });
});
