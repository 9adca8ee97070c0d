/**
 * Model tables of the modules a file imports or re-exports. A default typed or returned in
 * one file (`case "openai-native": return "gpt-4o"`, `const id: OpenAiModelId = …`) is a key
 * of a catalog another file declares, and the new slug has to be one of its keys too. Only
 * a module's top level is read, with Babel alone, so a file of re-exports stays cheap.
 */
import type { ParseResult } from '@babel/parser';
import { lazyRequire } from '../../lazy.js';
import { isModelLike } from '../../policy/slug.js';
import type { ModuleReader } from '../types.js';
import { isType, type JsNode, literalString, nameOf } from './nodes.js';
import { type JsParsed, pathsOfType } from './tree.js';

/** A table of models: its name, its keys, and the module that declares it (as the file spells it). */
export interface ModelTable {
  table: string;
  keys: string[];
  module?: string;
}

const babelParser = lazyRequire<typeof import('@babel/parser')>('@babel/parser');

type Program = ParseResult['program'];

/** A module's top-level statements; none where it does not parse as TypeScript. */
function topLevel(text: string): Program['body'] {
  try {
    return babelParser().parse(text, { sourceType: 'module', errorRecovery: true, plugins: ['typescript'] }).program.body;
  } catch {
    return [];
  }
}

/** The declaration an `export` wraps, or the statement itself. */
function declarationOf(statement: Program['body'][number]): JsNode | null | undefined {
  return (isType(statement, 'ExportNamedDeclaration') ? statement.declaration : statement) as JsNode | null | undefined;
}

/** The keys of an object literal (through `as const` and `satisfies`), or null for any other value. */
export function objectKeys(value: JsNode | null | undefined): string[] | null {
  let init = value;
  while (isType(init, 'TSAsExpression', 'TSSatisfiesExpression')) init = init.expression;
  if (!isType(init, 'ObjectExpression')) return null;
  return init.properties.flatMap((p) =>
    isType(p, 'ObjectProperty', 'Property') ? [nameOf(p.key) ?? literalString(p.key)?.value ?? ''] : [],
  );
}

/** The module's top-level constants that are objects keyed by two or more models, and its `keyof typeof` aliases. */
interface ModuleFacts {
  tables: ModelTable[];
  aliases: Map<string, string>;
}

const factsByText = new Map<string, ModuleFacts>();

function moduleFacts(text: string): ModuleFacts {
  let facts = factsByText.get(text);
  if (facts) return facts;
  facts = { tables: [], aliases: new Map() };
  for (const statement of topLevel(text)) {
    const declaration = declarationOf(statement);
    if (isType(declaration, 'VariableDeclaration'))
      for (const d of declaration.declarations) {
        if (!isType(d, 'VariableDeclarator')) continue;
        const keys = objectKeys(d.init);
        const table = nameOf(d.id);
        if (keys && table && keys.filter(isModelLike).length >= 2) facts.tables.push({ table, keys });
      }
    if (isType(declaration, 'TSTypeAliasDeclaration')) {
      const table = keyofTable(declaration.typeAnnotation);
      const alias = nameOf(declaration.id);
      if (table && alias) facts.aliases.set(alias, table);
    }
  }
  // A module text is read once per file that imports it; a run holds a bounded number of them.
  if (factsByText.size > 256) factsByText.clear();
  factsByText.set(text, facts);
  return facts;
}

/** `keyof typeof models`: the table's name. */
export function keyofTable(type: JsNode | null | undefined): string | null {
  if (!isType(type, 'TSTypeOperator') || type.operator !== 'keyof') return null;
  const query = type.typeAnnotation;
  return isType(query, 'TSTypeQuery') ? nameOf(query.exprName) : null;
}

/** Relative module specifiers the file imports from or re-exports, in the order written. */
function relativeSources(parsed: JsParsed): string[] {
  const statements = ['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration'].flatMap((type) => pathsOfType(parsed, type));
  return statements
    .map((p) => p.node as JsNode & { source?: unknown; start?: number })
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
    .map((node) => literalString(node.source)?.value ?? '')
    .filter((source) => source.startsWith('.'));
}

/** Local names bound by imports from modules beside the file, with the module each comes from. */
export function importedNames(parsed: JsParsed): Map<string, string> {
  const names = new Map<string, string>();
  for (const { node } of pathsOfType(parsed, 'ImportDeclaration')) {
    const source = literalString(node.source)?.value ?? '';
    if (!source.startsWith('.')) continue;
    for (const specifier of node.specifiers ?? []) {
      const local = nameOf(specifier.local);
      if (local) names.set(local, source);
    }
  }
  return names;
}

/** The first table of the file's imported or re-exported modules that has `key` among its keys. */
export function importedTableWith(key: string, parsed: JsParsed, modules: ModuleReader): ModelTable | null {
  for (const module of relativeSources(parsed)) {
    const text = modules(module);
    const found = text === null ? undefined : moduleFacts(text).tables.find((t) => t.keys.includes(key));
    if (found) return { ...found, module };
  }
  return null;
}

/** The table behind a type alias another module declares (`export type Id = keyof typeof models`). */
export function importedAliasTable(alias: string, module: string, modules: ModuleReader): ModelTable | null {
  const text = modules(module);
  if (text === null) return null;
  const facts = moduleFacts(text);
  const table = facts.aliases.get(alias);
  const found = table === undefined ? undefined : facts.tables.find((t) => t.table === table);
  return found ? { ...found, module } : null;
}
