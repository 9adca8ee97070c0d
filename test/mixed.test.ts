/**
 * One folder holding every file kind a model lives in, through `upgrade --dry --json`
 * with the built bin: the whole site list is asserted, and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cli, project } from './e2e.js';

const FILES: Record<string, string> = {
  'api/answer.ts': `import OpenAI from "openai";
const client = new OpenAI();
export const answer = (q: string) => client.responses.create({ model: "gpt-5.4", input: q });
`,
  'worker/summarize.py': `from openai import OpenAI

client = OpenAI()
FALLBACK_MODEL = "gpt-5.4-mini"


def summarize(text: str) -> str:
    response = client.responses.create(model="gpt-5.4", input=text, temperature=0.2)
    return response.output_text
`,
  'notebooks/explore.ipynb': `${JSON.stringify(
    {
      cells: [
        {
          cell_type: 'code',
          execution_count: 1,
          metadata: {},
          outputs: [{ output_type: 'stream', name: 'stdout', text: ['gpt-5.4\n'] }],
          source: ['MODEL = "gpt-5.4"\n', 'print(MODEL)'],
        },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`,
  'config/models.json': `{
  "default": "gpt-5.4",
  "snapshot": "gpt-5.4-2026-03-05"
}
`,
  'config/agent.yaml': `# triage agent
model: openai/gpt-5.4
reasoning_effort: low
`,
  'docs/usage.md': `---
model: gpt-5.4
---
Use \`gpt-5.4\` for everything.

\`\`\`python
client.responses.create(model="gpt-5.4", input="hi")
\`\`\`
`,
  '.env.example': 'OPENAI_MODEL=gpt-5.4\n',
  'pyproject.toml': `[tool.support-bot]
model = "gpt-5.4"
`,
};

test('every file kind through upgrade --dry --json gives the expected site list', () => {
  const root = project(FILES, 'mixed');
  const { code, stdout } = cli(root, 'upgrade', '.', '--dry', '--json');
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  const sites = report.sites.map(
    (s: { file: string; line: number; column: number; status: string; from: string; to: string | null }) =>
      `${s.file}:${s.line}:${s.column} ${s.status} ${s.from} -> ${s.to ?? '-'}`,
  );
  expect(sites).toEqual([
    '.env.example:1:14 upgraded gpt-5.4 -> gpt-5.5',
    'api/answer.ts:3:72 upgraded gpt-5.4 -> gpt-5.5',
    'config/agent.yaml:2:8 upgraded openai/gpt-5.4 -> openai/gpt-5.5',
    'config/models.json:2:15 upgraded gpt-5.4 -> gpt-5.5',
    'config/models.json:3:16 confirmation-needed gpt-5.4-2026-03-05 -> gpt-5.5-2026-04-23',
    'docs/usage.md:2:8 upgraded gpt-5.4 -> gpt-5.5',
    'docs/usage.md:7:32 upgraded gpt-5.4 -> gpt-5.5',
    'notebooks/explore.ipynb:17:16 upgraded gpt-5.4 -> gpt-5.5',
    'pyproject.toml:2:10 upgraded gpt-5.4 -> gpt-5.5',
    'worker/summarize.py:4:19 confirmation-needed gpt-5.4-mini -> -',
    'worker/summarize.py:8:47 blocked gpt-5.4 -> gpt-5.5',
  ]);
  expect(report.errors).toEqual([]);
  expect(report.summary).toMatchObject({ filesScanned: 8, filesChanged: 7, filesErrored: 0 });
  for (const [path, text] of Object.entries(FILES)) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
});
