/**
 * The JS/TS strings that may be model sites, each with its syntax context: compared or
 * typed, listed beside other models, the names it is stored under and the requests that
 * use it (where it sits, or read back through a variable, constant object, enum or field).
 */
import type { ASTPath } from 'jscodeshift';
import { isModelLike } from '../../policy/slug.js';
import type { RequestFacts, StringContext, StringValue } from '../../types.js';
import { type AstNode, calleeMethod, isMember, isObjectProperty, literalString, memberKey, nameOf } from './nodes.js';
import { factsAt, requestOf, spreadFacts } from './requests.js';
import { enclosingScope, variableReads } from './scope.js';
import { fileNode, type JsParsed, pathsOfType, pathsWithin } from './tree.js';

const COMPARE_OPERATORS = new Set(['==', '===', '!=', '!==', 'in']);
const COMPARE_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'match', 'matchAll', 'indexOf', 'has', 'test', 'localeCompare', 'search']);
/** Methods whose first argument is a key into a table (`PRICES.get('gpt-5.4')`). */
const LOOKUP_METHODS = new Set(['get', 'delete']);
/** Wrappers a model value passes through on its way to a name: `x ?? 'gpt-5.4'`, `'gpt-5.4' as const`. */
const TRANSPARENT = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression', 'JSXExpressionContainer']);
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

type Refs = () => ASTPath<any>[];

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
  return { name, refs: target.type === 'Identifier' ? () => variableReads(scan.parsed, enclosingScope(at), name) : null };
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
      walk.refs = enumName ? () => variableReads(scan.parsed, scan.file, enumName) : null;
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
  const scan: Scan = { parsed, text, file: fileNode(parsed), providers: providerNames(declarators) };
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

export function strings(parsed: JsParsed, text: string): StringValue[] {
  let found = stringsByParse.get(parsed);
  if (found?.text !== text) {
    found = { text, values: findStrings(parsed, text) };
    stringsByParse.set(parsed, found);
  }
  return [...found.values];
}
