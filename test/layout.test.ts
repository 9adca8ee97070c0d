/**
 * Every registered transform comes with all its parts: an entry file named as on the
 * command line, a fixtures folder with at least one changing and one unchanged case and
 * a sites.txt for each, a row in the README's transforms table and a section of its own
 * in the Markdown report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TRANSFORMS } from '../src/registry.js';
import { renderMarkdown, TRANSFORM_SECTIONS } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import type { Site } from '../src/types.js';
import { casesOf, FIXTURES } from './fixture-cases.js';

const ROOT = join(import.meta.dirname, '..');

/** The names in the first column of the README's "### Transforms" table. */
function readmeTransforms(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /^### Transforms\n([\s\S]*?)(?=^#{1,3} )/m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

/** The `## ` section of the Markdown report whose table lists a site of `transform`. */
function reportSectionOf(transform: string): string | undefined {
  const site: Site = {
    file: 'src/agent.ts',
    line: 7,
    column: 3,
    transform,
    status: 'unknown',
    from: null,
    to: null,
    family: null,
    upgradeClass: 'unknown',
    reason: 'the model comes from a variable',
  };
  const report = buildReport({ filesScanned: 1, filesChanged: 0, filesErrored: 0, sites: [site], errors: [], changes: [] });
  let section: string | undefined;
  for (const line of renderMarkdown(report).split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    else if (line.startsWith('| src/agent.ts:7:3 |')) return section;
  }
  return undefined;
}

/** Files a fixtures folder may hold: `<case>.input.<ext>`, `.output.<ext>`, `.options.json`, `.sites.txt`, `.errors.txt`, `.warnings.txt`, `.module.<name>.<ext>`. */
function caseOfFile(file: string): string | null {
  return /^(.+?)\.(?:input\..+|output\..+|options\.json|sites\.txt|errors\.txt|warnings\.txt|module\..+)$/.exec(file)?.[1] ?? null;
}

test('a transform the report does not know (one given as a file path) is listed with the compatibility check', () => {
  expect(reportSectionOf('custom-rename')).toBe('Compatibility check');
});

test('every fixtures folder belongs to a registered transform', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(TRANSFORMS.map((t) => t.name).sort());
});

test('the README transforms table names the registered transforms and no others', () => {
  expect(readmeTransforms().sort()).toEqual(TRANSFORMS.map((t) => t.name).sort());
});

describe.each(TRANSFORMS.map((t) => t.name))('%s', (name) => {
  test('its entry file is named as on the command line', () => {
    expect(existsSync(join(ROOT, 'transforms', `${name}.ts`))).toBe(true);
  });

  test('its fixtures hold a changing case, an unchanged case and a sites.txt for every case', () => {
    const cases = casesOf(name);
    expect(cases.filter((c) => c.input !== c.output).map((c) => c.name)).not.toEqual([]);
    expect(cases.filter((c) => c.input === c.output).map((c) => c.name)).not.toEqual([]);
    expect(cases.filter((c) => c.sites === null).map((c) => c.name)).toEqual([]);
  });

  test('its fixtures folder holds only files of its cases', () => {
    const names = new Set(casesOf(name).map((c) => c.name));
    const stray = readdirSync(join(FIXTURES, name)).filter((file) => !names.has(caseOfFile(file) ?? ''));
    expect(stray).toEqual([]);
  });

  test('the Markdown report names the section its sites go in, and lists them there', () => {
    expect(Object.keys(TRANSFORM_SECTIONS)).toContain(name);
    expect(reportSectionOf(name)).toBe(TRANSFORM_SECTIONS[name]);
  });
});
