/**
 * JS/TS adapter: @babel/parser (options chosen by extension), walked with jscodeshift's
 * collections. Edits are byte ranges on the original text rather than recast re-prints,
 * so quote style, template literals, formatting, CRLF, BOM and tabs outside an edit can
 * never change.
 */
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { ASTNode, ASTPath, Collection, JSCodeshift, Parser } from 'jscodeshift';
import { lazy, lazyRequire } from '../lazy.js';
import { SAMPLING_PARAMETERS } from '../policy/catalog.js';
import { RETENTION_KEYS, type RequestSetting } from '../policy/retention.js';
import { CHAT_COMPLETIONS_CALL, RESPONSES_CALL } from '../policy/sdk.js';
import { isModelLike } from '../policy/slug.js';
import {
  type Edit, type RequestApi, type RequestFacts, type RequestKind, SourceError, type StringContext, type StringValue,
} from '../types.js';
import { appendItem } from './insert.js';
import { isObjectProperty } from './js-nodes.js';
import { type RequestOrigin as GenericOrigin, RequestOrigins } from './origins.js';
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

type Syntax = 'tsx' | 'ts' | 'js';

const SYNTAX_PLUGINS: Record<Syntax, ParserPlugin[]> = { tsx: ['typescript', 'jsx'], ts: ['typescript'], js: ['jsx', 'flow'] };

function syntaxOf(path: string): Syntax {
  if (path.endsWith('.tsx')) return 'tsx';
  return /\.(ts|mts|cts)$/.test(path) ? 'ts' : 'js';
}

/** No `tokens`: only recast's re-printing reads them, and edits here are byte ranges. */
function babelOptions(syntax: Syntax): ParserOptions {
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    startLine: 1,
    plugins: [...SYNTAX_PLUGINS[syntax], ...PROPOSALS],
  };
}

interface Toolkit {
  parser: Parser;
  j: JSCodeshift;
}

/**
 * One parser and one jscodeshift API per syntax, built on first use: `withParser` copies
 * every builder and named type onto a new function, which costs more than parsing a small file.
 */
const toolkits = new Map<Syntax, Toolkit>();

// Babel and jscodeshift (with recast and ast-types) load on the first JS/TS parse, so a
// run that parses none never pays for them.
const babelParser = lazyRequire<typeof import('@babel/parser')>('@babel/parser');
const jscodeshiftApi = lazyRequire<JSCodeshift>('jscodeshift');

function toolkitFor(path: string): Toolkit {
  const syntax = syntaxOf(path);
  let toolkit = toolkits.get(syntax);
  if (!toolkit) {
    const babel = babelParser();
    const options = babelOptions(syntax);
    const parser: Parser = { parse: (source: string) => babel.parse(source, options) as unknown as ASTNode };
    toolkit = { parser, j: jscodeshiftApi().withParser(parser) };
    toolkits.set(syntax, toolkit);
  }
  return toolkit;
}

/** The parser object jscodeshift expects (`parse(source)`), bound to a file's extension. */
export function parserFor(path: string): Parser {
  return toolkitFor(path).parser;
}

function parse(text: string, path: string): JsParsed {
  const { parser, j } = toolkitFor(path);
  try {
    // The tree goes to jscodeshift as Babel built it: `j(text)` would parse through recast,
    // which recomputes start/end from its own line model (tabs expanded, CRLF counted once),
    // and every offset here must index the original text.
    return { j, root: j(parser.parse(text) as unknown as ASTNode) };
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    const message = (err as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new SourceError(message, loc?.line ?? null, loc ? loc.column + 1 : null);
  }
}

/** One walk of a parsed tree: every path in visit order, the root first. */
interface TreeIndex {
  paths: readonly ASTPath<any>[];
  /** Per node, the end of its subtree in `paths`: its descendants are the paths just after it, up to there. */
  ends: Map<unknown, { at: number; end: number }>;
  byType: Map<string, readonly ASTPath<any>[]>;
}

const indexes = new WeakMap<JsParsed, TreeIndex>();

/** Each node type with its supertypes, for matching the way an ast-types visitor does. */
const typeNames = new Map<string, ReadonlySet<string>>();

function isOfType(j: JSCodeshift, nodeType: string, wanted: string): boolean {
  let names = typeNames.get(nodeType);
  if (!names) {
    let supertypes: string[] = [];
    try {
      supertypes = j.types.getSupertypeNames(nodeType);
    } catch {
      // a type ast-types does not define has no supertypes to match
    }
    names = new Set([nodeType, ...supertypes]);
    typeNames.set(nodeType, names);
  }
  return names.has(wanted);
}

/** Where the visitor records the walk in progress; walks never nest. */
let walked: Omit<TreeIndex, 'byType'> = { paths: [], ends: new Map() };

/**
 * One visitor, built once: building one (its method and supertype tables) costs more
 * than walking a small file, and ast-types resets a visitor at each `visit`.
 */
const collectAll = lazy(() => jscodeshiftApi().types.PathVisitor.fromMethodsObject({
  visitNode(path: ASTPath<any>) {
    const paths = walked.paths as ASTPath<any>[];
    const at = paths.length;
    paths.push(path);
    this.traverse(path);
    walked.ends.set(path.node, { at, end: paths.length });
  },
}));

function treeIndex(parsed: JsParsed): TreeIndex {
  let index = indexes.get(parsed);
  if (!index) {
    walked = { paths: [], ends: new Map() };
    collectAll().visit(parsed.root.get());
    index = { ...walked, byType: new Map() };
    walked = { paths: [], ends: new Map() };
    indexes.set(parsed, index);
  }
  return index;
}

/** The paths inside `node` (not `node` itself), in visit order; none for a node not in the tree. */
function descendants(index: TreeIndex, node: unknown): readonly ASTPath<any>[] {
  const span = index.ends.get(node);
  return span ? index.paths.slice(span.at + 1, span.end) : [];
}

function ofType(parsed: JsParsed, paths: readonly ASTPath<any>[], type: string): readonly ASTPath<any>[] {
  return type === 'Node' ? paths : paths.filter((p) => isOfType(parsed.j, p.node.type, type));
}

/**
 * `root.find(j[type]).paths()` without a walk of its own: the paths below the root whose
 * node is of `type` or a subtype of it, in visit order. One walk per parse serves the
 * adapter and every transform; each `find` would walk the whole tree again, plus build a
 * visitor, which costs about as much on a small file.
 */
export function pathsOfType(parsed: JsParsed, type: string): readonly ASTPath<any>[] {
  const index = treeIndex(parsed);
  let paths = index.byType.get(type);
  if (!paths) {
    paths = ofType(parsed, index.paths.slice(1), type);
    index.byType.set(type, paths);
  }
  return paths;
}

/**
 * `j(node).find(j[type]).paths()` without a walk or a visitor of its own: the paths of
 * `type` inside `node` (not `node` itself), in visit order; none for a node that is not
 * in the parsed tree. Their parents run up to the file's root rather than stopping at `node`.
 */
export function pathsWithin(parsed: JsParsed, node: AstNode, type: string): readonly ASTPath<any>[] {
  return ofType(parsed, descendants(treeIndex(parsed), node), type);
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

/** TypeScript and parenthesis wrappers that leave a value as it is: `x as const`, `x satisfies T`, `x!`, `(x)`. */
export const VALUE_WRAPPERS: ReadonlySet<string> = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression']);

/** The expression inside any VALUE_WRAPPERS. */
export function unwrapValue(node: AstNode | null | undefined): AstNode | null | undefined {
  let current = node;
  while (current && VALUE_WRAPPERS.has(current.type)) current = current.expression;
  return current;
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
/** Methods whose first argument is a key into a table (`PRICES.get('gpt-5.4')`). */
const LOOKUP_METHODS = new Set(['get', 'delete']);
/** Wrappers a model value passes through on its way to a name: `x ?? 'gpt-5.4'`, `'gpt-5.4' as const`. */
const TRANSPARENT = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression', 'JSXExpressionContainer']);
/** Settings objects inside a request: Agents SDK modelSettings, Vercel providerOptions.openai, LangChain modelKwargs. */
const NESTED_SETTINGS = new Set(['modelSettings', 'providerOptions', 'openai', 'modelKwargs']);
/** Keys and JSX attributes that hold the model of the request they sit in. */
const MODEL_KEY = /^model(Name|Id)?$/;
/** Names of AI SDK providers and the factories that create them. */
const PROVIDER = /openai|azure|provider|gateway|registry/i;

/** State shared by the functions below while scanning one file. */
interface Scan {
  parsed: JsParsed;
  text: string;
  file: AstNode;
  /** Variables holding a provider a factory made: `const proxy = createOpenAI({...})`. */
  providers: Set<string>;
}

function isMember(node: AstNode | undefined): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/** The property a member expression reads (`a.b`, `a['b']`); null when it is computed at run time. */
function memberKey(member: AstNode): string | null {
  return member.computed ? literalString(member.property)?.value ?? null : nameOf(member.property);
}

function calleeMethod(call: AstNode): string | null {
  return isMember(call.callee) ? nameOf(call.callee.property) : null;
}

function providerNames(declarators: readonly ASTPath<any>[]): Set<string> {
  const names = new Set<string>();
  for (const p of declarators) {
    const { id, init } = p.node as AstNode;
    if (id.type === 'Identifier' && init?.type === 'CallExpression' && PROVIDER.test(nameOf(init.callee) ?? '')) names.add(id.name);
  }
  return names;
}

/** `openai('gpt-5.4')`, `openai.responses('gpt-5.4')`, `createOpenAI({...})('gpt-5.4')`: a provider call that names a model. */
function isModelFactory(call: AstNode, arg: AstNode, providers: ReadonlySet<string>): boolean {
  if (call.type !== 'CallExpression' || call.arguments[0] !== arg) return false;
  const callee = call.callee.type === 'CallExpression' ? call.callee.callee : call.callee;
  const name = nameOf(isMember(callee) ? callee.object : callee) ?? '';
  return PROVIDER.test(name) || providers.has(name) || /languageModel|chatModel|responses|chat/.test(calleeMethod(call) ?? '');
}

/** Wrappers and provider calls between a value and the place that names it. */
function isWrapper(parent: AstNode, node: AstNode, providers: ReadonlySet<string>): boolean {
  return TRANSPARENT.has(parent.type) || isModelFactory(parent, node, providers);
}

function outerValue(path: ASTPath<any>, providers: ReadonlySet<string>): ASTPath<any> {
  let p = path;
  while (p.parent && isWrapper(p.parent.node, p.node, providers)) p = p.parent;
  return p;
}

interface Entry {
  key: string;
  value: AstNode | null;
}

/** The keyed values of an object literal, or the attributes of a JSX element (its props object). */
function entries(node: AstNode | null | undefined): Entry[] {
  if (node?.type === 'ObjectExpression') {
    return node.properties.filter(isObjectProperty).map((p: AstNode) => ({ key: nameOf(p.key) ?? '', value: p.value }));
  }
  if (node?.type === 'JSXOpeningElement') {
    return node.attributes
      .filter((a: AstNode) => a.type === 'JSXAttribute')
      .map((a: AstNode) => ({ key: nameOf(a) ?? '', value: a.value?.type === 'JSXExpressionContainer' ? a.value.expression : a.value }));
  }
  return [];
}

function sourceText(node: AstNode, text: string): string {
  return literalString(node)?.value ?? text.slice(node.start ?? 0, node.end ?? 0);
}

export type RequestOrigin = GenericOrigin<AstNode>;

const origins = new RequestOrigins<AstNode>();

export function requestOrigin(facts: RequestFacts): RequestOrigin | undefined {
  return origins.get(facts);
}

const AGENT_CONFIGS = new Set(['Agent', 'Runner']);

function calleeText(call: AstNode, text: string): string {
  return text.slice(call.callee.start, call.callee.end).replace(/\s+|\?(?=\.)/g, '');
}

/** A raw HTTP body (`JSON.stringify({...})`): its keys say which API it is for. */
function bodyKind(request: AstNode): RequestKind | null {
  const keys = new Set(entries(request).map((e) => e.key));
  if (keys.has('messages')) return { api: 'chat-completions', client: null, compact: false };
  if (keys.has('input')) return { api: 'responses', client: null, compact: false };
  return null;
}

/**
 * The API and client of a request object, from the call it is the first argument of
 * (`client.responses.create(…)`, `new Agent(…)`, `Agent.create(…)`, `JSON.stringify(…)`);
 * null when the call does not show it (Vercel AI SDK, LangChain, a stored object).
 */
export function requestKind(request: AstNode, owner: AstNode | null, text: string): RequestKind | null {
  if (request.type !== 'ObjectExpression' || !owner || owner.arguments?.[0] !== request) return null;
  const callee = owner.callee as AstNode;
  const agents = isMember(callee) ? nameOf(callee.object) === 'Agent' && nameOf(callee.property) === 'create' : AGENT_CONFIGS.has(nameOf(callee) ?? '');
  if (agents) return { api: 'agents', client: 'agents', compact: false };
  const path = calleeText(owner, text);
  const responses = RESPONSES_CALL.exec(path);
  if (responses) return { api: 'responses', client: 'openai', compact: responses[1] === 'compact' };
  if (CHAT_COMPLETIONS_CALL.test(path)) return { api: 'chat-completions', client: 'openai', compact: false };
  return path === 'JSON.stringify' ? bodyKind(request) : null;
}

/** Where each API takes a setting, in openai-node and Agents SDK JS spelling. */
const SETTING_PATHS: Record<RequestApi, Record<RequestSetting, string[]>> = {
  responses: { effort: ['reasoning', 'effort'], retention: ['prompt_cache_retention'] },
  'chat-completions': { effort: ['reasoning_effort'], retention: ['prompt_cache_retention'] },
  agents: { effort: ['modelSettings', 'reasoning', 'effort'], retention: ['modelSettings', 'promptCacheRetention'] },
};

/** How the request writes strings, keys and one-line objects, for the text an insertion adds. */
interface JsStyle {
  quote: string;
  quoteKeys: boolean;
  /** Space inside the braces of a one-line object: `{ a: 1 }` or `{a: 1}`. */
  pad: string;
}

function firstQuote(node: AstNode | null | undefined, text: string): string | null {
  for (const { value } of entries(node)) {
    if (value?.type === 'StringLiteral' || value?.type === 'Literal') return text[value.start!] ?? null;
    const inner = value?.type === 'ObjectExpression' ? firstQuote(value, text) : null;
    if (inner) return inner;
  }
  return null;
}

function jsStyle(request: AstNode, text: string): JsStyle {
  const source = text.slice(request.start!, request.end!);
  const first = (request.properties as AstNode[]).find(isObjectProperty);
  return {
    quote: firstQuote(request, text) ?? '"',
    quoteKeys: first?.key.type === 'StringLiteral',
    pad: /(?<!\$)\{([ \t]*)[^\s}]/.exec(source)?.[1] === '' ? '' : ' ',
  };
}

/**
 * The insertion that sets a request setting (effort, cache retention) to `value` in the
 * request's API spelling, creating the objects on the way (`modelSettings`, `reasoning`)
 * that are missing. Null when the setting is there already, or when a level on the way is
 * not an object literal or spreads another object in (whose keys a new one would override).
 */
export function addRequestSetting(request: AstNode, kind: RequestKind, setting: RequestSetting, value: string, text: string): Edit | null {
  const path = SETTING_PATHS[kind.api][setting];
  let object = request;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const property = (object.properties as AstNode[]).find((p) => isObjectProperty(p) && !p.computed && nameOf(p.key) === path[depth]);
    if (!property) break;
    if (depth === path.length - 1 || property.value?.type !== 'ObjectExpression') return null;
    object = property.value;
  }
  const properties = object.properties as AstNode[];
  if (properties.some((p) => p.type === 'SpreadElement')) return null;
  const style = jsStyle(request, text);
  const key = (name: string): string => (style.quoteKeys ? `${style.quote}${name}${style.quote}` : name);
  const keys = path.slice(depth);
  let item = `${key(keys[keys.length - 1]!)}: ${style.quote}${value}${style.quote}`;
  for (let i = keys.length - 2; i >= 0; i--) item = `${key(keys[i]!)}: {${style.pad}${item}${style.pad}}`;
  const items = properties.map((p) => ({ start: p.start!, end: p.end! }));
  return appendItem(text, { open: object.start! + 1, close: object.end! - 1, items }, item, '//');
}

/**
 * Reads sampling parameters, reasoning effort and cache retention, in every SDK spelling,
 * off a request object or JSX element. `owner` is the call the object is passed to, which
 * tells its API (for the effort insertion).
 */
export function requestFacts(request: AstNode, text: string, owner: AstNode | null = null): RequestFacts {
  const sampling = new Set<string>();
  let effort: string | undefined;
  let retention: string | undefined;
  const scan = (node: AstNode | null): void => {
    for (const { key, value } of entries(node)) {
      const param = SAMPLING_PARAMETERS.get(key);
      if (param) sampling.add(param);
      if (!value) continue;
      if (key === 'reasoning_effort' || key === 'reasoningEffort') effort = sourceText(value, text);
      const nested = key === 'reasoning' ? entries(value).find((e) => e.key === 'effort')?.value : null;
      if (nested) effort = sourceText(nested, text);
      if (RETENTION_KEYS.has(key)) retention = sourceText(value, text);
      if (NESTED_SETTINGS.has(key)) scan(value);
    }
  };
  scan(request);
  const kind = requestKind(request, owner, text);
  const facts: RequestFacts = { sampling: [...sampling] };
  const addEffort = effort === undefined && kind ? addRequestSetting(request, kind, 'effort', 'none', text) : null;
  if (effort !== undefined) facts.effort = effort;
  if (addEffort) facts.addEffort = addEffort;
  if (retention !== undefined) facts.retention = retention;
  origins.set(facts, { node: request, kind });
  return facts;
}

/** A stored request spread into another (`{...defaults, temperature: 0.2}`): the outer object's settings win. */
function spreadFacts(outer: RequestFacts, base: RequestFacts): RequestFacts {
  const facts: RequestFacts = { sampling: [...new Set([...base.sampling, ...outer.sampling])] };
  const effort = outer.effort ?? base.effort;
  const retention = outer.retention ?? base.retention;
  if (effort !== undefined) facts.effort = effort;
  else if (outer.addEffort) facts.addEffort = outer.addEffort;
  if (retention !== undefined) facts.retention = retention;
  const origin = origins.get(outer);
  if (origin) origins.set(facts, origin);
  return facts;
}

/** The call or `new` expression `path`'s node is the first argument of. */
function ownerOf(path: ASTPath<any>): AstNode | null {
  const parent = path.parent?.node as AstNode | undefined;
  return parent && /^(New|Call|OptionalCall)Expression$/.test(parent.type) && parent.arguments[0] === path.node ? parent : null;
}

function factsAt(request: ASTPath<any>, text: string): RequestFacts {
  return requestFacts(request.node as AstNode, text, ownerOf(request));
}

/** The request (object literal or JSX element) whose model is the value at `valuePath`. */
function requestOf(valuePath: ASTPath<any>): ASTPath<any> | null {
  const parent = valuePath.parent?.node as AstNode | undefined;
  if (!parent || parent.value !== valuePath.node) return null;
  const key = isObjectProperty(parent) ? nameOf(parent.key) : parent.type === 'JSXAttribute' ? nameOf(parent) : null;
  return key !== null && MODEL_KEY.test(key) ? (valuePath.parent.parent as ASTPath<any>) : null;
}

function enclosingScope(path: ASTPath<any>): AstNode {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (/Function|Program|ClassMethod|ObjectMethod/.test(p.node.type)) return p.node;
  }
  return path.node;
}

type Refs = () => ASTPath<any>[];

/** Reads of the variable `name` in `scope` (not property names or keys that happen to match). */
function variableRefs(scan: Scan, scope: AstNode, name: string): Refs {
  return () => pathsWithin(scan.parsed, scope, 'Identifier').filter((p) => {
    if (p.node.name !== name) return false;
    const parent = p.parent?.node as AstNode | undefined;
    return p.name !== 'key' && !(p.name === 'property' && isMember(parent) && !parent?.computed);
  });
}

/** Reads of a class field: `this.name` inside the class, `Class.name` anywhere when static. */
function fieldRefs(scan: Scan, at: ASTPath<any>, name: string, isStatic: boolean): Refs {
  let body: ASTPath<any> | null = at;
  while (body && body.node.type !== 'ClassBody') body = body.parent;
  if (!body) return () => [];
  const className = nameOf(body.parent?.node.id);
  const owner = (o: AstNode): boolean => o.type === 'ThisExpression' || (isStatic && o.type === 'Identifier' && o.name === className);
  const scope = isStatic ? scan.file : body.node;
  return () => pathsWithin(scan.parsed, scope, 'MemberExpression')
    .filter((p) => owner(p.node.object) && memberKey(p.node) === name);
}

/** A name the value is stored under, and how to find the expressions that read it back. */
interface Store {
  name: string;
  refs: Refs | null;
}

function variableStore(target: AstNode, at: ASTPath<any>, scan: Scan): Store | null {
  const name = nameOf(target);
  if (!name) return null;
  return { name, refs: target.type === 'Identifier' ? variableRefs(scan, enclosingScope(at), name) : null };
}

function fieldStore(key: AstNode, at: ASTPath<any>, scan: Scan, isStatic = false): Store | null {
  const name = nameOf(key);
  return name ? { name, refs: fieldRefs(scan, at, name, isStatic) } : null;
}

/** Where a value is stored under a name: declarations, assignments, defaults, class fields and parameter properties. */
function storeOf(path: ASTPath<any>, scan: Scan): Store | null {
  const node = path.node as AstNode;
  const holder = path.parent as ASTPath<any>;
  const parent = holder.node as AstNode;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node ? variableStore(parent.id, holder, scan) : null;
    case 'AssignmentPattern':
      if (parent.right !== node) return null;
      // `constructor(private model = 'gpt-5.4')` declares a field
      return holder.parent?.node.type === 'TSParameterProperty' ? fieldStore(parent.left, holder, scan) : variableStore(parent.left, holder, scan);
    case 'AssignmentExpression':
      if (parent.right !== node) return null;
      return isMember(parent.left) && parent.left.object.type === 'ThisExpression'
        ? fieldStore(parent.left.property, holder, scan)
        : variableStore(parent.left, holder, scan);
    case 'ClassProperty':
    case 'ClassPrivateProperty':
    case 'ClassAccessorProperty':
    case 'PropertyDefinition':
      return parent.value === node ? fieldStore(parent.key, holder, scan, parent.static === true) : null;
    default:
      return null;
  }
}

interface Walk {
  names: string[];
  /** The request that holds the literal as its model, when the literal sits right in one. */
  request: ASTPath<any> | null;
  /** Property keys from the stored value down to the literal; null once an array or a computed key breaks the chain. */
  keys: string[] | null;
  /** Reads of the stored value, whose uses may be requests elsewhere. */
  refs: Refs | null;
}

/** Walks from a literal up through wrappers, objects and arrays, collecting names, its request and its store. */
function walkUp(start: ASTPath<any>, scan: Scan): Walk {
  const walk: Walk = { names: [], request: null, keys: [], refs: null };
  const near = (depth: number): boolean => walk.request === null && depth <= 2;
  let path: ASTPath<any> = start;
  for (let depth = 0; depth < 8 && path.parent; depth++) {
    const node = path.node as AstNode;
    const parent = path.parent.node as AstNode;
    if (isWrapper(parent, node, scan.providers) || parent.type === 'ArrayExpression') {
      if (parent.type === 'ArrayExpression') walk.keys = null;
      path = path.parent;
      continue;
    }
    if (isObjectProperty(parent) && parent.value === node) {
      const key = nameOf(parent.key);
      if (key) walk.names.push(key);
      walk.keys = key && !parent.computed && walk.keys ? [key, ...walk.keys] : null;
      if (near(depth)) walk.request = requestOf(path);
      path = path.parent.parent; // the object literal
      continue;
    }
    if (parent.type === 'JSXAttribute') {
      const attribute = nameOf(parent);
      if (attribute) walk.names.push(attribute);
      if (near(depth)) walk.request = requestOf(path);
      break;
    }
    if (parent.type === 'TSEnumMember' && parent.initializer === node) {
      // `Model.Default` reads it back, like a property of a constant object
      const enumName = nameOf(path.parent.parent.node.id);
      const member = nameOf(parent.id);
      walk.names.push(...[member, enumName].filter((n): n is string => n !== null));
      walk.keys = member && walk.keys ? [member, ...walk.keys] : null;
      walk.refs = enumName ? variableRefs(scan, scan.file, enumName) : null;
      break;
    }
    const store = storeOf(path, scan);
    if (store) {
      walk.names.push(store.name);
      walk.refs = store.refs;
    }
    break;
  }
  return walk;
}

/** Follows `.k1.k2` from a read of the stored value; null when the expression reads something else. */
function follow(ref: ASTPath<any>, keys: readonly string[]): ASTPath<any> | null {
  let path = ref;
  for (const key of keys) {
    const parent = path.parent?.node as AstNode | undefined;
    if (!parent || !isMember(parent) || parent.object !== path.node || memberKey(parent) !== key) return null;
    path = path.parent;
  }
  return path;
}

/**
 * The requests a literal is the model of: the one it sits in, the objects that spread that
 * one in, and every request that reads it back through its variable, constant object, enum
 * or class field.
 */
function requestsOf(walk: Walk, scan: Scan): RequestFacts[] {
  const reads = (keys: readonly string[] | null): ASTPath<any>[] =>
    keys && walk.refs ? walk.refs().map((r) => follow(r, keys)).filter((p): p is ASTPath<any> => p !== null) : [];
  const uses = reads(walk.keys)
    .map((p) => requestOf(outerValue(p, scan.providers)))
    .filter((r): r is ASTPath<any> => r !== null)
    .map((r) => factsAt(r, scan.text));
  if (!walk.request) return uses;
  const own = factsAt(walk.request, scan.text);
  const spreads = reads(walk.keys?.slice(0, -1) ?? null)
    .filter((p) => p.parent?.node.type === 'SpreadElement' && p.parent.parent?.node.type === 'ObjectExpression')
    .map((p) => spreadFacts(factsAt(p.parent.parent, scan.text), own));
  return [own, ...spreads, ...uses];
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
    const method = calleeMethod(parent) ?? '';
    // A lookup key must match the table's keys, which are not sites: changing one side breaks it.
    if (LOOKUP_METHODS.has(method)) return parent.arguments[0] === node;
    if (!COMPARE_METHODS.has(method)) return false;
    return parent.arguments.includes(node) || parent.callee.object === node;
  }
  if (isMember(parent) && parent.computed && parent.property === node) return true; // PRICES['gpt-5.4']
  if (isMember(parent) && parent.object === node) {
    const call = parentPath!.parent?.node as AstNode | undefined;
    return COMPARE_METHODS.has(nameOf(parent.property) ?? '') && call?.type === 'CallExpression';
  }
  return false;
}

function inType(path: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    const type = p.node.type as string;
    if (type === 'TSLiteralType' || (type.startsWith('TSType') && type !== 'TSTypeAssertion') || type === 'TSUnionType' || type === 'TSTypeAnnotation') return true;
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

/** The key of a table entry: `new Map([['gpt-5.4', …]])`, `Object.fromEntries(…)`, `prices.set('gpt-5.4', …)`. */
function isEntryKey(path: ASTPath<any>): boolean {
  const parent = path.parent.node as AstNode;
  if (parent.type === 'CallExpression') return calleeMethod(parent) === 'set' && parent.arguments[0] === path.node;
  if (parent.type !== 'ArrayExpression' || parent.elements.length !== 2 || parent.elements[0] !== path.node) return false;
  const list = path.parent.parent?.node as AstNode | undefined;
  const table = path.parent.parent?.parent?.node as AstNode | undefined;
  if (list?.type !== 'ArrayExpression' || !table) return false;
  return (table.type === 'NewExpression' && nameOf(table.callee) === 'Map') ||
    (table.type === 'CallExpression' && calleeMethod(table) === 'fromEntries');
}

function isNonValuePosition(path: ASTPath<any>): boolean {
  const parent = path.parent?.node as AstNode | undefined;
  if (!parent) return true;
  // Keys of objects, classes, interfaces and maps (computed or not) and enum member names
  // are table entries, not values; the lookups into them are reported as compared.
  if (path.name === 'key' || (parent.type === 'TSEnumMember' && parent.id === path.node) || isEntryKey(path)) return true;
  if (/^(Import|Export)/.test(parent.type) || parent.type === 'Directive' || parent.type === 'TSExternalModuleReference') return true;
  return false;
}

const LITERAL_TYPES = new Set(['StringLiteral', 'TemplateLiteral']);

function findStrings(parsed: JsParsed, text: string): StringValue[] {
  const literals = pathsOfType(parsed, 'Node').filter((p) => LITERAL_TYPES.has(p.node.type));
  const declarators = pathsOfType(parsed, 'VariableDeclarator');
  const scan: Scan = { parsed, text, file: parsed.root.get().node as AstNode, providers: providerNames(declarators) };
  const out: StringValue[] = [];
  for (const path of literals) {
    const literal = literalString(path.node as AstNode);
    if (!literal || !isModelLike(literal.value) || isNonValuePosition(path)) continue;
    if (text.slice(literal.start, literal.end) !== literal.value) continue; // escaped: not a plain slug
    const walk = walkUp(path, scan);
    const context: StringContext = {
      compared: isCompared(path),
      inType: inType(path),
      collectionModels: collectionModels(path),
      names: walk.names,
      requests: requestsOf(walk, scan),
    };
    out.push({ ...literal, context });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Every transform with a JS handler asks for the strings of the same parse; they are read
 * once, and the transforms share the values (which they only read).
 */
const stringsByParse = new WeakMap<JsParsed, { text: string; values: StringValue[] }>();

function strings(parsed: JsParsed, text: string): StringValue[] {
  let found = stringsByParse.get(parsed);
  if (found?.text !== text) {
    found = { text, values: findStrings(parsed, text) };
    stringsByParse.set(parsed, found);
  }
  return [...found.values];
}

export const javascript: LanguageAdapter<JsParsed> = {
  id: 'js',
  files: /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/,
  extensions: ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'],
  parse,
  strings,
};
