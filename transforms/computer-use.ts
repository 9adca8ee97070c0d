/**
 * computer-use: moves preview computer-use integrations to the GA `computer` tool. The
 * model `computer-use-preview` becomes `gpt-5.5`, the preview tool becomes
 * `{type: "computer"}`, `truncation: "auto"` goes, `tool_choice` names the GA tool and a
 * single `action` consumed by one statement becomes a loop over `actions[]`. Each
 * language handler gathers a file's facts; src/policy/computer-use.ts decides every
 * site, and the file's flow changes as a whole or not at all.
 */
import type { ASTPath } from 'jscodeshift';
import type { Node as PyNode } from 'web-tree-sitter';
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import {
  type AstNode,
  type JsParsed,
  literalString,
  nameOf as jsName,
  pathsOfType,
  pathsWithin,
  requestFacts as jsRequestFacts,
  unwrapValue,
} from '../src/languages/javascript.js';
import type { Span } from '../src/languages/insert.js';
import { isObjectProperty } from '../src/languages/js-nodes.js';
import { indentBefore, lineBreak, lineEnd, lineStart, nextLineStart } from '../src/languages/layout.js';
import {
  type PyParsed,
  nameOf as pyName,
  plainContent,
  requestFacts as pyRequestFacts,
  sameNode,
  settingsOf,
} from '../src/languages/python.js';
import type { Decision } from '../src/policy/classify.js';
import {
  ACTION_BLOCKER,
  actionLoopDecision,
  blockedActionDecision,
  CONFIG_TOOL_BLOCKER,
  DROPPED_TOOL_FIELDS,
  type FlowKind,
  flowVerdict,
  GA_TOOL,
  heldModel,
  isReference,
  JUDGED_AS,
  modelDecision,
  PREVIEW_TOOL_TYPES,
  previewTarget,
  referenceDecision,
  toolChoiceDecision,
  toolDecision,
  truncationDecision,
  withNotes,
} from '../src/policy/computer-use.js';
import { nameWords, plainContext } from '../src/policy/context.js';
import type { Handler, HandlerContext, Transform } from '../src/transform.js';
import type { Edit, LanguageId, RequestFacts, StringValue } from '../src/types.js';

// ---------------------------------------------------------------------------------------
// Facts and the flow
// ---------------------------------------------------------------------------------------

/** A part of the flow the transform rewrites: where it is reported and the edits that do it. */
interface Change {
  offset: number;
  edits: Edit[];
}

interface ToolChange extends Change {
  /** The preview type as written: `computer_use_preview` or `computer-preview`. */
  type: string;
}

/** A read of a computer call's single `action`. `edits` is null where the transform will not rewrite it. */
interface ActionUse {
  offset: number;
  /** The statement that reads it, for the reason. */
  use: string;
  /** The loop that replaces it, as the reason shows it. */
  loop: string;
  edits: Edit[] | null;
}

/** What a handler found in one file. */
interface Facts {
  kind: FlowKind;
  models: StringValue[];
  /** Requests whose model is the flow's model. */
  requests: RequestFacts[];
  tools: ToolChange[];
  truncations: Change[];
  toolChoices: Change[];
  actions: ActionUse[];
  /** Something in the file that keeps the whole flow as it is. */
  blocker: string | null;
}

interface Finding {
  offset: number;
  decision: Decision;
  edits: Edit[];
}

function emptyFacts(kind: FlowKind, models: StringValue[]): Facts {
  return { kind, models, requests: [], tools: [], truncations: [], toolChoices: [], actions: [], blocker: null };
}

function previewModels(ctx: HandlerContext): StringValue[] {
  return (ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? []).filter((s) => previewTarget(s.value) !== null);
}

/** Something that names a model under a `model` key: a request, an agent, a settings object. */
interface Candidate<N> {
  node: N;
  /** The range of its model value. */
  value: Span;
  /** The name that value reads (`MODEL`, `self.model`), if it is a name. */
  name: string | null;
}

/**
 * The candidates whose model is the flow's: a preview string written in place, or a
 * name a preview string is stored under elsewhere in the file (a `MODEL` constant, a
 * `model` default parameter read back as `self.model`).
 */
function flowRequests<N>(candidates: Candidate<N>[], models: StringValue[]): N[] {
  const within = (m: StringValue, c: Candidate<N>): boolean => m.start >= c.value.start && m.end <= c.value.end;
  const stored = models.filter((m) => !isReference(m.context) && !candidates.some((c) => within(m, c)));
  const names = new Set(stored.map((m) => m.context.names[0]).filter((n): n is string => !!n));
  return candidates.filter((c) => models.some((m) => within(m, c)) || (c.name !== null && names.has(c.name))).map((c) => c.node);
}

function modelFindings(ctx: HandlerContext, facts: Facts): { used: Finding[]; references: Finding[] } | null {
  const used: Finding[] = [];
  const references: Finding[] = [];
  for (const model of facts.models) {
    // A constant or default parameter is not linked to its request by the adapter; the flow's requests stand in.
    const requests = model.context.requests.length > 0 ? model.context.requests : facts.requests;
    const judged = ctx.classify(JUDGED_AS, { ...model.context, requests }, model.start);
    if (isReference(model.context)) {
      const decision = referenceDecision(model.value, judged);
      if (decision) references.push({ offset: model.start, decision, edits: [] });
      continue;
    }
    const decision = modelDecision(model.value, judged, facts.kind, requests);
    if (!decision) return null; // an ignored model keeps its whole flow as it is
    used.push({ offset: model.start, decision, edits: [{ start: model.start, end: model.end, text: decision.to ?? model.value }] });
  }
  return { used, references };
}

/** Decides every site of the file's flow: all of them, or none where an ignored model keeps the flow as it is. */
function decideFlow(ctx: HandlerContext, facts: Facts): Finding[] {
  const models = modelFindings(ctx, facts);
  if (!models) return [];
  const actions = facts.actions
    .map((action) => ({ ...action, judged: ctx.classify(JUDGED_AS, plainContext(), action.offset) }))
    .filter((action): action is ActionUse & { judged: Decision } => action.judged !== null);
  const blocker = facts.blocker ?? (actions.some((a) => a.edits === null) ? ACTION_BLOCKER : null);
  const verdict = flowVerdict(models.used.map((f) => f.decision), blocker);

  const flow: Finding[] = [
    ...models.used.map((f) => ({ ...f, decision: verdict ? heldModel(f.decision, verdict, facts.kind) : f.decision })),
    ...facts.tools.map((t) => ({ ...t, decision: toolDecision(verdict, t.type) })),
    ...facts.truncations.map((t) => ({ ...t, decision: truncationDecision(verdict) })),
    ...facts.toolChoices.map((t) => ({ ...t, decision: toolChoiceDecision(verdict) })),
  ];
  for (const action of actions) {
    const decision = action.edits ? actionLoopDecision(verdict, action.judged) : blockedActionDecision(action.use, action.loop);
    flow.push({ offset: action.offset, decision, edits: action.edits ?? [] });
  }
  const main = flow[0];
  if (main) main.decision = withNotes(main.decision, facts.kind);
  return [...models.references, ...flow];
}

/** Reports the file's flow and applies the edits of the sites upgraded. */
function applyFlow(ctx: HandlerContext, facts: Facts): void {
  for (const finding of decideFlow(ctx, facts)) {
    if (finding.decision.status === 'upgraded') finding.edits.forEach((e) => ctx.edit(e));
    ctx.site({ offset: finding.offset, ...finding.decision });
  }
}

// ---------------------------------------------------------------------------------------
// Text helpers shared by both languages
// ---------------------------------------------------------------------------------------

/** The range of an item written on lines of its own (with comment lines right above it), or null. */
function ownLines(text: string, item: Span, previousEnd: number, comment: string): Span | null {
  if (indentBefore(text, item.start) === null) return null;
  const rest = text.slice(item.end, lineEnd(text, item.end)).trim().replace(/^,\s*/, '');
  if (rest !== '' && !rest.startsWith(comment)) return null;
  let start = lineStart(text, item.start);
  while (start > 0) {
    const above = lineStart(text, start - 1);
    if (above < previousEnd || !text.slice(above, start).trim().startsWith(comment)) break;
    start = above;
  }
  return { start, end: nextLineStart(text, item.end) };
}

/**
 * Edits that delete some items of a comma-separated list (object properties, dict pairs,
 * keyword arguments), keeping the layout of the rest: an item on lines of its own goes
 * with its lines, an inline one with its comma. `open` is just after the list's opening
 * bracket. Written by hand because recast or a Python printer would re-print the list.
 */
function removeItems(text: string, open: number, items: Span[], drop: (index: number) => boolean, comment: string): Edit[] {
  const ranges: Span[] = [];
  items.forEach((item, i) => {
    if (!drop(i)) return;
    const own = ownLines(text, item, i > 0 ? items[i - 1]!.end : open, comment);
    const next = items[i + 1];
    const kept = items.slice(0, i).filter((_, k) => !drop(k)).pop();
    if (own) ranges.push(own);
    else if (next) ranges.push({ start: item.start, end: next.start });
    else ranges.push({ start: kept ? kept.end : item.start, end: item.end });
  });
  ranges.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((r) => ({ ...r, text: '' }));
}

/** The first line of a statement, for a reason text. */
function firstLine(source: string): string {
  const line = source.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

const compact = (source: string): string => source.replace(/\s+/g, '');

/** `computerCall`, `computer_call`: a name that says it holds a computer call. */
function namesComputerCall(name: string | null): boolean {
  const words = nameWords(name ?? '');
  return words.includes('computer') && words.includes('call');
}

const COMPUTER_CALL = 'computer_call';
const LOOP_VARIABLE = 'action';

// ---------------------------------------------------------------------------------------
// JavaScript / TypeScript
// ---------------------------------------------------------------------------------------

function jsProperty(obj: AstNode, keys: ReadonlySet<string>): AstNode | null {
  return (obj.properties as AstNode[]).find((p) => isObjectProperty(p) && keys.has(jsName(p.key) ?? '')) ?? null;
}

const TYPE_KEY = new Set(['type']);
const MODEL_KEY = new Set(['model']);
const TRUNCATION_KEY = new Set(['truncation']);
const TOOL_CHOICE_KEYS = new Set(['tool_choice', 'toolChoice']);

function jsSource(node: AstNode, text: string): string {
  return text.slice(node.start!, node.end!);
}

/** The `type` string of an object when it names the preview tool. */
function jsPreviewType(obj: AstNode): { value: string; start: number; end: number } | null {
  const type = jsProperty(obj, TYPE_KEY);
  const literal = type ? literalString(unwrapValue(type.value)) : null;
  return literal && PREVIEW_TOOL_TYPES.has(literal.value) ? literal : null;
}

function jsRemove(text: string, obj: AstNode, drop: (prop: AstNode) => boolean): Edit[] {
  const items = obj.properties as AstNode[];
  return removeItems(text, obj.start! + 1, items.map((p) => ({ start: p.start!, end: p.end! })), (i) => drop(items[i]!), '//');
}

function jsTool(obj: AstNode, type: { value: string; start: number; end: number }, text: string): ToolChange {
  const dropped = jsRemove(text, obj, (p) => isObjectProperty(p) && DROPPED_TOOL_FIELDS.has(jsName(p.key) ?? ''));
  return { offset: obj.start!, type: type.value, edits: [{ start: type.start, end: type.end, text: GA_TOOL }, ...dropped] };
}

function isToolChoiceValue(path: ASTPath<any>): boolean {
  const parent = path.parent?.node as AstNode | undefined;
  return isObjectProperty(parent) && parent!.value === path.node && TOOL_CHOICE_KEYS.has(jsName(parent!.key) ?? '');
}

function jsRequest(facts: Facts, obj: AstNode, text: string): void {
  facts.requests.push(jsRequestFacts(obj, text));
  const truncation = jsProperty(obj, TRUNCATION_KEY);
  if (truncation && literalString(unwrapValue(truncation.value))?.value === 'auto') {
    facts.truncations.push({ offset: truncation.start!, edits: jsRemove(text, obj, (p) => p === truncation) });
  }
  const choice = jsProperty(obj, TOOL_CHOICE_KEYS);
  const value = unwrapValue(choice?.value);
  const literal = value?.type === 'ObjectExpression' ? jsPreviewType(value) : literalString(value);
  if (choice && literal && PREVIEW_TOOL_TYPES.has(literal.value)) {
    facts.toolChoices.push({ offset: literal.start, edits: [{ start: literal.start, end: literal.end, text: GA_TOOL }] });
  }
}

function isComputerToolCall(node: AstNode): boolean {
  return jsName(node.callee) === 'computerTool';
}

function jsFacts(ctx: HandlerContext<JsParsed>): Facts {
  const text = ctx.text;
  const facts = emptyFacts('raw', previewModels(ctx));
  const candidates: Candidate<AstNode>[] = [];
  pathsOfType(ctx.parsed, 'ObjectExpression').forEach((path: ASTPath<any>) => {
    const obj = path.node as AstNode;
    const type = jsPreviewType(obj);
    if (type && !isToolChoiceValue(path)) facts.tools.push(jsTool(obj, type, text));
    const value = unwrapValue(jsProperty(obj, MODEL_KEY)?.value);
    if (value) candidates.push({ node: obj, value: { start: value.start!, end: value.end! }, name: jsName(value) });
  });
  for (const request of flowRequests(candidates, facts.models)) jsRequest(facts, request, text);
  const sdk = pathsOfType(ctx.parsed, 'CallExpression').some((p) => isComputerToolCall(p.node));
  if (sdk && facts.tools.length === 0) facts.kind = 'sdk';
  facts.actions = jsActions(ctx.parsed, text);
  return facts;
}

const EQUALITY = new Set(['==', '===', '!=', '!==']);

/** `x.type` or `x['type']`: the object whose type is read. */
function jsTypeRead(node: AstNode | null | undefined): AstNode | null {
  const member = unwrapValue(node);
  if (member?.type !== 'MemberExpression') return null;
  const key = member.computed ? literalString(member.property)?.value : jsName(member.property);
  return key === 'type' ? member.object : null;
}

function mentionsComputerCall(parsed: JsParsed, path: ASTPath<any>): boolean {
  return pathsWithin(parsed, path.node as AstNode, 'StringLiteral').some((p) => p.node.value === COMPUTER_CALL);
}

/**
 * Source texts (without whitespace) of expressions that hold a computer call: compared by
 * type (`item.type === "computer_call"`, a `case "computer_call":`), declared from an
 * expression that picks computer calls, or the variable of a loop over such a list.
 */
function jsComputerCalls(parsed: JsParsed, text: string): Set<string> {
  const calls = new Set<string>();
  const isCallLiteral = (node: AstNode): boolean => literalString(node)?.value === COMPUTER_CALL;
  pathsOfType(parsed, 'BinaryExpression').forEach((path) => {
    const { left, right, operator } = path.node as AstNode;
    if (!EQUALITY.has(operator)) return;
    const object = isCallLiteral(right) ? jsTypeRead(left) : isCallLiteral(left) ? jsTypeRead(right) : null;
    if (object) calls.add(compact(jsSource(object, text)));
  });
  pathsOfType(parsed, 'SwitchStatement').forEach((path) => {
    const node = path.node as AstNode;
    const object = jsTypeRead(node.discriminant);
    if (object && node.cases.some((c: AstNode) => c.test && isCallLiteral(c.test))) calls.add(compact(jsSource(object, text)));
  });
  pathsOfType(parsed, 'VariableDeclarator').forEach((path) => {
    const node = path.node as AstNode;
    if (node.id.type === 'Identifier' && node.init && mentionsComputerCall(parsed, path.get('init'))) calls.add(node.id.name);
  });
  pathsOfType(parsed, 'ForOfStatement').forEach((path) => {
    const node = path.node as AstNode;
    const id = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left;
    if (id?.type !== 'Identifier') return;
    if (calls.has(compact(jsSource(node.right, text))) || mentionsComputerCall(parsed, path.get('right'))) calls.add(id.name);
  });
  return calls;
}

/** `call`, `this.call`, `items[0]`: read twice by the loop head, so it must be free of calls and side effects. */
function isJsPath(node: AstNode): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  if (node.type !== 'MemberExpression') return false;
  const key = node.property as AstNode;
  return isJsPath(node.object) && (!node.computed || key.type === 'NumericLiteral' || literalString(key) !== null || key.type === 'Identifier');
}

/** `call.action` or `call['action']`. */
function isJsActionRead(node: AstNode): boolean {
  return (node.computed ? literalString(node.property)?.value : jsName(node.property)) === 'action';
}

/** Already a loop over both shapes: `call.actions ?? [call.action]`. */
function isJsFallback(path: ASTPath<any>, text: string): boolean {
  const list = path.parent?.node as AstNode | undefined;
  const logical = path.parent?.parent?.node as AstNode | undefined;
  return list?.type === 'ArrayExpression' && list.elements.length === 1 && logical?.type === 'LogicalExpression' &&
    logical.right === list && /\bactions\b/.test(jsSource(logical.left, text));
}

/** The statement a read sits in, when that statement does nothing but pass the action to one call. */
function jsCallStatement(path: ASTPath<any>): ASTPath<any> | null {
  const call = path.parent;
  if (call?.node.type !== 'CallExpression' || !call.node.arguments.includes(path.node)) return null;
  const awaited = call.parent?.node.type === 'AwaitExpression' ? call.parent : call;
  return awaited.parent?.node.type === 'ExpressionStatement' ? awaited.parent : null;
}

function jsStatementOf(path: ASTPath<any>): AstNode {
  let current: ASTPath<any> = path;
  while (current.parent && !/Statement$|Declaration$/.test(current.node.type)) current = current.parent;
  return current.node as AstNode;
}

/** Whether `action` is read as a variable anywhere in the statement (a loop variable would shadow it). */
function jsReadsLoopVariable(parsed: JsParsed, statement: ASTPath<any>): boolean {
  return pathsWithin(parsed, statement.node as AstNode, 'Identifier').some((p) => {
    if (p.node.name !== LOOP_VARIABLE) return false;
    const parent = p.parent?.node as AstNode;
    const isKey = (parent.type === 'MemberExpression' && parent.property === p.node && !parent.computed) ||
      (isObjectProperty(parent) && parent.key === p.node && !parent.shorthand);
    return !isKey;
  });
}

function jsLoopHead(object: string, read: string, computed: boolean, quote: string): string {
  const actions = computed ? `${object}[${quote}actions${quote}]` : `${object}.actions`;
  return `for (const ${LOOP_VARIABLE} of ${actions} ?? [${read}])`;
}

function jsActionUse(parsed: JsParsed, path: ASTPath<any>, text: string, reads: AstNode[]): ActionUse {
  const node = path.node as AstNode;
  const quote = node.computed ? text[node.property.start] ?? "'" : "'";
  const head = jsLoopHead(jsSource(node.object, text), jsSource(node, text), node.computed, quote);
  const base = { offset: node.start!, loop: `${head} { … }` };
  const statement = jsCallStatement(path);
  const alone = statement && reads.every((r) => r === node || r.start! < statement.node.start || r.end! > statement.node.end);
  // `call?.action` stays with a person: the loop head would need the same optional chain.
  if (!statement || !alone || node.type !== 'MemberExpression' || jsReadsLoopVariable(parsed, statement) || !isJsPath(node.object)) {
    return { ...base, use: firstLine(jsSource(jsStatementOf(path), text)), edits: null };
  }
  return {
    ...base,
    use: firstLine(jsSource(statement.node, text)),
    edits: [
      { start: statement.node.start, end: statement.node.start, text: `${head} ` },
      { start: node.start!, end: node.end!, text: LOOP_VARIABLE },
    ],
  };
}

function jsActions(parsed: JsParsed, text: string): ActionUse[] {
  const calls = jsComputerCalls(parsed, text);
  const holdsCall = (node: AstNode): boolean => calls.has(compact(jsSource(node, text))) || namesComputerCall(jsName(node));
  const reads: ASTPath<any>[] = [];
  const collect = (path: ASTPath<any>): void => {
    const node = path.node as AstNode;
    if (isJsActionRead(node) && holdsCall(node.object) && !isJsFallback(path, text)) reads.push(path);
  };
  pathsOfType(parsed, 'MemberExpression').forEach(collect);
  pathsOfType(parsed, 'OptionalMemberExpression').forEach(collect);
  const uses = reads.map((p) => jsActionUse(parsed, p, text, reads.map((r) => r.node)));
  // `const { action } = call` takes the single action apart where no loop can be inserted.
  pathsOfType(parsed, 'VariableDeclarator').forEach((path) => {
    const node = path.node as AstNode;
    if (node.id.type !== 'ObjectPattern' || !node.init || !holdsCall(node.init)) return;
    if (!node.id.properties.some((p: AstNode) => jsName(p.key) === 'action')) return;
    const object = jsSource(node.init, text);
    uses.push({
      offset: node.start!,
      use: firstLine(jsSource(jsStatementOf(path), text)),
      loop: `${jsLoopHead(object, `${object}.action`, false, "'")} { … }`,
      edits: null,
    });
  });
  return uses.sort((a, b) => a.offset - b.offset);
}

// ---------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------

/** Keyword arguments of a call, or pairs of a dict: the items one setting can be removed from. */
function pyItems(container: PyNode): { open: number; items: PyNode[] } | null {
  const list = container.type === 'call' ? container.childForFieldName('arguments') : container;
  if (!list || (list.type !== 'argument_list' && list.type !== 'dictionary')) return null;
  return { open: list.startIndex + 1, items: list.namedChildren.filter((c) => c.type !== 'comment') };
}

function pyRemove(text: string, container: PyNode, drop: (item: PyNode) => boolean): Edit[] {
  const list = pyItems(container);
  if (!list) return [];
  const spans = list.items.map((c) => ({ start: c.startIndex, end: c.endIndex }));
  return removeItems(text, list.open, spans, (i) => drop(list.items[i]!), '#');
}

/** The key of a dict pair or the name of a keyword argument. */
function pyKey(item: PyNode): string | null {
  if (item.type === 'pair') return pyName(item.childForFieldName('key'));
  if (item.type === 'keyword_argument') return pyName(item.childForFieldName('name'));
  return null;
}

function pySetting(container: PyNode, keys: ReadonlySet<string>): { key: string; value: PyNode } | null {
  return settingsOf(container).find((s) => keys.has(s.key)) ?? null;
}

function pyPreviewType(container: PyNode): { value: string; start: number; end: number } | null {
  const literal = plainContent(pySetting(container, TYPE_KEY)?.value);
  return literal && PREVIEW_TOOL_TYPES.has(literal.value) ? literal : null;
}

function isPyToolChoiceValue(node: PyNode): boolean {
  const holder = node.parent;
  return !!holder && sameNode(holder.childForFieldName('value'), node) && TOOL_CHOICE_KEYS.has(pyKey(holder) ?? '');
}

function pyRequest(facts: Facts, container: PyNode, text: string): void {
  facts.requests.push(pyRequestFacts(container));
  const truncation = pySetting(container, TRUNCATION_KEY);
  if (truncation && plainContent(truncation.value)?.value === 'auto') {
    const item = truncation.value.parent!;
    facts.truncations.push({ offset: item.startIndex, edits: pyRemove(text, container, (c) => sameNode(c, item)) });
  }
  const choice = pySetting(container, TOOL_CHOICE_KEYS);
  if (!choice) return;
  const literal = choice.value.type === 'string' ? plainContent(choice.value) : pyPreviewType(choice.value);
  if (literal && PREVIEW_TOOL_TYPES.has(literal.value)) {
    facts.toolChoices.push({ offset: literal.start, edits: [{ start: literal.start, end: literal.end, text: GA_TOOL }] });
  }
}

function pyFacts(ctx: HandlerContext<PyParsed>): Facts {
  const root = ctx.parsed.tree.rootNode;
  const text = ctx.text;
  const facts = emptyFacts('raw', previewModels(ctx));
  const candidates: Candidate<PyNode>[] = [];
  let sdk = false;
  for (const container of root.descendantsOfType(['dictionary', 'call'])) {
    if (!container) continue;
    if (container.type === 'call' && pyName(container.childForFieldName('function')) === 'ComputerTool') sdk = true;
    const type = pyPreviewType(container);
    if (type && !isPyToolChoiceValue(container)) {
      const dropped = pyRemove(text, container, (c) => DROPPED_TOOL_FIELDS.has(pyKey(c) ?? ''));
      facts.tools.push({ offset: container.startIndex, type: type.value, edits: [{ start: type.start, end: type.end, text: GA_TOOL }, ...dropped] });
    }
    const model = pySetting(container, MODEL_KEY)?.value;
    if (model) candidates.push({ node: container, value: { start: model.startIndex, end: model.endIndex }, name: pyName(model) });
  }
  for (const request of flowRequests(candidates, facts.models)) pyRequest(facts, request, text);
  if (sdk && facts.tools.length === 0) facts.kind = 'sdk';
  facts.actions = pyActions(ctx.parsed, text);
  return facts;
}

/** `x["type"]`, `x.type`, `x.get("type")` (or the same for `key`): the object read, or null. */
function pyKeyRead(node: PyNode | null | undefined, key: string): PyNode | null {
  if (!node) return null;
  if (node.type === 'subscript' && plainContent(node.childForFieldName('subscript'))?.value === key) return node.childForFieldName('value');
  if (node.type === 'attribute' && node.childForFieldName('attribute')?.text === key) return node.childForFieldName('object');
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && plainContent(args[0])?.value === key) {
      return fn.childForFieldName('object');
    }
  }
  return null;
}

function pyMentionsComputerCall(node: PyNode): boolean {
  return node.descendantsOfType('string').some((s) => plainContent(s)?.value === COMPUTER_CALL);
}

/** As jsComputerCalls: expressions compared to "computer_call", names assigned from such a pick, loop variables over them. */
function pyComputerCalls(root: PyNode): Set<string> {
  const calls = new Set<string>();
  for (const comparison of root.descendantsOfType('comparison_operator')) {
    const operands = comparison?.namedChildren ?? [];
    if (operands.length !== 2 || !operands.some((o) => plainContent(o)?.value === COMPUTER_CALL)) continue;
    const object = operands.map((o) => pyKeyRead(o, 'type')).find((o) => o);
    if (object) calls.add(compact(object.text));
  }
  for (const assignment of root.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right && pyMentionsComputerCall(right)) calls.add(left.text);
  }
  for (const loop of root.descendantsOfType('for_statement')) {
    const left = loop?.childForFieldName('left');
    const right = loop?.childForFieldName('right');
    if (left?.type === 'identifier' && right && (calls.has(compact(right.text)) || pyMentionsComputerCall(right))) calls.add(left.text);
  }
  return calls;
}

/** Already a loop over both shapes: `item.get("actions") or [item["action"]]`. */
function isPyFallback(read: PyNode): boolean {
  const list = read.parent;
  const or = list?.parent;
  return list?.type === 'list' && list.namedChildren.length === 1 && or?.type === 'boolean_operator' &&
    sameNode(or.childForFieldName('right'), list) && /\bactions\b/.test(or.childForFieldName('left')?.text ?? '');
}

function pyCallStatement(read: PyNode): PyNode | null {
  const holder = read.parent?.type === 'keyword_argument' ? read.parent : read;
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  if (call?.type !== 'call') return null;
  const awaited = call.parent?.type === 'await' ? call.parent : call;
  const statement = awaited.parent;
  return statement?.type === 'expression_statement' && statement.namedChildren.length === 1 ? statement : null;
}

function pyStatementOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent && !/statement$|^assignment$/.test(current.type) && current.parent.type !== 'block' && current.parent.type !== 'module') {
    current = current.parent;
  }
  return current;
}

function pyReadsLoopVariable(statement: PyNode): boolean {
  return statement.descendantsOfType('identifier').some((id) => {
    if (id?.text !== LOOP_VARIABLE) return false;
    const parent = id.parent;
    return !(parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), id)) &&
      !(parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), id));
  });
}

/** The quote the file writes strings with, for the strings the loop adds. */
function pyQuote(root: PyNode): string {
  const starts = root.descendantsOfType('string_start').map((s) => s?.text.slice(-1));
  return starts.filter((q) => q === "'").length > starts.filter((q) => q === '"').length ? "'" : '"';
}

/** One indentation step, as the enclosing block writes it. */
function pyIndentStep(text: string, statement: PyNode, indent: string): string {
  const owner = statement.parent?.type === 'block' ? statement.parent.parent : null;
  const ownerIndent = owner ? indentBefore(text, owner.startIndex) : null;
  return ownerIndent !== null && indent.startsWith(ownerIndent) && indent.length > ownerIndent.length ? indent.slice(ownerIndent.length) : '    ';
}

/** Whether a loop head can be put in front of the statement: alone on its one line, in a block. */
function pyLoopFits(text: string, statement: PyNode): boolean {
  if (statement.startPosition.row !== statement.endPosition.row || indentBefore(text, statement.startIndex) === null) return false;
  const rest = text.slice(statement.endIndex, lineEnd(text, statement.endIndex)).trim();
  return rest === '' || rest.startsWith('#');
}

/** As isJsPath: a name, attribute or constant subscript chain. */
function isPyPath(node: PyNode): boolean {
  if (node.type === 'identifier') return true;
  if (node.type === 'attribute') return isPyPath(node.childForFieldName('object')!);
  if (node.type !== 'subscript') return false;
  const key = node.childForFieldName('subscript');
  return isPyPath(node.childForFieldName('value')!) && (key?.type === 'integer' || key?.type === 'identifier' || plainContent(key) !== null);
}

function pyActionUse(text: string, read: PyNode, object: PyNode, quote: string, reads: PyNode[]): ActionUse {
  const q = read.type === 'attribute' ? quote : read.descendantsOfType('string_start')[0]?.text.slice(-1) ?? quote;
  const iter = read.type === 'attribute'
    ? `getattr(${object.text}, ${q}actions${q}, None) or [${read.text}]`
    : `${object.text}.get(${q}actions${q}) or [${read.text}]`;
  const head = `for ${LOOP_VARIABLE} in ${iter}:`;
  const base = { offset: read.startIndex, loop: `${head} …` };
  const statement = pyCallStatement(read);
  const alone = statement && reads.every((r) => sameNode(r, read) || r.startIndex < statement.startIndex || r.endIndex > statement.endIndex);
  if (!statement || !alone || !pyLoopFits(text, statement) || pyReadsLoopVariable(statement) || !isPyPath(object)) {
    return { ...base, use: firstLine(pyStatementOf(read).text), edits: null };
  }
  const indent = indentBefore(text, statement.startIndex)!;
  const eol = lineBreak(text, statement.endIndex);
  return {
    ...base,
    use: firstLine(statement.text),
    edits: [
      { start: statement.startIndex, end: statement.startIndex, text: `${head}${eol}${indent}${pyIndentStep(text, statement, indent)}` },
      { start: read.startIndex, end: read.endIndex, text: LOOP_VARIABLE },
    ],
  };
}

function pyActions(parsed: PyParsed, text: string): ActionUse[] {
  const root = parsed.tree.rootNode;
  const calls = pyComputerCalls(root);
  const reads: Array<{ read: PyNode; object: PyNode }> = [];
  for (const node of root.descendantsOfType(['subscript', 'attribute', 'call'])) {
    const object = node ? pyKeyRead(node, 'action') : null;
    if (!node || !object || isPyFallback(node)) continue;
    if (calls.has(compact(object.text)) || namesComputerCall(pyName(object))) reads.push({ read: node, object });
  }
  const quote = pyQuote(root);
  return reads.map(({ read, object }) => pyActionUse(text, read, object, quote, reads.map((r) => r.read)));
}

// ---------------------------------------------------------------------------------------
// JSON and YAML configs
// ---------------------------------------------------------------------------------------

/**
 * Configs reach this transform as string values only (the adapters expose no ranges for
 * whole entries), so a preview tool spelled out in a config cannot move with its model;
 * its type name anywhere in the file is enough to hold the model back.
 */
const PREVIEW_TOOL_NAME = /\bcomputer(_use_preview|-preview)\b/;

function configFacts(ctx: HandlerContext): Facts {
  const facts = emptyFacts('config', previewModels(ctx));
  facts.blocker = PREVIEW_TOOL_NAME.test(ctx.text) ? CONFIG_TOOL_BLOCKER : null;
  return facts;
}

// ---------------------------------------------------------------------------------------
// The transform
// ---------------------------------------------------------------------------------------

/** How each language's handler gathers a file's facts. */
const FACTS: Partial<Record<LanguageId, (ctx: HandlerContext<any>) => Facts>> = {
  js: jsFacts,
  python: pyFacts,
  json: configFacts,
  yaml: configFacts,
};

const handler = (facts: (ctx: HandlerContext<any>) => Facts): Handler => (ctx) => applyFlow(ctx, facts(ctx));

export const computerUse: Transform = {
  name: 'computer-use',
  description: 'Move preview computer-use integrations (computer-use-preview, computer_use_preview tool, single action) to gpt-5.5 and the GA computer tool',
  prefilter: /computer[-_]?(use|preview|call|tool)/i,
  handlers: Object.fromEntries(Object.entries(FACTS).map(([language, facts]) => [language, handler(facts)])),
};

export default jscodeshiftTransform(computerUse);
