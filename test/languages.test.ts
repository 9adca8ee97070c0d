/**
 * A run sets up only the parsers its files need: the file's own adapter and those of the
 * regions it may hold (a Markdown fence, a notebook cell). Its own file, so no other test
 * has set every adapter up first.
 */
import { expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import { modelSlug } from '../transforms/model-slug.js';
import { fixtureSettings } from './helpers.js';

const README = `# Quick start

\`\`\`python
client.responses.create(model="gpt-5.4", input="hi")
\`\`\`
`;

test('a TypeScript-only run leaves the Markdown parser and Python grammar unloaded; a Markdown file brings both', async () => {
  const settings = fixtureSettings([modelSlug]);
  await initLanguages(['src/agent.ts']);
  const ts = processText('src/agent.ts', 'export const model = "gpt-5.4";\n', settings);
  expect(ts.newText).toBe('export const model = "gpt-5.5";\n');
  const early = processText('README.md', README, settings);
  expect(early.failed).toBe(true);
  expect(early.errors[0]?.message).toMatch(/Markdown parser is not loaded/);

  await initLanguages(['README.md']);
  const late = processText('README.md', README, settings);
  expect(late.errors).toEqual([]);
  expect(late.newText).toContain('model="gpt-5.5"');
});
