/**
 * JS/TS adapter: jscodeshift over @babel/parser (parser chosen by extension). Edits are
 * byte ranges on the original text rather than recast re-prints, so quote style,
 * template literals, formatting, CRLF, BOM and tabs outside an edit can never change.
 */
import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import jscodeshift, { type ASTNode, type ASTPath, type Collection, type JSCodeshift, type Parser } from 'jscodeshift';
import { isModelLike } from '../policy/slug.js';
import { type RequestFacts, SourceError, type StringContext, type StringValue } from '../types.js';
import type { LanguageAdapter } from './types.js';

/** Babel AST nodes as the adapter reads them: positional fields plus whatever the type carries. */
export interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: any;
}

export interface JsParsed {
  j: JSCodeshift;
  root: Collection<any>;
}

const PROPOSALS: ParserPlugin[] = [
  'decorators-legacy', 'classProperties', 'classPrivateProperties', 'classPrivateMethods',
  'doExpressions', 'exportDefaultFrom', 'functionBind', 'importAttributes', 'throwExpressions',
];

function babelOptions(path: string): ParserOptions {
  const typescript = /\.(ts|mts|cts)$/.test(path);
  const tsx = path.endsWith('.tsx');
  const language: ParserPlugin[] = tsx ? ['typescript', 'jsx'] : typescript ? ['typescript'] : ['jsx', 'flow'];
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    startLine: 1,
    tokens: true,
    plugins: [...language, ...PROPOSALS],
  };
}

/** The parser object jscodeshift expects (`parse(source)`), bound to a file's extension. */
export function parserFor(path: string): Parser {
  const options = babelOptions(path);
  return { parse: (source: string) => babelParse(source, options) as unknown as ASTNode };
}

function parse(text: string, path: string): JsParsed {
  const j = jscodeshift.withParser(parserFor(path));
  try {
    return { j, root: j(text) };
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    const message = (err as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new SourceError(message, loc?.line ?? null, loc ? loc.column + 1 : null);
  }
}

/** A string literal or an expression-free template literal: its value and the raw range inside the quotes. */
export function literalString(node: AstNode | null | undefined): { value: string; start: number; end: number } | null {
  if (!node || node.start == null || node.end == null) return null;
  if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) {
    return { value: node.value, start: node.start + 1, end: node.end - 1 };
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    const quasi = node.quasis[0];
    return { value: quasi.value.cooked ?? quasi.value.raw, start: node.start + 1, end: node.end - 1 };
  }
  return null;
}

/** The name of a key, identifier, member property or JSX attribute. */
export function nameOf(node: AstNode | null | undefined): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'Identifier':
    case 'JSXIdentifier':
    case 'PrivateName':
      return node.name ?? node.id?.name ?? null;
    case 'StringLiteral':
    case 'Literal':
      return typeof node.value === 'string' ? node.value : null;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return nameOf(node.property);
    case 'JSXAttribute':
      return nameOf(node.name);
    case 'AssignmentPattern':
      return nameOf(node.left);
    default:
      return null;
  }
}

const COMPARE_OPERATORS = new Set(['==', '===', '!=', '!==', 'in']);
const COMPARE_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'match', 'matchAll', 'indexOf', 'has', 'test', 'localeCompare', 'search']);
/** Wrappers a model value passes through on its way to a name: `x ?? 'gpt-5.4'`, `'gpt-5.4' as const`. */
const TRANSPARENT = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression', 'JSXExpressionContainer']);
const SAMPLING_KEYS: Record<string, string> = {
  temperature: 'temperature', top_p: 'top_p', topP: 'top_p', logprobs: 'logprobs',
  top_logprobs: 'top_logprobs', topLogprobs: 'top_logprobs',
};

function calleeMethod(call: AstNode): string | null {
  const callee = call.callee;
  return callee && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') ? nameOf(callee.property) : null;
}

/** `openai('gpt-5.4')`, `openai.responses('gpt-5.4')`, `azure('x')`: a provider call that names a model. */
function isModelFactory(call: AstNode, arg: AstNode): boolean {
  if (call.type !== 'CallExpression' || call.arguments[0] !== arg) return false;
  const callee = call.callee;
  const root = callee.type === 'MemberExpression' ? callee.object : callee;
  const name = nameOf(root) ?? '';
  return /openai|azure|provider|gateway|registry/i.test(name) || /languageModel|chatModel|responses|chat/.test(calleeMethod(call) ?? '');
}

function objectProperty(obj: AstNode, key: string): AstNode | null {
  if (obj?.type !== 'ObjectExpression') return null;
  return obj.properties.find((p: AstNode) => (p.type === 'ObjectProperty' || p.type === 'Property') && nameOf(p.key) === key) ?? null;
}

function sourceText(node: AstNode, text: string): string {
  return literalString(node)?.value ?? text.slice(node.start ?? 0, node.end ?? 0);
}

/** Reads sampling parameters and reasoning effort, in every SDK spelling, off a request object. */
export function requestFacts(obj: AstNode, text: string): RequestFacts {
  const sampling = new Set<string>();
  let effort: string | undefined;
  const scan = (o: AstNode): void => {
    for (const prop of o.properties ?? []) {
      if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') continue;
      const key = nameOf(prop.key) ?? '';
      if (SAMPLING_KEYS[key]) sampling.add(SAMPLING_KEYS[key]);
      if (key === 'reasoning_effort' || key === 'reasoningEffort') effort = sourceText(prop.value, text);
      if (key === 'reasoning') {
        const inner = objectProperty(prop.value, 'effort');
        if (inner) effort = sourceText(inner.value, text);
      }
      // Agents SDK modelSettings, Vercel providerOptions.openai, LangChain modelKwargs
      if ((key === 'modelSettings' || key === 'openai' || key === 'providerOptions' || key === 'modelKwargs') && prop.value.type === 'ObjectExpression') {
        scan(prop.value);
      }
    }
  };
  scan(obj);
  return effort === undefined ? { sampling: [...sampling] } : { sampling: [...sampling], effort };
}

/** The object a `model` property sits in, when `path` is that property's value. */
function requestOf(valuePath: ASTPath<any>): AstNode | null {
  const parent = valuePath.parent?.node as AstNode | undefined;
  if (!parent || (parent.type !== 'ObjectProperty' && parent.type !== 'Property') || parent.value !== valuePath.node) return null;
  return /^model(Name|Id)?$/.test(nameOf(parent.key) ?? '') ? (valuePath.parent.parent.node as AstNode) : null;
}

/** Requests in `scope` whose model is the identifier `name` (directly or through a provider call). */
function requestsUsing(j: JSCodeshift, scope: AstNode, name: string, text: string): RequestFacts[] {
  const found: RequestFacts[] = [];
  j(scope as ASTNode).find(j.Identifier, { name }).forEach((idPath: ASTPath<any>) => {
    let valuePath: ASTPath<any> = idPath;
    const parent = idPath.parent?.node as AstNode;
    if (parent && isModelFactory(parent, idPath.node)) valuePath = idPath.parent;
    const request = requestOf(valuePath);
    if (request) found.push(requestFacts(request, text));
  });
  return found;
}

function enclosingScope(path: ASTPath<any>): AstNode {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (/Function|Program|ClassMethod|ObjectMethod/.test(p.node.type)) return p.node;
  }
  return path.node;
}

interface Walk {
  names: string[];
  requests: RequestFacts[];
  /** The binding the value is stored in, whose uses may be requests elsewhere. */
  binding: { name: string; scope: AstNode } | null;
}

/** Walks from a literal up through wrappers, objects and arrays, collecting names and its request. */
function walkUp(start: ASTPath<any>, text: string): Walk {
  const walk: Walk = { names: [], requests: [], binding: null };
  let path: ASTPath<any> = start;
  for (let depth = 0; depth < 8 && path.parent; depth++) {
    const node = path.node as AstNode;
    const parent = path.parent.node as AstNode;
    if (TRANSPARENT.has(parent.type) || isModelFactory(parent, node) || parent.type === 'ArrayExpression') {
      path = path.parent;
      continue;
    }
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === node) {
      const key = nameOf(parent.key);
      if (key) walk.names.push(key);
      if (walk.requests.length === 0 && depth <= 2) {
        const request = requestOf(path);
        if (request) walk.requests.push(requestFacts(request, text));
      }
      path = path.parent.parent; // the object literal
      continue;
    }
    const named = namedBinding(parent, node);
    if (named) {
      walk.names.push(named.name);
      if (named.binds) walk.binding = { name: named.name, scope: enclosingScope(path.parent) };
    }
    break;
  }
  return walk;
}

/** Where a value is stored under a name: declarations, assignments, defaults, class fields, JSX attributes. */
function namedBinding(parent: AstNode, node: AstNode): { name: string; binds: boolean } | null {
  const pick = (target: AstNode, binds: boolean): { name: string; binds: boolean } | null => {
    const name = nameOf(target);
    return name ? { name, binds } : null;
  };
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node ? pick(parent.id, true) : null;
    case 'AssignmentPattern':
      return parent.right === node ? pick(parent.left, true) : null;
    case 'AssignmentExpression':
      return parent.right === node ? pick(parent.left, parent.left.type === 'Identifier') : null;
    case 'ClassProperty':
    case 'PropertyDefinition':
    case 'TSEnumMember':
      return pick(parent.key ?? parent.id, false);
    case 'JSXAttribute':
      return pick(parent, false);
    default:
      return null;
  }
}

function isCompared(path: ASTPath<any>): boolean {
  let node = path.node as AstNode;
  let parentPath = path.parent;
  // A one-element list used for membership (`['gpt-5.4'].includes(m)`) is compared too.
  while (parentPath && (parentPath.node.type === 'ArrayExpression' || TRANSPARENT.has(parentPath.node.type) ||
    (parentPath.node.type === 'NewExpression' && nameOf(parentPath.node.callee) === 'Set'))) {
    node = parentPath.node;
    parentPath = parentPath.parent;
  }
  const parent = parentPath?.node as AstNode | undefined;
  if (!parent) return false;
  if (parent.type === 'BinaryExpression') return COMPARE_OPERATORS.has(parent.operator);
  if (parent.type === 'SwitchCase') return parent.test === node;
  if (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') {
    const method = calleeMethod(parent);
    if (!method || !COMPARE_METHODS.has(method)) return false;
    return parent.arguments.includes(node) || parent.callee.object === node;
  }
  if (parent.type === 'MemberExpression' && parent.object === node) {
    const call = parentPath!.parent?.node as AstNode | undefined;
    return COMPARE_METHODS.has(nameOf(parent.property) ?? '') && call?.type === 'CallExpression';
  }
  return false;
}

function inType(path: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    const type = p.node.type as string;
    if (type === 'TSLiteralType' || type.startsWith('TSType') || type === 'TSUnionType' || type === 'TSTypeAnnotation') return true;
    if (!type.startsWith('TS')) return false;
  }
  return false;
}

function collectionModels(path: ASTPath<any>): number {
  let p = path.parent;
  while (p && TRANSPARENT.has(p.node.type)) p = p.parent;
  if (!p || p.node.type !== 'ArrayExpression') return 0;
  return (p.node.elements as AstNode[]).filter((el) => {
    const s = literalString(el);
    return s !== null && isModelLike(s.value);
  }).length;
}

function isNonValuePosition(path: ASTPath<any>): boolean {
  const parent = path.parent?.node as AstNode | undefined;
  if (!parent) return true;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ClassProperty') && parent.key === path.node && !parent.computed) return true;
  if (/^(Import|Export)/.test(parent.type) || parent.type === 'Directive' || parent.type === 'TSExternalModuleReference') return true;
  return false;
}

function strings(parsed: JsParsed, text: string): StringValue[] {
  const { j, root } = parsed;
  const out: StringValue[] = [];
  const visit = (path: ASTPath<any>): void => {
    const literal = literalString(path.node as AstNode);
    if (!literal || !isModelLike(literal.value) || isNonValuePosition(path)) return;
    if (text.slice(literal.start, literal.end) !== literal.value) return; // escaped: not a plain slug
    const walk = walkUp(path, text);
    const requests = walk.requests.length > 0 || !walk.binding
      ? walk.requests
      : requestsUsing(j, walk.binding.scope, walk.binding.name, text);
    const context: StringContext = {
      compared: isCompared(path),
      inType: inType(path),
      collectionModels: collectionModels(path),
      names: walk.names,
      requests,
    };
    out.push({ ...literal, context });
  };
  root.find(j.StringLiteral).forEach(visit);
  root.find(j.TemplateLiteral).forEach(visit);
  return out.sort((a, b) => a.start - b.start);
}

export const javascript: LanguageAdapter<JsParsed> = {
  id: 'js',
  files: /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/,
  extensions: ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'],
  parse,
  strings,
};
