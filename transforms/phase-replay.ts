/**
 * phase-replay: keep the assistant `phase` when code replays conversation history by
 * hand (UPGRADE-FACTS.md, "The assistant `phase` field"). Every object literal or dict
 * that builds a message with a `role` and a `content` is a candidate; the handlers trace
 * where its content comes from, where the message goes and how it is typed, and the
 * phase policy (src/policy/phase-replay.ts) decides. Fixes insert one property, written
 * the way the object around it is written.
 *
 * Tracing follows variables, loop targets, callbacks and helper calls within one file.
 * Each binding is traced once per file (a binding met again while it is being traced, a
 * cycle, counts as not traced), so big files stay linear. A source the trace cannot
 * follow is reported as unknown rather than guessed.
 */
import type { ASTPath } from 'jscodeshift';
import type { Node } from 'web-tree-sitter';
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import { type AstNode, isObjectProperty, literalString, nameOf } from '../src/languages/js/nodes.js';
import { type JsParsed, pathsOfType, pathsWithin } from '../src/languages/js/tree.js';
import { lineBreak, lineEnd, lineStart } from '../src/languages/layout.js';
import { nameOf as pyNameOf, plainContent, sameNode } from '../src/languages/python/nodes.js';
import type { PyParsed } from '../src/languages/python.js';
import { decidePhase, type ReplayApi, type ReplayFlow } from '../src/policy/phase-replay.js';
import type { Handler, HandlerContext, Transform } from '../src/transform.js';
import type { Edit } from '../src/types.js';

// ---------------------------------------------------------------------------------------
// Shared by both languages

/** A message found in the code, with the edits that would make it keep phase. */
interface Found {
  offset: number;
  flow: ReplayFlow;
  edits: Edit[];
}

/** Where the content of a message comes from, and the item that carries its phase. */
type Source<Ref> =
  | { kind: 'output item'; ref: Ref }
  | { kind: 'output_text' | 'literal' | 'untraced' };

const RESPONSES_SIGNAL = /\bresponses\s*\.\s*(create|stream|parse)\b|\/v1\/responses\b|\bprevious_response_id\b|\boutput_text\b|\bResponseInputItem\b|\bEasyInputMessage/;
const CHAT_SIGNAL = /\bchat\s*\.\s*completions\b|\/chat\/completions\b|\bChatCompletion/;

/** Methods that hand a collection's elements to a callback. */
const ITERATE_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every']);
/** Methods whose result holds (some of) the same elements. */
const COLLECTION_METHODS = new Set(['filter', 'slice', 'reverse', 'toReversed', 'toSorted', 'sort']);
/** Methods that return one element. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Methods that add messages to a history (JS and Python). */
const ADD_METHODS = new Set(['push', 'unshift', 'concat', 'splice', 'append', 'extend', 'insert']);

/** SDK types that accept `phase` (openai-node); a message typed with any of them may carry it. */
const PHASE_TYPES = new Set(['EasyInputMessage', 'ResponseInputItem', 'ResponseInput', 'ResponseOutputMessage', 'ResponseOutputItem', 'ResponseItem']);
/** SDK message types without `phase`. */
const NO_PHASE_TYPES = new Set([
  'ChatCompletionMessageParam', 'ChatCompletionAssistantMessageParam', 'ChatCompletionMessage',
  'ResponseInputMessageItem', 'ResponseInputItem.Message',
]);
/** A parameter annotated with one of these receives an output item. */
const ITEM_TYPES = /\b(ResponseOutputMessage|ResponseOutputItem)\b/;
/** A parameter annotated with one of these receives an output list. */
const LIST_TYPES = {
  js: /\b(ResponseOutputItem|ResponseOutputMessage)\b\s*\[\]|Array<\s*(ResponseOutputItem|ResponseOutputMessage)\b/,
  python: /\b(ResponseOutputItem|ResponseOutputMessage)\]/,
};
/** How deep a declared type is followed through aliases and `extends` (types may be recursive). */
const MAX_TYPE_DEPTH = 8;

/** When nothing in the flow names the API, the file's own calls decide. */
function fileApi(text: string): ReplayApi {
  const responses = RESPONSES_SIGNAL.test(text);
  return responses === CHAT_SIGNAL.test(text) ? 'unclear' : responses ? 'responses' : 'chat';
}

/** A history passed as `messages` goes to Chat Completions; as `input`, to Responses. */
function apiOfKey(key: string | null): ReplayApi | null {
  return key === 'messages' ? 'chat' : key === 'input' ? 'responses' : null;
}

/** The API a named history is passed to, from how the file passes it; null when it never does. */
function apiOfUses(uses: ReplayApi[] | undefined): ReplayApi | null {
  if (uses?.includes('responses')) return 'responses';
  return uses?.includes('chat') ? 'chat' : null;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A trace cached per binding: computed once; while it runs, a repeated request (a cycle) gets `none`. */
function traced<K, V>(cache: Map<K, V>, key: K, none: V, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  cache.set(key, none);
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * Edits that add `entry` after the last entry of an object or dict whose closing brace is
 * at `close`: on the same line for a one-line literal; otherwise on a new line with the
 * last entry's indentation, after any comment that ends its line, with a trailing comma
 * when the literal uses them.
 */
function appendEntry(text: string, last: { start: number; end: number }, close: number, entry: string): Edit[] {
  const between = text.slice(last.end, close);
  const comma = /^\s*,/.exec(between);
  if (!between.includes('\n')) {
    return comma
      ? [{ start: last.end + comma[0].length, end: last.end + comma[0].length, text: ` ${entry},` }]
      : [{ start: last.end, end: last.end, text: `, ${entry}` }];
  }
  const end = lineEnd(text, last.end);
  const indent = /^[ \t]*/.exec(text.slice(lineStart(text, last.start), last.start))![0];
  const edits: Edit[] = comma ? [] : [{ start: last.end, end: last.end, text: ',' }];
  edits.push({ start: end, end, text: `${lineBreak(text, last.end)}${indent}${entry}${comma ? ',' : ''}` });
  return edits;
}

function record(ctx: HandlerContext, found: Found): void {
  const decision = decidePhase(found.flow);
  if (!decision?.site) return;
  if (decision.verdict === 'fixed') for (const edit of found.edits) ctx.edit(edit);
  ctx.site({ offset: found.offset, ...decision.site });
}

// ---------------------------------------------------------------------------------------
// JavaScript / TypeScript (jscodeshift paths; ast-types scopes resolve names)

type Path = ASTPath<any>;

/**
 * The item whose phase a message should copy: code that reads it (a variable, with the
 * binding it must resolve to where the message is built, or an element expression such
 * as `response.output[0]`), or a destructuring parameter that must take `phase` too.
 */
type JsRef = { expr: string; binding: AstNode | null } | { pattern: AstNode };

type JsBinding =
  | { kind: 'loop'; iter: Path }
  | { kind: 'var'; init: Path; destructured: boolean }
  | { kind: 'param'; fn: Path; index: number; param: AstNode; pattern: AstNode | null };

interface JsFile {
  text: string;
  parsed: JsParsed;
  /** Every node path, in source order (one walk; a jscodeshift `find` per question is slow). */
  nodes: readonly Path[];
  /** TypeScript: an added property must fit the declared types. */
  typed: boolean;
  /** Interfaces and type aliases declared in the file, by name. */
  types: Map<string, AstNode>;
  /** Local names of default / namespace imports of the openai package (`OpenAI`). */
  sdkNamespaces: Set<string>;
  /** Named imports from the openai package: local name to SDK name. */
  sdkNames: Map<string, string>;
  /** Bindings (their declaring identifiers) compared with `.type === "message"` somewhere. */
  narrowed: Set<AstNode>;
  /** Calls by callee name: `toMessage(item)`. */
  calls: Map<string, Path[]>;
  /** Iterations handed a named callback, by its name: `output.map(toMessage)`. */
  callbacks: Map<string, Path[]>;
  /** How each name is passed as `messages` / `input`. */
  passedAs: Map<string, ReplayApi[]>;
  items: Map<AstNode, JsRef | null>;
  collections: Map<AstNode, boolean>;
}

const JS_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'AwaitExpression', 'ChainExpression', 'TypeCastExpression']);
const JS_FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const JS_PATTERN_PARTS = new Set(['ObjectProperty', 'Property', 'ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'RestElement']);
const JS_PASS_THROUGH = new Set(['ArrayExpression', 'ConditionalExpression', 'LogicalExpression', 'ParenthesizedExpression', 'TSNonNullExpression', 'SpreadElement']);
const EQUALITY = new Set(['==', '===', '!=', '!==']);

function jsFile(parsed: JsParsed, text: string, path: string): JsFile {
  const file: JsFile = {
    parsed, text, typed: /\.[cm]?tsx?$/.test(path), nodes: pathsOfType(parsed, 'Node'),
    types: new Map(), sdkNamespaces: new Set(), sdkNames: new Map(),
    narrowed: new Set(), calls: new Map(), callbacks: new Map(), passedAs: new Map(), items: new Map(), collections: new Map(),
  };
  file.nodes.forEach((p) => indexJsNode(file, p));
  return file;
}

const isMessage = (node: AstNode | null): boolean => literalString(node)?.value === 'message';

/** Records what traces look up again and again: declarations, imports, `.type` checks, calls, keys. */
function indexJsNode(file: JsFile, p: Path): void {
  const node = p.node as AstNode;
  switch (node.type) {
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      file.types.set(node.id.name, node);
      break;
    case 'ImportDeclaration':
      if (!/^openai(\/|$)/.test(node.source.value)) break;
      for (const spec of node.specifiers ?? []) {
        if (spec.type === 'ImportSpecifier') file.sdkNames.set(spec.local.name, nameOf(spec.imported) ?? spec.local.name);
        else file.sdkNamespaces.add(spec.local.name);
      }
      break;
    case 'BinaryExpression':
      if (!EQUALITY.has(node.operator)) break;
      if (isMessage(node.right)) markNarrowed(file, p.get('left'));
      if (isMessage(node.left)) markNarrowed(file, p.get('right'));
      break;
    case 'SwitchStatement':
      if (node.cases.some((c: AstNode) => isMessage(c.test))) markNarrowed(file, p.get('discriminant'));
      break;
    case 'CallExpression': {
      if (node.callee.type === 'Identifier') addTo(file.calls, node.callee.name, p);
      const first = node.arguments[0] as AstNode | undefined;
      const iteration = methodCall(p);
      if (first?.type === 'Identifier' && iteration && ITERATE_METHODS.has(iteration.method)) addTo(file.callbacks, first.name, p);
      break;
    }
    case 'ObjectProperty': {
      const api = apiOfKey(nameOf(node.key));
      const value = nameOf(node.value);
      if (api && value) addTo(file.passedAs, value, api);
      break;
    }
  }
}

/** `x.type` compared with "message": `x` holds a message item wherever its binding is in scope. */
function markNarrowed(file: JsFile, typeRead: Path): void {
  const object = typeRead.get('object');
  if (memberName(typeRead.node) !== 'type' || object.node.type !== 'Identifier') return;
  const found = bindingOf(object, object.node.name);
  if (found) file.narrowed.add(found.node);
}

function unwrap(path: Path): Path {
  let p = path;
  while (JS_WRAPPERS.has(p.node.type)) p = p.get(p.node.type === 'AwaitExpression' ? 'argument' : 'expression');
  return p;
}

function isMember(node: AstNode): boolean {
  return node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression';
}

/** `x.output`, `x["output"]`: the property name; null for other nodes and computed indexes. */
function memberName(node: AstNode): string | null {
  if (!isMember(node)) return null;
  return node.computed ? literalString(node.property)?.value ?? null : nameOf(node.property);
}

/** `object.method(...)`: the method and the path of the object it is called on. */
function methodCall(path: Path): { method: string; object: Path } | null {
  const node = path.node as AstNode;
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return null;
  const method = memberName(node.callee);
  return method ? { method, object: unwrap(path.get('callee', 'object')) } : null;
}

/** The source text of a node, or '' when absent. */
function textOf(file: JsFile, node: AstNode | null | undefined): string {
  return node?.start != null && node.end != null ? file.text.slice(node.start, node.end) : '';
}

/** The expression at `path` and every node inside it. */
function walk(file: JsFile, path: Path): Path[] {
  return [path, ...pathsWithin(file.parsed, path.node as AstNode, 'Node')];
}

/** Identifiers in an expression that read a variable (not property names, keys or types). */
function references(file: JsFile, path: Path): Path[] {
  const isReference = (p: Path): boolean => {
    const parent = p.parent?.node as AstNode | undefined;
    if (!parent) return true;
    if (isMember(parent) && parent.property === p.node && !parent.computed) return false;
    if (isObjectProperty(parent) && parent.key === p.node && !parent.computed && !parent.shorthand) return false;
    return !(parent.type.startsWith('TS') && !JS_WRAPPERS.has(parent.type));
  };
  return walk(file, path).filter((p) => p.node.type === 'Identifier' && isReference(p));
}

/** The identifier that declares `name` where `path` is. */
function bindingOf(path: Path, name: string): Path | null {
  return (path.scope?.lookup(name)?.getBindings()[name]?.[0] as Path | undefined) ?? null;
}

/** What binds a name: a for-of target, a variable, or a function parameter (maybe destructured). */
function jsBindingKind(id: Path): JsBinding | null {
  let p = id;
  let pattern: AstNode | null = null;
  while (p.parent && JS_PATTERN_PARTS.has(p.parent.node.type)) {
    p = p.parent;
    if (p.node.type === 'ObjectPattern') pattern = p.node;
  }
  const parent = p.parent?.node as AstNode | undefined;
  if (!parent) return null;
  if (parent.type === 'VariableDeclarator' && parent.id === p.node) {
    const loop = p.parent.parent?.parent;
    if (loop?.node.type === 'ForOfStatement' && loop.node.left === p.parent.parent.node) return { kind: 'loop', iter: loop.get('right') };
    return parent.init ? { kind: 'var', init: p.parent.get('init'), destructured: pattern !== null } : null;
  }
  if (JS_FUNCTIONS.has(parent.type)) {
    const index = parent.params.indexOf(p.node);
    if (index >= 0) return { kind: 'param', fn: p.parent, index, param: p.node, pattern };
  }
  return null;
}

/** A name for a function parameter's callers to be found by. */
function functionName(fn: Path): string | null {
  const node = fn.node as AstNode;
  if (node.id?.name) return node.id.name;
  const parent = fn.parent?.node as AstNode | undefined;
  return parent?.type === 'VariableDeclarator' ? nameOf(parent.id) : null;
}

/**
 * Whether a parameter receives what `test` accepts: a parameter annotated as `typeTest`
 * says, a callback of an iteration over an output list (`asCallback`, items only), or a
 * helper whose callers in this file pass such a value.
 */
function jsParamFed(
  file: JsFile,
  binding: Extract<JsBinding, { kind: 'param' }>,
  typeTest: RegExp,
  test: (arg: Path) => boolean,
  asCallback: boolean,
): boolean {
  if (typeTest.test(textOf(file, binding.param.typeAnnotation))) return true;
  const iterates = (call: Path): boolean => {
    const iteration = methodCall(call);
    return iteration !== null && ITERATE_METHODS.has(iteration.method) && jsIsCollection(file, iteration.object);
  };
  const call = binding.fn.parent;
  if (call && (call.node.arguments ?? []).includes(binding.fn.node)) return asCallback && binding.index === 0 && iterates(call);
  const name = functionName(binding.fn);
  if (!name) return false;
  const fedByCall = (file.calls.get(name) ?? []).some((p) => p.node.arguments[binding.index] !== undefined && test(p.get('arguments', binding.index)));
  return fedByCall || (asCallback && binding.index === 0 && (file.callbacks.get(name) ?? []).some(iterates));
}

/** A Responses output list: `response.output`, `data["output"]`, filtered or sliced, or a variable holding one. */
function jsIsCollection(file: JsFile, path: Path): boolean {
  const p = unwrap(path);
  const node = p.node as AstNode;
  if (memberName(node) === 'output') return true;
  const call = methodCall(p);
  if (call) return COLLECTION_METHODS.has(call.method) && jsIsCollection(file, call.object);
  if (node.type !== 'Identifier') return false;
  const found = bindingOf(p, node.name);
  const binding = found && jsBindingKind(found);
  if (!found || !binding) return false;
  return traced(file.collections, found.node, false, () => {
    if (binding.kind === 'var') return !binding.destructured && jsIsCollection(file, binding.init);
    return binding.kind === 'param' && jsParamFed(file, binding, LIST_TYPES.js, (arg) => jsIsCollection(file, arg), false);
  });
}

/** One element of an output list: `output[0]`, `output.at(-1)`, `output.find(…)`. */
function jsIsElement(file: JsFile, path: Path): boolean {
  const p = unwrap(path);
  const node = p.node as AstNode;
  const call = methodCall(p);
  if (call) return ELEMENT_METHODS.has(call.method) && jsIsCollection(file, call.object);
  return isMember(node) && node.computed && literalString(node.property) === null && jsIsCollection(file, p.get('object'));
}

/** The output item a variable holds or was derived from, if any. */
function jsTraceIdentifier(file: JsFile, idPath: Path): JsRef | null {
  const name = idPath.node.name as string;
  const found = bindingOf(idPath, name);
  const binding = found && jsBindingKind(found);
  if (!found || !binding) return null;
  const item = (): JsRef => binding.kind === 'param' && binding.pattern ? { pattern: binding.pattern } : { expr: name, binding: found.node };
  return traced(file.items, found.node, null, () => {
    if (file.narrowed.has(found.node)) return item();
    switch (binding.kind) {
      case 'loop':
        return jsIsCollection(file, binding.iter) ? item() : null;
      case 'var':
        if (!binding.destructured && jsIsElement(file, binding.init)) return item();
        return jsTraceExpression(file, binding.init);
      case 'param':
        return jsParamFed(file, binding, ITEM_TYPES, (arg) => jsTraceExpression(file, arg) !== null, true) ? item() : null;
    }
  });
}

/** The output item an expression reads, directly (`response.output[0]`) or through a variable. */
function jsTraceExpression(file: JsFile, path: Path): JsRef | null {
  const element = walk(file, path).find((p) => isMember(p.node) || p.node.type === 'CallExpression' ? jsIsElement(file, p) : false);
  if (element) return { expr: textOf(file, element.node), binding: null };
  for (const id of references(file, path)) {
    const ref = jsTraceIdentifier(file, id);
    if (ref) return ref;
  }
  return null;
}

function jsMentions(file: JsFile, path: Path, property: string): boolean {
  return walk(file, path).some((p) => memberName(p.node) === property);
}

function jsSource(file: JsFile, content: Path, at: Path): Source<JsRef> {
  if (jsMentions(file, content, 'output_text')) return { kind: 'output_text' };
  if (references(file, content).length === 0) return { kind: 'literal' };
  const ref = jsTraceExpression(file, content);
  if (!ref) return { kind: 'untraced' };
  // The copied name must mean the same variable where the message is built.
  if ('expr' in ref && ref.binding && bindingOf(at, ref.expr)?.node !== ref.binding) return { kind: 'untraced' };
  return { kind: 'output item', ref };
}

/** Where a message ends up: under a key, in a named history, and the types it must satisfy on the way. */
interface JsSink {
  key: string | null;
  /** The variable or field that receives the message (`history.push(…)`, `history = […]`) or is declared with it. */
  target: Path | null;
  /** The target is an existing history the message is added to, whose declared type it must fit. */
  adds: boolean;
  /** Annotations met on the way: `satisfies`, callback and function return types, a declaration's type. */
  types: AstNode[];
  /** Past an `as` assertion, which accepts extra properties. */
  asserted: boolean;
}

function jsSink(objPath: Path): JsSink {
  const sink: JsSink = { key: null, target: null, adds: false, types: [], asserted: false };
  const addType = (node: AstNode | null | undefined): void => {
    if (node && !sink.asserted) sink.types.push(node);
  };
  let p = objPath;
  for (let depth = 0; depth < 16 && p.parent; depth++) {
    const parent = p.parent.node as AstNode;
    const node = p.node as AstNode;
    if (JS_PASS_THROUGH.has(parent.type)) {
      p = p.parent;
    } else if (parent.type === 'TSSatisfiesExpression' || parent.type === 'TSAsExpression') {
      if (parent.type === 'TSAsExpression') sink.asserted = true;
      addType(parent.typeAnnotation);
      p = p.parent;
    } else if (parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
      let fn: Path | null = p.parent;
      while (fn && !JS_FUNCTIONS.has(fn.node.type)) fn = fn.parent;
      if (!fn) break;
      addType(fn.node.returnType);
      p = fn;
    } else if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') && parent.arguments.includes(node)) {
      const call = methodCall(p.parent);
      if (call && ADD_METHODS.has(call.method)) {
        Object.assign(sink, { target: call.object, adds: true });
        break;
      }
      if (!call || !ITERATE_METHODS.has(call.method) || !JS_FUNCTIONS.has(node.type)) break;
      p = p.parent; // the callback's result: `.map(...)` of messages
    } else if (isObjectProperty(parent) && parent.value === node) {
      sink.key = nameOf(parent.key);
      break;
    } else if (parent.type === 'VariableDeclarator' && parent.init === node) {
      sink.target = p.parent.get('id');
      addType(parent.id.typeAnnotation);
      break;
    } else if (parent.type === 'AssignmentExpression' && parent.right === node) {
      Object.assign(sink, { target: p.parent.get('left'), adds: true });
      break;
    } else {
      break;
    }
  }
  return sink;
}

function jsApi(file: JsFile, sink: JsSink, content: Path): ReplayApi {
  if (jsMentions(file, content, 'choices')) return 'chat';
  const name = sink.target ? nameOf(sink.target.node) : null;
  return apiOfKey(sink.key) ?? apiOfUses(name ? file.passedAs.get(name) : undefined) ?? fileApi(file.text);
}

type Conflict = NonNullable<ReplayFlow['typeConflict']>;
type TypeCheck = 'ok' | Conflict;

/**
 * TypeScript only: whether the message may gain `phase` where it goes. Every annotation
 * on the way must allow it, and so must the history it is added to, whose type is its
 * annotation or, without one, what TypeScript infers from its initial value.
 */
function jsTypeConflict(file: JsFile, sink: JsSink): Conflict | null {
  const checks = sink.types.map((t) => jsTypeCheck(file, t));
  if (sink.adds && sink.target && !sink.asserted) checks.push(jsHistoryCheck(file, sink.target));
  return checks.find((c): c is Conflict => c !== 'ok') ?? null;
}

/** The type of a history a message is added to: `history`, or a class field `this.history`. */
function jsHistoryCheck(file: JsFile, target: Path): TypeCheck {
  const node = target.node as AstNode;
  const written = `\`${textOf(file, node)}\``;
  if (node.type === 'Identifier') {
    const found = bindingOf(target, node.name);
    if (!found) return { type: `the type of ${written}`, seen: false };
    if (found.node.typeAnnotation) return jsTypeCheck(file, found.node.typeAnnotation);
    const binding = jsBindingKind(found);
    if (binding?.kind === 'var') return jsInferredCheck(file, binding.init, written);
    // An unannotated parameter is `any` to TypeScript; a loop target has its list's element type.
    if (binding?.kind === 'param') return 'ok';
  }
  if (isMember(node) && node.object.type === 'ThisExpression') {
    const field = jsClassField(target, memberName(node));
    if (field?.node.typeAnnotation) return jsTypeCheck(file, field.node.typeAnnotation);
    if (field?.node.value) return jsInferredCheck(file, field.get('value'), written);
  }
  return { type: `the type of ${written}`, seen: false };
}

function jsClassField(from: Path, name: string | null): Path | null {
  for (let p: Path | null = from.parent; p; p = p.parent) {
    if (p.node.type !== 'ClassBody') continue;
    const index = (p.node.body as AstNode[]).findIndex((m) => /Property|PropertyDefinition/.test(m.type) && nameOf(m.key) === name);
    return index >= 0 ? p.get('body', index) : null;
  }
  return null;
}

/**
 * The type TypeScript infers for an untyped history from its initial value: `[]` grows
 * with what is pushed, a Responses output list holds items with `phase`, and an array of
 * object literals only allows their properties.
 */
function jsInferredCheck(file: JsFile, init: Path, written: string): TypeCheck {
  const value = unwrap(init).node as AstNode;
  if (value.type === 'ArrayExpression') {
    const elements = value.elements as Array<AstNode | null>;
    const literals = elements.filter((e): e is AstNode => e?.type === 'ObjectExpression');
    if (elements.length === 0 || literals.length < elements.length || literals.some(carriesPhase)) return 'ok';
    return { type: `the element type TypeScript infers for ${written} from its first messages`, seen: true };
  }
  if (jsIsCollection(file, init)) return 'ok';
  return { type: `the type of ${written}`, seen: false };
}

/** An SDK type name as written (`OpenAI.Responses.EasyInputMessage`, an alias), as the SDK names it. */
function sdkTypeName(file: JsFile, written: string): string {
  const segments = written.split('.');
  if (segments.length > 1 && file.sdkNamespaces.has(segments[0]!)) segments.shift();
  while (segments.length > 1 && ['Responses', 'Chat', 'Completions'].includes(segments[0]!)) segments.shift();
  const name = segments.join('.');
  return file.sdkNames.get(name) ?? name;
}

function writtenTypeName(node: AstNode): string {
  return node.type === 'TSQualifiedName' ? `${writtenTypeName(node.left)}.${node.right.name}` : node.name ?? '';
}

/**
 * Whether `phase` may be added to an object literal of this declared type. Conservative:
 * allowed for the SDK types that have it, for local types that declare it (directly, via
 * `extends`, an index signature or a union / intersection member) and for `any` /
 * `unknown`; a conflict for local types and SDK types without it, and for types declared
 * in other modules, which the tool cannot see.
 */
function jsTypeCheck(file: JsFile, node: AstNode, depth = 0): TypeCheck {
  if (depth > MAX_TYPE_DEPTH) return { type: `\`${inlineType(textOf(file, node))}\``, seen: false };
  const check = (part: AstNode): TypeCheck => jsTypeCheck(file, part, depth + 1);
  switch (node.type) {
    case 'TSTypeAnnotation':
    case 'TSParenthesizedType':
    case 'TSTypeOperator':
      return check(node.typeAnnotation);
    case 'TSTypeAliasDeclaration': {
      const aliased = check(node.typeAnnotation);
      return aliased === 'ok' ? 'ok' : { ...aliased, type: `\`${node.id.name}\`` };
    }
    case 'TSArrayType':
      return check(node.elementType);
    case 'TSUnionType':
    case 'TSIntersectionType': {
      // An excess property is allowed when any member declares it.
      const checks = (node.types as AstNode[]).map(check);
      return checks.find((c) => c === 'ok') ?? checks[0] ?? 'ok';
    }
    case 'TSTypeLiteral':
      return membersAllowPhase(node.members) ? 'ok' : { type: `\`${inlineType(textOf(file, node))}\``, seen: true };
    case 'TSInterfaceDeclaration': {
      if (membersAllowPhase(node.body.body)) return 'ok';
      const heritage = (node.extends ?? []).map((h: AstNode) => check({ ...h, type: 'TSTypeReference', typeName: h.expression }));
      return heritage.includes('ok') ? 'ok' : { type: `\`${node.id.name}\``, seen: true };
    }
    case 'TSTypeReference': {
      const written = writtenTypeName(node.typeName);
      const params = (node.typeParameters?.params ?? []) as AstNode[];
      if (['Array', 'ReadonlyArray', 'Promise'].includes(written) && params[0]) return check(params[0]);
      const local = file.types.get(written);
      if (local) return check(local);
      const name = sdkTypeName(file, written);
      if (PHASE_TYPES.has(name)) return 'ok';
      return { type: `\`${written}\``, seen: NO_PHASE_TYPES.has(name) };
    }
    default:
      return 'ok';
  }
}

function membersAllowPhase(members: AstNode[]): boolean {
  return members.some((m) => m.type === 'TSIndexSignature' || nameOf(m.key) === 'phase');
}

function inlineType(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

function jsProperty(obj: AstNode, key: string): AstNode | undefined {
  return obj.properties.find((p: AstNode) => isObjectProperty(p) && nameOf(p.key) === key);
}

/** A `phase` key, or a spread that may bring one. */
function carriesPhase(obj: AstNode): boolean {
  return jsProperty(obj, 'phase') !== undefined || obj.properties.some((p: AstNode) => p.type === 'SpreadElement');
}

/** `role` copied from the item: `m.role`, `m["role"]`, or `role` destructured from a parameter. */
function jsRoleFromItem(obj: Path, role: AstNode): boolean {
  if (memberName(role) === 'role') return true;
  if (role.type !== 'Identifier') return false;
  const found = bindingOf(obj, role.name);
  const binding = found && jsBindingKind(found);
  return binding?.kind === 'param' && binding.pattern !== null;
}

function jsFlow(file: JsFile, path: Path): Found | null {
  const obj = path.node as AstNode;
  const role = jsProperty(obj, 'role');
  const content = jsProperty(obj, 'content');
  if (!role || !content || obj.start == null || obj.end == null) return null;
  const roleValue = unwrap(path.get('properties', obj.properties.indexOf(role), 'value')).node as AstNode;
  const assistant = literalString(roleValue)?.value === 'assistant';
  if (!assistant && !jsRoleFromItem(path, roleValue)) return null;
  const contentPath = path.get('properties', obj.properties.indexOf(content), 'value') as Path;
  const source = jsSource(file, contentPath, path);
  const sink = jsSink(path);
  const quote = role.key.type === 'StringLiteral' ? file.text[role.key.start] : '';
  const ref = source.kind === 'output item' ? source.ref : null;
  const insertion = ref && 'pattern' in ref ? 'phase' : `${quote}phase${quote}: ${ref && 'expr' in ref ? ref.expr : 'item'}.phase`;
  const flow: ReplayFlow = {
    shape: assistant ? 'assistant message' : 're-map',
    source: source.kind,
    carriesPhase: carriesPhase(obj),
    api: jsApi(file, sink, contentPath),
    insertion,
    typeConflict: file.typed ? jsTypeConflict(file, sink) : null,
  };
  const edits = ref ? jsEdits(file, obj, obj.end - 1, ref, insertion) : [];
  if (ref && edits.length === 0) flow.source = 'untraced'; // a pattern with a rest element: nowhere to add phase
  return { offset: obj.start, flow, edits };
}

/** The edits for a traced message whose closing brace is at `close`, and for the pattern it destructures from. */
function jsEdits(file: JsFile, obj: AstNode, close: number, ref: JsRef, insertion: string): Edit[] {
  const append = (node: AstNode, at: number, entry: string): Edit[] => appendEntry(file.text, node.properties.at(-1), at, entry);
  const edits = append(obj, close, insertion);
  if ('expr' in ref) return edits;
  const pattern = ref.pattern;
  if (pattern.properties.some((p: AstNode) => p.type === 'RestElement')) return [];
  if (jsProperty(pattern, 'phase')) return edits;
  const patternClose = file.text.lastIndexOf('}', (pattern.typeAnnotation?.start ?? pattern.end) - 1);
  return [...append(pattern, patternClose, 'phase'), ...edits];
}

const javascriptHandler: Handler = (ctx: HandlerContext<JsParsed>) => {
  const file = jsFile(ctx.parsed, ctx.text, ctx.path);
  for (const path of file.nodes) {
    const found = path.node.type === 'ObjectExpression' ? jsFlow(file, path) : null;
    if (found) record(ctx, found);
  }
};

// ---------------------------------------------------------------------------------------
// Python (tree-sitter; scopes are resolved here, as the grammar has none)

/** Code that reads an output item (`item`, `resp.output[-1]`), and the binding a variable must resolve to where it is copied. */
type PyTrace = { expr: string; key: string | null };

/** The item a message copies phase from, and whether it is a dict (raw HTTP JSON) rather than an SDK object. */
type PyRef = { expr: string; dict: boolean };

type PyBinding =
  | { kind: 'loop'; iter: Node }
  | { kind: 'var'; value: Node; destructured: boolean }
  | { kind: 'param'; fn: Node; index: number; param: Node };

interface PyFile {
  text: string;
  module: Node;
  /** Calls by function name: `to_message(item)`. */
  calls: Map<string, Node[]>;
  /** Assignments by the id of the function or module they bind in. */
  assignments: Map<number, Node[]>;
  /** Bindings (keyed as pyBindingOf keys them) compared with `.type == "message"` somewhere. */
  narrowed: Set<string>;
  /** How each name is passed as `messages` / `input`. */
  passedAs: Map<string, ReplayApi[]>;
  items: Map<string, PyTrace | null>;
  collections: Map<string, boolean>;
}

const PY_COMPREHENSIONS = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);
const PY_SCOPES = new Set(['function_definition', 'lambda', 'module']);
const PY_PASS_THROUGH = new Set(['list', 'tuple', 'parenthesized_expression', 'conditional_expression']);
/** Calls that return (part of) a list they are given: `reversed(resp.output)`, with the argument's index. */
const PY_COLLECTION_CALLS = new Map([['reversed', 0], ['list', 0], ['sorted', 0], ['tuple', 0], ['filter', 1]]);

function pyFile(tree: PyParsed['tree'], text: string): PyFile {
  const module = tree.rootNode;
  const file: PyFile = { text, module, calls: new Map(), assignments: new Map(), narrowed: new Set(), passedAs: new Map(), items: new Map(), collections: new Map() };
  for (const call of module.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type === 'identifier') addTo(file.calls, fn.text, call);
  }
  for (const kv of module.descendantsOfType(['keyword_argument', 'pair'])) {
    const api = apiOfKey(pyNameOf(kv.childForFieldName(kv.type === 'pair' ? 'key' : 'name')));
    const value = pyNameOf(kv.childForFieldName('value'));
    if (api && value) addTo(file.passedAs, value, api);
  }
  for (const comparison of module.descendantsOfType('comparison_operator')) {
    const operands = comparison.namedChildren;
    if (!operands.some((o) => plainContent(o)?.value === 'message')) continue;
    for (const operand of operands) {
      const read = pyKeyRead(operand);
      const found = read?.key === 'type' && read.object.type === 'identifier' ? pyBindingOf(file, read.object.text, read.object) : null;
      if (found) file.narrowed.add(found.key);
    }
  }
  return file;
}

/** What an expression reads by key: `x.type`, `x["type"]`, `x.get("type")`. */
function pyKeyRead(node: Node): { object: Node; key: string } | null {
  const pick = (object: Node | null, key: string | null | undefined): { object: Node; key: string } | null =>
    object && key != null ? { object, key } : null;
  if (node.type === 'attribute') return pick(node.childForFieldName('object'), node.childForFieldName('attribute')?.text);
  if (node.type === 'subscript') return pick(node.childForFieldName('value'), plainContent(node.childForFieldName('subscript'))?.value);
  const fn = node.type === 'call' ? node.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get') return null;
  return pick(fn.childForFieldName('object'), plainContent(pyArguments(node)[0])?.value);
}

function binds(target: Node | null, name: string): boolean {
  if (!target) return false;
  return target.type === 'identifier' ? target.text === name : target.descendantsOfType('identifier').some((id) => id.text === name);
}

function pyScopeOf(node: Node): Node {
  let p = node.parent;
  while (p && !PY_SCOPES.has(p.type)) p = p.parent;
  return p ?? node;
}

function pyParams(fn: Node): Node[] {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p.type !== 'comment');
}

function pyParamName(param: Node): string | null {
  if (param.type === 'identifier') return param.text;
  return (param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier'))?.text ?? null;
}

function pyArguments(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** The last assignment to `name` in `scope` (not in a nested function) before `before`. */
function pyLastAssignment(file: PyFile, scope: Node, name: string, before: number): Extract<PyBinding, { kind: 'var' }> | null {
  let assignments = file.assignments.get(scope.id);
  if (!assignments) {
    assignments = scope.descendantsOfType('assignment').filter((a) => sameNode(pyScopeOf(a), scope));
    file.assignments.set(scope.id, assignments);
  }
  const assignment = assignments.filter((a) => a.startIndex < before && binds(a.childForFieldName('left'), name)).at(-1);
  const value = assignment?.childForFieldName('right');
  if (!assignment || !value) return null;
  return { kind: 'var', value, destructured: assignment.childForFieldName('left')?.type !== 'identifier' };
}

/** What binds `name` where `use` is, and a key that names the binding (the node that defines it, and the name). */
function pyBindingOf(file: PyFile, name: string, use: Node): { binding: PyBinding; key: string } | null {
  const at = (binding: PyBinding, defining: Node) => ({ binding, key: `${defining.id}:${name}` });
  for (let p = use.parent; p; p = p.parent) {
    if (PY_COMPREHENSIONS.has(p.type)) {
      const clause = p.namedChildren.find((c) => c.type === 'for_in_clause' && binds(c.childForFieldName('left'), name));
      const iter = clause?.childForFieldName('right');
      if (iter) return at({ kind: 'loop', iter }, iter);
    }
    const iter = p.type === 'for_statement' ? p.childForFieldName('right') : null;
    if (iter && binds(p.childForFieldName('left'), name) && use.startIndex >= (p.childForFieldName('body')?.startIndex ?? Infinity)) {
      return at({ kind: 'loop', iter }, iter);
    }
    if (!PY_SCOPES.has(p.type)) continue;
    const assigned = pyLastAssignment(file, p, name, use.startIndex);
    if (assigned) return at(assigned, assigned.value);
    const params = p.type === 'module' ? [] : pyParams(p);
    const index = params.findIndex((param) => pyParamName(param) === name);
    if (index >= 0) return at({ kind: 'param', fn: p, index, param: params[index]! }, params[index]!);
  }
  return null;
}

/** A parameter annotated as `typeTest` says, or of a helper whose callers in this module pass what `test` accepts. */
function pyParamFed(file: PyFile, binding: Extract<PyBinding, { kind: 'param' }>, typeTest: RegExp, test: (arg: Node) => boolean): boolean {
  if (typeTest.test(binding.param.childForFieldName('type')?.text ?? '')) return true;
  const name = binding.fn.childForFieldName('name')?.text;
  return name !== undefined && (file.calls.get(name) ?? []).some((call) => {
    const arg = pyArguments(call)[binding.index];
    return arg !== undefined && test(arg);
  });
}

function pyUnwrap(node: Node): Node {
  let n = node;
  while ((n.type === 'parenthesized_expression' || n.type === 'await') && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** `resp.output`, `data["output"]`, `body.get("output")`, filtered, reversed or listed, or a variable holding one. */
function pyIsCollection(file: PyFile, node: Node): boolean {
  const n = pyUnwrap(node);
  if (pyKeyRead(n)?.key === 'output') return true;
  if (n.type === 'call') {
    const index = PY_COLLECTION_CALLS.get(n.childForFieldName('function')?.text ?? '');
    const arg = index === undefined ? undefined : pyArguments(n)[index];
    return arg !== undefined && pyIsCollection(file, arg);
  }
  if (n.type === 'list_comprehension') {
    // `[i for i in resp.output if i.type == "message"]`
    const clause = n.namedChildren.find((c) => c.type === 'for_in_clause');
    const iter = clause?.childForFieldName('right');
    return iter != null && n.childForFieldName('body')?.text === clause?.childForFieldName('left')?.text && pyIsCollection(file, iter);
  }
  if (n.type !== 'identifier') return false;
  const found = pyBindingOf(file, n.text, n);
  if (!found) return false;
  const { binding } = found;
  return traced(file.collections, found.key, false, () => {
    if (binding.kind === 'var') return !binding.destructured && pyIsCollection(file, binding.value);
    return binding.kind === 'param' && pyParamFed(file, binding, LIST_TYPES.python, (arg) => pyIsCollection(file, arg));
  });
}

/** `resp.output[-1]`, `next(i for i in resp.output if …)`. */
function pyIsElement(file: PyFile, node: Node): boolean {
  const n = pyUnwrap(node);
  if (n.type === 'subscript') {
    return plainContent(n.childForFieldName('subscript')) === null && pyIsCollection(file, n.childForFieldName('value')!);
  }
  if (n.type !== 'call' || n.childForFieldName('function')?.text !== 'next') return false;
  // `next(i for i in …)`: the generator is the whole argument list.
  const args = n.childForFieldName('arguments');
  const generator = args?.type === 'generator_expression' ? args : pyArguments(n)[0];
  const iter = generator?.namedChildren.find((c) => c.type === 'for_in_clause')?.childForFieldName('right');
  return iter != null && pyIsCollection(file, iter);
}

/** Identifiers that read a variable: not attribute names or keyword names. */
function pyReferences(node: Node): Node[] {
  const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier');
  return ids.filter((id) => {
    const parent = id.parent;
    if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), id)) return false;
    return !(parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), id));
  });
}

/** The output item a variable holds or was derived from, as code that reads it. */
function pyTraceIdentifier(file: PyFile, use: Node): PyTrace | null {
  const found = pyBindingOf(file, use.text, use);
  if (!found) return null;
  const { binding, key } = found;
  const item = { expr: use.text, key };
  return traced(file.items, key, null, () => {
    if (file.narrowed.has(key)) return item;
    switch (binding.kind) {
      case 'loop':
        return pyIsCollection(file, binding.iter) ? item : null;
      case 'var':
        if (!binding.destructured && pyIsElement(file, binding.value)) return item;
        return pyTraceExpression(file, binding.value);
      case 'param':
        return pyParamFed(file, binding, ITEM_TYPES, (arg) => pyTraceExpression(file, arg) !== null) ? item : null;
    }
  });
}

/** The output item `node` reads, directly (`resp.output[-1]`) or through a variable. */
function pyTraceExpression(file: PyFile, node: Node): PyTrace | null {
  const element = [node, ...node.descendantsOfType(['subscript', 'call'])].find((n) => pyIsElement(file, n));
  if (element) return { expr: element.text, key: null };
  for (const id of pyReferences(node)) {
    const trace = pyTraceIdentifier(file, id);
    if (trace) return trace;
  }
  return null;
}

function pyMentions(node: Node, key: string): boolean {
  return [node, ...node.descendantsOfType(['attribute', 'subscript'])].some((n) => pyKeyRead(n)?.key === key);
}

/** Whether the item is read as a dict (`item["content"]`, `item.get(...)`) in the code around the message. */
function pyReadAsDict(scope: Node, expr: string): boolean {
  return scope.descendantsOfType(['subscript', 'call']).some((n) => pyKeyRead(n)?.object.text === expr);
}

function pySource(file: PyFile, content: Node, dict: Node): Source<PyRef> {
  if (pyMentions(content, 'output_text')) return { kind: 'output_text' };
  if (pyReferences(content).length === 0) return { kind: 'literal' };
  const trace = pyTraceExpression(file, content);
  // The copied name must mean the same variable where the message is built.
  if (!trace || (trace.key && pyBindingOf(file, trace.expr, dict)?.key !== trace.key)) return { kind: 'untraced' };
  return { kind: 'output item', ref: { expr: trace.expr, dict: pyReadAsDict(pyScopeOf(dict), trace.expr) } };
}

/** Where a dict ends up: under a keyword or key, or in a named history. */
function pySink(dict: Node): { key: string | null; target: Node | null } {
  let node = dict;
  for (let depth = 0; depth < 16 && node.parent; depth++) {
    const parent = node.parent;
    if (PY_PASS_THROUGH.has(parent.type) || (PY_COMPREHENSIONS.has(parent.type) && sameNode(parent.childForFieldName('body'), node))) {
      node = parent;
      continue;
    }
    if (parent.type === 'argument_list') {
      const fn = parent.parent?.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
      return { key: null, target: ADD_METHODS.has(method) ? fn!.childForFieldName('object') : null };
    }
    if (parent.type === 'keyword_argument' || parent.type === 'pair') {
      return { key: pyNameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name')), target: null };
    }
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('right'), node)) {
      return { key: null, target: parent.childForFieldName('left') };
    }
    break;
  }
  return { key: null, target: null };
}

function pyApi(file: PyFile, dict: Node, content: Node): ReplayApi {
  if (pyMentions(content, 'choices')) return 'chat';
  const sink = pySink(dict);
  const name = pyNameOf(sink.target);
  return apiOfKey(sink.key) ?? apiOfUses(name ? file.passedAs.get(name) : undefined) ?? fileApi(file.text);
}

function pyPairs(dict: Node): Map<string, Node> {
  const pairs = new Map<string, Node>();
  for (const pair of dict.namedChildren.filter((c) => c.type === 'pair')) {
    const key = plainContent(pair.childForFieldName('key'))?.value;
    if (key !== undefined) pairs.set(key, pair);
  }
  return pairs;
}

function pyFlow(file: PyFile, dict: Node): Found | null {
  const pairs = pyPairs(dict);
  const role = pairs.get('role');
  const content = pairs.get('content')?.childForFieldName('value');
  const roleValue = role?.childForFieldName('value');
  if (!role || !content || !roleValue) return null;
  const assistant = plainContent(roleValue)?.value === 'assistant';
  if (!assistant && pyKeyRead(roleValue)?.key !== 'role') return null;
  const source = pySource(file, content, dict);
  const quote = role.childForFieldName('key')!.firstChild!.text.slice(-1);
  const ref = source.kind === 'output item' ? source.ref : { expr: 'item', dict: false };
  const accessor = ref.dict ? `${ref.expr}.get(${quote}phase${quote})` : `${ref.expr}.phase`;
  const insertion = `${quote}phase${quote}: ${accessor}`;
  const entries = dict.namedChildren.filter((c) => c.type === 'pair' || c.type === 'dictionary_splat');
  const flow: ReplayFlow = {
    shape: assistant ? 'assistant message' : 're-map',
    source: source.kind,
    carriesPhase: pairs.has('phase') || entries.some((e) => e.type === 'dictionary_splat'),
    api: pyApi(file, dict, content),
    insertion,
    typeConflict: null,
  };
  const last = entries.at(-1)!;
  const edits = appendEntry(file.text, { start: last.startIndex, end: last.endIndex }, dict.lastChild!.startIndex, insertion);
  return { offset: dict.startIndex, flow, edits };
}

const pythonHandler: Handler = (ctx: HandlerContext<PyParsed>) => {
  const file = pyFile(ctx.parsed.tree, ctx.text);
  for (const dict of file.module.descendantsOfType('dictionary')) {
    const found = pyFlow(file, dict);
    if (found) record(ctx, found);
  }
};

export const phaseReplay: Transform = {
  name: 'phase-replay',
  description: 'Keep the assistant `phase` when code rebuilds Responses history by hand; flag output_text replays',
  prefilter: /role\s*[:=]\s*["'`]assistant|["']role["']\s*:\s*["']assistant|output_text|\.output\b|\[\s*["']output["']\s*\]/,
  handlers: {
    js: javascriptHandler,
    python: pythonHandler,
  },
};

export default jscodeshiftTransform(phaseReplay);
