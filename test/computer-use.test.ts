import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import { computerUse } from '../transforms/computer-use.js';
import { fixtureSettings, formatSiteLine } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '__testfixtures__', 'computer-use');

beforeAll(async () => {
  await initLanguages();
});

function run(path: string, text: string, all = false) {
  const outcome = processText(path, text, fixtureSettings([computerUse], all));
  expect(outcome.errors).toEqual([]);
  return { text: outcome.newText ?? text, sites: outcome.sites.map(formatSiteLine), reasons: outcome.sites.map((s) => s.reason) };
}

describe('computer-use', () => {
  test('the loop keeps CRLF line endings and the tab indentation of its block', () => {
    const text = [
      'import openai',
      'def handle(item):',
      '\tif item["type"] == "computer_call":',
      '\t\trun(item["action"])  # one step',
      '',
    ].join('\r\n');
    expect(run('src/handler.py', text).text).toBe(
      [
        'import openai',
        'def handle(item):',
        '\tif item["type"] == "computer_call":',
        '\t\tfor action in item.get("actions") or [item["action"]]:',
        '\t\t\trun(action)  # one step',
        '',
      ].join('\r\n'),
    );
  });

  test('fields on lines of their own go with their CRLF line breaks, comments above them too', () => {
    const text = [
      'const response = await client.responses.create({',
      '  model: "computer-use-preview",',
      '  tools: [',
      '    {',
      '      type: "computer_use_preview",',
      '      // the viewport of the Playwright page',
      '      display_width: 1280,',
      '      display_height: 800,',
      '      environment: "browser",',
      '    },',
      '  ],',
      '  input,',
      '  truncation: "auto", // required by the preview model',
      '});',
      '',
    ].join('\r\n');
    expect(run('src/step.ts', text).text).toBe(
      [
        'const response = await client.responses.create({',
        '  model: "gpt-5.5",',
        '  tools: [',
        '    {',
        '      type: "computer",',
        '    },',
        '  ],',
        '  input,',
        '});',
        '',
      ].join('\r\n'),
    );
  });

  test('a handler file without a visible model still gets the loop: it accepts old responses too', () => {
    const text = [
      "import OpenAI from 'openai';",
      'export async function step(page, computerCall) {',
      '  await dispatch(page, computerCall["action"]);',
      '}',
      '',
    ].join('\n');
    const result = run('src/step.js', text);
    expect(result.text).toContain(
      'for (const action of computerCall["actions"] ?? [computerCall["action"]]) await dispatch(page, action);',
    );
    expect(result.sites).toEqual(['3:24 computer-use upgraded computer_call action -> computer_call actions[] loop']);
  });

  test('an inline tool loses its preview fields with their commas', () => {
    const text =
      'const r = await client.responses.create({ model: "computer-use-preview", tools: [{ type: "computer_use_preview", display_width: 1024, display_height: 768, environment: "browser" }], truncation: "auto", input });\n';
    expect(run('src/one-line.ts', text).text).toBe(
      'const r = await client.responses.create({ model: "gpt-5.5", tools: [{ type: "computer" }], input });\n',
    );
  });

  test('the ignore directive on the model keeps the whole flow as it is, unreported', () => {
    const text = [
      'MODEL = "computer-use-preview"  # gpt55-codemod-ignore',
      'TOOLS = [{"type": "computer_use_preview", "display_width": 1024, "display_height": 768, "environment": "browser"}]',
      '',
      'response = client.responses.create(model=MODEL, tools=TOOLS, input=items, truncation="auto")',
      '',
    ].join('\n');
    expect(run('src/pinned.py', text)).toMatchObject({ text, sites: [] });
  });

  test('with --all a pinned test moves with its flow, assertions included', () => {
    const input = readFileSync(join(FIXTURES, 'test-cua-agent.input.py'), 'utf8');
    const result = run('tests/test_cua_agent.py', input, true);
    expect(result.text).toContain('Agent(model="gpt-5.5", computer=computer)');
    expect(result.text).toContain('{"type": "computer"}');
    expect(result.sites).toEqual([
      '14:18 computer-use upgraded computer-use-preview -> gpt-5.5',
      '17:9 computer-use upgraded computer-preview tool -> computer tool',
    ]);
  });

  test('a temperature without effort none blocks the flow through the shared compatibility gate', () => {
    const text = [
      'const response = await client.responses.create({',
      '  model: "computer-use-preview",',
      '  tools: [{ type: "computer_use_preview", display_width: 1024, display_height: 768, environment: "browser" }],',
      '  temperature: 0.2,',
      '  input,',
      '  truncation: "auto",',
      '});',
      '',
    ].join('\n');
    const result = run('src/sampled.ts', text);
    expect(result.text).toBe(text);
    expect(result.sites).toEqual([
      '2:11 computer-use blocked computer-use-preview -> gpt-5.5',
      '3:11 computer-use blocked computer_use_preview tool -> computer tool',
      '6:3 computer-use blocked truncation "auto" -> removed',
    ]);
    expect(result.reasons[0]).toContain('`temperature`');
  });

  test('a fenced sample in Markdown is migrated like a file', () => {
    const text = [
      '# Browser agent',
      '',
      '```python',
      'response = client.responses.create(',
      '    model="computer-use-preview",',
      '    tools=[{"type": "computer_use_preview", "display_width": 1024, "display_height": 768, "environment": "browser"}],',
      '    input=[{"role": "user", "content": task}],',
      '    truncation="auto",',
      ')',
      '```',
      '',
    ].join('\n');
    const result = run('docs/browser-agent.md', text);
    expect(result.text).toContain(
      '    model="gpt-5.5",\n    tools=[{"type": "computer"}],\n    input=[{"role": "user", "content": task}],\n)',
    );
  });
});
