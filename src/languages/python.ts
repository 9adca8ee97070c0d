/**
 * Python adapter: web-tree-sitter with tree-sitter-python's WebAssembly grammar, taken
 * from @vscode/tree-sitter-wasm, which ships the built .wasm files and nothing to compile
 * or run at install (tree-sitter-python itself carries a native-build install script).
 * Sites are located on the syntax tree and edited as byte ranges on the original text,
 * so quotes, prefixes, indentation and line endings never change.
 *
 * Offsets: web-tree-sitter hands a JavaScript string to the parser as UTF-16 and reports
 * `startIndex` / `endIndex` (and columns) in UTF-16 code units, which are exactly the
 * string indices the engine uses, so no UTF-8 byte conversion is needed; the non-ASCII
 * fixture and test/python.test.ts hold that. The tree's readers live in ./python/: nodes,
 * scope, requests, strings.
 */
import { createRequire } from 'node:module';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { lazy } from '../lazy.js';
import { SourceError } from '../types.js';
import { strings } from './python/strings.js';
import type { LanguageAdapter } from './types.js';

export interface PyParsed {
  tree: Tree;
}

let parser: Parser | null = null;

async function loadGrammar(): Promise<void> {
  // Resolved from this module, so it works from src/ under vitest and from dist/.
  const wasm = createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm');
  // Imported here, not at the top: a run over no Python file never loads web-tree-sitter.
  const { Language, Parser } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(wasm);
  parser = new Parser();
  parser.setLanguage(language);
}

const init = lazy(loadGrammar);

function firstProblem(node: Node): Node | null {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing) {
      const found = firstProblem(child);
      if (found) return found;
    }
  }
  return null;
}

function parse(text: string, _path: string): PyParsed {
  if (!parser) throw new Error('the Python grammar is not loaded: call initLanguages() first');
  // A parse the runner's time budget stopped halfway would otherwise be resumed here.
  parser.reset();
  const tree = parser.parse(text);
  if (!tree) throw new SourceError('the Python parser gave up', null);
  if (tree.rootNode.hasError) {
    const bad = firstProblem(tree.rootNode) ?? tree.rootNode;
    const { row, column } = bad.startPosition;
    const message = bad.isMissing
      ? `missing "${bad.type}"`
      : `invalid syntax near ${JSON.stringify(bad.text.split('\n')[0]!.slice(0, 40))}`;
    // The tree lives in WebAssembly memory and nobody else will hold it.
    tree.delete();
    throw new SourceError(message, row + 1, column + 1);
  }
  return { tree };
}

/**
 * IPython's `%magic` and `!shell` lines become comments: one character replaced, so every
 * offset holds. Notebook cells and Markdown fences both hold them.
 */
export function maskMagicLines(code: string): string {
  return code.replace(/^([ \t]*)[%!](?=[%\w{./~$-])/gm, '$1#');
}

/**
 * An edit block quoted in docs (`<<<<<<< SEARCH`, the old code, `=======`, the new code,
 * `>>>>>>> REPLACE`) records a change a model made: masked whole, so the rest of the
 * fence is read and nothing inside the record is taken for a model choice.
 */
const EDIT_BLOCK = /^[ \t]*<{7}[^\n]*\n(?:[^\n]*\n)*?[ \t]*>{7}(?=[ \t]|$)[^\n]*/gm;

/** Each non-empty line becomes a comment of the same length. */
function commentOut(lines: string): string {
  return lines.replace(/^[^\n\r]/gm, '#');
}

/** `...` where code was left out of a parameter list (`def start(...)`): a name of the same length. */
const PLACEHOLDER_PARAMETERS = /\((\s*)\.\.\.(\s*)\)/g;

/**
 * Code quoted in docs: IPython lines, edit blocks and `(...)` placeholders are
 * masked, each with text of its own length, when the text does not parse as it is.
 */
function parseSnippet(text: string, path: string): PyParsed {
  try {
    return parse(text, path);
  } catch (first) {
    const masked = maskMagicLines(text).replace(EDIT_BLOCK, commentOut).replace(PLACEHOLDER_PARAMETERS, '($1___$2)');
    if (masked === text) throw first;
    try {
      return parse(masked, path);
    } catch {
      throw first;
    }
  }
}

export const python: LanguageAdapter<PyParsed> = {
  id: 'python',
  files: /\.pyi?$/,
  extensions: ['py', 'pyi'],
  init,
  parse,
  parseSnippet,
  dispose: (parsed) => parsed.tree.delete(),
  strings,
};
