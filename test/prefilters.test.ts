/**
 * Prefilters decide which files are parsed at all: per language they are as tight as what
 * each transform can act on there, and the engine says which ones let a file through.
 */
import { beforeAll, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { prefiltered, processText } from '../src/runner/engine.js';
import { TRANSFORMS } from '../src/registry.js';
import { cli, project } from './e2e.js';
import { fixtureSettings } from './helpers.js';

beforeAll(async () => {
  await initLanguages();
});

const names = (path: string, text: string): string[] => prefiltered(path, text, TRANSFORMS).map((t) => t.name);

test('in code a model mentioned in a comment or in prose is no site, so the file is not parsed for it', () => {
  const text = '// tuned for gpt-5.4\nexport const note = "works well with gpt-4o too";\n';
  expect(names('src/notes.ts', text)).toEqual([]);
  expect(names('src/notes.py', text.replace('//', '#'))).toEqual([]);
  const outcome = processText('src/notes.ts', text, fixtureSettings(TRANSFORMS));
  expect(outcome).toMatchObject({ parsed: false, prefiltered: [], sites: [] });
});

test('a quoted model, with or without a provider prefix, lets a code file through', () => {
  expect(names('src/agent.ts', 'const model = "gpt-5.4";')).toEqual(['model-slug', 'prompt-cache-retention', 'prompts']);
  expect(names('src/agent.ts', "const model = 'openai/o3';")).toEqual(['model-slug', 'prompt-cache-retention', 'prompts']);
  expect(names('agent.py', 'client.responses.create(model=f"gpt-5.4")')).toEqual(['model-slug', 'prompt-cache-retention', 'prompts']);
  const outcome = processText('src/agent.ts', 'export const model = `gpt-5.4`;\n', fixtureSettings(TRANSFORMS));
  expect(outcome.parsed).toBe(true);
  expect(outcome.sites.map((s) => s.from)).toEqual(['gpt-5.4']);
});

test('unquoted values still count where the language writes them so', () => {
  expect(names('prompts/triage.prompt.yml', 'model: gpt-5.4\n')).toContain('model-slug');
  expect(names('.env', 'OPENAI_MODEL=gpt-5.4\n')).toContain('model-slug');
  expect(names('agents/review.agent.md', '---\nmodel: GPT-5.4 (copilot)\n---\nYou are GPT-5.4.\n')).toContain('prompts');
});

test('an uppercase O-series look-alike (a lock file hash) is no display name', () => {
  expect(names('pnpm-lock.yaml', 'integrity: sha512-Ab/O4+x9\n')).toEqual([]);
});

test('phase-replay needs a message with a role and a content, not just an `.output` read', () => {
  expect(names('src/usage.ts', 'console.log(result.output);\n')).toEqual([]);
  const replay = 'for (const item of response.output) history.push({ role: item.role, content: item.content });\n';
  expect(names('src/history.ts', replay)).toEqual(['phase-replay']);
});

test("phase-replay needs the file to use OpenAI's API: the same message built for another provider, or beside a GPT model name alone, is not its concern", () => {
  const converter = 'for (const part of message.content) input.push({ role: "assistant", content: part.text });\n';
  expect(names('src/acme/convert-to-acme-input.ts', converter)).toEqual([]);
  expect(names('src/acme/models.ts', `// OpenAI-compatible\nconst model = "gpt-5.4";\n${converter}`)).not.toContain('phase-replay');
  expect(
    names('src/openai/convert-to-openai-input.ts', `import type { ResponseInputItem } from "openai/resources/responses";\n${converter}`),
  ).toEqual(['phase-replay']);
  expect(names('src/history.py', 'from openai import OpenAI\nhistory.append({"role": "assistant", "content": text})\n')).toEqual([
    'phase-replay',
  ]);
  const raw = 'await fetch("https://api.openai.com/v1/responses", { body: JSON.stringify({ input: history }) });\n';
  expect(names('src/raw.ts', `${raw}history.push({ role: "assistant", content: text });\n`)).toEqual(['phase-replay']);
});

test('--verbose says how many files each prefilter let through', () => {
  const root = project({
    'src/agent.ts': 'export const model = "gpt-5.4";\n',
    'src/notes.ts': '// gpt-5.4 is the default\n',
    'src/history.ts': 'import OpenAI from "openai";\nhistory.push({ role: "assistant", content: text });\n',
  });
  const run = cli(root, 'upgrade', '.', '--dry', '--json', '--verbose');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(
    'prefilters let through, of 3 files: model-slug 1, computer-use 0, prompt-cache-retention 1, phase-replay 1, prompts 1',
  );
});
