/**
 * Markdown and notebook containers: offset mapping through list prefixes, shell quoting
 * and JSON escapes, and the errors a broken part reports while the rest is processed.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { adapterIfAny, initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import { modelSlug } from '../transforms/model-slug.js';
import { fixtureSettings, formatSiteLine } from './helpers.js';

beforeAll(async () => {
  await initLanguages();
});

const run = (path: string, text: string) => processText(path, text, fixtureSettings([modelSlug]));

/** A notebook with the given cells, laid out the way Jupyter writes it. */
function notebook(cells: object[], language = 'python'): string {
  const metadata = { kernelspec: { display_name: language, language, name: language } };
  return `${JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

const codeCell = (source: string | string[]) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });

describe('markdown', () => {
  test('a fence that does not parse is one warning at its line when it names a model; the other fences are still upgraded', () => {
    const text = [
      '# Client setup',
      '',
      '```ts',
      'const client = new OpenAI({',
      '  model: "gpt-4o",',
      '  <apiKey>',
      '});',
      '```',
      '',
      '```python',
      'client.responses.create(model="gpt-5.4", input="hello")',
      '```',
      '',
    ].join('\n');
    const outcome = run('docs/client.md', text);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([
      { file: 'docs/client.md', line: 6, message: '```ts fence at line 3 does not parse; left as is: Unexpected token' },
    ]);
    expect(outcome.failed).toBe(false);
    expect(outcome.newText).toBe(text.replace('"gpt-5.4"', '"gpt-5.5"'));
  });

  test('prose and inline code are never sites', () => {
    const text = 'We run model: gpt-5.4 in production.\n\n    model = "gpt-5.4"  # indented code has no language\n';
    expect(run('README.md', text)).toMatchObject({ newText: null, sites: [], errors: [] });
  });

  test('a fence in a list item maps each line past its indent, and new lines get the indent back', () => {
    const text = '- Configure:\n\n  ```yaml\n  agent:\n    model: gpt-5.4\n  ```\n';
    const adapter = adapterIfAny('markdown')!;
    const [region] = adapter.regions!(adapter.parse(text, 'docs/a.md'), text);
    expect(region).toMatchObject({ language: 'yaml', text: 'agent:\n  model: gpt-5.4', label: '```yaml fence at line 3' });
    const inner = region!.text.indexOf('gpt-5.4');
    expect(text.slice(region!.toOuter(inner), region!.toOuter(inner + 7))).toBe('gpt-5.4');
    expect(region!.encode('a\nb')).toBe('a\n  b');
  });

  test("single-quoted curl bodies with the '\\'' idiom and double-quoted ones with \\$ are decoded and re-quoted", () => {
    const text = [
      '```bash',
      `curl https://api.openai.com/v1/responses -d '{"model": "gpt-5.4", "input": "it'\\''s down"}'`,
      'curl https://api.openai.com/v1/responses \\',
      '  --data "{\\"model\\": \\"gpt-5.4\\", \\"input\\": \\"costs \\$5\\"}"',
      '```',
      '',
    ].join('\n');
    const outcome = run('docs/http.md', text);
    expect(outcome.errors).toEqual([]);
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '2:57 model-slug upgraded gpt-5.4 -> gpt-5.5',
      '4:25 model-slug upgraded gpt-5.4 -> gpt-5.5',
    ]);
    expect(outcome.newText).toBe(text.replaceAll('gpt-5.4', 'gpt-5.5'));
  });

  test('a heredoc that does not feed curl is not a request body', () => {
    const text = '```bash\ncat > config.json <<EOF\n{"model": "gpt-5.4"}\nEOF\n```\n';
    expect(run('docs/config.md', text)).toMatchObject({ newText: null, sites: [] });
  });
});

describe('notebook', () => {
  test('a malformed notebook is an error with its line, and nothing is written', () => {
    const text = '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": ["model = \\"gpt-5.4\\""]\n   "outputs": []\n  }\n ]\n}\n';
    const outcome = run('notebooks/broken.ipynb', text);
    expect(outcome).toMatchObject({ newText: null, failed: true, sites: [] });
    expect(outcome.errors).toEqual([{ file: 'notebooks/broken.ipynb', line: 6, message: 'not valid notebook JSON: CommaExpected' }]);
  });

  const cell = (source: string) => `  {\n   "cell_type": "code",\n   "metadata": {},\n   "outputs": [],\n   "source": ${source}\n  }`;
  test.each([
    ['cells that are no list', '{\n "metadata": {"title": "gpt-5.4 smoke test"},\n "cells": 5\n}\n', 3, '`cells` is not an array'],
    ['a top-level array', `[\n${cell('"model = \\"gpt-5.4\\""')}\n]\n`, 1, 'the top level is not a JSON object'],
    ['a cell that is no object', '{\n "cells": [\n  "model = \\"gpt-5.4\\""\n ]\n}\n', 3, 'cell 1 is not a JSON object'],
    [
      'a source that is a number',
      `{\n "cells": [\n${cell('"MODEL = \\"gpt-5.4\\""')},\n${cell('5')}\n ]\n}\n`,
      13,
      'cell 2: `source` is not a string or a list of strings',
    ],
    [
      'a source list holding a number',
      `{\n "cells": [\n${cell('[\n    "model = \\"gpt-5.4\\"\\n",\n    7\n   ]')}\n ]\n}\n`,
      9,
      'cell 1: `source` is not a string or a list of strings',
    ],
    [
      'a cell without a type',
      '{\n "cells": [\n  {\n   "source": "model = \\"gpt-5.4\\""\n  }\n ]\n}\n',
      3,
      'cell 1: `cell_type` is not a string',
    ],
    [
      'an nbformat 3 notebook',
      '{\n "nbformat": 3,\n "worksheets": [\n  {\n   "cells": [{"cell_type": "code", "input": "model = \\"gpt-5.4\\""}]\n  }\n ]\n}\n',
      1,
      'no `cells` array (nbformat 4 or later)',
    ],
  ])('%s is an error at its line, and nothing is written', (_name, text, line, message) => {
    const outcome = run('notebooks/broken.ipynb', text);
    expect(outcome).toMatchObject({ newText: null, failed: true, sites: [] });
    expect(outcome.errors).toEqual([{ file: 'notebooks/broken.ipynb', line, message: `not a notebook: ${message}` }]);
  });

  test('decoded offsets map back past escapes, in string and array sources', () => {
    const text = notebook([
      codeCell('# r\u00e9sum\u00e9 \\ "tab"\tthen\nMODEL = "gpt-5.4"\n'),
      codeCell(['label = "caf\u00e9 \\"ok\\""\n', 'client.responses.create(model="gpt-5.4", input=label)']),
    ]).replace(/é/g, '\\u00e9');
    const outcome = run('notebooks/escapes.ipynb', text);
    expect(outcome.errors).toEqual([]);
    expect(outcome.newText).toBe(text.replaceAll('\\"gpt-5.4\\"', '\\"gpt-5.5\\"'));
    const lines = text.split('\n');
    expect(outcome.sites.map((s) => lines[s.line - 1]!.slice(s.column - 1, s.column + 6))).toEqual(['gpt-5.4', 'gpt-5.4']);
  });

  test('IPython magics do not stop a cell; a %%bash cell is not Python', () => {
    const text = notebook([
      codeCell(['!pip install --quiet openai\n', '%env OPENAI_LOG=info\n', 'MODEL = "gpt-5.4"']),
      codeCell(['%%bash\n', 'python run.py --model "gpt-5.4"']),
    ]);
    const outcome = run('notebooks/magics.ipynb', text);
    expect(outcome.errors).toEqual([]);
    expect(outcome.sites).toHaveLength(1);
    expect(outcome.newText).toBe(text.replace('MODEL = \\"gpt-5.4\\"', 'MODEL = \\"gpt-5.5\\"'));
  });

  test('code cells of another kernel are skipped; markdown cells are still read', () => {
    const markdownCell = { cell_type: 'markdown', metadata: {}, source: ['```python\n', 'model = "gpt-5.4"\n', '```'] };
    const text = notebook([codeCell('llm <- chat_openai(model = "gpt-5.4")'), markdownCell], 'R');
    const outcome = run('notebooks/r.ipynb', text);
    expect(outcome.sites.map((s) => s.line)).toEqual([text.split('\n').findIndex((l) => l.trim().startsWith('"model = ')) + 1]);
  });
});
