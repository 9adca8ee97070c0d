/**
 * The lint config's layer rules bite: each import below, written in the file named, is
 * reported by no-restricted-imports or passes, as the arrows of eslint.config.js say. A
 * pattern that matched nothing would let every import through unseen.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';

// Type information is not needed for import rules, and the files below do not exist.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname, overrideConfig: tseslint.configs.disableTypeChecked });

async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const importing = (source: string): string => `import { x } from '${source}';\nexport const y = x;\n`;

const CASES: [file: string, source: string, allowed: boolean][] = [
  ['transforms/prompt-cache-retention.ts', './computer-use.js', false],
  ['transforms/prompt-cache-retention.ts', './computer-use/js.js', false],
  ['transforms/prompt-cache-retention.ts', './prompt-cache-retention/js.js', true],
  ['transforms/prompt-cache-retention.ts', '../src/jscodeshift.js', true],
  ['transforms/prompt-cache-retention.ts', '../src/runner/engine.js', false],
  ['transforms/prompt-cache-retention.ts', 'node:fs', false],
  ['transforms/computer-use/javascript.ts', '../../src/languages/js/scope.js', true],
  ['transforms/computer-use/javascript.ts', './flow.js', true],
  ['transforms/computer-use/javascript.ts', '../../src/languages/python/requests.js', false],
  ['transforms/phase-replay/typescript.ts', '../../src/languages/python.js', false],
  ['transforms/phase-replay/typescript.ts', './python.js', false],
  ['transforms/phase-replay/typescript.ts', './javascript.js', true],
  ['transforms/phase-replay/python.ts', '../../src/languages/python/scope.js', true],
  ['transforms/phase-replay/python.ts', '../../src/languages/js/tree.js', false],
  ['transforms/phase-replay/trace.ts', '../model-slug.js', false],
  ['transforms/phase-replay/js.ts', '../../src/languages/js/scope.js', true],
  ['transforms/phase-replay/js.ts', '../../src/languages/list-edit.js', true],
  ['transforms/phase-replay/js.ts', '../../src/policy/slug.js', true],
  ['transforms/phase-replay/js.ts', '../../src/languages/python/scope.js', false],
  ['transforms/phase-replay/js.ts', '../../src/languages/python.js', false],
  ['transforms/phase-replay/python.ts', '../../src/languages/javascript.js', false],
  ['transforms/phase-replay/js.ts', './python.js', false],
  ['transforms/phase-replay/js.ts', '../phase-replay.js', false],
  ['transforms/phase-replay/js.ts', '../computer-use/js.js', false],
  ['transforms/phase-replay/js.ts', '../../src/report/model.js', false],
  ['src/languages/yaml.ts', '../policy/slug.js', true],
  ['src/languages/yaml.ts', '../../transforms/model-slug.js', false],
  ['src/languages/js/strings.ts', '../../runner/io.js', false],
  ['src/languages/js/strings.ts', '../../transform.js', false],
  ['src/policy/slug.ts', '../languages/javascript.js', false],
  ['src/policy/slug.ts', '../types.js', true],
  ['src/report/json.ts', '../runner/engine.js', false],
  ['src/runner/run.ts', '../cli.js', false],
  ['src/runner/run.ts', 'node:fs', true],
  ['src/types.ts', './lazy.js', false],
  ['src/cli.ts', './runner/run.js', true],
];

describe('layer imports', () => {
  test.each(CASES)('%s importing %s: allowed %s', async (file, source, allowed) => {
    const fired = await rulesFired(file, importing(source));
    expect(fired.includes('no-restricted-imports')).toBe(!allowed);
  });
});

test('max-lines holds source files to 400 lines and lets tests run longer', async () => {
  const long = `${Array.from({ length: 401 }, (_, i) => `export const x${i} = ${i};`).join('\n')}\n`;
  expect(await rulesFired('src/policy/long.ts', long)).toContain('max-lines');
  expect(await rulesFired('transforms/long.ts', long)).toContain('max-lines');
  expect(await rulesFired('test/long.test.ts', long)).not.toContain('max-lines');
});
