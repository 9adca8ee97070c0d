/**
 * Every fixture case under __testfixtures__/<transform>/ (the file layout is in
 * fixture-cases.ts) runs through the engine: its output, sites, errors and warnings must be the
 * expected ones. Each case also runs a second time on its output, which must change
 * nothing and report no upgrade (idempotence).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import { caseSettings, loadCases } from './fixture-cases.js';
import { formatSiteLine } from './helpers.js';

const cases = loadCases();

beforeAll(async () => {
  await initLanguages();
});

describe.each([...new Set(cases.map((c) => c.transform))])('%s', (transformName) => {
  test.each(cases.filter((c) => c.transform === transformName).map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    const settings = caseSettings(fixture);
    const first = processText(fixture.path, fixture.input, settings);
    expect(first.errors.map((e) => `${e.line ?? '-'} ${e.message}`)).toEqual(fixture.errors);
    expect(first.warnings.map((e) => `${e.line ?? '-'} ${e.message}`)).toEqual(fixture.warnings);
    expect(first.newText ?? fixture.input).toBe(fixture.output);
    expect(first.sites.map(formatSiteLine), `${fixture.name}.sites.txt`).toEqual(fixture.sites);

    const second = processText(fixture.path, fixture.output, settings);
    expect(second.newText).toBeNull();
    expect(second.sites.filter((s) => s.status === 'upgraded')).toEqual([]);
  });
});
