/**
 * The config adapters (JSON/JSONC, YAML, env, TOML) below the fixtures: file routing,
 * parse errors with lines, and the shapes a fixture cannot show one by one.
 */
import { describe, expect, test } from 'vitest';
import { env } from '../src/languages/env.js';
import { adapterFor } from '../src/languages/index.js';
import { json } from '../src/languages/json.js';
import { toml } from '../src/languages/toml.js';
import type { LanguageAdapter } from '../src/languages/types.js';
import { yaml } from '../src/languages/yaml.js';
import { SourceError, type StringValue } from '../src/types.js';

function stringsOf<P>(adapter: LanguageAdapter<P>, text: string, path = 'config/x'): StringValue[] {
  return adapter.strings!(adapter.parse(text, path), text);
}

/** Value, the raw text at its range, names and requests: what a site is built from. */
function summary(strings: StringValue[], text: string): Array<Record<string, unknown>> {
  return strings.map((s) => ({
    value: s.value,
    raw: text.slice(s.start, s.end),
    names: s.context.names,
    models: s.context.collectionModels,
    requests: s.context.requests,
  }));
}

function parseError(run: () => unknown): SourceError {
  try {
    run();
  } catch (err) {
    if (err instanceof SourceError) return err;
    throw err;
  }
  throw new Error('expected a SourceError');
}

describe('file routing', () => {
  test.each([
    ['config/app.json', 'json'],
    ['.vscode/settings.jsonc', 'json'],
    ['config/agents.yaml', 'yaml'],
    ['.github/prompts/summarize.prompt.yml', 'yaml'],
    ['config/app.toml', 'toml'],
    ['.env', 'env'],
    ['services/api/.env.local', 'env'],
    ['.env.example', 'env'],
  ])('%s goes to %s', (path, id) => {
    expect(adapterFor(path)?.id).toBe(id);
  });

  test('notebooks and look-alike names are not config files', () => {
    expect(adapterFor('analysis.ipynb')?.id).not.toBe('json');
    expect(adapterFor('.envrc')).toBeNull();
    expect(adapterFor('src/environment.ts')?.id).toBe('js');
  });
});

describe('json', () => {
  test('comments and trailing commas parse in any .json file', () => {
    const text = '{\n  // main model\n  "model": "gpt-5.4",\n  "temperature": 0.2,\n}\n';
    expect(summary(stringsOf(json, text, 'tsconfig.json'), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['model'], models: 0, requests: [{ sampling: ['temperature'] }] },
    ]);
  });

  test('a syntax error names its line', () => {
    const error = parseError(() => json.parse('{\n  "model": "gpt-5.4",\n  "temperature": \n}\n', 'a.json'));
    expect(error.line).toBe(4);
  });

  test('keys, escaped strings and package.json dependency sections are never sites', () => {
    const text = '{"gpt-5.4": "x", "a": "gpt\\u002d5.4", "dependencies": {"p": "gpt-5.4"}, "pnpm": {"overrides": {"q": "gpt-5.4"}}}';
    expect(stringsOf(json, text, 'package.json')).toEqual([]);
    expect(stringsOf(json, text, 'config/deps.json').map((s) => s.context.names)).toEqual([
      ['p', 'dependencies'],
      ['q', 'overrides', 'pnpm'],
    ]);
  });

  test('effort and sampling nested in parameter objects', () => {
    const text = '{"model": "gpt-5.4", "modelParameters": {"top_p": 0.9}, "reasoning": {"effort": "none"}}';
    expect(stringsOf(json, text)[0]!.context.requests).toEqual([{ sampling: ['top_p'], effort: 'none' }]);
  });
});

describe('yaml', () => {
  test('block scalars and escaped or folded scalars are not sites', () => {
    const text = 'a: |\n  gpt-5.4\nb: "gpt\\x2d5.4"\nc: gpt-5.4\n  folded\nd: >-\n  gpt-5.4\n';
    expect(stringsOf(yaml, text)).toEqual([]);
  });

  test('a syntax error names its line, in any document', () => {
    const error = parseError(() => yaml.parse('a: 1\n---\nmodel: [gpt-5.4\nb: 2\n', 'x.yaml'));
    expect(error.line).toBe(4);
  });

  test('a byte-order mark is skipped by the parser and offsets stay those of the text', () => {
    const text = '\uFEFFmodel: gpt-5.4\ntemperature: 0.1\n';
    expect(stringsOf(yaml, text)[0]).toMatchObject({ start: 8, end: 15 });
    expect(summary(stringsOf(yaml, text), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['model'], models: 0, requests: [{ sampling: ['temperature'] }] },
    ]);
  });

  test('merge keys bring inherited parameters, own keys win, and a self-merge ends', () => {
    const text =
      'base: &b\n  temperature: 1\n  reasoning_effort: low\n  <<: *b\nagent:\n  <<: *b\n  model: gpt-5.4\n  reasoning_effort: none\n';
    const strings = stringsOf(yaml, text);
    expect(strings).toHaveLength(1);
    expect(strings[0]!.context.requests).toEqual([{ sampling: ['temperature'], effort: 'none' }]);
    const yaml11 = '%YAML 1.1\n---\nbase: &b {top_p: 1}\nagent:\n  <<: *b\n  model: gpt-5.4\n';
    expect(stringsOf(yaml, yaml11)[0]!.context.requests).toEqual([{ sampling: ['top_p'] }]);
  });

  test("flow sequences count as lists of models; other vendors' models count too", () => {
    const text = 'compare: [gpt-5.4, "claude-sonnet-4-5"]\n';
    expect(summary(stringsOf(yaml, text), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['compare'], models: 2, requests: [] },
      { value: 'claude-sonnet-4-5', raw: 'claude-sonnet-4-5', names: ['compare'], models: 2, requests: [] },
    ]);
  });
});

describe('env', () => {
  test('assignment forms, comments and multi-line values', () => {
    const text = [
      'export A_MODEL = "gpt-5.4"',
      'B_MODEL=`gpt-5.4`',
      'C_MODEL=gpt-5.4#not-a-comment',
      'D_MODEL="gpt-5.4\\n"',
      'PROMPT="first line',
      'E_MODEL=gpt-5.4',
      'closing line"',
      'F_MODEL=gpt-5.4 # comment',
      '# G_MODEL=gpt-5.4',
      'not an assignment',
    ].join('\r\n');
    expect(summary(stringsOf(env, text, '.env'), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['A_MODEL'], models: 0, requests: [] },
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['B_MODEL'], models: 0, requests: [] },
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['F_MODEL'], models: 0, requests: [] },
    ]);
  });

  test('a lower-case model key with sampling keys beside it is still not a request', () => {
    expect(stringsOf(env, 'model=gpt-5.4\ntemperature=0\n', '.env')[0]!.context.requests).toEqual([]);
  });
});

describe('toml', () => {
  test('tables, dotted keys, arrays of tables and inline tables give names and requests', () => {
    const text = [
      '[tool.codemod]',
      'models.fallback = "gpt-5.4"',
      '[[tool.codemod.agents]]',
      'name = "a"',
      "model = 'gpt-5.4'",
      'config = { temperature = 0.3, reasoning = { effort = "none" } }',
      '[judge]',
      'grader = { model = "gpt-5.4", top_p = 1 }',
    ].join('\n');
    expect(summary(stringsOf(toml, text), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['fallback', 'models', 'codemod', 'tool'], models: 0, requests: [] },
      {
        value: 'gpt-5.4',
        raw: 'gpt-5.4',
        names: ['model', 'agents', 'codemod', 'tool'],
        models: 0,
        requests: [{ sampling: ['temperature'], effort: 'none' }],
      },
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['model', 'grader', 'judge'], models: 0, requests: [{ sampling: ['top_p'] }] },
    ]);
  });

  test('multi-line arrays with comments, multi-line strings, dates and escapes', () => {
    const text = [
      'released = 1979-05-27 07:32:00',
      'notes = """',
      'model = "gpt-5.4" is what ran last """',
      "paths = '''C:\\gpt-5.4'''",
      'escaped = "gpt\\u002d5.4"',
      'compare = [ # baseline first',
      '  "gpt-5.4",',
      "  'gpt-5.4-pro', # newer",
      ']',
    ].join('\n');
    expect(summary(stringsOf(toml, text), text)).toEqual([
      { value: 'gpt-5.4', raw: 'gpt-5.4', names: ['compare'], models: 2, requests: [] },
      { value: 'gpt-5.4-pro', raw: 'gpt-5.4-pro', names: ['compare'], models: 2, requests: [] },
    ]);
  });

  test('pyproject dependency tables are never sites', () => {
    const text = '[project]\ndependencies = ["gpt-5.4"]\n[tool.poetry.dependencies]\nx = "gpt-5.4"\n[tool.agent]\nmodel = "gpt-5.4"\n';
    expect(stringsOf(toml, text, 'pyproject.toml').map((s) => s.context.names)).toEqual([['model', 'agent', 'tool']]);
  });

  test.each([
    ['model = "gpt-5.4\n', 1],
    ['[a]\nmodel = \n', 2],
    ['a = 1\nthis is prose\n', 2],
    ['models = ["gpt-5.4",\n', 2],
    ['x = 1\n[a\n', 2],
  ])('%j is an error on line %i', (text, line) => {
    expect(parseError(() => toml.parse(text, 'a.toml')).line).toBe(line);
  });
});
