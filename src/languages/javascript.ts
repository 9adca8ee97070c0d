/**
 * JS/TS adapter: @babel/parser (options chosen by extension), walked once per tree
 * (./js/tree.ts) in ast-types' order. Edits are byte ranges on the original text rather
 * than recast re-prints, so quote style, template literals, formatting, CRLF, BOM and
 * tabs outside an edit can never change. The tree's readers live in ./js/: nodes, scope, requests, strings.
 */
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import { lazyRequire } from '../lazy.js';
import { SourceError } from '../types.js';
import { strings } from './js/strings.js';
import type { JsNode } from './js/nodes.js';
import type { JsParsed } from './js/tree.js';
import type { LanguageAdapter } from './types.js';

const PROPOSALS: ParserPlugin[] = [
  'decorators-legacy',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'doExpressions',
  'exportDefaultFrom',
  'functionBind',
  'importAttributes',
  'throwExpressions',
];

type Syntax = 'tsx' | 'ts' | 'js';

const SYNTAX_PLUGINS: Record<Syntax, ParserPlugin[]> = { tsx: ['typescript', 'jsx'], ts: ['typescript'], js: ['jsx', 'flow'] };

function syntaxOf(path: string): Syntax {
  if (path.endsWith('.tsx')) return 'tsx';
  return /\.(ts|mts|cts)$/.test(path) ? 'ts' : 'js';
}

/**
 * How a text is parsed: its syntax, and whether Babel recovers from errors it can step
 * over (a repeated `const`, a misplaced `return`), which only code quoted in docs gets.
 */
interface Mode {
  syntax: Syntax;
  recover: boolean;
}

/** No `tokens` and no comments attached to nodes: only recast's re-printing reads them, and edits here are byte ranges. */
function babelOptions({ syntax, recover }: Mode): ParserOptions {
  return {
    errorRecovery: recover,
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    startLine: 1,
    attachComment: false,
    plugins: [...SYNTAX_PLUGINS[syntax], ...PROPOSALS],
  };
}

/** One parse function per syntax, with its options built once. */
const parsers = new Map<string, (source: string) => JsNode>();

// Babel loads on the first JS/TS parse, so a run that parses none never pays for it.
const babelParser = lazyRequire<typeof import('@babel/parser')>('@babel/parser');

function parserOf(mode: Mode): (source: string) => JsNode {
  const key = `${mode.syntax}${mode.recover ? '+recover' : ''}`;
  let parser = parsers.get(key);
  if (!parser) {
    const babel = babelParser();
    const options = babelOptions(mode);
    parser = (source) => babel.parse(source, options) as unknown as JsNode;
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * Babel takes a byte-order mark for white space and then rejects a `#!` line after it,
 * where Node strips the mark and runs the file. The mark and the `#!` become a line
 * comment of the same length, so every offset stays.
 */
function withoutBom(text: string): string {
  if (text.charCodeAt(0) !== 0xfeff) return text;
  return text.startsWith('#!', 1) ? `// ${text.slice(3)}` : ` ${text.slice(1)}`;
}

function parse(source: string, path: string): JsParsed {
  return parseAs(withoutBom(source), { syntax: syntaxOf(path), recover: false });
}

function parseAs(text: string, mode: Mode): JsParsed {
  const parser = parserOf(mode);
  try {
    // The tree is used as Babel built it: jscodeshift's `j(text)` would parse through
    // recast, which recomputes start/end from its own line model (tabs expanded, CRLF
    // counted once), and every offset here must index the original text.
    return { file: parser(text) };
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    const message = (err as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new SourceError(message, loc?.line ?? null, loc ? loc.column + 1 : null);
  }
}

/**
 * `...` standing for left-out code (`[ ... ]`, `{ ..., key }`, a line of its own) rather
 * than a spread, which an operand follows.
 */
const PLACEHOLDER = /\.\.\.(?=[ \t]*(?:[,\]});]|$))/gm;

/** A placeholder becomes an identifier of the same length, so every offset stays. */
function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, '_$$_');
}

/**
 * Code quoted in docs: snippets leave code out (`...`), repeat a declaration to show a
 * before and after, and put TypeScript or JSX in a ```js fence. When the text does not
 * parse as its fence says, it is parsed with Babel's error recovery, as TSX too, and
 * with its placeholders masked; the first error is the one reported when nothing works.
 */
function parseSnippet(source: string, path: string): JsParsed {
  const text = withoutBom(source);
  const syntax = syntaxOf(path);
  try {
    return parseAs(text, { syntax, recover: false });
  } catch (first) {
    const syntaxes: Syntax[] = syntax === 'tsx' ? ['tsx'] : [syntax, 'tsx'];
    const masked = maskPlaceholders(text);
    // Text with no placeholder would only be read the same ways again.
    for (const attempt of masked === text ? [text] : [text, masked])
      for (const each of syntaxes) {
        try {
          return parseAs(attempt, { syntax: each, recover: true });
        } catch {
          // the next way of reading it
        }
      }
    throw first;
  }
}

export const javascript: LanguageAdapter<JsParsed> = {
  id: 'js',
  files: /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/,
  extensions: ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'],
  readsBom: true,
  parse,
  parseSnippet,
  strings,
};
