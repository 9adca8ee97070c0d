/**
 * Engine guarantees that no fixture reaches: edits that shift an already-broken region,
 * a transform that throws, and a file whose new text does not verify.
 */
import { beforeAll, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import type { Transform } from '../src/transform.js';
import { modelSlug } from '../transforms/model-slug.js';
import { prompts } from '../transforms/prompts.js';
import { fixtureSettings } from './helpers.js';

beforeAll(async () => {
  await initLanguages();
});

const GUIDE = `# Guide

\`\`\`python
client.responses.create(model="gpt-5.4", input="hi")
\`\`\`

\`\`\`ts
const broken = { model: "gpt-4o",
\`\`\`
`;

/** Adds a comment line at the top of every Python region: the lines below it move. */
const addLine: Transform = {
  name: 'add-line',
  description: 'test transform',
  prefilter: /./,
  handlers: { python: (ctx) => ctx.edit({ start: 0, end: 0, text: '# checked\n' }) },
};

test('a fence that was broken before stays reported but does not block edits that move it', () => {
  const outcome = processText('docs/guide.md', GUIDE, fixtureSettings([modelSlug, addLine]));
  expect(outcome.failed).toBe(false);
  expect(outcome.newText).toBe(GUIDE.replace('client.', '# checked\nclient.').replace('"gpt-5.4"', '"gpt-5.5"'));
  expect(outcome.errors).toEqual([]);
  expect(outcome.warnings).toEqual([
    expect.objectContaining({ file: 'docs/guide.md', line: 8, message: expect.stringContaining('does not parse; left as is') }),
  ]);
});

test('a transform that throws fails its file alone, with the transform named', () => {
  const throwing: Transform = {
    name: 'throws',
    description: 'test transform',
    prefilter: /./,
    handlers: {
      python: () => {
        throw new Error('boom');
      },
    },
  };
  const outcome = processText('app.py', 'MODEL = "gpt-5.4"\n', fixtureSettings([modelSlug, throwing]));
  expect(outcome).toMatchObject({ failed: true, newText: null, sites: [] });
  expect(outcome.errors).toEqual([
    { file: 'app.py', line: null, message: 'the throws transform failed on this file (boom); file left untouched' },
  ]);
});

test('a new text that no longer parses is not written, and its upgraded sites say so', () => {
  const breaking: Transform = {
    name: 'breaks',
    description: 'test transform',
    prefilter: /./,
    handlers: { python: (ctx) => ctx.edit({ start: 0, end: 0, text: '(' }) },
  };
  const outcome = processText('app.py', 'MODEL = "gpt-5.4"\n', fixtureSettings([modelSlug, breaking]));
  expect(outcome.failed).toBe(true);
  expect(outcome.newText).toBeNull();
  expect(outcome.errors[0]?.message).toMatch(/^the new text does not parse: .*; file left untouched$/);
  expect(outcome.sites).toEqual([expect.objectContaining({ status: 'unknown', reason: expect.stringMatching(/^not written: /) })]);
});

test('a model site whose prompt was rewritten by another transform reports the wider class once', () => {
  const text = `name: Triage
model: openai/gpt-5.4
messages:
  - role: system
    content: You are GPT-5.4, a support triage assistant.
`;
  const outcome = processText('prompts/triage.prompt.yml', text, fixtureSettings([modelSlug, prompts]));
  expect(outcome.newText).toBe(text.replaceAll('gpt-5.4', 'gpt-5.5').replace('GPT-5.4', 'GPT-5.5'));
  const modelSites = outcome.sites.filter((s) => s.line === 2);
  expect(modelSites).toEqual([
    expect.objectContaining({ transform: 'model-slug', status: 'upgraded', upgradeClass: 'model string + light prompt rewrite' }),
  ]);
});

test('an old-style type assertion is a value, not part of a type', () => {
  const outcome = processText('src/model.ts', 'export const model = <string>"gpt-5.4";\n', fixtureSettings([modelSlug]));
  expect(outcome.newText).toBe('export const model = <string>"gpt-5.5";\n');
});

test('a fence is entered only when a transform of the run may act on it or it names a model', () => {
  const entered: string[] = [];
  const replays: Transform = {
    name: 'replays',
    description: 'test transform',
    prefilter: /role/,
    handlers: { js: (ctx) => void entered.push(ctx.text.trim()) },
  };
  const doc = [
    '# Chat',
    '```ts',
    'const history = [];',
    '```',
    '```ts',
    "history.push({ role: 'assistant', content: response.output_text });",
    '```',
    '```ts',
    '// gpt-5.4 reads this too',
    'const next = history.at(-1);',
    '```',
    '',
  ].join('\n');
  processText('docs/chat.md', doc, fixtureSettings([replays]));
  expect(entered).toEqual([
    "history.push({ role: 'assistant', content: response.output_text });",
    '// gpt-5.4 reads this too\nconst next = history.at(-1);',
  ]);
});
