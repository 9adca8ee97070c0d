/** computer-use in JS/TS: the preview tool, request fields and single-action reads of one file. */
import { removeEntries } from '../../src/languages/list-edit.js';
import {
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
  parentNode,
  parentOf,
  propertyOf,
  startOf,
  unwrapValue,
} from '../../src/languages/js/nodes.js';
import { requestFacts } from '../../src/languages/js/requests.js';
import { enclosingScope, isVariableRead } from '../../src/languages/js/scope.js';
import { type JsParsed, pathsOfType, pathsWithin } from '../../src/languages/js/tree.js';
import { DROPPED_TOOL_FIELDS, frameworkBlocker, GA_TOOL, PREVIEW_TOOL_TYPES } from '../../src/policy/computer-use.js';
import { MODEL_KEY } from '../../src/policy/context.js';
import type { HandlerContext } from '../../src/transform.js';
import type { Edit } from '../../src/types.js';
import {
  type ActionUse,
  type Candidate,
  compact,
  COMPUTER_CALL,
  emptyFacts,
  type Facts,
  firstLine,
  flowHandler,
  flowRequests,
  LOOP_VARIABLE,
  namesComputerCall,
  previewModels,
  TOOL_CHOICE_KEYS,
  type ToolChange,
  TRUNCATION_KEY,
  TYPE_KEY,
} from './flow.js';

type ObjectNode = NodeOf<'ObjectExpression'>;
type Literal = { value: string; start: number; end: number };

/** The `type` string of an object when it names the preview tool. */
function previewType(obj: ObjectNode): Literal | null {
  const type = propertyOf(obj, TYPE_KEY);
  const literal = type ? literalString(unwrapValue(type.value)) : null;
  return literal && PREVIEW_TOOL_TYPES.has(literal.value) ? literal : null;
}

function remove(text: string, obj: ObjectNode, drop: (prop: JsNode) => boolean): Edit[] {
  const items = obj.properties;
  const spans = items.map((p) => ({ start: startOf(p), end: endOf(p) }));
  return removeEntries(text, { open: startOf(obj) + 1, items: spans }, (i) => drop(items[i]!), '//');
}

function tool(obj: ObjectNode, type: Literal, text: string): ToolChange {
  const dropped = remove(text, obj, (p) => isObjectProperty(p) && DROPPED_TOOL_FIELDS.has(nameOf(p.key) ?? ''));
  return { offset: startOf(obj), type: type.value, edits: [{ start: type.start, end: type.end, text: GA_TOOL }, ...dropped] };
}

function isToolChoiceValue(path: JsPath): boolean {
  const parent = parentNode(path);
  return isObjectProperty(parent) && parent.value === path.node && TOOL_CHOICE_KEYS.has(nameOf(parent.key) ?? '');
}

/**
 * A preview tool that stays by design: built in a branch that chose the preview tool
 * (`if (usePreviewComputerTool)`, `data === 'computer_use_preview' ? …`), the way an SDK
 * keeps serving the preview model beside the GA one, or the value a test expects.
 */
function keepsPreview(path: JsPath, text: string): boolean {
  for (let child = path, p = parentOf(path); p; child = p, p = parentOf(p)) {
    const node = p.node;
    if (
      isType(node, 'IfStatement', 'ConditionalExpression') &&
      node.consequent === child.node &&
      /preview/i.test(nodeText(node.test, text))
    )
      return true;
    if (isType(node, 'CallExpression') && /^expect\b/.test(nodeText(node.callee, text))) return true;
  }
  return false;
}

function request(facts: Facts, obj: ObjectNode, text: string): void {
  facts.requests.push(requestFacts(obj, text));
  const truncation = propertyOf(obj, TRUNCATION_KEY);
  if (truncation && literalString(unwrapValue(truncation.value))?.value === 'auto') {
    facts.truncations.push({ offset: startOf(truncation), edits: remove(text, obj, (p) => p === truncation) });
  }
  const choice = propertyOf(obj, TOOL_CHOICE_KEYS);
  const value = unwrapValue(choice?.value);
  const literal = isType(value, 'ObjectExpression') ? previewType(value) : literalString(value);
  if (choice && literal && PREVIEW_TOOL_TYPES.has(literal.value)) {
    facts.toolChoices.push({ offset: literal.start, edits: [{ start: literal.start, end: literal.end, text: GA_TOOL }] });
  }
}

/** An object inside a recorded Responses body (`object: "response"`, LangChain's `response_metadata`): data, not a request. */
function isRecorded(path: JsPath): boolean {
  for (let p: JsPath | null = path; p; p = parentOf(p)) {
    const node = p.node;
    if (isType(node, 'ObjectExpression') && literalString(unwrapValue(propertyOf(node, 'object')?.value))?.value === 'response')
      return true;
    if (isObjectProperty(node) && nameOf(node.key) === 'response_metadata') return true;
  }
  return false;
}

/** Constructors that send the request as written: the OpenAI clients, and the Agents SDK's agent. */
const CLIENTS = new Set(['OpenAI', 'AzureOpenAI', 'Agent']);

/** `new ChatOpenAI({model})`: the class a request's settings are handed to, when it is a framework that runs the calls itself. */
function frameworkOf(path: JsPath): string | null {
  const parent = parentNode(path);
  const name = isType(parent, 'NewExpression') && (parent.arguments as unknown[]).includes(path.node) ? nameOf(parent.callee) : null;
  return name && !CLIENTS.has(name) ? name : null;
}

function fileFacts(ctx: HandlerContext<JsParsed>): Facts {
  const text = ctx.text;
  const objects = pathsOfType(ctx.parsed, 'ObjectExpression').filter((p) => !isRecorded(p));
  const recorded = pathsOfType(ctx.parsed, 'ObjectExpression').filter(isRecorded);
  // A test's `expect(getToolChoice('computer', {model: 'computer-use-preview'}))` checks how the preview model is served.
  const expected = pathsOfType(ctx.parsed, 'CallExpression').filter((p) => /^expect\b/.test(nodeText(p.node.callee, text)));
  const held = [...recorded, ...expected];
  const inHeld = (m: { start: number }): boolean => held.some((r) => m.start >= startOf(r.node) && m.start < endOf(r.node));
  const facts = emptyFacts(
    'raw',
    previewModels(ctx).filter((m) => !inHeld(m)),
  );
  const candidates: Candidate<JsPath<ObjectNode>>[] = [];
  for (const path of objects) {
    const obj = path.node;
    const type = previewType(obj);
    if (type && !isToolChoiceValue(path) && !keepsPreview(path, text)) facts.tools.push(tool(obj, type, text));
    const model = obj.properties.find((p) => isObjectProperty(p) && MODEL_KEY.test(nameOf(p.key) ?? ''));
    const value = isObjectProperty(model) ? unwrapValue(model.value) : null;
    if (value) candidates.push({ node: path, value: { start: startOf(value), end: endOf(value) }, name: nameOf(value) });
  }
  for (const found of flowRequests(candidates, facts.models)) {
    request(facts, found.node, text);
    const framework = frameworkOf(found);
    if (framework) facts.blocker ??= frameworkBlocker(framework);
  }
  const sdk = pathsOfType(ctx.parsed, 'CallExpression').some((p) => nameOf(p.node.callee) === 'computerTool');
  if (sdk && facts.tools.length === 0) facts.kind = 'sdk';
  facts.actions = actions(ctx.parsed, text);
  return facts;
}

const EQUALITY = new Set(['==', '===', '!=', '!==']);

/** `x.type` or `x['type']`: the object whose type is read. */
function typeRead(node: unknown): JsNode | null {
  const member = unwrapValue(node);
  return isType(member, 'MemberExpression') && memberKey(member) === 'type' ? member.object : null;
}

function mentionsComputerCall(parsed: JsParsed, node: JsNode): boolean {
  return pathsWithin(parsed, node, 'StringLiteral').some((p) => p.node.value === COMPUTER_CALL);
}

const isCallLiteral = (node: unknown): boolean => literalString(node)?.value === COMPUTER_CALL;

/**
 * Source texts (without whitespace) of expressions that hold a computer call: compared by
 * type (`item.type === "computer_call"`, a `case "computer_call":`), declared from an
 * expression that picks computer calls, or the variable of a loop over such a list.
 */
function computerCalls(parsed: JsParsed, text: string): Set<string> {
  const calls = new Set<string>();
  for (const { node } of pathsOfType(parsed, 'BinaryExpression')) {
    if (!EQUALITY.has(node.operator)) continue;
    const object = isCallLiteral(node.right) ? typeRead(node.left) : isCallLiteral(node.left) ? typeRead(node.right) : null;
    if (object) calls.add(compact(nodeText(object, text)));
  }
  for (const { node } of pathsOfType(parsed, 'SwitchStatement')) {
    const object = typeRead(node.discriminant);
    if (object && node.cases.some((c) => c.test && isCallLiteral(c.test))) calls.add(compact(nodeText(object, text)));
  }
  for (const { node } of pathsOfType(parsed, 'VariableDeclarator')) {
    if (isType(node.id, 'Identifier') && node.init && mentionsComputerCall(parsed, node.init)) calls.add(node.id.name);
  }
  for (const { node } of pathsOfType(parsed, 'ForOfStatement')) {
    const id = isType(node.left, 'VariableDeclaration')
      ? (node.left.declarations[0] as NodeOf<'VariableDeclarator'> | undefined)?.id
      : node.left;
    if (!isType(id, 'Identifier')) continue;
    if (calls.has(compact(nodeText(node.right, text))) || mentionsComputerCall(parsed, node.right)) calls.add(id.name);
  }
  return calls;
}

/** `call`, `this.call`, `items[0]`: read twice by the loop head, so it must be free of calls and side effects. */
function isPlainPath(node: JsNode): boolean {
  if (isType(node, 'Identifier', 'ThisExpression')) return true;
  if (!isType(node, 'MemberExpression')) return false;
  const key = node.property;
  return isPlainPath(node.object) && (!node.computed || isType(key, 'NumericLiteral', 'Identifier') || literalString(key) !== null);
}

type Member = NodeOf<'MemberExpression' | 'OptionalMemberExpression'>;

/** Already a loop over both shapes: `call.actions ?? [call.action]`. */
function isFallback(path: JsPath, text: string): boolean {
  const list = parentNode(path);
  const holder = parentOf(path);
  const logical = holder ? parentNode(holder) : undefined;
  return (
    isType(list, 'ArrayExpression') &&
    list.elements.length === 1 &&
    isType(logical, 'LogicalExpression') &&
    logical.right === list &&
    /\bactions\b/.test(nodeText(logical.left, text))
  );
}

/** The statement a read sits in, when that statement does nothing but pass the action to one call. */
function callStatement(path: JsPath): JsPath | null {
  const call = parentOf(path);
  if (!call || !isType(call.node, 'CallExpression') || !(call.node.arguments as unknown[]).includes(path.node)) return null;
  const awaited = isType(parentNode(call), 'AwaitExpression') ? parentOf(call)! : call;
  const statement = parentOf(awaited);
  return statement && isType(statement.node, 'ExpressionStatement') ? statement : null;
}

function statementOf(path: JsPath): JsNode {
  let current = path;
  while (current.parent && !/Statement$|Declaration$/.test(current.node.type)) current = parentOf(current)!;
  return current.node;
}

/** Whether `action` is read as a variable anywhere in the statement (a loop variable would shadow it). */
function readsLoopVariable(parsed: JsParsed, statement: JsPath): boolean {
  return pathsWithin(parsed, statement.node, 'Identifier').some((p) => p.node.name === LOOP_VARIABLE && isVariableRead(p));
}

function loopHead(object: string, read: string, computed: boolean, quote: string): string {
  const list = computed ? `${object}[${quote}actions${quote}]` : `${object}.actions`;
  return `for (const ${LOOP_VARIABLE} of ${list} ?? [${read}])`;
}

function actionUse(parsed: JsParsed, path: JsPath<Member>, text: string, reads: JsNode[]): ActionUse {
  const node = path.node;
  const quote = node.computed ? (text[startOf(node.property)] ?? "'") : "'";
  const object = nodeText(node.object, text);
  const head = loopHead(isPlainPath(node.object) ? object : `(${object})`, nodeText(node, text), node.computed === true, quote);
  const base = { offset: startOf(node), loop: `${head} { … }` };
  const statement = callStatement(path);
  const inside = (r: JsNode): boolean => statement !== null && startOf(r) >= startOf(statement.node) && endOf(r) <= endOf(statement.node);
  const alone = statement && reads.every((r) => r === node || !inside(r));
  // `call?.action` stays with a person: the loop head would need the same optional chain.
  if (!statement || !alone || !isType(node, 'MemberExpression') || readsLoopVariable(parsed, statement) || !isPlainPath(node.object)) {
    return { ...base, use: firstLine(nodeText(statementOf(path), text)), edits: null };
  }
  const at = startOf(statement.node);
  return {
    ...base,
    use: firstLine(nodeText(statement.node, text)),
    edits: [
      { start: at, end: at, text: `${head} ` },
      { start: startOf(node), end: endOf(node), text: LOOP_VARIABLE },
    ],
  };
}

/** The `type` literal a branch narrows `object` to: `if (item.type === "shell_call") { here }`, `case "shell_call":`. */
function narrowedType(test: unknown, object: string, text: string): string | null {
  if (!isType(test, 'BinaryExpression') || !['==', '==='].includes(test.operator)) return null;
  const [read, literal] = literalString(test.right) ? [test.left, test.right] : [test.right, test.left];
  const of = typeRead(read);
  return of && compact(nodeText(unwrapValue(of)!, text)) === object ? (literalString(literal)?.value ?? null) : null;
}

/**
 * The innermost branch that narrows the read's object by `type`, and the block it guards:
 * `.action` under `shell_call`, `local_shell_call` or `web_search_call` is not a computer action.
 */
function branchOf(path: JsPath, object: string, text: string): { type: string; block: JsNode } | null {
  for (let child = path, p = parentOf(path); p; child = p, p = parentOf(p)) {
    const node = p.node;
    const test = isType(node, 'IfStatement', 'ConditionalExpression') && node.consequent === child.node ? node.test : null;
    const type = test ? narrowedType(test, object, text) : null;
    if (type) return { type, block: child.node };
    if (isType(node, 'SwitchCase') && node.test && isType(parentNode(p), 'SwitchStatement')) {
      const switched = typeRead((parentNode(p) as NodeOf<'SwitchStatement'>).discriminant);
      const literal = literalString(node.test)?.value;
      if (switched && literal && compact(nodeText(unwrapValue(switched)!, text)) === object) return { type: literal, block: node };
    }
  }
  return null;
}

/** Whether `block` also reads `object.actions` (through casts too) or destructures `actions` from it: code that handles both shapes. */
function readsActions(parsed: JsParsed, block: JsNode, object: string, text: string): boolean {
  const same = (node: unknown): boolean => compact(nodeText(unwrapValue(node)!, text)) === object;
  const member = (p: JsPath): boolean =>
    isType(p.node, 'MemberExpression', 'OptionalMemberExpression') && memberKey(p.node) === 'actions' && same(p.node.object);
  const pattern = (p: JsPath): boolean => {
    const { id, init } = p.node as NodeOf<'VariableDeclarator'>;
    return (
      isType(id, 'ObjectPattern') &&
      init !== null &&
      init !== undefined &&
      same(init) &&
      id.properties.some((q) => 'key' in q && nameOf(q.key) === 'actions')
    );
  };
  return pathsWithin(parsed, block, 'Node').some((p) => member(p) || (isType(p.node, 'VariableDeclarator') && pattern(p)));
}

/** `x.action = …` writes the field, and `expect(call.action)` checks a fixture the test builds itself: neither runs an action. */
function isWriteOrAssertion(path: JsPath): boolean {
  const parent = parentNode(path);
  if (isType(parent, 'AssignmentExpression') && parent.left === path.node) return true;
  return isType(parent, 'CallExpression') && nameOf(parent.callee) === 'expect';
}

/** A read that needs a person or a rewrite: of a computer call, in no other call type's branch, in code that does not already read `actions`. */
function isSingleActionRead(parsed: JsParsed, path: JsPath, object: JsNode, text: string): boolean {
  if (isWriteOrAssertion(path)) return false;
  const key = compact(nodeText(unwrapValue(object)!, text));
  const branch = branchOf(path, key, text);
  if (branch && branch.type !== COMPUTER_CALL) return false;
  return !readsActions(parsed, branch?.block ?? enclosingScope(path), key, text);
}

function actions(parsed: JsParsed, text: string): ActionUse[] {
  const calls = computerCalls(parsed, text);
  const holdsCall = (node: JsNode): boolean => {
    const held = unwrapValue(node)!;
    return calls.has(compact(nodeText(held, text))) || namesComputerCall(nameOf(held));
  };
  const isRead = (path: JsPath<Member>): boolean =>
    memberKey(path.node) === 'action' &&
    holdsCall(path.node.object) &&
    !isFallback(path, text) &&
    isSingleActionRead(parsed, path, path.node.object, text);
  const reads = [
    ...pathsOfType(parsed, 'MemberExpression').filter(isRead),
    ...pathsOfType(parsed, 'OptionalMemberExpression').filter(isRead),
  ];
  const uses = reads.map((p) =>
    actionUse(
      parsed,
      p,
      text,
      reads.map((r) => r.node),
    ),
  );
  // `const { action } = call` takes the single action apart where no loop can be inserted.
  for (const path of pathsOfType(parsed, 'VariableDeclarator')) {
    const { id, init } = path.node;
    if (!isType(id, 'ObjectPattern') || !init || !holdsCall(init) || !isSingleActionRead(parsed, path, init, text)) continue;
    if (!id.properties.some((p) => 'key' in p && nameOf(p.key) === 'action')) continue;
    const object = nodeText(init, text);
    uses.push({
      offset: startOf(path.node),
      use: firstLine(nodeText(statementOf(path), text)),
      loop: `${loopHead(object, `${object}.action`, false, "'")} { … }`,
      edits: null,
    });
  }
  return uses.sort((a, b) => a.offset - b.offset);
}

export const javascript = flowHandler(fileFacts);
