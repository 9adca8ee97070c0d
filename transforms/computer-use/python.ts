/** computer-use in Python: the preview tool, request fields and single-action reads of one file. */
import type { Node as PyNode } from 'web-tree-sitter';
import { indentBefore, lineBreak, lineEnd } from '../../src/languages/layout.js';
import { removeEntries } from '../../src/languages/list-edit.js';
import {
  entryList,
  fileQuote,
  itemKey,
  keyRead,
  nameOf,
  plainContent,
  positionalArguments,
  readsIn,
  sameNode,
  settingsOf,
} from '../../src/languages/python/nodes.js';
import { requestFacts } from '../../src/languages/python/requests.js';
import type { PyParsed } from '../../src/languages/python.js';
import { DROPPED_TOOL_FIELDS, GA_TOOL, PREVIEW_TOOL_TYPES } from '../../src/policy/computer-use.js';
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
  TRUNCATION_KEY,
  TYPE_KEY,
} from './flow.js';
import { localLoop } from './python-loop.js';

function remove(text: string, container: PyNode, drop: (item: PyNode) => boolean): Edit[] {
  const list = entryList(container);
  return list ? removeEntries(text, list, (i) => drop(list.nodes[i]!), '#') : [];
}

function setting(container: PyNode, keys: ReadonlySet<string>): { key: string; value: PyNode } | null {
  return settingsOf(container).find((s) => keys.has(s.key)) ?? null;
}

function previewType(container: PyNode): { value: string; start: number; end: number } | null {
  const literal = plainContent(setting(container, TYPE_KEY)?.value);
  return literal && PREVIEW_TOOL_TYPES.has(literal.value) ? literal : null;
}

function isToolChoiceValue(node: PyNode): boolean {
  const holder = node.parent;
  return !!holder && sameNode(holder.childForFieldName('value'), node) && TOOL_CHOICE_KEYS.has(itemKey(holder) ?? '');
}

function request(facts: Facts, container: PyNode, text: string): void {
  facts.requests.push(requestFacts(container));
  const truncation = setting(container, TRUNCATION_KEY);
  if (truncation && plainContent(truncation.value)?.value === 'auto') {
    const item = truncation.value.parent!;
    facts.truncations.push({ offset: item.startIndex, edits: remove(text, container, (c) => sameNode(c, item)) });
  }
  const choice = setting(container, TOOL_CHOICE_KEYS);
  if (!choice) return;
  const literal = choice.value.type === 'string' ? plainContent(choice.value) : previewType(choice.value);
  if (literal && PREVIEW_TOOL_TYPES.has(literal.value)) {
    facts.toolChoices.push({ offset: literal.start, edits: [{ start: literal.start, end: literal.end, text: GA_TOOL }] });
  }
}

const REGEX_FUNCTIONS = new Set(['search', 'match', 'fullmatch', 'compile', 'findall']);

/** Spans of `re.search(r"computer-use-preview", model)` patterns: a predicate that recognises the model, not a use of it. */
function regexPatterns(root: PyNode): Array<{ start: number; end: number }> {
  return root
    .descendantsOfType('call')
    .filter((call) => {
      const callee = call?.childForFieldName('function');
      return callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 're' && REGEX_FUNCTIONS.has(nameOf(callee) ?? '');
    })
    .map((call) => positionalArguments(call)[0])
    .filter((pattern): pattern is PyNode => pattern?.type === 'string')
    .map((pattern) => ({ start: pattern.startIndex, end: pattern.endIndex }));
}

function fileFacts(ctx: HandlerContext<PyParsed>): Facts {
  const root = ctx.parsed.tree.rootNode;
  const text = ctx.text;
  const patterns = regexPatterns(root);
  const models = previewModels(ctx).filter((m) => !patterns.some((p) => m.start >= p.start && m.end <= p.end));
  const facts = emptyFacts('raw', models);
  const candidates: Candidate<PyNode>[] = [];
  let sdk = false;
  for (const container of root.descendantsOfType(['dictionary', 'call'])) {
    if (!container) continue;
    if (container.type === 'call' && nameOf(container.childForFieldName('function')) === 'ComputerTool') sdk = true;
    const type = previewType(container);
    if (type && !isToolChoiceValue(container)) {
      const dropped = remove(text, container, (c) => DROPPED_TOOL_FIELDS.has(itemKey(c) ?? ''));
      facts.tools.push({
        offset: container.startIndex,
        type: type.value,
        edits: [{ start: type.start, end: type.end, text: GA_TOOL }, ...dropped],
      });
    }
    const model = settingsOf(container).find((s) => MODEL_KEY.test(s.key))?.value;
    if (model) candidates.push({ node: container, value: { start: model.startIndex, end: model.endIndex }, name: nameOf(model) });
  }
  for (const found of flowRequests(candidates, facts.models)) request(facts, found, text);
  if (sdk && facts.tools.length === 0) facts.kind = 'sdk';
  facts.actions = actions(ctx.parsed, text);
  return facts;
}

function mentionsComputerCall(node: PyNode): boolean {
  return node.descendantsOfType('string').some((s) => plainContent(s)?.value === COMPUTER_CALL);
}

/** `computer_calls[0]`: one element of a list of computer calls. */
function picksCall(calls: ReadonlySet<string>, node: PyNode): boolean {
  const list = node.type === 'subscript' ? node.childForFieldName('value') : null;
  return list !== null && calls.has(compact(list.text));
}

/** Expressions compared to "computer_call", names assigned from such a pick or from one element of it, loop variables over them. */
function computerCalls(root: PyNode): Set<string> {
  const calls = new Set<string>();
  for (const comparison of root.descendantsOfType('comparison_operator')) {
    const operands = comparison?.namedChildren ?? [];
    if (operands.length !== 2 || !operands.some((o) => plainContent(o)?.value === COMPUTER_CALL)) continue;
    const object = operands.map((o) => (keyRead(o)?.key === 'type' ? keyRead(o)!.object : null)).find((o) => o);
    if (object) calls.add(compact(object.text));
  }
  for (const assignment of root.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right && (mentionsComputerCall(right) || picksCall(calls, right))) calls.add(left.text);
  }
  for (const loop of root.descendantsOfType('for_statement')) {
    const left = loop?.childForFieldName('left');
    const right = loop?.childForFieldName('right');
    if (left?.type === 'identifier' && right && (calls.has(compact(right.text)) || mentionsComputerCall(right))) calls.add(left.text);
  }
  return calls;
}

/** Already a loop over both shapes: `item.get("actions") or [item["action"]]`. */
function isFallback(read: PyNode): boolean {
  const list = read.parent;
  const or = list?.parent;
  return (
    list?.type === 'list' &&
    list.namedChildren.length === 1 &&
    or?.type === 'boolean_operator' &&
    sameNode(or.childForFieldName('right'), list) &&
    /\bactions\b/.test(or.childForFieldName('left')?.text ?? '')
  );
}

function callStatement(read: PyNode): PyNode | null {
  const holder = read.parent?.type === 'keyword_argument' ? read.parent : read;
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  if (call?.type !== 'call') return null;
  const awaited = call.parent?.type === 'await' ? call.parent : call;
  const statement = awaited.parent;
  return statement?.type === 'expression_statement' && statement.namedChildren.length === 1 ? statement : null;
}

function statementOf(node: PyNode): PyNode {
  let current = node;
  while (
    current.parent &&
    !/statement$|^assignment$/.test(current.type) &&
    current.parent.type !== 'block' &&
    current.parent.type !== 'module'
  ) {
    current = current.parent;
  }
  return current;
}

function readsLoopVariable(statement: PyNode): boolean {
  return readsIn(statement).some((id) => id.text === LOOP_VARIABLE);
}

/** One indentation step, as the enclosing block writes it. */
function indentStep(text: string, statement: PyNode, indent: string): string {
  const owner = statement.parent?.type === 'block' ? statement.parent.parent : null;
  const ownerIndent = owner ? indentBefore(text, owner.startIndex) : null;
  return ownerIndent !== null && indent.startsWith(ownerIndent) && indent.length > ownerIndent.length
    ? indent.slice(ownerIndent.length)
    : '    ';
}

/** Whether a loop head can be put in front of the statement: alone on its one line, in a block. */
function loopFits(text: string, statement: PyNode): boolean {
  if (statement.startPosition.row !== statement.endPosition.row || indentBefore(text, statement.startIndex) === null) return false;
  const rest = text.slice(statement.endIndex, lineEnd(text, statement.endIndex)).trim();
  return rest === '' || rest.startsWith('#');
}

/** A name, attribute or constant subscript chain: read twice by the loop head, so free of calls. */
function isPlainPath(node: PyNode): boolean {
  if (node.type === 'identifier') return true;
  if (node.type === 'attribute') return isPlainPath(node.childForFieldName('object')!);
  if (node.type !== 'subscript') return false;
  const key = node.childForFieldName('subscript');
  return (
    isPlainPath(node.childForFieldName('value')!) && (key?.type === 'integer' || key?.type === 'identifier' || plainContent(key) !== null)
  );
}

function actionUse(text: string, read: PyNode, object: PyNode, quote: string, reads: PyNode[]): ActionUse {
  const q = read.type === 'attribute' ? quote : (read.descendantsOfType('string_start')[0]?.text.slice(-1) ?? quote);
  const iter =
    read.type === 'attribute'
      ? `getattr(${object.text}, ${q}actions${q}, None) or [${read.text}]`
      : `${object.text}.get(${q}actions${q}) or [${read.text}]`;
  const head = `for ${LOOP_VARIABLE} in ${iter}:`;
  const base = { offset: read.startIndex, loop: `${head} …` };
  const statement = callStatement(read);
  const outside = (r: PyNode, start: number, end: number): boolean => sameNode(r, read) || r.startIndex < start || r.endIndex > end;
  const bound = read.parent?.parent;
  if (!statement && bound && isPlainPath(object)) {
    const step = indentStep(text, bound, indentBefore(text, bound.startIndex) ?? '');
    const edits = localLoop(text, read, (name) => `for ${name} in ${iter}:`, step);
    const end = edits ? Math.max(...edits.map((e) => e.end)) : 0;
    if (edits && reads.every((r) => outside(r, bound.startIndex, end))) return { ...base, use: firstLine(bound.text), edits };
  }
  const alone = statement && reads.every((r) => outside(r, statement.startIndex, statement.endIndex));
  if (!statement || !alone || !loopFits(text, statement) || readsLoopVariable(statement) || !isPlainPath(object)) {
    return { ...base, use: firstLine(statementOf(read).text), edits: null };
  }
  const indent = indentBefore(text, statement.startIndex)!;
  const eol = lineBreak(text, statement.endIndex);
  return {
    ...base,
    use: firstLine(statement.text),
    edits: [
      { start: statement.startIndex, end: statement.startIndex, text: `${head}${eol}${indent}${indentStep(text, statement, indent)}` },
      { start: read.startIndex, end: read.endIndex, text: LOOP_VARIABLE },
    ],
  };
}

/** `assert call["action"]["x"] == 500` checks an item the test builds itself: it runs no action. */
function inAssert(node: PyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'assert_statement') return true;
  return false;
}

function actions(parsed: PyParsed, text: string): ActionUse[] {
  const root = parsed.tree.rootNode;
  const calls = computerCalls(root);
  const reads: Array<{ read: PyNode; object: PyNode }> = [];
  for (const node of root.descendantsOfType(['subscript', 'attribute', 'call'])) {
    const read = node ? keyRead(node) : null;
    const object = read?.key === 'action' ? read.object : null;
    if (!node || !object || isFallback(node) || inAssert(node)) continue;
    if (calls.has(compact(object.text)) || namesComputerCall(nameOf(object))) reads.push({ read: node, object });
  }
  const quote = fileQuote(root);
  return reads.map(({ read, object }) =>
    actionUse(
      text,
      read,
      object,
      quote,
      reads.map((r) => r.read),
    ),
  );
}

export const python = flowHandler(fileFacts);
