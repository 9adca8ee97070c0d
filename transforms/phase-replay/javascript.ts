/**
 * phase-replay in JS/TS: object literals that build a message with `role` and `content`,
 * where their content comes from (./trace.ts), where they go, and the types on the way
 * (./typescript.ts).
 */
import {
  childPath,
  endOf,
  isObjectProperty,
  isType,
  type JsNode,
  type JsPath,
  literalString,
  memberKey,
  nameOf,
  nodeText,
  type NodeOf,
  parentOf,
  propertyOf,
  startOf,
  typeAnnotationOf,
} from '../../src/languages/js/nodes.js';
import { bindingOf } from '../../src/languages/js/scope.js';
import { appendOnlyEntry } from '../../src/languages/list-edit.js';
import { type JsParsed, pathsOfTypes } from '../../src/languages/js/tree.js';
import type { ReplayFlow } from '../../src/policy/phase-replay.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { Edit } from '../../src/types.js';
import { ADD_METHODS, addTo, apiOfKey, fileApiOf, flowApi, type Found, record, RESPONSES_INPUT_TYPES } from './flow.js';
import { bindingKind, FUNCTIONS, ITERATE_METHODS, type JsFile, mentions, methodCall, type Ref, sourceOf, unwrap } from './trace.js';
import { carriesPhase, typeConflict } from './typescript.js';

const PASS_THROUGH = new Set([
  'ArrayExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'ParenthesizedExpression',
  'TSNonNullExpression',
  'SpreadElement',
]);
const EQUALITY = new Set(['==', '===', '!=', '!==']);

type ObjectNode = NodeOf<'ObjectExpression'>;

/** The node types `indexNode` records, and the object literals that may build a message. */
const FILE_NODE_TYPES = new Set([
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'ImportDeclaration',
  'BinaryExpression',
  'SwitchStatement',
  'CallExpression',
  'ObjectProperty',
  'ObjectExpression',
]);

function fileOf(parsed: JsParsed, text: string, path: string): JsFile {
  const file: JsFile = {
    parsed,
    text,
    api: fileApiOf(text),
    typed: /\.[cm]?tsx?$/.test(path),
    nodes: pathsOfTypes(parsed, FILE_NODE_TYPES),
    types: new Map(),
    sdkNamespaces: new Set(),
    sdkNames: new Map(),
    imports: new Map(),
    narrowed: new Set(),
    calls: new Map(),
    callbacks: new Map(),
    passedAs: new Map(),
    items: new Map(),
    collections: new Map(),
  };
  file.nodes.forEach((p) => indexNode(file, p));
  return file;
}

const isMessage = (node: unknown): boolean => literalString(node)?.value === 'message';

/** Records what traces look up again and again: declarations, imports, `.type` checks, calls, keys. */
function indexNode(file: JsFile, p: JsPath): void {
  const node = p.node;
  switch (node.type) {
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      file.types.set(nameOf(node.id) ?? '', node);
      break;
    case 'ImportDeclaration':
      for (const spec of node.specifiers ?? []) file.imports.set(nameOf(spec.local) ?? '', String(node.source.value));
      if (!/^openai(\/|$)/.test(String(node.source.value))) break;
      for (const spec of node.specifiers ?? []) {
        const local = nameOf(spec.local) ?? '';
        if (spec.type === 'ImportSpecifier') file.sdkNames.set(local, nameOf(spec.imported) ?? local);
        else file.sdkNamespaces.add(local);
      }
      break;
    case 'BinaryExpression':
      if (!EQUALITY.has(node.operator)) break;
      if (isMessage(node.right)) markNarrowed(file, childPath(p, 'left'));
      if (isMessage(node.left)) markNarrowed(file, childPath(p, 'right'));
      break;
    case 'SwitchStatement':
      if (node.cases.some((c) => isMessage(c.test))) markNarrowed(file, childPath(p, 'discriminant'));
      break;
    case 'CallExpression': {
      if (isType(node.callee, 'Identifier')) addTo(file.calls, node.callee.name, p);
      const first = node.arguments[0];
      const iteration = methodCall(p);
      if (isType(first, 'Identifier') && iteration && ITERATE_METHODS.has(iteration.method)) addTo(file.callbacks, first.name, p);
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
function markNarrowed(file: JsFile, typeRead: JsPath): void {
  const object = childPath(typeRead, 'object');
  if (memberKey(typeRead.node) !== 'type' || !isType(object.node, 'Identifier')) return;
  const found = bindingOf(object, object.node.name);
  if (found) file.narrowed.add(found.node);
}

/** Where a message ends up: under a key, in a named history, and the types it must satisfy on the way. */
export interface Sink {
  key: string | null;
  /** The variable or field that receives the message (`history.push(…)`, `history = […]`) or is declared with it. */
  target: JsPath | null;
  /** The target is an existing history the message is added to, whose declared type it must fit. */
  adds: boolean;
  /** Annotations met on the way: `satisfies`, callback and function return types, a declaration's type. */
  types: JsNode[];
  /** Past an `as` assertion, which accepts extra properties. */
  asserted: boolean;
}

function sinkOf(objPath: JsPath): Sink {
  const sink: Sink = { key: null, target: null, adds: false, types: [], asserted: false };
  const addType = (node: JsNode | null | undefined): void => {
    if (node && !sink.asserted) sink.types.push(node);
  };
  let p = objPath;
  for (let depth = 0; depth < 16 && p.parent; depth++) {
    const holder = parentOf(p)!;
    const parent = holder.node;
    const node = p.node;
    if (PASS_THROUGH.has(parent.type)) {
      p = holder;
    } else if (isType(parent, 'TSSatisfiesExpression', 'TSAsExpression')) {
      if (parent.type === 'TSAsExpression') sink.asserted = true;
      addType(parent.typeAnnotation);
      p = holder;
    } else if (isType(parent, 'ReturnStatement') || (isType(parent, 'ArrowFunctionExpression') && parent.body === node)) {
      let fn: JsPath | null = holder;
      while (fn && !FUNCTIONS.has(fn.node.type)) fn = parentOf(fn);
      if (!fn) break;
      addType((fn.node as { returnType?: JsNode | null }).returnType);
      p = fn;
    } else if (isType(parent, 'CallExpression', 'OptionalCallExpression') && (parent.arguments as unknown[]).includes(node)) {
      const call = methodCall(holder);
      if (call && ADD_METHODS.has(call.method)) {
        Object.assign(sink, { target: call.object, adds: true });
        break;
      }
      if (!call || !ITERATE_METHODS.has(call.method) || !FUNCTIONS.has(node.type)) break;
      p = holder; // the callback's result: `.map(...)` of messages
    } else if (isObjectProperty(parent) && parent.value === node) {
      sink.key = nameOf(parent.key);
      break;
    } else if (isType(parent, 'VariableDeclarator') && parent.init === node) {
      sink.target = childPath(holder, 'id');
      addType(typeAnnotationOf(parent.id));
      break;
    } else if (isType(parent, 'AssignmentExpression') && parent.right === node) {
      Object.assign(sink, { target: childPath(holder, 'left'), adds: true });
      break;
    } else {
      break;
    }
  }
  return sink;
}

function apiOf(file: JsFile, sink: Sink, content: JsPath): Pick<ReplayFlow, 'api' | 'sent'> {
  if (mentions(file, content, 'choices')) return { api: 'chat', sent: false };
  const name = sink.target ? nameOf(sink.target.node) : null;
  const found = flowApi(sink.key, name ? file.passedAs.get(name) : undefined, file.api);
  const typedAsInput = sink.types.some((t) => RESPONSES_INPUT_TYPES.test(nodeText(t, file.text)));
  return typedAsInput ? { api: 'responses', sent: true } : found;
}

/** `role` copied from the item: `m.role`, `m["role"]`, or `role` destructured from a parameter. */
function roleFromItem(obj: JsPath, role: JsNode): boolean {
  if (memberKey(role) === 'role') return true;
  if (!isType(role, 'Identifier')) return false;
  const found = bindingOf(obj, role.name);
  const binding = found && bindingKind(found);
  return binding?.kind === 'param' && binding.pattern !== null;
}

function flowOf(file: JsFile, path: JsPath<ObjectNode>): Found | null {
  const obj = path.node;
  const role = propertyOf(obj, 'role');
  const content = propertyOf(obj, 'content');
  if (!role || !content) return null;
  const valueOf = (property: JsNode): JsPath => childPath(path, 'properties', obj.properties.indexOf(property as never), 'value');
  const roleValue = unwrap(valueOf(role)).node;
  const assistant = literalString(roleValue)?.value === 'assistant';
  if (!assistant && !roleFromItem(path, roleValue)) return null;
  const contentPath = valueOf(content);
  const source = sourceOf(file, contentPath, path);
  const sink = sinkOf(path);
  const quote = isType(role.key, 'StringLiteral') ? file.text[startOf(role.key)] : '';
  const ref = source.kind === 'output item' ? source.ref : null;
  const insertion = ref && 'pattern' in ref ? 'phase' : `${quote}phase${quote}: ${ref && 'expr' in ref ? ref.expr : 'item'}.phase`;
  const flow: ReplayFlow = {
    shape: assistant ? 'assistant message' : 're-map',
    source: source.kind,
    carriesPhase: carriesPhase(obj),
    ...apiOf(file, sink, contentPath),
    insertion,
    typeConflict: file.typed ? typeConflict(file, sink) : null,
  };
  const edits = ref ? editsFor(file, obj, endOf(obj) - 1, ref, insertion) : [];
  if (ref && edits.length === 0) flow.source = 'untraced'; // a pattern with a rest element: nowhere to add phase
  return { offset: startOf(obj), flow, edits };
}

/** The edits for a traced message whose closing brace is at `close`, and for the pattern it destructures from. */
function editsFor(file: JsFile, obj: ObjectNode, close: number, ref: Ref, insertion: string): Edit[] {
  const append = (node: ObjectNode | NodeOf<'ObjectPattern'>, at: number, entry: string): Edit[] => {
    const items = node.properties.map((p) => ({ start: startOf(p), end: endOf(p) }));
    return appendOnlyEntry(file.text, { open: startOf(node) + 1, close: at, items }, entry, '//');
  };
  const edits = append(obj, close, insertion);
  if ('expr' in ref) return edits;
  const pattern = ref.pattern;
  if (pattern.properties.some((p) => p.type === 'RestElement')) return [];
  if (propertyOf(pattern, 'phase')) return edits;
  const patternClose = file.text.lastIndexOf('}', startOf(typeAnnotationOf(pattern) ?? { start: endOf(pattern) }) - 1);
  return [...append(pattern, patternClose, 'phase'), ...edits];
}

export const javascript: Handler = (ctx: HandlerContext<JsParsed>) => {
  const file = fileOf(ctx.parsed, ctx.text, ctx.path);
  for (const path of file.nodes) {
    const found = isType(path.node, 'ObjectExpression') ? flowOf(file, path as JsPath<ObjectNode>) : null;
    if (found) record(ctx, found);
  }
};
