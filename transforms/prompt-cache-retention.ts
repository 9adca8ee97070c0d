/**
 * prompt-cache-retention: GPT-5.5 and later reject `prompt_cache_retention: "in_memory"`
 * and default to `"24h"`. Where a request's model is GPT-5.5 already, or becomes it in
 * this run (model-slug or computer-use in the same run moves it), `in_memory` (or the
 * Agents SDK JS spelling `in-memory`) becomes `24h`, in every spelling: openai-node /
 * openai-python request fields (Responses, Chat Completions, `responses.compact`), Agents
 * SDK `modelSettings` / `ModelSettings(…)`, Vercel AI SDK `providerOptions.openai`, JSON /
 * YAML / TOML configs. With `--add-retention`, GPT-5.5 requests that do not set the field
 * get `"24h"` where the project's SDK knows it.
 *
 * The model is the one the adapter links to the request: written in it, in the Agent or
 * call that holds the settings, or a constant of the same file. src/policy/retention.ts
 * decides every site.
 */
import type { ASTPath } from 'jscodeshift';
import type { Node as PyNode } from 'web-tree-sitter';
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import { type AstNode, isObjectProperty, literalString, nameOf as jsName, unwrapValue, VALUE_WRAPPERS } from '../src/languages/js/nodes.js';
import { addRequestSetting as jsAddSetting, requestOrigin as jsOrigin } from '../src/languages/js/requests.js';
import { type JsParsed, pathsOfType } from '../src/languages/js/tree.js';
import type { JsonParsed } from '../src/languages/json.js';
import { type ConfigMap, type ConfigNode, type ConfigScalar, namesRequestModel } from '../src/languages/mapping.js';
import { nameOf as pyName, plainContent, sameNode, settingsOf } from '../src/languages/python/nodes.js';
import { addRequestSetting as pyAddSetting, requestOrigin as pyOrigin } from '../src/languages/python/requests.js';
import type { PyParsed } from '../src/languages/python.js';
import type { TomlParsed } from '../src/languages/toml.js';
import {
  addDecision,
  EXTENDED,
  IN_MEMORY,
  inMemoryDecision,
  isTargetOrLater,
  type ModelOutlook,
  RETENTION_KEYS,
  type RetentionDecision,
} from '../src/policy/retention.js';
import { type Ecosystem, RETENTION_MINIMUMS, type SdkMinimum } from '../src/policy/sdk.js';
import { MODEL_PREFILTER } from '../src/policy/slug.js';
import { type Handler, type HandlerContext, MODEL_SLUG, type Transform } from '../src/transform.js';
import type { Edit, RequestFacts, RequestKind, StringValue } from '../src/types.js';

const RETENTION_TEXT = /prompt_cache_retention|promptCacheRetention/;

// ---------------------------------------------------------------------------------------
// Shared by every language
// ---------------------------------------------------------------------------------------

/** Where a model string stands once this run is done; `movedBy`: the transform that moves it to GPT-5.5 in this run. */
interface Outlook extends ModelOutlook {
  movedBy: string | null;
}

type Outlooks = (model: StringValue) => Outlook;

/**
 * A model string counts as moving to GPT-5.5 only when a transform earlier in this run
 * upgraded it: model-slug for catalog slugs, computer-use for computer-use-preview (whose
 * decision takes the whole flow of the file into account). Alone, this transform leaves a
 * request that stays on GPT-5.4 as it is.
 */
function outlooks(ctx: HandlerContext): Outlooks {
  return (model) => {
    const mover = ctx.upgradedEarlier(model.start);
    return { value: model.value, target: mover !== null || isTargetOrLater(model.value), movedBy: mover };
  };
}

function report(ctx: HandlerContext, offset: number, decision: RetentionDecision | null, edit: Edit | null): void {
  if (!decision || ctx.ignored(offset)) return;
  if (decision.status === 'upgraded' && edit) ctx.edit(edit);
  ctx.site({ offset, ...decision });
}

/** An `in_memory` value: where it is written and the model strings of the requests it belongs to (null: not visible). */
interface InMemory {
  value: { value: string; start: number; end: number };
  models: StringValue[] | null;
}

/** Every model string of the requests around a setting; null when some request's model is not visible, or there is no request. */
function modelsOf(lists: Array<StringValue[] | null>): StringValue[] | null {
  if (lists.length === 0 || lists.some((list) => list === null)) return null;
  return [...new Set((lists as StringValue[][]).flat())];
}

function reportInMemory(ctx: HandlerContext, outlookOf: Outlooks, found: InMemory): void {
  const outlook = found.models?.map(outlookOf) ?? null;
  const edit = { start: found.value.start, end: found.value.end, text: EXTENDED };
  report(ctx, found.value.start, inMemoryDecision(found.value.value, outlook), edit);
}

/** A request the adapter links model strings to, as the --add-retention pass sees it. */
interface Candidate {
  /** Where its site is reported: the request object or call. */
  offset: number;
  kind: RequestKind;
  facts: RequestFacts;
  models: StringValue[];
}

/** A request object or call and the model strings the adapter links to it. */
interface Linked<N> {
  node: N;
  kind: RequestKind | null;
  facts: RequestFacts;
  models: StringValue[];
}

/**
 * Groups the file's model strings by the request each is the model of (a constant used by
 * two requests counts for both), keyed by `key(node)`.
 */
function requestsOf<N, K>(
  strings: StringValue[],
  origin: (facts: RequestFacts) => { node: N; kind: RequestKind | null } | undefined,
  key: (node: N) => K,
): Map<K, Linked<N>> {
  const byNode = new Map<K, Linked<N>>();
  for (const string of strings) {
    for (const facts of string.context.requests) {
      const found = origin(facts);
      if (!found) continue;
      const entry = byNode.get(key(found.node));
      if (entry) {
        if (!entry.models.includes(string)) entry.models.push(string);
      } else byNode.set(key(found.node), { ...found, facts, models: [string] });
    }
  }
  return byNode;
}

function minimumFor(ecosystem: Ecosystem, kind: RequestKind): SdkMinimum | null {
  if (kind.client === null) return null; // a raw HTTP body: no SDK stands in between
  if (ecosystem === 'npm') {
    if (kind.client === 'agents') return RETENTION_MINIMUMS.agentsJs;
    return kind.compact ? RETENTION_MINIMUMS.nodeCompact : RETENTION_MINIMUMS.node;
  }
  if (kind.client === 'agents') return RETENTION_MINIMUMS.agentsPython;
  return kind.compact ? RETENTION_MINIMUMS.pythonCompact : RETENTION_MINIMUMS.python;
}

/**
 * --add-retention for one GPT-5.5 request. `settingsKey` names the Agents settings object
 * when the request has none: --preserve-effort may be adding one in this same run.
 */
function addRetention(ctx: HandlerContext, outlookOf: Outlooks, ecosystem: Ecosystem, request: Candidate, edit: Edit | null, settingsKey: string | null): void {
  const outlook = request.models.map(outlookOf);
  if (request.facts.retention !== undefined || !edit || !outlook.every((o) => o.target)) return;
  const minimum = minimumFor(ecosystem, request.kind);
  const declared = minimum ? ctx.sdk[minimum.ecosystem][minimum.name] : undefined;
  // model-slug adds the effort where it moves the model; computer-use adds none.
  const effortAdded = ctx.options.preserveEffort === true && outlook.some((o) => o.movedBy === MODEL_SLUG) &&
    request.facts.effort === undefined && request.facts.addEffort !== undefined;
  const deferred = settingsKey !== null && effortAdded ? settingsKey : null;
  report(ctx, request.offset, addDecision(minimum, declared, deferred), edit);
}

// ---------------------------------------------------------------------------------------
// JavaScript / TypeScript
// ---------------------------------------------------------------------------------------

function hasJsKey(object: AstNode, key: string): boolean {
  return (object.properties as AstNode[]).some((p) => isObjectProperty(p) && jsName(p.key) === key);
}

/** Reads of the variable `name` that are property values (`modelSettings: settings`), as the objects holding them. */
function jsObjectsUsing(ctx: HandlerContext<JsParsed>, name: string): ASTPath<any>[] {
  return pathsOfType(ctx.parsed, 'Identifier')
    .filter((p) => p.node.name === name)
    .filter((p: ASTPath<any>) => isObjectProperty(p.parent?.node) && p.parent.node.value === p.node)
    .map((p: ASTPath<any>) => p.parent.parent as ASTPath<any>);
}

/**
 * The requests (objects with a `model` key) a settings object belongs to: itself, the
 * objects it sits in (`modelSettings`, `providerOptions.openai`), or the objects that use
 * the variable it is stored in.
 */
function jsRequestsAround(ctx: HandlerContext<JsParsed>, object: ASTPath<any>): AstNode[] {
  const found: AstNode[] = [];
  let level = [object];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: ASTPath<any>[] = [];
    for (const inner of level) {
      const node = inner.node as AstNode;
      if (node.type === 'ObjectExpression' && hasJsKey(node, 'model')) {
        found.push(node);
        continue;
      }
      let path = inner;
      while (VALUE_WRAPPERS.has(path.parent?.node.type)) path = path.parent;
      const value = path.node as AstNode;
      const parent = path.parent?.node as AstNode | undefined;
      if (isObjectProperty(parent) && parent!.value === value) next.push(path.parent.parent);
      else if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') next.push(...jsObjectsUsing(ctx, parent.id.name));
    }
    level = next;
  }
  return found;
}

function jsInMemory(ctx: HandlerContext<JsParsed>, known: Map<AstNode, { models: StringValue[] }>): InMemory[] {
  const out: InMemory[] = [];
  const visit = (path: ASTPath<any>): void => {
    const property = path.node as AstNode;
    const value = literalString(unwrapValue(property.value));
    if (!RETENTION_KEYS.has(jsName(property.key) ?? '') || !value || !IN_MEMORY.has(value.value)) return;
    out.push({ value, models: modelsOf(jsRequestsAround(ctx, path.parent).map((r) => known.get(r)?.models ?? null)) });
  };
  pathsOfType(ctx.parsed, 'ObjectProperty').forEach(visit);
  pathsOfType(ctx.parsed, 'Property').forEach(visit);
  return out;
}

/** Without --add-retention only files that set the field have work. */
function hasWork(ctx: HandlerContext): boolean {
  return ctx.options.addRetention === true || RETENTION_TEXT.test(ctx.text);
}

const jsHandler: Handler = (context) => {
  const ctx = context as HandlerContext<JsParsed>;
  if (!hasWork(ctx)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const requests = requestsOf(strings, jsOrigin, (node) => node);
  const outlookOf = outlooks(ctx);
  for (const found of jsInMemory(ctx, requests)) reportInMemory(ctx, outlookOf, found);
  if (!ctx.options.addRetention) return;
  for (const { node, kind, facts, models } of requests.values()) {
    if (!kind) continue;
    const edit = jsAddSetting(node, kind, 'retention', EXTENDED, ctx.text);
    const settingsKey = kind.api === 'agents' && !hasJsKey(node, 'modelSettings') ? 'modelSettings' : null;
    addRetention(ctx, outlookOf, 'npm', { offset: node.start!, kind, facts, models }, edit, settingsKey);
  }
};

// ---------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------

/** The call or dict a keyword argument or a pair belongs to. */
function pyContainerOf(item: PyNode): PyNode | null {
  return item.type === 'pair' ? item.parent : item.parent?.parent ?? null;
}

/** Keyword arguments and pairs whose value is the variable `name` (`model_settings=settings`), as their containers. */
function pyContainersUsing(scope: PyNode, name: string): PyNode[] {
  return scope.descendantsOfType('identifier')
    .filter((id): id is PyNode => id?.text === name)
    .filter((id) => (id.parent?.type === 'keyword_argument' || id.parent?.type === 'pair') && sameNode(id.parent.childForFieldName('value'), id))
    .map((id) => pyContainerOf(id.parent!))
    .filter((c): c is PyNode => c !== null);
}

/** As jsRequestsAround: the calls or dicts with a `model` setting that a settings call or dict belongs to. */
function pyRequestsAround(container: PyNode): PyNode[] {
  const found: PyNode[] = [];
  let level = [container];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: PyNode[] = [];
    for (const node of level) {
      if (settingsOf(node).some((s) => s.key === 'model')) {
        found.push(node);
        continue;
      }
      const holder = node.parent;
      if ((holder?.type === 'keyword_argument' || holder?.type === 'pair') && sameNode(holder.childForFieldName('value'), node)) {
        const outer = pyContainerOf(holder);
        if (outer) next.push(outer);
      } else if (holder?.type === 'assignment' && sameNode(holder.childForFieldName('right'), node)) {
        const name = holder.childForFieldName('left');
        if (name?.type === 'identifier') next.push(...pyContainersUsing(node.tree.rootNode, name.text));
      }
    }
    level = next;
  }
  return found;
}

function pyInMemory(root: PyNode, known: Map<number, { models: StringValue[] }>): InMemory[] {
  const out: InMemory[] = [];
  for (const item of root.descendantsOfType(['keyword_argument', 'pair'])) {
    if (!item) continue;
    const key = pyName(item.childForFieldName(item.type === 'pair' ? 'key' : 'name'));
    const value = plainContent(item.childForFieldName('value'));
    const container = pyContainerOf(item);
    if (key === null || !RETENTION_KEYS.has(key) || !value || !IN_MEMORY.has(value.value) || !container) continue;
    out.push({ value, models: modelsOf(pyRequestsAround(container).map((r) => known.get(r.id)?.models ?? null)) });
  }
  return out;
}

const pyHandler: Handler = (context) => {
  const ctx = context as HandlerContext<PyParsed>;
  if (!hasWork(ctx)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const requests = requestsOf(strings, pyOrigin, (node) => node.id);
  const outlookOf = outlooks(ctx);
  for (const found of pyInMemory(ctx.parsed.tree.rootNode, requests)) reportInMemory(ctx, outlookOf, found);
  if (!ctx.options.addRetention) return;
  for (const { node, kind, facts, models } of requests.values()) {
    if (!kind) continue;
    const edit = pyAddSetting(node, kind, 'retention', EXTENDED, ctx.text);
    const settingsKey = kind.api === 'agents' && !settingsOf(node).some((s) => s.key === 'model_settings') ? 'model_settings' : null;
    addRetention(ctx, outlookOf, 'pypi', { offset: node.startIndex, kind, facts, models }, edit, settingsKey);
  }
};

// ---------------------------------------------------------------------------------------
// JSON, YAML and TOML configs
// ---------------------------------------------------------------------------------------

function configRoots(ctx: HandlerContext): ConfigNode[] {
  if (ctx.language === 'yaml') return ctx.parsed as ConfigNode[];
  const root = (ctx.parsed as JsonParsed | TomlParsed).root;
  return root ? [root] : [];
}

/** The model of the nearest mapping (this one, then the ones around it) that names one; null when none is visible. */
function configModel(maps: ConfigMap[], strings: StringValue[]): StringValue | null {
  for (const map of maps) {
    const entry = map.entries.find((e) => e.value.kind === 'scalar' && namesRequestModel(e.key, e.value.value));
    if (!entry) continue;
    const span = (entry.value as ConfigScalar).span;
    return span ? strings.find((s) => s.start === span.start) ?? null : null;
  }
  return null;
}

/** `in_memory` values in configs, with the model of the mapping they sit in (or around it: `modelSettings`, promptfoo `config`). */
function configInMemory(roots: ConfigNode[], strings: StringValue[]): InMemory[] {
  const out: InMemory[] = [];
  const visit = (node: ConfigNode, maps: ConfigMap[]): void => {
    if (node.kind === 'list') node.items.forEach((item) => visit(item, maps));
    if (node.kind !== 'map') return;
    const around = [node, ...maps];
    for (const { key, value } of node.entries) {
      if (RETENTION_KEYS.has(key) && value.kind === 'scalar' && value.span && IN_MEMORY.has(value.value)) {
        const model = configModel(around, strings);
        out.push({ value: { value: value.value, ...value.span }, models: model ? [model] : null });
      } else visit(value, around);
    }
  };
  roots.forEach((root) => visit(root, []));
  return out;
}

const configHandler: Handler = (ctx) => {
  if (!RETENTION_TEXT.test(ctx.text)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const outlookOf = outlooks(ctx);
  for (const found of configInMemory(configRoots(ctx), strings)) reportInMemory(ctx, outlookOf, found);
};

export const promptCacheRetention: Transform = {
  name: 'prompt-cache-retention',
  description: 'prompt_cache_retention "in_memory" to "24h" where the request moves to GPT-5.5; --add-retention makes "24h" visible where the SDK knows the field',
  prefilter: new RegExp(`${RETENTION_TEXT.source}|${MODEL_PREFILTER.source}`),
  handlers: {
    js: jsHandler,
    python: pyHandler,
    json: configHandler,
    yaml: configHandler,
    toml: configHandler,
  },
};

export default jscodeshiftTransform(promptCacheRetention);
