/**
 * Jupyter notebook adapter: a container. Code cells go to the Python adapter, markdown
 * cells to the Markdown adapter, each as the decoded text of its `source` strings mapped
 * back to the raw JSON, so an edit rewrites a few characters inside one source string and
 * outputs, metadata, key order and indentation never change.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SourceError } from '../types.js';
import { checkNesting } from './json.js';
import { errorAt } from './mapping.js';
import { maskMagicLines } from './python.js';
import { MappedText } from './regions.js';
import type { LanguageAdapter, Region } from './types.js';

/** A cell as parse checked it: its type and the JSON strings its source is made of. */
export interface NotebookCell {
  type: string;
  source: Node[];
}

export interface NotebookParsed {
  root: Node;
  cells: NotebookCell[];
}

function parse(text: string): NotebookParsed {
  checkNesting(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root)
    throw errorAt(`not valid notebook JSON: ${first ? printParseErrorCode(first.error) : 'empty file'}`, text, first?.offset ?? 0);
  return { root, cells: readCells(root, text) };
}

/** A part of the notebook without the shape the format asks for: an error at that part's line. */
function shapeError(text: string, node: Node, message: string): SourceError {
  return errorAt(`not a notebook: ${message}`, text, node.offset);
}

/**
 * The cells, checked for the parts of the nbformat 4 shape this adapter reads: a `cells`
 * array of objects, each with a string `cell_type` and a `source` that is a string or a
 * list of strings. Written out rather than validated against nbformat's JSON schema: the
 * schema is not packaged for JavaScript, and checking only what is read keeps notebooks
 * with extra or newer fields working.
 */
function readCells(root: Node, text: string): NotebookCell[] {
  if (root.type !== 'object') throw shapeError(text, root, 'the top level is not a JSON object');
  const cells = findNodeAtLocation(root, ['cells']);
  if (!cells) throw shapeError(text, root, 'no `cells` array (nbformat 4 or later)');
  if (cells.type !== 'array') throw shapeError(text, cells, '`cells` is not an array');
  return (cells.children ?? []).map((cell, index) => readCell(cell, `cell ${index + 1}`, text));
}

function readCell(cell: Node, label: string, text: string): NotebookCell {
  if (cell.type !== 'object') throw shapeError(text, cell, `${label} is not a JSON object`);
  const type = findNodeAtLocation(cell, ['cell_type']);
  if (type?.type !== 'string') throw shapeError(text, type ?? cell, `${label}: \`cell_type\` is not a string`);
  const source = findNodeAtLocation(cell, ['source']);
  if (!source) throw shapeError(text, cell, `${label} has no \`source\``);
  const parts = source.type === 'array' ? (source.children ?? []) : [source];
  const bad = parts.find((part) => part.type !== 'string');
  if (bad) throw shapeError(text, bad, `${label}: \`source\` is not a string or a list of strings`);
  return { type: type.value as string, source: parts };
}

/** The kernel language the notebook declares, if any. */
function kernelLanguage(root: Node): string | null {
  for (const path of [
    ['metadata', 'kernelspec', 'language'],
    ['metadata', 'language_info', 'name'],
  ]) {
    const node = findNodeAtLocation(root, path);
    if (node?.type === 'string') return node.value as string;
  }
  return null;
}

function regions(parsed: NotebookParsed, text: string): Region[] {
  const language = kernelLanguage(parsed.root);
  const python = language === null || /^i?python/i.test(language);
  return parsed.cells.flatMap((cell, index) => cellRegion(cell, index + 1, text, python) ?? []);
}

function cellRegion(cell: NotebookCell, number: number, text: string, python: boolean): Region | null {
  const source = sourceOf(cell.source, text);
  if (source.text.trim() === '') return null;
  if (cell.type === 'markdown') return source.region('markdown', `markdown cell ${number}`, jsonEscape);
  if (cell.type !== 'code' || !python) return null;
  const code = maskMagics(source.text);
  // A cell is a snippet too: often left unfinished (`...`), and a broken one is worth a warning, not an error.
  return code === null ? null : { ...source.region('python', `code cell ${number}`, jsonEscape), text: code, snippet: true };
}

const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1);

/** A cell's text, from the JSON strings of its `source` (one string, or usually one per line). */
function sourceOf(strings: Node[], text: string): MappedText {
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

/** IPython syntax is not Python: its lines are masked; a `%%bash`-style cell is not Python at all and is skipped (null). */
function maskMagics(code: string): string | null {
  const cellMagic = /^%%(\w+)/.exec(code);
  if (cellMagic && !PYTHON_CELL_MAGICS.has(cellMagic[1]!)) return null;
  return maskMagicLines(code);
}

export const notebook: LanguageAdapter<NotebookParsed> = {
  id: 'notebook',
  files: /\.ipynb$/,
  extensions: ['ipynb'],
  embeds: ['python', 'markdown'],
  parse,
  regions,
};
