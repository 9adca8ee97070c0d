/**
 * Layout properties over every fixture case: the same case with CRLF line ends, with a
 * byte-order mark, with tab indentation (where the language allows tabs) and with all
 * three at once must give the same edits in the same places. The expectation is the
 * case's own output and sites.txt, converted the same way as the input; a second run on
 * the converted output must change nothing.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Code, Nodes } from 'mdast';
import { beforeAll, describe, expect, test } from 'vitest';
import { adapterFor, initLanguages } from '../src/languages/index.js';
import { processText } from '../src/runner/engine.js';
import type { LanguageId } from '../src/types.js';
import { caseSettings, type FixtureCase, loadCases } from './fixture-cases.js';
import { formatSiteLine } from './helpers.js';

/** One way of re-laying out a case: its text and where a site of the input moves. */
interface Layout {
  text(text: string): string;
  /** The 1-based column of a site at `line`, `column` of the input, after the change. */
  column(line: number, column: number): number;
}

const BOM = '\uFEFF';

const crlf: Layout = {
  text: (text) => text.replace(/\r?\n/g, '\r\n'),
  column: (_line, column) => column,
};

/** The mark counts for no column: a site is where it was. */
const bom: Layout = {
  text: (text) => (text.startsWith(BOM) ? text : `${BOM}${text}`),
  column: (_line, column) => column,
};

/** Info strings of fenced code whose language takes tab indentation. */
const TAB_FENCES = /^(?:js|jsx|javascript|mjs|cjs|ts|tsx|typescript|mts|cts|json|jsonc|py|python)$/;

/** Every fenced code block of a Markdown tree, in lists and quotes too. */
function fences(node: Nodes): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? node.children.flatMap(fences) : [];
}

/** An indentable line: how many leading spaces belong to its container, and whether it is Python. */
interface Indentable {
  container: number;
  python: boolean;
}

/**
 * The lines (0-based) of `text` whose indentation may become tabs; a fence in a list item
 * keeps the item's indentation. Null where the language forbids tabs: YAML, and so
 * Prompty's frontmatter and GitHub Models files.
 */
function indentableLines(kind: LanguageId, text: string): Map<number, Indentable> | null {
  const lines = text.split('\n');
  if (kind === 'yaml') return null;
  if (kind !== 'markdown') return new Map(lines.map((_, i) => [i, { container: 0, python: kind === 'python' }]));
  const tree = fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
  const indentable = new Map<number, Indentable>();
  for (const fence of fences(tree).filter((f) => TAB_FENCES.test(f.lang ?? ''))) {
    const { start, end } = fence.position!;
    const line = { container: start.column - 1, python: /^py/.test(fence.lang!) };
    // The lines between the fences; an unclosed fence runs to the end of its container.
    const closed = /^\s*(`{3,}|~{3,})\s*$/.test(lines[end.line - 1] ?? '');
    for (let i = start.line; i < (closed ? end.line - 1 : end.line); i++) indentable.set(i, line);
  }
  return indentable;
}

function leadingSpaces(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** A line's own indentation, after what its container holds. */
function depthOf(line: string, container: number): number {
  return leadingSpaces(line.slice(container));
}

/**
 * Tab indentation: each run of `unit` leading spaces (the smallest indentation of two or
 * more spaces in the input) becomes a tab. Python is left out where a line would keep
 * spaces after its tabs: mixing them is what Python rejects.
 */
function tabs(fixture: FixtureCase): Layout | null {
  const kind = adapterFor(fixture.path)?.id;
  const inputIndentable = kind === undefined ? null : indentableLines(kind, fixture.input);
  if (kind === undefined || !inputIndentable) return null;
  const inputLines = fixture.input.split('\n');
  const indented = [...inputIndentable]
    .filter(([i]) => inputLines[i]!.trim() !== '')
    .map(([i, { container, python }]) => ({ depth: depthOf(inputLines[i]!, container), python }));
  const unit = Math.min(...indented.map((l) => l.depth).filter((d) => d >= 2));
  if (!Number.isFinite(unit) || indented.some((l) => l.python && l.depth % unit !== 0)) return null;
  const convertLine = (line: string, where: Indentable | undefined): string => {
    if (where === undefined) return line;
    const { container } = where;
    const depth = depthOf(line, container);
    return `${line.slice(0, container)}${'\t'.repeat(Math.floor(depth / unit))}${' '.repeat(depth % unit)}${line.slice(container + depth)}`;
  };
  // The output is converted by its own fences: an edit may add lines inside one.
  const text = (source: string): string => {
    const indentable = indentableLines(kind, source)!;
    return source
      .split('\n')
      .map((line, i) => convertLine(line, indentable.get(i)))
      .join('\n');
  };
  return {
    text,
    column: (line, column) => {
      const before = inputLines[line - 1]!;
      return column - (before.length - convertLine(before, inputIndentable.get(line - 1)).length);
    },
  };
}

function both(first: Layout, second: Layout): Layout {
  return { text: (text) => second.text(first.text(text)), column: (line, column) => second.column(line, first.column(line, column)) };
}

function layoutsOf(fixture: FixtureCase): [string, Layout][] {
  const tabbed = tabs(fixture);
  const layouts: [string, Layout][] = [
    ['CRLF', crlf],
    ['BOM', bom],
  ];
  if (tabbed) layouts.push(['tabs', tabbed], ['CRLF, BOM and tabs', both(tabbed, both(crlf, bom))]);
  return layouts;
}

const cases = loadCases();

beforeAll(async () => {
  await initLanguages();
});

function movedSite(layout: Layout, site: string): string {
  const [, line, column, rest] = /^(\d+):(\d+) (.*)$/.exec(site)!;
  return `${line}:${layout.column(Number(line), Number(column))} ${rest}`;
}

describe.each(cases.map((c) => [`${c.transform}/${c.name}`, c] as const))('%s', (_id, fixture) => {
  for (const [name, layout] of layoutsOf(fixture)) {
    test(`with ${name}`, () => {
      const settings = caseSettings(fixture);
      const input = layout.text(fixture.input);
      const expected = layout.text(fixture.output);
      const first = processText(fixture.path, input, settings);
      expect(first.errors.map((e) => `${e.line ?? '-'} ${e.message}`)).toEqual(fixture.errors);
      // As JSON, so a difference in \r, tabs or the BOM shows in the failure message.
      expect(JSON.stringify(first.newText ?? input)).toBe(JSON.stringify(expected));
      expect(first.sites.map(formatSiteLine)).toEqual((fixture.sites ?? []).map((site) => movedSite(layout, site)));
      expect(processText(fixture.path, expected, settings).newText).toBeNull();
    });
  }
});
