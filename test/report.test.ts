import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { EFFORT_NOT_SET } from '../src/policy/effort.js';
import { renderPatch, unifiedDiff } from '../src/report/diff.js';
import { readReport, renderJson } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { mergeReports } from '../src/report/merge.js';
import { buildReport, type FileText, type Report, siteLocation as where } from '../src/report/model.js';
import { renderSarif } from '../src/report/sarif.js';
import { renderCheck, renderSiteList, renderSummary } from '../src/report/text.js';
import type { Site } from '../src/types.js';

const GATE_REASON =
  'the request sends `temperature` without a reasoning effort (GPT-5.5 defaults to medium); GPT-5.5 rejects these unless effort is none. ' +
  'Set `reasoning: {effort: "none"}` (Responses) or `reasoning_effort: "none"` (Chat Completions), or remove them, then re-run';

/** What a monorepo run meets: every status, five transforms, several source families. */
const SITES: Site[] = [
  {
    file: 'src/agents/support.ts',
    line: 14,
    column: 10,
    transform: 'model-slug',
    status: 'upgraded',
    from: 'gpt-5.4',
    to: 'gpt-5.5',
    family: 'gpt-5.4',
    upgradeClass: 'model string only',
    reason: 'gpt-5.4 to gpt-5.5',
    reasoningEffort: EFFORT_NOT_SET,
  },
  {
    file: 'src/agents/research.ts',
    line: 22,
    column: 12,
    transform: 'model-slug',
    status: 'upgraded',
    from: 'gpt-5.4-pro',
    to: 'gpt-5.5-pro',
    family: 'gpt-5.4',
    upgradeClass: 'model string only',
    reason: 'gpt-5.4-pro to gpt-5.5-pro',
    reasoningEffort: "'high' (preserved)",
  },
  {
    file: 'src/lib/summarize.ts',
    line: 31,
    column: 14,
    transform: 'model-slug',
    status: 'blocked',
    from: 'gpt-5.4',
    to: 'gpt-5.5',
    family: 'gpt-5.4',
    upgradeClass: 'blocked',
    reason: GATE_REASON,
  },
  {
    file: 'test/agent.test.ts',
    line: 8,
    column: 21,
    transform: 'model-slug',
    status: 'confirmation-needed',
    from: 'gpt-5.4',
    to: 'gpt-5.5',
    family: 'gpt-5.4',
    upgradeClass: 'model string only',
    reason: 'in tests: may be an intentional pin',
  },
  {
    file: 'src/routing.ts',
    line: 5,
    column: 27,
    transform: 'model-slug',
    status: 'confirmation-needed',
    from: 'gpt-5.4-mini',
    to: null,
    family: 'gpt-5.4',
    upgradeClass: 'unknown',
    reason: 'gpt-5.4-mini has no GPT-5.5 counterpart (no gpt-5.5-mini or -nano)',
  },
  {
    file: 'evals/promptfooconfig.yaml',
    line: 3,
    column: 5,
    transform: 'model-slug',
    status: 'confirmation-needed',
    from: 'openai:gpt-4o',
    to: 'openai:gpt-5.5',
    family: 'gpt-4o',
    upgradeClass: 'model string only',
    reason: 'in evals: may be an intentional pin',
  },
  {
    file: 'src/pricing.ts',
    line: 4,
    column: 3,
    transform: 'model-slug',
    status: 'confirmation-needed',
    from: 'gpt-5.4-2026-03-05',
    to: 'gpt-5.5-2026-04-23',
    family: 'gpt-5.4',
    upgradeClass: 'model string only',
    reason: 'dated snapshot (2026-03-05): pinned on purpose',
  },
  {
    file: 'agents/computer_agent.py',
    line: 40,
    column: 15,
    transform: 'computer-use',
    status: 'blocked',
    from: 'computer-use-preview',
    to: 'gpt-5.5',
    family: null,
    upgradeClass: 'blocked',
    reason: 'the loop reads `item.action`; the GA tool sends a batched `actions[]` array',
  },
  {
    file: 'src/chat/history.ts',
    line: 52,
    column: 7,
    transform: 'phase-replay',
    status: 'unknown',
    from: null,
    to: null,
    family: null,
    upgradeClass: 'unknown',
    reason: 'assistant message rebuilt as {role, content}: `phase` is dropped',
  },
  {
    file: 'prompts/system.md',
    line: 3,
    column: 1,
    transform: 'prompts',
    status: 'unknown',
    from: null,
    to: null,
    family: null,
    upgradeClass: 'model string + light prompt rewrite',
    reason: 'injects the date | GPT-5.5 knows the current UTC date',
  },
  {
    file: 'src/cache.ts',
    line: 18,
    column: 5,
    transform: 'prompt-cache-retention',
    status: 'blocked',
    from: 'in_memory',
    to: '24h',
    family: 'gpt-5.4',
    upgradeClass: 'blocked',
    reason: '`prompt_cache_retention: "in_memory"` is a request error on gpt-5.5',
  },
];

function sampleReport(sites = SITES): Report {
  return buildReport({
    filesScanned: 42,
    filesChanged: 2,
    filesErrored: 1,
    sites,
    errors: [{ file: 'src/broken.ts', line: 7, message: "Unexpected token, expected ','" }],
    changes: [],
  });
}

const ofStatus = (status: Site['status']): Site[] => SITES.filter((s) => s.status === status);

describe('JSON report', () => {
  test('round-trips, and its summary counts equal the site list', () => {
    const text = renderJson(sampleReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "summary": {');
    const read = readReport(text, 'report.json');
    expect(read).toEqual(sampleReport());
    expect(read.summary.sites).toEqual({ upgraded: 2, 'confirmation-needed': 4, blocked: 3, unknown: 2 });
    expect(Object.keys(read)).toEqual(['tool', 'version', 'target', 'summary', 'sites', 'errors', 'warnings', 'decisions']);
  });

  test.each([
    ['not JSON', '{"tool": ', /shard-1\.json: not valid JSON/],
    ['another tool', JSON.stringify({ ...sampleReport(), tool: 'eslint' }), /shard-1\.json: .*tool/],
    [
      'a bad status',
      JSON.stringify({ ...sampleReport(), sites: [{ ...SITES[0], status: 'done' }] }),
      /shard-1\.json: .*sites\[0\]\.status/,
    ],
    ['a line of 0', JSON.stringify({ ...sampleReport(), sites: [{ ...SITES[0], line: 0 }] }), /sites\[0\]\.line/],
    [
      'counts that disagree with the sites',
      JSON.stringify({ ...sampleReport(), sites: SITES.slice(1) }),
      /summary\.sites\["upgraded"\] is 2 but the site list holds 1/,
    ],
    ['errors that are not a list', JSON.stringify({ ...sampleReport(), errors: {} }), /errors is not a list/],
    [
      'a decision of another kind',
      JSON.stringify({ ...sampleReport(), sites: [{ ...SITES[0], decision: { kind: 'ignore', by: 'a', at: 'b' } }] }),
      /sites\[0\]\.decision/,
    ],
    [
      'a stale entry without a file',
      JSON.stringify({ ...sampleReport(), decisions: { files: [], keep: 0, upgrade: 0, undecided: 0, stale: [{ fingerprint: 'f' }] } }),
      /decisions\.stale\[0\]\.file/,
    ],
  ])('rejects %s, naming the file', (_name, text, message) => {
    expect(() => readReport(text, 'shard-1.json')).toThrow(message);
  });
});

describe('merge', () => {
  test('sums file counts, counts sites and sorts them', () => {
    const a = sampleReport(SITES.slice(0, 5));
    const b = sampleReport(SITES.slice(5));
    const merged = mergeReports([b, a]);
    expect(merged.summary).toEqual({
      filesScanned: 84,
      filesChanged: 4,
      filesErrored: 2,
      sites: { upgraded: 2, 'confirmation-needed': 4, blocked: 3, unknown: 2 },
    });
    expect(merged.sites).toHaveLength(SITES.length);
    expect(merged.sites.map(where)).toEqual(SITES.map(where).sort());
    expect(merged.errors).toHaveLength(2);
    expect(readReport(renderJson(merged), 'merged.json')).toEqual(merged);
  });

  test('orders sites of one file by line, then column', () => {
    const at = (line: number, column: number): Site => ({ ...SITES[0]!, line, column });
    const merged = mergeReports([sampleReport([at(10, 4), at(2, 9)]), sampleReport([at(10, 2), at(2, 9)])]);
    expect(merged.sites.map((s) => [s.line, s.column])).toEqual([
      [2, 9],
      [2, 9],
      [10, 2],
      [10, 4],
    ]);
  });

  test('two repositories with the same relative path keep both sites, and counts add up', () => {
    const one = sampleReport();
    const merged = mergeReports([one, one]);
    expect(merged.sites).toHaveLength(2 * one.sites.length);
    expect(merged.summary.sites.upgraded).toBe(2 * one.summary.sites.upgraded);
    expect(merged.summary.filesScanned).toBe(2 * one.summary.filesScanned);
  });
});

describe('text summary', () => {
  const plain = renderSummary(sampleReport(), { color: false });
  const lines = plain.trimEnd().split('\n');
  const group = (s: Site): string => `  1  ${s.reason}  (${where(s)} ${s.from})`;

  test('ends with the confirmation-needed sites, one line per reason: its count, the reason once, its locations', () => {
    const expected = ofStatus('confirmation-needed').map(group).sort();
    expect(lines.slice(-expected.length).sort()).toEqual(expected);
    expect(lines[lines.length - expected.length - 1]).toBe('Confirmation needed (left as is; may be pinned):');
  });

  test('lists files, errors, counts and blocked sites by reason before the confirmation groups', () => {
    expect(lines[0]).toBe('Files: 42 scanned, 2 changed, 1 errored');
    expect(lines).toContain("src/broken.ts:7  Unexpected token, expected ','");
    expect(lines).toContain('Sites: 2 upgraded, 4 confirmation-needed, 3 blocked, 2 unknown');
    const heading = lines.indexOf('Blocked (left as is; needs code changes):');
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading + 1, heading + 4).sort()).toEqual(ofStatus('blocked').map(group).sort());
    expect(heading).toBeLessThan(lines.findIndex((l) => l.startsWith('Confirmation needed')));
  });

  test('says a reason once for its group, largest first, with the first three locations and how many more', () => {
    const pinned = (line: number): Site => ({ ...SITES[3]!, line });
    const summary = renderSummary(sampleReport([...[1, 2, 3, 4, 5].map(pinned), SITES[4]!]), { color: false });
    const groups = summary.trimEnd().split('\n').slice(-2);
    expect(groups[0]).toBe(
      '  5  in tests: may be an intentional pin  (test/agent.test.ts:1:21 gpt-5.4, test/agent.test.ts:2:21 gpt-5.4, test/agent.test.ts:3:21 gpt-5.4, +2 more)',
    );
    expect(groups[1]).toBe(`  1  ${SITES[4]!.reason}  (src/routing.ts:5:27 gpt-5.4-mini)`);
    expect(summary.match(/in tests: may be an intentional pin/g)).toHaveLength(1);
  });

  test('counts the sites the decisions file keeps instead of listing them, and names stale entries', () => {
    const keep = { kind: 'keep' as const, by: 'Reviewer', at: '2026-01-02' };
    const sites = SITES.map((s) => (s.status === 'confirmation-needed' ? { ...s, decision: keep } : s));
    const stale = [
      { fingerprint: 'f', file: 'src/gone.ts', transform: 'model-slug', from: 'gpt-4o', decision: 'keep' as const, code: 'x' },
    ];
    const report = {
      ...sampleReport(sites),
      decisions: { files: ['gpt55-codemod.decisions.json'], keep: 4, upgrade: 0, undecided: 3, stale },
    };
    const summary = renderSummary(report, { color: false });
    expect(summary).toContain('Decisions: 4 kept, 0 upgrade, 3 undecided (gpt55-codemod.decisions.json)\n');
    expect(summary).toContain('Stale decisions: 1 whose site is gone (src/gone.ts gpt-4o); gpt55-codemod decide --prune removes them\n');
    expect(summary.trimEnd().split('\n').at(-1)).toBe('Confirmation needed: none (4 kept by the decisions file)');
    expect(renderSiteList(report)).toContain(
      `${where(SITES[3]!)}  confirmation-needed  gpt-5.4 -> gpt-5.5  in tests: may be an intentional pin  [keep: Reviewer, 2026-01-02]\n`,
    );
  });

  test('--check names the sites it fails on and why; kept and unknown sites pass', () => {
    const check = renderCheck(sampleReport(), { color: false, verbose: false });
    expect(check).toContain('Check failed: 9 site(s) need work (2 upgradable, 3 blocked, 4 undecided):\n');
    expect(check).toContain(`  ${where(SITES[0]!)}  upgradable  gpt-5.4\n`);
    expect(check).not.toContain(where(SITES[8]!));
    const kept = SITES.filter((s) => s.status !== 'upgraded').map((s) => ({
      ...s,
      decision: { kind: 'keep' as const, by: 'R', at: '2026-01-02' },
    }));
    expect(renderCheck(sampleReport(kept), { color: false, verbose: false })).toMatch(
      /^\nCheck passed: no site is upgradable, blocked or undecided/,
    );
  });

  test('prints no decisions line for a run with nothing to decide and no decisions file', () => {
    expect(renderSummary(sampleReport(ofStatus('upgraded')), { color: false })).not.toContain('Decisions:');
    expect(lines).toContain('Decisions: 0 kept, 0 upgrade, 7 undecided (no decisions file yet)');
  });

  test('says so when nothing needs confirmation', () => {
    const summary = renderSummary(sampleReport(ofStatus('upgraded')), { color: false });
    expect(summary.trimEnd().split('\n').at(-1)).toBe('Confirmation needed: none');
  });

  test('colours only when asked', () => {
    expect(plain).not.toMatch(/\x1b\[/);
    expect(renderSummary(sampleReport(), { color: true })).toMatch(/\x1b\[/);
  });
});

describe('Markdown report', () => {
  const markdown = renderMarkdown(sampleReport());
  const HEADINGS = [
    'Current model usage',
    'Model-string updates',
    'Reasoning-effort handling',
    'Prompt updates',
    'Structured output and formatting assessment',
    'Tool-use assessment',
    'Phase assessment',
    'Compatibility check',
    'Validation performed',
  ];
  const sections = new Map(
    markdown
      .split(/^## /m)
      .slice(1)
      .map((chunk) => [chunk.slice(0, chunk.indexOf('\n')), chunk] as const),
  );

  test("has the upgrade guide's nine sections, in order", () => {
    expect(markdown.match(/^## .*$/gm)).toEqual(HEADINGS.map((h) => `## ${h}`));
  });

  test('has a checklist line per confirmation-needed site', () => {
    const checklist = markdown.match(/^- \[ \] .*$/gm);
    expect(checklist).toEqual(ofStatus('confirmation-needed').map((s) => `- [ ] \`${where(s)}\` \`${s.from}\` ${s.reason}`));
    expect(sections.get('Current model usage')).toContain(checklist![0]);
  });

  test('counts sites per source family and status', () => {
    const usage = sections.get('Current model usage')!;
    expect(usage).toContain('| Source family | upgraded | confirmation-needed | blocked | unknown |');
    expect(usage).toContain('| GPT-5.4 | 2 | 3 | 1 | 0 |');
    expect(usage).toContain('| GPT-4o/4.1 | 0 | 1 | 0 | 0 |');
    expect(usage).toContain('| third-party/unclear | 0 | 0 | 1 | 0 |');
  });

  const expectedSection: [number, string][] = [
    [0, 'Model-string updates'],
    [1, 'Model-string updates'],
    [2, 'Compatibility check'],
    [3, 'Model-string updates'],
    [4, 'Model-string updates'],
    [5, 'Model-string updates'],
    [6, 'Model-string updates'],
    [7, 'Tool-use assessment'],
    [8, 'Phase assessment'],
    [9, 'Prompt updates'],
    [10, 'Compatibility check'],
  ];
  test.each(expectedSection)('site %i is listed under %s and no other finding section', (index, heading) => {
    const location = where(SITES[index]!);
    expect(sections.get(heading)).toContain(`| ${location} |`);
    const summaries = ['Current model usage', 'Reasoning-effort handling', heading];
    for (const [other, text] of sections) if (!summaries.includes(other)) expect(text).not.toContain(location);
  });

  test('gives every upgraded site its reasoning effort, and escapes table cells', () => {
    const effort = sections.get('Reasoning-effort handling')!;
    expect(effort).toContain(`| src/agents/support.ts:14:10 | gpt-5.4 | gpt-5.5 | ${EFFORT_NOT_SET} |`);
    expect(effort).toContain("| src/agents/research.ts:22:12 | gpt-5.4-pro | gpt-5.5-pro | 'high' (preserved) |");
    expect(sections.get('Compatibility check')).toContain('the request sends \\`temperature\\` without');
    expect(sections.get('Prompt updates')).toContain('injects the date \\| GPT-5.5 knows');
  });

  test('says so where a section has nothing, and reports the validation', () => {
    expect(sections.get('Structured output and formatting assessment')).toMatch(/\nNo sites\./);
    const empty = renderMarkdown(sampleReport([]));
    expect(empty.match(/^No sites\.$/gm)).toHaveLength(6);
    const validation = sections.get('Validation performed')!;
    expect(validation).toContain('Files scanned: 42; changed: 2; errored: 1.');
    expect(validation).toContain('re-parsed');
    expect(validation).toContain("`src/broken.ts:7` Unexpected token, expected ','");
  });
});

describe('SARIF report', () => {
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
  }
  const sarif = JSON.parse(renderSarif(sampleReport()));
  const left = SITES.filter((s) => s.status !== 'upgraded');
  const LEVELS: Record<string, string> = { blocked: 'error', 'confirmation-needed': 'warning', unknown: 'note' };

  test('has the fields SARIF 2.1.0 requires', () => {
    expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const { driver } = sarif.runs[0].tool;
    expect(driver.name).toBe('gpt55-codemod');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r: { id: string }) => r.id).sort()).toEqual([
      'computer-use',
      'model-slug',
      'phase-replay',
      'prompt-cache-retention',
      'prompts',
    ]);
    for (const rule of driver.rules) expect(rule.shortDescription.text).toMatch(/\S/);
  });

  test('has one result per site left as is, at its location', () => {
    const { results, tool } = sarif.runs[0];
    expect(results).toHaveLength(left.length);
    results.forEach((result: SarifResult, i: number) => {
      const site = left[i]!;
      expect(result.ruleId).toBe(site.transform);
      expect(tool.driver.rules[result.ruleIndex].id).toBe(site.transform);
      expect(result.level).toBe(LEVELS[site.status]);
      const { physicalLocation } = result.locations[0]!;
      expect(physicalLocation.artifactLocation.uri).toBe(site.file);
      expect(physicalLocation.region).toEqual({ startLine: site.line, startColumn: site.column });
      expect(result.message.text).toMatch(/\S/);
    });
    expect(results[2].message.text).toBe(
      'gpt-5.4-mini -> (no GPT-5.5 counterpart): gpt-5.4-mini has no GPT-5.5 counterpart (no gpt-5.5-mini or -nano)',
    );
    expect(results[0].message.text).toBe(`gpt-5.4 -> gpt-5.5: ${GATE_REASON}`);
  });
});

describe('diffs and patch', () => {
  const lfBefore = [
    "import OpenAI from 'openai';",
    '',
    'const client = new OpenAI();',
    '',
    'export async function answer(question: string) {',
    '  const response = await client.responses.create({',
    "    model: 'gpt-5.4',",
    '    input: question,',
    '  });',
    '  return response.output_text;',
    '}',
    '',
    'export async function summarize(text: string) {',
    '  const response = await client.responses.create({',
    "    model: 'gpt-5.4-pro',",
    "    reasoning: { effort: 'high' },",
    '    input: `Summarize:\\n${text}`,',
    '  });',
    '  return response.output_text;',
    '}',
    '',
  ].join('\n');
  const changes: FileText[] = [
    {
      file: 'src/agent.ts',
      before: lfBefore,
      after: lfBefore.replace("'gpt-5.4'", "'gpt-5.5'").replace("'gpt-5.4-pro'", "'gpt-5.5-pro'"),
    },
    {
      file: 'legacy/chat.js',
      before:
        'const OpenAI = require(\'openai\');\r\nconst client = new OpenAI();\r\n\r\nmodule.exports = (messages) =>\r\n  client.chat.completions.create({ model: "gpt-5.4", messages });\r\n',
      after:
        'const OpenAI = require(\'openai\');\r\nconst client = new OpenAI();\r\n\r\nmodule.exports = (messages) =>\r\n  client.chat.completions.create({ model: "gpt-5.5", messages });\r\n',
    },
    {
      file: 'config/agents.yaml',
      before: 'triage:\n  model: gpt-5.4-mini\nsupport:\n  model: gpt-5.4',
      after: 'triage:\n  model: gpt-5.4-mini\nsupport:\n  model: gpt-5.5',
    },
    {
      file: 'docs/prompt guides/système.md',
      before: '---\nmodel: gpt-5.4\n---\nRéponds en français.\n',
      after: '---\nmodel: gpt-5.5\n---\nRéponds en français.\n',
    },
    {
      file: 'packages/api/src/routes/chat.ts',
      before: "export const DEFAULT_MODEL = process.env.OPENAI_MODEL ?? 'gpt-5.4';\n",
      after: "export const DEFAULT_MODEL = process.env.OPENAI_MODEL ?? 'gpt-5.5';\n",
    },
  ];

  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  test('git apply accepts the patch and it gives the new texts byte for byte', () => {
    dir = mkdtempSync(join(tmpdir(), 'report-patch-'));
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    git('init', '-q');
    for (const change of changes) {
      mkdirSync(dirname(join(dir, change.file)), { recursive: true });
      writeFileSync(join(dir, change.file), change.before);
    }
    const patch = renderPatch(changes);
    expect(patch.match(/^diff --git .*$/gm)).toEqual([
      'diff --git a/src/agent.ts b/src/agent.ts',
      'diff --git a/legacy/chat.js b/legacy/chat.js',
      'diff --git a/config/agents.yaml b/config/agents.yaml',
      // Git's C-style quoting of non-ASCII names: UTF-8 bytes as octal escapes.
      'diff --git "a/docs/prompt guides/syst\\303\\250me.md" "b/docs/prompt guides/syst\\303\\250me.md"',
      'diff --git a/packages/api/src/routes/chat.ts b/packages/api/src/routes/chat.ts',
    ]);
    expect(patch).toContain('--- a/packages/api/src/routes/chat.ts\n+++ b/packages/api/src/routes/chat.ts\n');
    expect(patch).toContain('-  model: gpt-5.4\n\\ No newline at end of file\n+  model: gpt-5.5\n\\ No newline at end of file\n');
    expect(patch).toContain('+  client.chat.completions.create({ model: "gpt-5.5", messages });\r\n');
    writeFileSync(join(dir, 'changes.patch'), patch);
    git('apply', '--check', 'changes.patch');
    git('apply', 'changes.patch');
    for (const change of changes) expect(readFileSync(join(dir, change.file), 'utf8')).toBe(change.after);
  });

  test('a diff holds only hunks around the edits, coloured only when asked', () => {
    const plain = unifiedDiff(changes[0]!, { color: false });
    expect(plain.match(/^@@ .* @@$/gm)).toEqual(['@@ -4,7 +4,7 @@', '@@ -12,7 +12,7 @@']);
    expect(plain).not.toMatch(/\x1b\[/);
    const coloured = unifiedDiff(changes[0]!, { color: true });
    expect(coloured).toMatch(/\x1b\[\d+m\+ {4}model: 'gpt-5\.5',/);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
    expect(unifiedDiff({ file: 'same.ts', before: 'x\n', after: 'x\n' }, { color: true })).toBe('');
  });
});
