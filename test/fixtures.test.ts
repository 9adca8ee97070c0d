/**
 * Every fixture pair under __testfixtures__/<transform>/ is found by this loop:
 *   <case>.input.<ext>    the file before
 *   <case>.output.<ext>   the file after (equal to the input where nothing may change)
 *   <case>.options.json   optional: {"path": "tests/x.py", "all": true} (path the policy sees);
 *                         "transforms": ["model-slug", "prompts"] runs those, in that order,
 *                         instead of the folder's transform alone;
 *                         also "preserveEffort": true, "addRetention": true and "sdk":
 *                         {"npm": {"openai": {"spec", "version", "source"}}, "pypi": {...}},
 *                         the SDK versions the file's project declares
 *   <case>.sites.txt      optional: the expected sites, one per line:
 *                         `line:column transform status from -> to`
 *   <case>.errors.txt     optional: the errors the run must report (a part that does not parse
 *                         and is left as is), one per line: `line message`; without it, none
 * Each case also runs a second time on its output, which must change nothing and report
 * no upgrade (idempotence).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { findTransform } from '../src/registry.js';
import { processText } from '../src/runner/engine.js';
import { type FixtureExtras, formatSiteLine, fixtureSettings } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '__testfixtures__');

interface FixtureCase {
  transform: string;
  name: string;
  input: string;
  output: string;
  path: string;
  all: boolean;
  transforms: string[];
  extras: FixtureExtras;
  sites: string[] | null;
  errors: string[];
}

function loadCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const transform of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, transform);
    for (const file of readdirSync(dir).sort()) {
      const match = /^(.+)\.input\.(.+)$/.exec(file);
      if (!match) continue;
      const [, name, ext] = match as unknown as [string, string, string];
      const read = (suffix: string): string | null => {
        const p = join(dir, `${name}.${suffix}`);
        return existsSync(p) ? readFileSync(p, 'utf8') : null;
      };
      const { path, all, transforms, ...extras } = JSON.parse(read('options.json') ?? '{}') as { path?: string; all?: boolean; transforms?: string[] } & FixtureExtras;
      const sites = read('sites.txt');
      const errors = read('errors.txt');
      cases.push({
        transform,
        name,
        input: read(`input.${ext}`)!,
        output: read(`output.${ext}`) ?? fail(`${transform}/${name}: missing ${name}.output.${ext}`),
        path: path ?? `src/${name}.${ext}`,
        all: all ?? false,
        transforms: transforms ?? [transform],
        extras,
        sites: sites === null ? null : sites.split('\n').filter((l) => l.trim() !== ''),
        errors: errors === null ? [] : errors.split('\n').filter((l) => l.trim() !== ''),
      });
    }
  }
  return cases;
}

function fail(message: string): never {
  throw new Error(message);
}

const cases = loadCases();

beforeAll(async () => {
  await initLanguages();
});

describe.each([...new Set(cases.map((c) => c.transform))])('%s', (transformName) => {
  test.each(cases.filter((c) => c.transform === transformName).map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    const transforms = fixture.transforms.map((name) => findTransform(name) ?? fail(`no transform ${name}`));
    const settings = fixtureSettings(transforms, fixture.all, fixture.extras);
    const first = processText(fixture.path, fixture.input, settings);
    expect(first.errors.map((e) => `${e.line ?? '-'} ${e.message}`)).toEqual(fixture.errors);
    expect(first.newText ?? fixture.input).toBe(fixture.output);
    if (fixture.sites) expect(first.sites.map(formatSiteLine)).toEqual(fixture.sites);

    const second = processText(fixture.path, fixture.output, settings);
    expect(second.newText).toBeNull();
    expect(second.sites.filter((s) => s.status === 'upgraded')).toEqual([]);
  });
});
