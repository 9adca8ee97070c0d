/**
 * The Markdown adapter finds fences and frontmatter with markdown-it's block pass; these
 * documents check that it finds what the CommonMark tree (mdast, micromark) finds, at the
 * same lines and with the same text, including inside containers and with CRLF line ends.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { beforeAll, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { markdown } from '../src/languages/markdown.js';

beforeAll(async () => {
  await initLanguages();
});

interface Found {
  label: string;
  text: string;
}

/** The fences (of languages the adapter reads) and frontmatter as the CommonMark tree has them. */
function commonMark(text: string): Found[] {
  const root = fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
  const found: Found[] = [];
  const visit = (node: {
    type: string;
    lang?: string | null;
    value?: string;
    position?: { start: { line: number } };
    children?: unknown[];
  }): void => {
    if (node.type === 'yaml' && node.value?.trim()) found.push({ label: 'YAML frontmatter', text: node.value });
    if (node.type === 'code' && ['ts', 'python', 'json', 'yaml'].includes(node.lang?.toLowerCase() ?? '') && node.value?.trim()) {
      found.push({ label: `\`\`\`${node.lang} fence at line ${node.position!.start.line}`, text: node.value });
    }
    (node.children as (typeof node)[] | undefined)?.forEach(visit);
  };
  visit(root);
  return found;
}

function adapterFinds(text: string): Found[] {
  return markdown.regions!(markdown.parse(text, 'docs/a.md'), text).map((r) => ({ label: r.label, text: r.text }));
}

const DOCUMENTS: Record<string, string> = {
  frontmatter: '---  \nmodel: gpt-5.4\ntools: [a, b]\n---\n# Title\n\n```ts\nconst m = "gpt-5.4";\n```\n',
  'no closing frontmatter fence': '---\nmodel: gpt-5.4\n\n```python\nx = "gpt-5.4"\n```\n',
  'list and quote':
    '1. Step\n\n   ```ts\n   const a = 1;\n     indented();\n   ```\n\n> ```json\n> {"model": "gpt-5.4"}\n> ```\n\n- a\n  - b\n\n    ~~~yaml\n    model: gpt-5.4\n    ~~~\n',
  'unclosed and indented fences':
    '  ```ts\n  const a = 1;\n   const b = 2;\n\n    ```python\n    not a fence\n\n````ts\n```\nstill inside\n````\n\n```python\nopen = "to the end"\n',
  'info strings': '```ts title="a.ts"\nconst a = 1;\n```\n\n``` python\nx = 1\n```\n\n```TS\nconst upper = 1;\n```\n',
  'html block': '<div>\n\n```ts\nconst inside = 1;\n```\n\n</div>\n<details>\n```ts\nhidden();\n```\n</details>\n',
};

for (const [name, text] of Object.entries(DOCUMENTS)) {
  test(`fences and frontmatter as CommonMark reads them: ${name}`, () => {
    expect(adapterFinds(text)).toEqual(commonMark(text));
    const crlf = text.replace(/\n/g, '\r\n');
    expect(adapterFinds(crlf)).toEqual(commonMark(crlf));
  });
}
