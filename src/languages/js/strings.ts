/**
 * The JS/TS strings that may be model sites, each with its syntax context: compared or
 * typed, listed beside other models, the names it is stored under and the requests that
 * use it (where it sits, or read back through a variable, constant object, enum or field).
 */
import { describesModel } from '../../policy/context.js';
import { isModelLike } from '../../policy/slug.js';
import type { RequestFacts, StringContext, StringValue } from '../../types.js';
import { type ModuleReader, NO_MODULES } from '../types.js';
import {
  calleeMethod,
  isMember,
  isObjectProperty,
  isType,
  type JsNode,
  type JsPath,
  literalString,
  memberKey,
  nameOf,
  type NodeOf,
  parentNode,
  parentOf,
  TRANSPARENT,
} from './nodes.js';
import { couplings, isTestTitle, optionsArgument } from './couplings.js';
import { isCompared, matchedAs } from './matched.js';
import { factsAt, requestOf, spreadFacts } from './requests.js';
import { enclosingScope, variableReads } from './scope.js';
import { fileNode, type JsParsed, membersWithin, pathsOfType, pathsOfTypes } from './tree.js';

/** Names of AI SDK providers and the factories that create them. */
const PROVIDER = /openai|azure|provider|gateway|registry/i;

/** State shared by the functions below while scanning one file. */
interface Scan {
  parsed: JsParsed;
  text: string;
  file: JsNode;
  /** Variables holding a provider a factory made: `const proxy = createOpenAI({...})`. */
  providers: Set<string>;
}

function providerNames(declarators: readonly JsPath<NodeOf<'VariableDeclarator'>>[]): Set<string> {
  const names = new Set<string>();
  for (const p of declarators) {
    const { id, init } = p.node;
    if (isType(id, 'Identifier') && isType(init, 'CallExpression') && PROVIDER.test(nameOf(init.callee) ?? '')) names.add(id.name);
  }
  return names;
}

/** `openai('gpt-5.4')`, `openai.responses('gpt-5.4')`, `createOpenAI({...})('gpt-5.4')`: a provider call that names a model. */
function isModelFactory(call: JsNode, arg: JsNode, providers: ReadonlySet<string>): boolean {
  if (!isType(call, 'CallExpression') || call.arguments[0] !== arg) return false;
  const callee = isType(call.callee, 'CallExpression') ? call.callee.callee : call.callee;
  const name = nameOf(isMember(callee) ? callee.object : callee) ?? '';
  return PROVIDER.test(name) || providers.has(name) || /languageModel|chatModel|responses|chat/.test(calleeMethod(call) ?? '');
}

/** Wrappers and provider calls between a value and the place that names it. */
function isWrapper(parent: JsNode, node: JsNode, providers: ReadonlySet<string>): boolean {
  return TRANSPARENT.has(parent.type) || isModelFactory(parent, node, providers);
}

function outerValue(path: JsPath, providers: ReadonlySet<string>): JsPath {
  let p = path;
  for (let parent = parentOf(p); parent && isWrapper(parent.node, p.node, providers); parent = parentOf(p)) p = parent;
  return p;
}

type Refs = () => JsPath[];

/** Reads of a class field: `this.name` inside the class, `Class.name` anywhere when static. */
function fieldRefs(scan: Scan, at: JsPath, name: string, isStatic: boolean): Refs {
  let body: JsPath | null = at;
  while (body && body.node.type !== 'ClassBody') body = parentOf(body);
  if (!body) return () => [];
  const className = nameOf((parentNode(body) as { id?: unknown } | undefined)?.id);
  const owner = (o: JsNode): boolean => o.type === 'ThisExpression' || (isStatic && isType(o, 'Identifier') && o.name === className);
  const scope = isStatic ? scan.file : body.node;
  return () => membersWithin(scan.parsed, scope, name).filter((p) => owner(p.node.object));
}

/** A name the value is stored under, and how to find the expressions that read it back. */
interface Store {
  name: string;
  refs: Refs | null;
}

function variableStore(target: JsNode, at: JsPath, scan: Scan): Store | null {
  const name = nameOf(target);
  if (!name) return null;
  return { name, refs: target.type === 'Identifier' ? () => variableReads(scan.parsed, enclosingScope(at), name) : null };
}

function fieldStore(key: JsNode, at: JsPath, scan: Scan, isStatic = false): Store | null {
  const name = nameOf(key);
  return name ? { name, refs: fieldRefs(scan, at, name, isStatic) } : null;
}

/** Class fields in Babel's and ESTree's spellings. */
type Field = NodeOf<'ClassProperty' | 'ClassPrivateProperty' | 'ClassAccessorProperty'>;

/** Where a value is stored under a name: declarations, assignments, defaults, class fields and parameter properties. */
function storeOf(path: JsPath, scan: Scan): Store | null {
  const node = path.node;
  const holder = parentOf(path)!;
  const parent = holder.node;
  if (isType(parent, 'VariableDeclarator')) return parent.init === node ? variableStore(parent.id, holder, scan) : null;
  if (isType(parent, 'AssignmentPattern')) {
    if (parent.right !== node) return null;
    // `constructor(private model = 'gpt-5.4')` declares a field
    return parentNode(holder)?.type === 'TSParameterProperty'
      ? fieldStore(parent.left, holder, scan)
      : variableStore(parent.left, holder, scan);
  }
  if (isType(parent, 'AssignmentExpression')) {
    if (parent.right !== node) return null;
    const left = parent.left;
    return isMember(left) && left.object.type === 'ThisExpression'
      ? fieldStore(left.property, holder, scan)
      : variableStore(left, holder, scan);
  }
  if (
    isType(parent, 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty') ||
    (parent.type as string) === 'PropertyDefinition'
  ) {
    const field = parent as Field;
    return field.value === node ? fieldStore(field.key, holder, scan, field.static === true) : null;
  }
  return null;
}

interface Walk {
  names: string[];
  /** The request that holds the literal as its model, when the literal sits right in one. */
  request: JsPath | null;
  /** Property keys from the stored value down to the literal; null once an array or a computed key breaks the chain. */
  keys: string[] | null;
  /** Reads of the stored value, whose uses may be requests elsewhere. */
  refs: Refs | null;
}

/** Walks from a literal up through wrappers, objects and arrays, collecting names, its request and its store. */
function walkUp(start: JsPath, scan: Scan): Walk {
  const walk: Walk = { names: [], request: null, keys: [], refs: null };
  const near = (depth: number): boolean => walk.request === null && depth <= 2;
  let path = start;
  for (let depth = 0; depth < 8 && path.parent; depth++) {
    const node = path.node;
    const holder = parentOf(path)!;
    const parent = holder.node;
    if (isWrapper(parent, node, scan.providers) || parent.type === 'ArrayExpression') {
      if (parent.type === 'ArrayExpression') walk.keys = null;
      path = holder;
      continue;
    }
    if (isObjectProperty(parent) && parent.value === node) {
      const key = nameOf(parent.key);
      if (key) walk.names.push(key);
      walk.keys = key && !parent.computed && walk.keys ? [key, ...walk.keys] : null;
      if (near(depth)) walk.request = requestOf(path);
      path = parentOf(holder)!; // the object literal
      continue;
    }
    if (isType(parent, 'JSXAttribute')) {
      const attribute = nameOf(parent);
      if (attribute) walk.names.push(attribute);
      if (near(depth)) walk.request = requestOf(path);
      break;
    }
    if (isType(parent, 'TSEnumMember') && parent.initializer === node) {
      // `Model.Default` reads it back, like a property of a constant object
      const enumName = nameOf((parentNode(holder) as { id?: unknown } | undefined)?.id);
      const member = nameOf(parent.id);
      walk.names.push(...[member, enumName].filter((n): n is string => n !== null));
      walk.keys = member && walk.keys ? [member, ...walk.keys] : null;
      walk.refs = enumName ? () => variableReads(scan.parsed, scan.file, enumName) : null;
      break;
    }
    const options = near(depth) ? optionsArgument(holder, node) : null;
    if (options) walk.request = options;
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
function follow(ref: JsPath, keys: readonly string[]): JsPath | null {
  let path = ref;
  for (const key of keys) {
    const holder = parentOf(path);
    const parent = holder?.node;
    if (!holder || !isMember(parent) || parent.object !== path.node || memberKey(parent) !== key) return null;
    path = holder;
  }
  return path;
}

/**
 * The requests a literal is the model of: the one it sits in, the objects that spread that
 * one in, and every request that reads it back through its variable, constant object, enum
 * or class field.
 */
function requestsOf(walk: Walk, scan: Scan): RequestFacts[] {
  const reads = (keys: readonly string[] | null): JsPath[] =>
    keys && walk.refs
      ? walk
          .refs()
          .map((r) => follow(r, keys))
          .filter((p): p is JsPath => p !== null)
      : [];
  const uses = reads(walk.keys)
    .map((p) => requestOf(outerValue(p, scan.providers)))
    .filter((r): r is JsPath => r !== null)
    .map((r) => factsAt(r, scan.text));
  if (!walk.request) return uses;
  const own = factsAt(walk.request, scan.text);
  const spreadIn = (p: JsPath): JsPath | null => {
    const spread = parentOf(p);
    const object = spread && parentOf(spread);
    return spread?.node.type === 'SpreadElement' && object?.node.type === 'ObjectExpression' ? object : null;
  };
  const spreads = reads(walk.keys?.slice(0, -1) ?? null)
    .map(spreadIn)
    .filter((o): o is JsPath => o !== null)
    .map((o) => spreadFacts(factsAt(o, scan.text), own));
  return [own, ...spreads, ...uses];
}

function inType(path: JsPath): boolean {
  for (let p = parentOf(path); p; p = parentOf(p)) {
    const type: string = p.node.type;
    if (
      type === 'TSLiteralType' ||
      (type.startsWith('TSType') && type !== 'TSTypeAssertion') ||
      type === 'TSUnionType' ||
      type === 'TSTypeAnnotation'
    )
      return true;
    if (!type.startsWith('TS')) return false;
  }
  return false;
}

function collectionModels(path: JsPath): number {
  let p = parentOf(path);
  while (p && TRANSPARENT.has(p.node.type)) p = parentOf(p);
  if (!p || !isType(p.node, 'ArrayExpression')) return 0;
  return p.node.elements.filter((el) => {
    const s = literalString(el);
    return s !== null && isModelLike(s.value);
  }).length;
}

/** The keys of an object literal. */
function objectKeys(object: JsNode): string[] {
  if (!isType(object, 'ObjectExpression')) return [];
  return object.properties.map((p) => (isObjectProperty(p) ? nameOf(p.key) : null)).filter((k): k is string => k !== null);
}

/** A property value of an object that describes a model (`{title, params: {model}}`, `{id, name}`), or of a map keyed by models (aliases). */
function inCatalogEntry(path: JsPath): boolean {
  const property = parentOf(path);
  if (!property || !isObjectProperty(property.node) || property.node.value !== path.node) return false;
  if (isModelLike(nameOf(property.node.key) ?? '')) return true;
  const object = parentOf(property);
  if (!object) return false;
  const outer = parentOf(object);
  const around = outer && isObjectProperty(outer.node) ? parentNode(outer) : undefined;
  return describesModel(nameOf(property.node.key), [...objectKeys(object.node), ...(around ? objectKeys(around) : [])]);
}

/** The key of a table entry: `new Map([['gpt-5.4', …]])`, `Object.fromEntries(…)`, `prices.set('gpt-5.4', …)`. */
function isEntryKey(path: JsPath): boolean {
  const holder = parentOf(path)!;
  const parent = holder.node;
  if (isType(parent, 'CallExpression')) return calleeMethod(parent) === 'set' && parent.arguments[0] === path.node;
  if (!isType(parent, 'ArrayExpression') || parent.elements.length !== 2 || parent.elements[0] !== path.node) return false;
  const listPath = parentOf(holder);
  const table = listPath ? parentNode(listPath) : undefined;
  if (listPath?.node.type !== 'ArrayExpression' || !table) return false;
  return (
    (isType(table, 'NewExpression') && nameOf(table.callee) === 'Map') ||
    (isType(table, 'CallExpression') && calleeMethod(table) === 'fromEntries')
  );
}

function isNonValuePosition(path: JsPath): boolean {
  const parent = parentNode(path);
  if (!parent) return true;
  // Keys of objects, classes, interfaces and maps (computed or not) and enum member names
  // are table entries, not values; the lookups into them are reported as compared.
  if (path.name === 'key' || (isType(parent, 'TSEnumMember') && parent.id === path.node) || isEntryKey(path) || isTestTitle(path))
    return true;
  return /^(Import|Export)/.test(parent.type) || parent.type === 'Directive' || parent.type === 'TSExternalModuleReference';
}

const LITERAL_TYPES = new Set(['StringLiteral', 'TemplateLiteral']);

function findStrings(parsed: JsParsed, text: string, modules: ModuleReader): StringValue[] {
  const literals = pathsOfTypes(parsed, LITERAL_TYPES);
  const declarators = pathsOfType(parsed, 'VariableDeclarator');
  const scan: Scan = { parsed, text, file: fileNode(parsed), providers: providerNames(declarators) };
  const out: StringValue[] = [];
  for (const path of literals) {
    const literal = literalString(path.node);
    if (!literal || !isModelLike(literal.value) || isNonValuePosition(path)) continue;
    if (text.slice(literal.start, literal.end) !== literal.value) continue; // escaped: not a plain slug
    const walk = walkUp(path, scan);
    const context: StringContext = {
      compared: isCompared(path),
      matched: matchedAs(path),
      inType: inType(path),
      collectionModels: collectionModels(path),
      names: walk.names,
      requests: requestsOf(walk, scan),
      catalogEntry: inCatalogEntry(path),
      ...couplings(path, { parsed, text, modules }, literal.value),
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

export function strings(parsed: JsParsed, text: string, modules: ModuleReader = NO_MODULES): StringValue[] {
  let found = stringsByParse.get(parsed);
  if (found?.text !== text) {
    found = { text, values: findStrings(parsed, text, modules) };
    stringsByParse.set(parsed, found);
  }
  return [...found.values];
}
