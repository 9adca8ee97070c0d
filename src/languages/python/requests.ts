/**
 * Python requests: what kind of request a call or dict is (its API and client), the facts
 * the policy reads off it (sampling parameters, effort, cache retention) and the insertion
 * that adds a setting in the request's own spelling.
 */
import type { Node } from 'web-tree-sitter';
import { SAMPLING_PARAMETERS } from '../../policy/catalog.js';
import { MODEL_KEY } from '../../policy/context.js';
import type { RequestSetting } from '../../policy/retention.js';
import { CHAT_COMPLETIONS_CALL, RESPONSES_CALL } from '../../policy/sdk.js';
import type { Edit, RequestApi, RequestFacts, RequestKind } from '../../types.js';
import { appendEntry } from '../list-edit.js';
import { type RequestOrigin as GenericOrigin, RequestOrigins } from '../origins.js';
import { calleeName, entryList, nameOf, positionalArguments, sameNode, settingsOf, writtenValue } from './nodes.js';

/** Calls whose first positional argument is the model (LangChain). */
export const MODEL_FACTORIES = new Set(['init_chat_model']);
/**
 * Constructors that send requests to a model API with the model they are given: chat model
 * classes (`ChatOpenAI`, `AzureChatOpenAI`, `ChatAnthropic`) and the Agents SDK's model
 * classes (`OpenAIResponsesModel`).
 */
const MODEL_CLIENT = /^(Async)?(Azure)?Chat[A-Z]\w*$|^\w*OpenAI\w*Model$/;
/** Calls that send a request themselves: LiteLLM's completion functions. */
const MODEL_CALL = /^litellm\.a?completion$/;

/** The request is sent by a known client: an SDK request or agent, a raw API body, a model client or factory. */
function sendsToApi(request: Node, kind: RequestKind | null): boolean {
  if (kind) return true;
  if (request.type !== 'call') return false;
  const name = calleeName(request) ?? '';
  return MODEL_FACTORIES.has(name) || MODEL_CLIENT.test(name) || MODEL_CALL.test(request.childForFieldName('function')?.text ?? '');
}

/** Keyword / key whose value holds more request settings: Agents SDK, raw extras, LangChain. */
const NESTED_SETTINGS = new Set(['model_settings', 'extra_body', 'model_kwargs']);

export type RequestOrigin = GenericOrigin<Node>;

const origins = new RequestOrigins<Node>();

export function requestOrigin(facts: RequestFacts): RequestOrigin | undefined {
  return origins.get(facts);
}

/** Agents SDK constructors that take `model` and `model_settings`. */
const AGENT_CONFIGS = new Set(['Agent', 'RunConfig']);
/** Keyword arguments and calls that send a dict as a raw HTTP body: `json=` (requests, httpx), `json.dumps(…)`. */
const BODY_KEYWORDS = new Set(['json']);
const BODY_ENCODERS = new Set(['json.dumps']);

/** A dict sent as a raw HTTP body: its keys say which API it is for. */
function bodyKind(dict: Node): RequestKind | null {
  const holder = dict.parent;
  const encoder = holder?.type === 'argument_list' ? (holder.parent?.childForFieldName('function')?.text ?? '') : '';
  const sent =
    (holder?.type === 'keyword_argument' && BODY_KEYWORDS.has(nameOf(holder.childForFieldName('name')) ?? '')) ||
    BODY_ENCODERS.has(encoder);
  if (!sent) return null;
  const keys = new Set(settingsOf(dict).map((s) => s.key));
  if (keys.has('messages')) return { api: 'chat-completions', client: null, compact: false };
  if (keys.has('input')) return { api: 'responses', client: null, compact: false };
  return null;
}

/**
 * The API and client of a request call or dict: `client.responses.create(…)`,
 * `client.chat.completions.create(…)`, `Agent(…)`, `RunConfig(…)`, or a raw body; null
 * when neither the call nor the dict's use shows it (LangChain, a stored dict).
 */
export function requestKind(request: Node): RequestKind | null {
  if (request.type === 'dictionary') return bodyKind(request);
  if (request.type !== 'call') return null;
  if (AGENT_CONFIGS.has(calleeName(request) ?? '')) return { api: 'agents', client: 'agents', compact: false };
  const path = (request.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
  const responses = RESPONSES_CALL.exec(path);
  if (responses) return { api: 'responses', client: 'openai', compact: responses[1] === 'compact' };
  return CHAT_COMPLETIONS_CALL.test(path) ? { api: 'chat-completions', client: 'openai', compact: false } : null;
}

/**
 * The Agents SDK gives an `Agent` without `model_settings` its model's default settings, and
 * resolves a `RunConfig`'s settings over the defaults of its model (openai-agents-python
 * src/agents/agent.py and run_internal/turn_preparation.py). `**kwargs` may hold settings.
 */
function takesSdkDefaults(call: Node): boolean {
  if (calleeName(call) === 'RunConfig') return true;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return !args.some((a) => a.type === 'dictionary_splat') && !settingsOf(call).some((s) => s.key === 'model_settings');
}

/** One key on the way to a setting, and how a missing container there is written: a dict, or a constructor the file imports. */
interface SettingStep {
  key: string;
  make?: 'dict' | 'ModelSettings' | 'Reasoning';
}

/** Where each API takes a setting, in openai-python and Agents SDK Python spelling. */
const SETTING_PATHS: Record<RequestApi, Record<RequestSetting, SettingStep[]>> = {
  responses: {
    effort: [{ key: 'reasoning', make: 'dict' }, { key: 'effort' }],
    retention: [{ key: 'prompt_cache_retention' }],
  },
  'chat-completions': {
    effort: [{ key: 'reasoning_effort' }],
    retention: [{ key: 'prompt_cache_retention' }],
  },
  agents: {
    effort: [{ key: 'model_settings', make: 'ModelSettings' }, { key: 'reasoning', make: 'Reasoning' }, { key: 'effort' }],
    retention: [{ key: 'model_settings', make: 'ModelSettings' }, { key: 'prompt_cache_retention' }],
  },
};

/** Names bound by `from … import …` anywhere in the file. */
function importedNames(root: Node): Set<string> {
  const names = new Set<string>();
  for (const statement of root.descendantsOfType('import_from_statement')) {
    for (const name of statement?.childrenForFieldName('name') ?? []) {
      const bound = name.type === 'aliased_import' ? name.childForFieldName('alias') : name;
      if (bound) names.add(bound.text);
    }
  }
  return names;
}

/**
 * The insertion that sets a request setting (effort, cache retention) to `value` in the
 * request's API spelling, creating what is missing on the way: a dict for
 * `reasoning={…}`, or `ModelSettings(…)` / `Reasoning(…)` where the file already imports
 * them. Null when the setting is there already, a level on the way is neither a call nor
 * a dict, or a constructor it needs is not imported.
 */
export function addRequestSetting(request: Node, kind: RequestKind, setting: RequestSetting, value: string, text: string): Edit | null {
  const steps = SETTING_PATHS[kind.api][setting];
  let container = request;
  let depth = 0;
  for (; depth < steps.length; depth++) {
    const found = settingsOf(container).find((s) => s.key === steps[depth]!.key);
    if (!found) break;
    if (depth === steps.length - 1 || (found.value.type !== 'call' && found.value.type !== 'dictionary')) return null;
    container = found.value;
  }
  const missing = steps.slice(depth);
  const imported = importedNames(request.tree.rootNode);
  if (missing.some((s) => s.make && s.make !== 'dict' && !imported.has(s.make))) return null;
  const list = entryList(container);
  if (!list) return null;
  const quote = request.descendantsOfType('string_start')[0]?.text.slice(-1) ?? '"';
  const write = (rest: SettingStep[], inDict: boolean): string => {
    const [step, ...inner] = rest as [SettingStep, ...SettingStep[]];
    const written =
      inner.length === 0
        ? `${quote}${value}${quote}`
        : step.make === 'dict'
          ? `{${write(inner, true)}}`
          : `${step.make}(${write(inner, false)})`;
    return inDict ? `${quote}${step.key}${quote}: ${written}` : `${step.key}=${written}`;
  };
  return appendEntry(text, list, write(missing, container.type === 'dictionary'), '#');
}

/**
 * Sampling parameters, reasoning effort and cache retention of a request call or dict,
 * in every SDK spelling; given the file's text, also the insertion that would set effort
 * none where none is set.
 */
export function requestFacts(request: Node, text?: string): RequestFacts {
  const sampling = new Set<string>();
  let effort: string | undefined;
  let retention: string | undefined;
  const scan = (node: Node): void => {
    for (const { key, value } of settingsOf(node)) {
      const parameter = SAMPLING_PARAMETERS.get(key);
      if (parameter) sampling.add(parameter);
      if (key === 'reasoning_effort') effort = writtenValue(value);
      if (key === 'reasoning') {
        const inner = settingsOf(value).find((s) => s.key === 'effort');
        if (inner) effort = writtenValue(inner.value);
      }
      if (key === 'prompt_cache_retention') retention = writtenValue(value);
      if (NESTED_SETTINGS.has(key)) scan(value);
    }
  };
  scan(request);
  const kind = requestKind(request);
  const facts: RequestFacts = { sampling: [...sampling] };
  const addEffort = effort === undefined && kind && text !== undefined ? addRequestSetting(request, kind, 'effort', 'none', text) : null;
  if (effort !== undefined) facts.effort = effort;
  if (addEffort) facts.addEffort = addEffort;
  if (retention !== undefined) facts.retention = retention;
  if (kind?.api === 'agents' && takesSdkDefaults(request)) facts.sdkDefaults = true;
  if (sendsToApi(request, kind)) facts.live = true;
  origins.set(facts, { node: request, kind });
  return facts;
}

/** The call or dict that takes `node` as its model: `model=…`, `{"model": …}`, `init_chat_model(…)`. */
export function requestOf(node: Node): Node | null {
  const parent = node.parent;
  if (!parent) return null;
  if ((parent.type === 'keyword_argument' || parent.type === 'pair') && sameNode(parent.childForFieldName('value'), node)) {
    const key = nameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name')) ?? '';
    if (!MODEL_KEY.test(key)) return null;
    return parent.type === 'pair' ? parent.parent : (parent.parent?.parent ?? null);
  }
  const call = parent.type === 'argument_list' ? parent.parent : null;
  if (call && MODEL_FACTORIES.has(calleeName(call) ?? '') && sameNode(positionalArguments(call)[0], node)) return call;
  return null;
}
