/**
 * JSON / JSONC adapter: jsonc-parser's syntax tree with offsets. Every .json file is read
 * the JSONC way (comments and trailing commas allowed), because tsconfig, VS Code and
 * devcontainer files carry them and a config must never fail for that. Edits are byte
 * ranges inside string values, so formatting and key order never change.
 */
import { createScanner, type Node, type ParseError, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import { type ConfigNode, configStrings, errorAt, MAX_NESTING, scalar, tooDeep } from './mapping.js';
import type { LanguageAdapter } from './types.js';

export interface JsonParsed {
  root: ConfigNode | null;
  skipKeys: ReadonlySet<string>;
}

/** package.json sections whose values are package versions, never model sites (npm, yarn, pnpm). */
const DEPENDENCY_SECTIONS: ReadonlySet<string> = new Set([
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'bundleDependencies',
  'bundledDependencies',
  'overrides',
  'resolutions',
]);
const NOTHING: ReadonlySet<string> = new Set();

function toConfig(node: Node, text: string): ConfigNode {
  switch (node.type) {
    case 'object':
      return {
        kind: 'map',
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [{ key: String(key.value), value: toConfig(value, text) }] : [];
        }),
      };
    case 'array':
      return { kind: 'list', items: (node.children ?? []).map((child) => toConfig(child, text)) };
    case 'string': {
      const start = node.offset + 1;
      const end = node.offset + node.length - 1;
      return scalar(String(node.value), text.slice(start, end) === node.value ? { start, end } : null);
    }
    default:
      return scalar(String(node.value));
  }
}

/**
 * Refuses JSON nested past MAX_NESTING before jsonc-parser's tree builder, which recurses
 * once per level, sees it. Its scanner is a loop, so this pass is linear and never deep.
 */
export function checkNesting(text: string): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) throw tooDeep(text, scanner.getTokenOffset());
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth--;
  }
}

function parse(text: string, path: string): JsonParsed {
  checkNesting(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) throw errorAt(printParseErrorCode(first.error), text, first.offset);
  return {
    root: tree ? toConfig(tree, text) : null,
    skipKeys: /(^|\/)package\.json$/.test(path) ? DEPENDENCY_SECTIONS : NOTHING,
  };
}

export const json: LanguageAdapter<JsonParsed> = {
  id: 'json',
  // .ipynb is JSON too, but the notebook adapter owns it.
  files: /\.jsonc?$/,
  extensions: ['json', 'jsonc'],
  parse,
  strings: (parsed) => configStrings(parsed.root ? [parsed.root] : [], { skipKeys: parsed.skipKeys }),
};
