/**
 * phase-replay in JS/TS: where a message's content comes from. Follows variables, loop
 * targets, callbacks and helper calls within one file (ast-types scopes resolve names);
 * each binding is traced once per file, and a binding met again while it is being traced
 * (a cycle) counts as not traced.
 */
import {
  childPath,
  isMember,
  isType,
  type JsNode,
  type JsPath,
  literalString,
  memberKey,
  nameOf,
  nodeText,
  type NodeOf,
  parentNode,
  parentOf,
  typeAnnotationOf,
} from '../../src/languages/js/nodes.js';
import { bindingOf, readsIn } from '../../src/languages/js/scope.js';
import { type JsParsed, pathsWithin } from '../../src/languages/js/tree.js';
import type { ReplayApi } from '../../src/policy/phase-replay.js';
import { ITEM_TYPES, type Source, traced } from './flow.js';

/**
 * The item whose phase a message should copy: code that reads it (a variable, with the
 * binding it must resolve to where the message is built, or an element expression such
 * as `response.output[0]`), or a destructuring parameter that must take `phase` too.
 */
export type Ref = { expr: string; binding: JsNode | null } | { pattern: NodeOf<'ObjectPattern'> };

export type Binding =
  | { kind: 'loop'; iter: JsPath }
  | { kind: 'var'; init: JsPath; destructured: boolean }
  | { kind: 'param'; fn: JsPath; index: number; param: JsNode; pattern: NodeOf<'ObjectPattern'> | null };

/** What the traces of one file look up again and again, gathered in one pass. */
export interface JsFile {
  text: string;
  /** The API the file's own calls point to (see fileApiOf). */
  api: () => ReplayApi;
  parsed: JsParsed;
  /** The paths of the nodes the file's index and its messages are made of, in source order (from the one walk of the tree). */
  nodes: readonly JsPath[];
  /** TypeScript: an added property must fit the declared types. */
  typed: boolean;
  /** Interfaces and type aliases declared in the file, by name. */
  types: Map<string, JsNode>;
  /** Local names of default / namespace imports of the openai package (`OpenAI`). */
  sdkNamespaces: Set<string>;
  /** Named imports from the openai package: local name to SDK name. */
  sdkNames: Map<string, string>;
  /** Every imported name, with the module it comes from. */
  imports: Map<string, string>;
  /** Bindings (their declaring identifiers) compared with `.type === "message"` somewhere. */
  narrowed: Set<JsNode>;
  /** Calls by callee name: `toMessage(item)`. */
  calls: Map<string, JsPath[]>;
  /** Iterations handed a named callback, by its name: `output.map(toMessage)`. */
  callbacks: Map<string, JsPath[]>;
  /** How each name is passed as `messages` / `input`. */
  passedAs: Map<string, ReplayApi[]>;
  items: Map<JsNode, Ref | null>;
  collections: Map<JsNode, boolean>;
}

/** Methods that hand a collection's elements to a callback. */
export const ITERATE_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every']);
/** Methods whose result holds (some of) the same elements. */
const COLLECTION_METHODS = new Set(['filter', 'slice', 'reverse', 'toReversed', 'toSorted', 'sort']);
/** Methods that return one element. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** A parameter annotated with one of these receives an output list. */
const LIST_TYPES = /\b(ResponseOutputItem|ResponseOutputMessage)\b\s*\[\]|Array<\s*(ResponseOutputItem|ResponseOutputMessage)\b/;

export const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);
const WRAPPERS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'ParenthesizedExpression',
  'AwaitExpression',
  'ChainExpression',
  'TypeCastExpression',
]);
const PATTERN_PARTS = new Set(['ObjectProperty', 'Property', 'ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'RestElement']);

/** The expression inside wrappers that leave it as it is, `await` included. */
export function unwrap(path: JsPath): JsPath {
  let p = path;
  while (WRAPPERS.has(p.node.type)) p = childPath(p, p.node.type === 'AwaitExpression' ? 'argument' : 'expression');
  return p;
}

/** `object.method(...)`: the method and the path of the object it is called on. */
export function methodCall(path: JsPath): { method: string; object: JsPath } | null {
  const node = path.node;
  if (!isType(node, 'CallExpression', 'OptionalCallExpression')) return null;
  const method = memberKey(node.callee);
  return method ? { method, object: unwrap(childPath(path, 'callee', 'object')) } : null;
}

/** The expression at `path` and every node inside it. */
function walk(file: JsFile, path: JsPath): JsPath[] {
  return [path, ...pathsWithin(file.parsed, path.node, 'Node')];
}

/** What binds a name: a for-of target, a variable, or a function parameter (maybe destructured). */
export function bindingKind(id: JsPath): Binding | null {
  let p = id;
  let pattern: NodeOf<'ObjectPattern'> | null = null;
  while (p.parent && PATTERN_PARTS.has(parentNode(p)!.type)) {
    p = parentOf(p)!;
    if (isType(p.node, 'ObjectPattern')) pattern = p.node;
  }
  const holder = parentOf(p);
  const parent = holder?.node;
  if (!holder || !parent) return null;
  if (isType(parent, 'VariableDeclarator') && parent.id === p.node) {
    const declaration = parentOf(holder);
    const loop = declaration && parentOf(declaration);
    if (loop && isType(loop.node, 'ForOfStatement') && loop.node.left === declaration.node)
      return { kind: 'loop', iter: childPath(loop, 'right') };
    return parent.init ? { kind: 'var', init: childPath(holder, 'init'), destructured: pattern !== null } : null;
  }
  if (FUNCTIONS.has(parent.type)) {
    const index = (parent as { params: unknown[] }).params.indexOf(p.node);
    if (index >= 0) return { kind: 'param', fn: holder, index, param: p.node, pattern };
  }
  return null;
}

/** A name for a function parameter's callers to be found by. */
function functionName(fn: JsPath): string | null {
  const id = (fn.node as { id?: NodeOf<'Identifier'> | null }).id;
  if (id?.name) return id.name;
  const parent = parentNode(fn);
  return isType(parent, 'VariableDeclarator') ? nameOf(parent.id) : null;
}

function argumentsOf(call: JsNode): unknown[] {
  return isType(call, 'CallExpression', 'OptionalCallExpression', 'NewExpression') ? call.arguments : [];
}

/**
 * Whether a parameter receives what `test` accepts: a parameter annotated as `typeTest`
 * says, a callback of an iteration over an output list (`asCallback`, items only), or a
 * helper whose callers in this file pass such a value.
 */
function paramFed(
  file: JsFile,
  binding: Extract<Binding, { kind: 'param' }>,
  typeTest: RegExp,
  test: (arg: JsPath) => boolean,
  asCallback: boolean,
): boolean {
  if (typeTest.test(nodeText(typeAnnotationOf(binding.param), file.text))) return true;
  const iterates = (call: JsPath): boolean => {
    const iteration = methodCall(call);
    return iteration !== null && ITERATE_METHODS.has(iteration.method) && isCollection(file, iteration.object);
  };
  const call = parentOf(binding.fn);
  if (call && argumentsOf(call.node).includes(binding.fn.node)) return asCallback && binding.index === 0 && iterates(call);
  const name = functionName(binding.fn);
  if (!name) return false;
  const fedByCall = (file.calls.get(name) ?? []).some(
    (p) => argumentsOf(p.node)[binding.index] !== undefined && test(childPath(p, 'arguments', binding.index)),
  );
  return fedByCall || (asCallback && binding.index === 0 && (file.callbacks.get(name) ?? []).some(iterates));
}

/** A Responses output list: `response.output`, `data["output"]`, filtered or sliced, or a variable holding one. */
export function isCollection(file: JsFile, path: JsPath): boolean {
  const p = unwrap(path);
  const node = p.node;
  if (memberKey(node) === 'output') return true;
  const call = methodCall(p);
  if (call) return COLLECTION_METHODS.has(call.method) && isCollection(file, call.object);
  if (!isType(node, 'Identifier')) return false;
  const found = bindingOf(p, node.name);
  const binding = found && bindingKind(found);
  if (!found || !binding) return false;
  return traced(file.collections, found.node, false, () => {
    if (binding.kind === 'var') return !binding.destructured && isCollection(file, binding.init);
    return binding.kind === 'param' && paramFed(file, binding, LIST_TYPES, (arg) => isCollection(file, arg), false);
  });
}

/** One element of an output list: `output[0]`, `output.at(-1)`, `output.find(…)`. */
function isElement(file: JsFile, path: JsPath): boolean {
  const p = unwrap(path);
  const node = p.node;
  const call = methodCall(p);
  if (call) return ELEMENT_METHODS.has(call.method) && isCollection(file, call.object);
  return isMember(node) && node.computed === true && literalString(node.property) === null && isCollection(file, childPath(p, 'object'));
}

/** The output item a variable holds or was derived from, if any. */
function traceIdentifier(file: JsFile, idPath: JsPath<NodeOf<'Identifier'>>): Ref | null {
  const name = idPath.node.name;
  const found = bindingOf(idPath, name);
  const binding = found && bindingKind(found);
  if (!found || !binding) return null;
  const item = (): Ref =>
    binding.kind === 'param' && binding.pattern ? { pattern: binding.pattern } : { expr: name, binding: found.node };
  return traced(file.items, found.node, null, () => {
    if (file.narrowed.has(found.node)) return item();
    switch (binding.kind) {
      case 'loop':
        return isCollection(file, binding.iter) ? item() : null;
      case 'var':
        if (!binding.destructured && isElement(file, binding.init)) return item();
        return traceExpression(file, binding.init);
      case 'param':
        return paramFed(file, binding, ITEM_TYPES, (arg) => traceExpression(file, arg) !== null, true) ? item() : null;
    }
  });
}

/** The output item an expression reads, directly (`response.output[0]`) or through a variable. */
function traceExpression(file: JsFile, path: JsPath): Ref | null {
  const element = walk(file, path).find((p) => (isMember(p.node) || p.node.type === 'CallExpression' ? isElement(file, p) : false));
  if (element) return { expr: nodeText(element.node, file.text), binding: null };
  for (const id of readsIn(file.parsed, path)) {
    const ref = traceIdentifier(file, id as JsPath<NodeOf<'Identifier'>>);
    if (ref) return ref;
  }
  return null;
}

export function mentions(file: JsFile, path: JsPath, property: string): boolean {
  return walk(file, path).some((p) => memberKey(p.node) === property);
}

/** Where a message's content comes from; `at` is the message, where a copied name must mean the same variable. */
export function sourceOf(file: JsFile, content: JsPath, at: JsPath): Source<Ref> {
  if (mentions(file, content, 'output_text')) return { kind: 'output_text' };
  if (readsIn(file.parsed, content).length === 0) return { kind: 'literal' };
  const ref = traceExpression(file, content);
  if (!ref) return { kind: 'untraced' };
  if ('expr' in ref && ref.binding && bindingOf(at, ref.expr)?.node !== ref.binding) return { kind: 'untraced' };
  return { kind: 'output item', ref };
}
