/**
 * Jupyter notebook adapter: a container. Code cells go to the Python adapter, markdown
 * cells to the Markdown adapter, each as the decoded text of its `source` strings mapped
 * back to the raw JSON, so an edit rewrites a few characters inside one source string and
 * outputs, metadata, key order and indentation never change.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { LineIndex } from '../runner/lines.js';
import { SourceError } from '../types.js';
import { MappedText } from './regions.js';
import type { LanguageAdapter, Region } from './types.js';

export interface NotebookParsed {
  root: Node;
}

function parse(text: string): NotebookParsed {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root) {
    const { line, column } = new LineIndex(text).position(first?.offset ?? 0);
    throw new SourceError(`not valid notebook JSON: ${first ? printParseErrorCode(first.error) : 'empty file'}`, line, column);
  }
  return { root };
}

/** The kernel language the notebook declares, if any. */
function kernelLanguage(root: Node): string | null {
  for (const path of [['metadata', 'kernelspec', 'language'], ['metadata', 'language_info', 'name']]) {
    const node = findNodeAtLocation(root, path);
    if (node?.type === 'string') return node.value as string;
  }
  return null;
}

function regions(parsed: NotebookParsed, text: string): Region[] {
  const language = kernelLanguage(parsed.root);
  const python = language === null || /^i?python/i.test(language);
  const cells = findNodeAtLocation(parsed.root, ['cells'])?.children ?? [];
  return cells.flatMap((cell, index) => cellRegion(cell, index + 1, text, python) ?? []);
}

function cellRegion(cell: Node, number: number, text: string, python: boolean): Region | null {
  const type = findNodeAtLocation(cell, ['cell_type'])?.value;
  const source = sourceOf(findNodeAtLocation(cell, ['source']), text);
  if (!source || source.text.trim() === '') return null;
  if (type === 'markdown') return source.region('markdown', `markdown cell ${number}`, jsonEscape);
  if (type !== 'code' || !python) return null;
  const code = maskMagics(source.text);
  return code === null ? null : { ...source.region('python', `code cell ${number}`, jsonEscape), text: code };
}

const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1);

/** A cell's text: `source` is one string or an array of strings (usually one per line). */
function sourceOf(node: Node | undefined, text: string): MappedText | null {
  const strings = node?.type === 'array' ? node.children ?? [] : node ? [node] : [];
  if (strings.length === 0 || strings.some((s) => s.type !== 'string')) return null;
  const mapped = new MappedText();
  for (const string of strings) appendJsonString(text, string.offset + 1, string.offset + string.length - 1, mapped);
  return mapped;
}

/**
 * Decodes raw JSON string content into `mapped`, one escape at a time, so each decoded
 * character maps to the escape it came from. No JSON library reports where escapes sit,
 * so the walk is done here; JSON.parse still decodes each escape.
 */
function appendJsonString(text: string, start: number, end: number, mapped: MappedText): void {
  const escape = /\\(?:u[0-9a-fA-F]{4}|[^u])/g;
  const raw = text.slice(start, end);
  let from = 0;
  for (let match; (match = escape.exec(raw)); from = escape.lastIndex) {
    mapped.copy(raw.slice(from, match.index), start + from);
    mapped.decoded(JSON.parse(`"${match[0]}"`) as string, start + match.index, start + escape.lastIndex);
  }
  mapped.copy(raw.slice(from), start + from);
}

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

/**
 * IPython syntax is not Python: `%magic` and `!shell` lines become comments (one
 * character replaced, so every offset holds); a `%%bash`-style cell is not Python at
 * all and is skipped (null).
 */
function maskMagics(code: string): string | null {
  const cellMagic = /^%%(\w+)/.exec(code);
  if (cellMagic && !PYTHON_CELL_MAGICS.has(cellMagic[1]!)) return null;
  return code.replace(/^([ \t]*)[%!](?=[%\w{./~$-])/gm, '$1#');
}

export const notebook: LanguageAdapter<NotebookParsed> = {
  id: 'notebook',
  files: /\.ipynb$/,
  extensions: ['ipynb'],
  parse,
  regions,
};
