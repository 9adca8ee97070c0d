/**
 * JS/TS requests: what kind of request an object literal is (its API and client, from the
 * call it is passed to), the facts the policy reads off it (sampling parameters, effort,
 * cache retention) and the insertion that adds a setting in the request's own spelling.
 */
import { SAMPLING_PARAMETERS } from '../../policy/catalog.js';
import { MODEL_KEY } from '../../policy/context.js';
import { RETENTION_KEYS, type RequestSetting } from '../../policy/retention.js';
import { CHAT_COMPLETIONS_CALL, RESPONSES_CALL } from '../../policy/sdk.js';
import type { Edit, RequestApi, RequestFacts, RequestKind } from '../../types.js';
import { appendEntry } from '../list-edit.js';
import { type RequestOrigin as GenericOrigin, RequestOrigins } from '../origins.js';
import {
  endOf,
  entries,
  isMember,
  isObjectProperty,
  isType,
  type JsNode,
  type JsPath,
  nameOf,
  type NodeOf,
  nodeText,
  parentNode,
  parentOf,
  startOf,
  writtenValue,
} from './nodes.js';

/** Settings objects inside a request: Agents SDK modelSettings, Vercel providerOptions.openai, LangChain modelKwargs. */
const NESTED_SETTINGS = new Set(['modelSettings', 'providerOptions', 'openai', 'modelKwargs']);

export type RequestOrigin = GenericOrigin<JsNode>;

const origins = new RequestOrigins<JsNode>();

export function requestOrigin(facts: RequestFacts): RequestOrigin | undefined {
  return origins.get(facts);
}

const AGENT_CONFIGS = new Set(['Agent', 'Runner']);

type Call = NodeOf<'CallExpression' | 'OptionalCallExpression' | 'NewExpression'>;
type ObjectNode = NodeOf<'ObjectExpression'>;

function isCall(node: unknown): node is Call {
  return isType(node, 'CallExpression', 'OptionalCallExpression', 'NewExpression');
}

function calleeText(call: Call, text: string): string {
  return nodeText(call.callee, text).replace(/\s+|\?(?=\.)/g, '');
}

/** A raw HTTP body (`JSON.stringify({...})`): its keys say which API it is for. */
function bodyKind(request: ObjectNode): RequestKind | null {
  const keys = new Set(entries(request).map((e) => e.key));
  if (keys.has('messages')) return { api: 'chat-completions', client: null, compact: false };
  if (keys.has('input')) return { api: 'responses', client: null, compact: false };
  return null;
}

/**
 * The API and client of a request object, from the call it is the first argument of
 * (`client.responses.create(…)`, `new Agent(…)`, `Agent.create(…)`, `JSON.stringify(…)`);
 * null when the call does not show it (Vercel AI SDK, LangChain, a stored object).
 */
export function requestKind(request: JsNode, owner: JsNode | null, text: string): RequestKind | null {
  if (!isType(request, 'ObjectExpression') || !isCall(owner) || owner.arguments[0] !== request) return null;
  const callee = owner.callee;
  const agents = isMember(callee)
    ? nameOf(callee.object) === 'Agent' && nameOf(callee.property) === 'create'
    : AGENT_CONFIGS.has(nameOf(callee) ?? '');
  if (agents) return { api: 'agents', client: 'agents', compact: false };
  const path = calleeText(owner, text);
  const responses = RESPONSES_CALL.exec(path);
  if (responses) return { api: 'responses', client: 'openai', compact: responses[1] === 'compact' };
  if (CHAT_COMPLETIONS_CALL.test(path)) return { api: 'chat-completions', client: 'openai', compact: false };
  return path === 'JSON.stringify' ? bodyKind(request) : null;
}

/**
 * The Agents SDK gives an agent without `modelSettings` its model's default settings, and
 * merges a runner's settings over the defaults of the model it resolves
 * (openai-agents-js packages/agents-core/src/agent.ts and run.ts). An object that spreads
 * another in may hold model settings, so it does not count.
 */
function takesSdkDefaults(request: ObjectNode, owner: Call): boolean {
  if (nameOf(owner.callee) === 'Runner') return true;
  return !request.properties.some((p) => p.type === 'SpreadElement' || (isObjectProperty(p) && nameOf(p.key) === 'modelSettings'));
}

/** Where each API takes a setting, in openai-node and Agents SDK JS spelling. */
const SETTING_PATHS: Record<RequestApi, Record<RequestSetting, string[]>> = {
  responses: { effort: ['reasoning', 'effort'], retention: ['prompt_cache_retention'] },
  'chat-completions': { effort: ['reasoning_effort'], retention: ['prompt_cache_retention'] },
  agents: { effort: ['modelSettings', 'reasoning', 'effort'], retention: ['modelSettings', 'promptCacheRetention'] },
};

/** How the request writes strings, keys and one-line objects, for the text an insertion adds. */
interface JsStyle {
  quote: string;
  quoteKeys: boolean;
  /** Space inside the braces of a one-line object: `{ a: 1 }` or `{a: 1}`. */
  pad: string;
}

function firstQuote(node: JsNode | null | undefined, text: string): string | null {
  for (const { value } of entries(node)) {
    if (isType(value, 'StringLiteral', 'Literal')) return text[startOf(value)] ?? null;
    const inner = isType(value, 'ObjectExpression') ? firstQuote(value, text) : null;
    if (inner) return inner;
  }
  return null;
}

function jsStyle(request: ObjectNode, text: string): JsStyle {
  const first = request.properties.find(isObjectProperty);
  return {
    quote: firstQuote(request, text) ?? '"',
    quoteKeys: isType(first?.key, 'StringLiteral'),
    pad: /(?<!\$)\{([ \t]*)[^\s}]/.exec(nodeText(request, text))?.[1] === '' ? '' : ' ',
  };
}

/**
 * The insertion that sets a request setting (effort, cache retention) to `value` in the
 * request's API spelling, creating the objects on the way (`modelSettings`, `reasoning`)
 * that are missing. Null when the setting is there already, or when a level on the way is
 * not an object literal or spreads another object in (whose keys a new one would override).
 */
export function addRequestSetting(request: JsNode, kind: RequestKind, setting: RequestSetting, value: string, text: string): Edit | null {
  if (!isType(request, 'ObjectExpression')) return null;
  const path = SETTING_PATHS[kind.api][setting];
  let object = request;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const property = object.properties.find((p) => isObjectProperty(p) && !p.computed && nameOf(p.key) === path[depth]);
    if (!isObjectProperty(property)) break;
    if (depth === path.length - 1 || !isType(property.value, 'ObjectExpression')) return null;
    object = property.value;
  }
  const properties = object.properties;
  if (properties.some((p) => p.type === 'SpreadElement')) return null;
  const style = jsStyle(request, text);
  const key = (name: string): string => (style.quoteKeys ? `${style.quote}${name}${style.quote}` : name);
  const keys = path.slice(depth);
  let item = `${key(keys[keys.length - 1]!)}: ${style.quote}${value}${style.quote}`;
  for (let i = keys.length - 2; i >= 0; i--) item = `${key(keys[i]!)}: {${style.pad}${item}${style.pad}}`;
  const items = properties.map((p) => ({ start: startOf(p), end: endOf(p) }));
  return appendEntry(text, { open: startOf(object) + 1, close: endOf(object) - 1, items }, item, '//');
}

/**
 * Reads sampling parameters, reasoning effort and cache retention, in every SDK spelling,
 * off a request object or JSX element. `owner` is the call the object is passed to, which
 * tells its API (for the effort insertion).
 */
export function requestFacts(request: JsNode, text: string, owner: JsNode | null = null): RequestFacts {
  const sampling = new Set<string>();
  let effort: string | undefined;
  let retention: string | undefined;
  const scan = (node: JsNode | null): void => {
    for (const { key, value } of entries(node)) {
      const param = SAMPLING_PARAMETERS.get(key);
      if (param) sampling.add(param);
      if (!value) continue;
      if (key === 'reasoning_effort' || key === 'reasoningEffort') effort = writtenValue(value, text);
      const nested = key === 'reasoning' ? entries(value).find((e) => e.key === 'effort')?.value : null;
      if (nested) effort = writtenValue(nested, text);
      if (RETENTION_KEYS.has(key)) retention = writtenValue(value, text);
      if (NESTED_SETTINGS.has(key)) scan(value);
    }
  };
  scan(request);
  const kind = requestKind(request, owner, text);
  const facts: RequestFacts = { sampling: [...sampling] };
  const addEffort = effort === undefined && kind ? addRequestSetting(request, kind, 'effort', 'none', text) : null;
  if (effort !== undefined) facts.effort = effort;
  if (addEffort) facts.addEffort = addEffort;
  if (retention !== undefined) facts.retention = retention;
  if (kind?.api === 'agents' && takesSdkDefaults(request as ObjectNode, owner as Call)) facts.sdkDefaults = true;
  origins.set(facts, { node: request, kind });
  return facts;
}

/** A stored request spread into another (`{...defaults, temperature: 0.2}`): the outer object's settings win. */
export function spreadFacts(outer: RequestFacts, base: RequestFacts): RequestFacts {
  const facts: RequestFacts = { sampling: [...new Set([...base.sampling, ...outer.sampling])] };
  const effort = outer.effort ?? base.effort;
  const retention = outer.retention ?? base.retention;
  if (effort !== undefined) facts.effort = effort;
  else if (outer.addEffort) facts.addEffort = outer.addEffort;
  if (retention !== undefined) facts.retention = retention;
  if (outer.sdkDefaults) facts.sdkDefaults = true;
  const origin = origins.get(outer);
  if (origin) origins.set(facts, origin);
  return facts;
}

/** The call or `new` expression `path`'s node is the first argument of. */
function ownerOf(path: JsPath): JsNode | null {
  const parent = parentNode(path);
  return isCall(parent) && parent.arguments[0] === path.node ? parent : null;
}

export function factsAt(request: JsPath, text: string): RequestFacts {
  return requestFacts(request.node, text, ownerOf(request));
}

/** The request (object literal or JSX element) whose model is the value at `valuePath`. */
export function requestOf(valuePath: JsPath): JsPath | null {
  const parent = parentNode(valuePath);
  if (!parent || (parent as { value?: unknown }).value !== valuePath.node) return null;
  const key = isObjectProperty(parent) ? nameOf(parent.key) : isType(parent, 'JSXAttribute') ? nameOf(parent) : null;
  return key !== null && MODEL_KEY.test(key) ? parentOf(parentOf(valuePath)!) : null;
}
