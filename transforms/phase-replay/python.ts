/**
 * phase-replay in Python: dicts that build a message with `role` and `content`, traced
 * through the names the adapter's scope resolver binds (src/languages/python/scope.ts).
 */
import type { Node } from 'web-tree-sitter';
import { appendOnlyEntry } from '../../src/languages/list-edit.js';
import { keyRead, nameOf, plainContent, positionalArguments, readsIn, sameNode } from '../../src/languages/python/nodes.js';
import { type Binding, isComprehension, Scopes, scopeOf } from '../../src/languages/python/scope.js';
import type { PyParsed } from '../../src/languages/python.js';
import type { ReplayApi, ReplayFlow } from '../../src/policy/phase-replay.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import { ADD_METHODS, addTo, apiOfKey, fileApiOf, flowApi, type Found, ITEM_TYPES, record, type Source, traced } from './flow.js';

/** A parameter annotated with one of these receives an output list. */
const LIST_TYPES = /\b(ResponseOutputItem|ResponseOutputMessage)\]/;

/** Code that reads an output item (`item`, `resp.output[-1]`), and the binding a variable must resolve to where it is copied. */
type Trace = { expr: string; key: string | null };

/** The item a message copies phase from, and whether it is a dict (raw HTTP JSON) rather than an SDK object. */
type Ref = { expr: string; dict: boolean };

interface File {
  text: string;
  /** The API the file's own calls point to (see fileApiOf). */
  api: () => ReplayApi;
  module: Node;
  /** Calls by function name: `to_message(item)`. */
  calls: Map<string, Node[]>;
  scopes: Scopes;
  /** Bindings (keyed as Scopes.bindingOf keys them) compared with `.type == "message"` somewhere. */
  narrowed: Set<string>;
  /** How each name is passed as `messages` / `input`. */
  passedAs: Map<string, ReplayApi[]>;
  items: Map<string, Trace | null>;
  collections: Map<string, boolean>;
}

const PASS_THROUGH = new Set(['list', 'tuple', 'parenthesized_expression', 'conditional_expression']);
/** Calls that return (part of) a list they are given: `reversed(resp.output)`, with the argument's index. */
const COLLECTION_CALLS = new Map([
  ['reversed', 0],
  ['list', 0],
  ['sorted', 0],
  ['tuple', 0],
  ['filter', 1],
]);

function fileOf(tree: PyParsed['tree'], text: string): File {
  const module = tree.rootNode;
  const file: File = {
    text,
    api: fileApiOf(text),
    module,
    calls: new Map(),
    scopes: new Scopes(),
    narrowed: new Set(),
    passedAs: new Map(),
    items: new Map(),
    collections: new Map(),
  };
  for (const call of module.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type === 'identifier') addTo(file.calls, fn.text, call);
  }
  for (const kv of module.descendantsOfType(['keyword_argument', 'pair'])) {
    const api = apiOfKey(nameOf(kv.childForFieldName(kv.type === 'pair' ? 'key' : 'name')));
    const value = nameOf(kv.childForFieldName('value'));
    if (api && value) addTo(file.passedAs, value, api);
  }
  for (const comparison of module.descendantsOfType('comparison_operator')) {
    const operands = comparison.namedChildren;
    if (!operands.some((o) => plainContent(o)?.value === 'message')) continue;
    for (const operand of operands) {
      const read = keyRead(operand);
      const found = read?.key === 'type' && read.object.type === 'identifier' ? file.scopes.bindingOf(read.object.text, read.object) : null;
      if (found) file.narrowed.add(found.key);
    }
  }
  return file;
}

/** A parameter annotated as `typeTest` says, or of a helper whose callers in this module pass what `test` accepts. */
function paramFed(file: File, binding: Extract<Binding, { kind: 'param' }>, typeTest: RegExp, test: (arg: Node) => boolean): boolean {
  if (typeTest.test(binding.param.childForFieldName('type')?.text ?? '')) return true;
  const name = binding.fn.childForFieldName('name')?.text;
  return (
    name !== undefined &&
    (file.calls.get(name) ?? []).some((call) => {
      const arg = positionalArguments(call)[binding.index];
      return arg !== undefined && test(arg);
    })
  );
}

function unwrap(node: Node): Node {
  let n = node;
  while ((n.type === 'parenthesized_expression' || n.type === 'await') && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** `resp.output`, `data["output"]`, `body.get("output")`, filtered, reversed or listed, or a variable holding one. */
function isCollection(file: File, node: Node): boolean {
  const n = unwrap(node);
  if (keyRead(n)?.key === 'output') return true;
  if (n.type === 'call') {
    const index = COLLECTION_CALLS.get(n.childForFieldName('function')?.text ?? '');
    const arg = index === undefined ? undefined : positionalArguments(n)[index];
    return arg !== undefined && isCollection(file, arg);
  }
  if (n.type === 'list_comprehension') {
    // `[i for i in resp.output if i.type == "message"]`
    const clause = n.namedChildren.find((c) => c.type === 'for_in_clause');
    const iter = clause?.childForFieldName('right');
    return iter != null && n.childForFieldName('body')?.text === clause?.childForFieldName('left')?.text && isCollection(file, iter);
  }
  if (n.type !== 'identifier') return false;
  const found = file.scopes.bindingOf(n.text, n);
  if (!found) return false;
  const { binding } = found;
  return traced(file.collections, found.key, false, () => {
    if (binding.kind === 'var') return !binding.destructured && isCollection(file, binding.value);
    return binding.kind === 'param' && paramFed(file, binding, LIST_TYPES, (arg) => isCollection(file, arg));
  });
}

/** `resp.output[-1]`, `next(i for i in resp.output if …)`. */
function isElement(file: File, node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'subscript') {
    return plainContent(n.childForFieldName('subscript')) === null && isCollection(file, n.childForFieldName('value')!);
  }
  if (n.type !== 'call' || n.childForFieldName('function')?.text !== 'next') return false;
  // `next(i for i in …)`: the generator is the whole argument list.
  const args = n.childForFieldName('arguments');
  const generator = args?.type === 'generator_expression' ? args : positionalArguments(n)[0];
  const iter = generator?.namedChildren.find((c) => c.type === 'for_in_clause')?.childForFieldName('right');
  return iter != null && isCollection(file, iter);
}

/** The output item a variable holds or was derived from, as code that reads it. */
function traceIdentifier(file: File, use: Node): Trace | null {
  const found = file.scopes.bindingOf(use.text, use);
  if (!found) return null;
  const { binding, key } = found;
  const item = { expr: use.text, key };
  return traced(file.items, key, null, () => {
    if (file.narrowed.has(key)) return item;
    switch (binding.kind) {
      case 'loop':
        return isCollection(file, binding.iter) ? item : null;
      case 'var':
        if (!binding.destructured && isElement(file, binding.value)) return item;
        return traceExpression(file, binding.value);
      case 'param':
        return paramFed(file, binding, ITEM_TYPES, (arg) => traceExpression(file, arg) !== null) ? item : null;
    }
  });
}

/** The output item `node` reads, directly (`resp.output[-1]`) or through a variable. */
function traceExpression(file: File, node: Node): Trace | null {
  const element = [node, ...node.descendantsOfType(['subscript', 'call'])].find((n) => isElement(file, n));
  if (element) return { expr: element.text, key: null };
  for (const id of readsIn(node)) {
    const trace = traceIdentifier(file, id);
    if (trace) return trace;
  }
  return null;
}

function mentions(node: Node, key: string): boolean {
  return [node, ...node.descendantsOfType(['attribute', 'subscript'])].some((n) => keyRead(n)?.key === key);
}

/** Whether the item is read as a dict (`item["content"]`, `item.get(...)`) in the code around the message. */
function readAsDict(scope: Node, expr: string): boolean {
  return scope.descendantsOfType(['subscript', 'call']).some((n) => keyRead(n)?.object.text === expr);
}

function sourceOf(file: File, content: Node, dict: Node): Source<Ref> {
  if (mentions(content, 'output_text')) return { kind: 'output_text' };
  if (readsIn(content).length === 0) return { kind: 'literal' };
  const trace = traceExpression(file, content);
  // The copied name must mean the same variable where the message is built.
  if (!trace || (trace.key && file.scopes.bindingOf(trace.expr, dict)?.key !== trace.key)) return { kind: 'untraced' };
  return { kind: 'output item', ref: { expr: trace.expr, dict: readAsDict(scopeOf(dict), trace.expr) } };
}

/** Where a dict ends up: under a keyword or key, or in a named history. */
function sinkOf(dict: Node): { key: string | null; target: Node | null } {
  let node = dict;
  for (let depth = 0; depth < 16 && node.parent; depth++) {
    const parent = node.parent;
    if (PASS_THROUGH.has(parent.type) || (isComprehension(parent) && sameNode(parent.childForFieldName('body'), node))) {
      node = parent;
      continue;
    }
    if (parent.type === 'argument_list') {
      const fn = parent.parent?.childForFieldName('function');
      const method = fn?.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : '';
      return { key: null, target: ADD_METHODS.has(method) ? fn!.childForFieldName('object') : null };
    }
    if (parent.type === 'keyword_argument' || parent.type === 'pair') {
      return { key: nameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name')), target: null };
    }
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('right'), node)) {
      return { key: null, target: parent.childForFieldName('left') };
    }
    break;
  }
  return { key: null, target: null };
}

function apiOf(file: File, dict: Node, content: Node): Pick<ReplayFlow, 'api' | 'sent'> {
  if (mentions(content, 'choices')) return { api: 'chat', sent: false };
  const sink = sinkOf(dict);
  const name = nameOf(sink.target);
  return flowApi(sink.key, name ? file.passedAs.get(name) : undefined, file.api);
}

function pairsOf(dict: Node): Map<string, Node> {
  const pairs = new Map<string, Node>();
  for (const pair of dict.namedChildren.filter((c) => c.type === 'pair')) {
    const key = plainContent(pair.childForFieldName('key'))?.value;
    if (key !== undefined) pairs.set(key, pair);
  }
  return pairs;
}

function flowOf(file: File, dict: Node): Found | null {
  const pairs = pairsOf(dict);
  const role = pairs.get('role');
  const content = pairs.get('content')?.childForFieldName('value');
  const roleValue = role?.childForFieldName('value');
  if (!role || !content || !roleValue) return null;
  const assistant = plainContent(roleValue)?.value === 'assistant';
  if (!assistant && keyRead(roleValue)?.key !== 'role') return null;
  const source = sourceOf(file, content, dict);
  const quote = role.childForFieldName('key')!.firstChild!.text.slice(-1);
  const ref = source.kind === 'output item' ? source.ref : { expr: 'item', dict: false };
  const accessor = ref.dict ? `${ref.expr}.get(${quote}phase${quote})` : `${ref.expr}.phase`;
  const insertion = `${quote}phase${quote}: ${accessor}`;
  const entries = dict.namedChildren.filter((c) => c.type === 'pair' || c.type === 'dictionary_splat');
  const flow: ReplayFlow = {
    shape: assistant ? 'assistant message' : 're-map',
    source: source.kind,
    carriesPhase: pairs.has('phase') || entries.some((e) => e.type === 'dictionary_splat'),
    ...apiOf(file, dict, content),
    insertion,
    typeConflict: null,
  };
  const items = entries.map((e) => ({ start: e.startIndex, end: e.endIndex }));
  const edits = appendOnlyEntry(file.text, { open: dict.startIndex + 1, close: dict.lastChild!.startIndex, items }, insertion, '#');
  return { offset: dict.startIndex, flow, edits };
}

export const python: Handler = (ctx: HandlerContext<PyParsed>) => {
  const file = fileOf(ctx.parsed.tree, ctx.text);
  for (const dict of file.module.descendantsOfType('dictionary')) {
    const found = flowOf(file, dict);
    if (found) record(ctx, found);
  }
};
