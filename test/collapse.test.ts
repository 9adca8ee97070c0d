/**
 * Catalogs reported as one line per file (src/policy/collapse.ts): which sites fold into the
 * line, what it says, that every report format shows that one line, and that a decision
 * on it holds when lines move.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collapseCatalogs, type Membership } from '../src/policy/collapse.js';
import type { Report } from '../src/report/model.js';
import type { Site, Status } from '../src/types.js';
import { cli, project } from './e2e.js';

function site(line: number, from: string, status: Status = 'confirmation-needed'): Site {
  return {
    file: 'src/models.ts',
    line,
    column: 3,
    transform: 'model-slug',
    status,
    from,
    to: 'gpt-5.5',
    family: 'gpt-4.1',
    upgradeClass: 'model string only',
    reason: 'listed beside other model(s)',
  };
}

describe('collapseCatalogs', () => {
  const listed =
    (members: Site[]) =>
    (s: Site): Membership | null =>
      members.includes(s) ? 'list' : null;

  test('the members become one line at the first, naming the count, the lines and the models', () => {
    const members = [site(3, 'gpt-4.1'), site(4, 'gpt-4.1-mini'), site(9, 'gpt-4.1')];
    const use = site(12, 'gpt-4o');
    const [summary, ...rest] = collapseCatalogs([...members, use], listed(members));
    expect(rest).toEqual([use]);
    expect(summary).toMatchObject({
      line: 3,
      column: 3,
      from: 'gpt-4.1',
      to: null,
      status: 'confirmation-needed',
      upgradeClass: 'unknown',
    });
    expect(summary!.reason).toMatch(/^catalog of 2 model\(s\) \(3 site\(s\) in a list, lines 3-9\): gpt-4\.1, gpt-4\.1-mini;/);
  });

  test('upgraded and blocked sites are never folded in, and one member alone stays as it is', () => {
    const sites = [site(3, 'gpt-4.1', 'upgraded'), site(4, 'gpt-4.1', 'blocked'), site(5, 'gpt-4o')];
    expect(collapseCatalogs(sites, listed(sites))).toEqual(sites);
  });

  test('members that all name one model keep their lines', () => {
    const sites = [site(3, 'gpt-4o'), site(9, 'gpt-4o')];
    expect(collapseCatalogs(sites, listed(sites))).toEqual(sites);
  });

  test('a long catalog names its first models and counts the rest', () => {
    const members = Array.from({ length: 15 }, (_, i) => site(i + 1, `gpt-4.1-${i}`));
    expect(collapseCatalogs(members, listed(members))[0]!.reason).toContain('gpt-4.1-11 and 3 more;');
  });
});

const CATALOG = `export type OpenAiModelId = "gpt-4.1" | "gpt-4.1-mini" | "gpt-4o";

export const openAiModels = {
  "gpt-4.1": { contextWindow: 1_047_576, inputPrice: 2, outputPrice: 8 },
  "gpt-4o": { contextWindow: 128_000, inputPrice: 2.5, outputPrice: 10 },
} as const;

export const REASONING = ["o3", "o4-mini", "o1"] as const;
`;

interface SarifResult {
  locations: Array<{ physicalLocation: { region: Record<string, number> } }>;
}

function json(root: string, ...args: string[]): Report {
  return JSON.parse(cli(root, 'upgrade', '.', '--dry', '--json', ...args).stdout) as Report;
}

describe('a catalog file end to end', () => {
  test('every report shows one line; decide keep on it passes --check and holds when lines move', () => {
    const root = project({ 'src/models.ts': CATALOG }, 'catalog');
    const sites = json(root).sites;
    expect(sites.map((s) => `${s.file}:${s.line} ${s.status}`)).toEqual(['src/models.ts:1 confirmation-needed']);
    expect(sites[0]!.catalog).toEqual({ sites: 6, models: ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'o3', 'o4-mini', 'o1'], lastLine: 8 });
    expect(sites[0]!.reason).toMatch(/^catalog of 6 model\(s\) \(\d+ site\(s\) in a type union, (model records, )?a list, lines 1-8\)/);

    const out = project({}, 'catalog-reports');
    for (const ext of ['md', 'sarif']) expect(cli(root, 'upgrade', '.', '--dry', '--report', join(out, `r.${ext}`)).code).toBe(0);
    const markdown = readFileSync(join(out, 'r.md'), 'utf8');
    // The checklist item and the row of its section.
    expect(markdown.match(/^- \[ \] `src\/models\.ts:\d+:\d+`/gm)).toHaveLength(1);
    expect(markdown.match(/^\| src\/models\.ts:\d+:\d+ \|/gm)).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')).runs[0].results as SarifResult[];
    expect(sarif.map((r) => r.locations[0]!.physicalLocation.region)).toEqual([{ startLine: 1, startColumn: 30, endLine: 8 }]);
    expect(cli(root, 'upgrade', '.', '--dry').stdout.match(/catalog of 6 model/g)).toHaveLength(1);

    expect(cli(root, 'upgrade', '.', '--check').code).toBe(1);
    const upgrade = cli(root, 'decide', 'upgrade', 'src/models.ts:1');
    expect(upgrade.code).toBe(1);
    expect(upgrade.stdout).toContain('it stands for a whole catalog');
    expect(cli(root, 'decide', 'keep', 'src/models.ts:1', '--by', 'Reviewer').code).toBe(0);
    expect(cli(root, 'upgrade', '.', '--check').code).toBe(0);
    writeFileSync(join(root, 'src/models.ts'), `// Models this package knows.\n\n${CATALOG}`);
    const moved = json(root).sites;
    expect(moved.map((s) => [s.line, s.decision?.kind])).toEqual([[3, 'keep']]);
    expect(cli(root, 'upgrade', '.', '--check').code).toBe(0);
  });
});
