/**
 * What the JSON, YAML, env and TOML adapters share. Each reduces its syntax tree to a
 * plain key/value tree (ConfigNode) that keeps the raw range of every string that could
 * be edited; this module finds the model strings in that tree, with the keys they sit
 * under and the request their mapping describes.
 */
import { SAMPLING_PARAMETERS } from '../policy/catalog.js';
import { countModels } from '../policy/classify.js';
import {
  describesModel,
  isDisplayNameKey,
  isLogRecord,
  isResponseBody,
  MODEL_KEY,
  namesAzure,
  namesModel,
  RECORDED_OBJECT,
  recordsResult,
} from '../policy/context.js';
import { isModelLike, splitPrefix } from '../policy/slug.js';
import { LineIndex } from './layout.js';
import { type RequestFacts, SourceError, type StringContext, type StringValue } from '../types.js';

export interface ConfigScalar {
  kind: 'scalar';
  /** The value as a string (numbers and booleans as written). */
  value: string;
  /** The raw range of a string written exactly as its value (no escapes): only these may be sites. */
  span: { start: number; end: number } | null;
}

export interface ConfigEntry {
  key: string;
  value: ConfigNode;
}

export interface ConfigMap {
  kind: 'map';
  entries: ConfigEntry[];
}

export interface ConfigList {
  kind: 'list';
  items: ConfigNode[];
}

export type ConfigNode = ConfigScalar | ConfigMap | ConfigList;

export function scalar(value: string, span: ConfigScalar['span'] = null): ConfigScalar {
  return { kind: 'scalar', value, span };
}

/**
 * How deep a config may nest. Parsers and the walks here recurse once per level, and
 * running out of stack is not always an error that can be caught: V8 aborts the whole
 * process when it happens while compiling a regular expression (seen with 100,000 nested
 * YAML flow lists). Real configs stay far below this.
 */
export const MAX_NESTING = 200;

export function tooDeep(text: string, offset: number): SourceError {
  return errorAt(`nested deeper than ${MAX_NESTING} levels; left as is`, text, offset);
}

/** A SourceError at a character offset of `text`. */
export function errorAt(message: string, text: string, offset: number): SourceError {
  const { line, column } = new LineIndex(text).position(offset);
  return new SourceError(message, line, column);
}

const EFFORT_KEYS = new Set(['reasoning_effort', 'reasoningEffort']);
/**
 * Where configs nest a request's parameters beside its model: GitHub Models prompt files
 * (`modelParameters`), promptfoo and LangChain-style configs (`config`, `parameters`,
 * `model_kwargs`), Agents SDK settings (`modelSettings`).
 */
const PARAMETER_KEYS = new Set([
  'modelParameters',
  'model_parameters',
  'parameters',
  'config',
  'modelSettings',
  'model_settings',
  'modelKwargs',
  'model_kwargs',
]);

/** A request names its model under a model key, or as promptfoo does, under `id` with a provider prefix. */
export function namesRequestModel(key: string, value: string): boolean {
  return MODEL_KEY.test(key) || (key === 'id' && splitPrefix(value).prefix !== '');
}

export function entryValue(map: ConfigMap, key: string): ConfigNode | undefined {
  return map.entries.find((e) => e.key === key)?.value;
}

/** Sampling parameters and reasoning effort of the mapping that holds a model; later keys win, as in the parsed config. */
export function requestFacts(map: ConfigMap): RequestFacts {
  const sampling = new Set<string>();
  let effort: string | undefined;
  const scan = (m: ConfigMap): void => {
    for (const { key, value } of m.entries) {
      const parameter = SAMPLING_PARAMETERS.get(key);
      if (parameter) sampling.add(parameter);
      if (EFFORT_KEYS.has(key) && value.kind === 'scalar') effort = value.value;
      const inner = key === 'reasoning' && value.kind === 'map' ? entryValue(value, 'effort') : undefined;
      if (inner?.kind === 'scalar') effort = inner.value;
      if (PARAMETER_KEYS.has(key) && value.kind === 'map') scan(value);
    }
  };
  scan(map);
  return effort === undefined ? { sampling: [...sampling] } : { sampling: [...sampling], effort };
}

export interface ConfigWalkOptions {
  /** Keys whose whole subtree never holds a site (package.json and pyproject dependency sections). */
  skipKeys?: ReadonlySet<string>;
  /** Whether a mapping holding a model key is a request (false for .env files, which are flat). */
  requests?: boolean;
}

/** `- name: JUDGE_MODEL` / `value: gpt-5.4` (Kubernetes env, CI variables): a value is also named by its `name` sibling. */
function entryNames(map: ConfigMap, key: string, outer: string[]): string[] {
  const sibling = key === 'value' ? entryValue(map, 'name') : undefined;
  return sibling?.kind === 'scalar' ? [key, sibling.value, ...outer] : [key, ...outer];
}

function listModels(list: ConfigList): number {
  return countModels(list.items.map((item) => (item.kind === 'scalar' ? item.value : null)));
}

/** The model a list item names: the item itself, or its `id` / `model` entry (`- id: openai:gpt-5.4`). */
function itemModel(item: ConfigNode): string | null {
  if (item.kind === 'scalar') return item.value;
  if (item.kind !== 'map') return null;
  const entry = item.entries.find((e) => e.value.kind === 'scalar' && namesRequestModel(e.key, e.value.value));
  return entry?.value.kind === 'scalar' ? entry.value.value : null;
}

/**
 * An eval's `providers` list (promptfoo) runs every entry side by side: the models its
 * items name are compared, whether written as strings or as `{id: ...}` mappings.
 */
function providersModels(list: ConfigList): number {
  return countModels(list.items.map(itemModel));
}

/**
 * A mapping that is data about models: its `name` is a model and other entries name more
 * (`- name: o3-mini` with its editor and weak models: that model's settings), or it records
 * a result (a leaderboard row).
 */
function describesModels(map: ConfigMap): boolean {
  const models = map.entries.filter((e) => e.value.kind === 'scalar' && isModelLike(e.value.value));
  const named = models.length >= 2 && models.some((e) => e.key === 'name');
  return named || settingsOfNamedModel(map, models) || recordsResult(map.entries.map((e) => e.key));
}

/** `weak_model_name`, `editor_model`: a companion model named beside the model a settings entry is for. */
const COMPANION_KEY = /^[a-z]+_model(_name)?$/;
/** A `name` that spells a model id (`openai/o1-preview`, `azure/gpt-4o`), not an agent's label (`writer`, `triage-2`). */
const MODEL_ID_NAME = /(^|\/)(gpt-|chatgpt|o\d|claude|gemini|llama|mistral|deepseek|qwen|grok)/i;

/**
 * A settings entry for a model the catalog does not know (`- name: openai/o1-preview` with
 * its `weak_model_name` and `editor_model_name`): its companions are data about that model.
 */
function settingsOfNamedModel(map: ConfigMap, models: ConfigMap['entries']): boolean {
  const name = entryValue(map, 'name');
  return name?.kind === 'scalar' && MODEL_ID_NAME.test(name.value) && models.some((e) => COMPANION_KEY.test(e.key));
}

/** What the mapping around a model says of it: facts that make it a catalog entry, a display name naming the model. */
function beside(map: ConfigMap, key: string, value: string): Partial<StringContext> {
  const facts: Partial<StringContext> = {};
  const keys = map.entries.map((e) => e.key);
  if (describesModel(key, keys) || describesModels(map)) facts.catalogEntry = true;
  const values = map.entries.map((e) => (e.value.kind === 'scalar' ? e.value.value : null));
  if (namesAzure(values)) facts.azureSibling = true;
  const object = entryValue(map, 'object');
  if ((object?.kind === 'scalar' && RECORDED_OBJECT.test(object.value)) || isLogRecord(values)) facts.recorded = true;
  const prose = map.entries.find(
    (e) => e.key !== key && isDisplayNameKey(e.key) && e.value.kind === 'scalar' && namesModel(e.value.value, value),
  );
  if (prose?.value.kind === 'scalar') facts.prose = `${prose.key}: ${prose.value.value}`;
  return facts;
}

/**
 * The model-like strings of one or more config trees. Names are the key chain, nearest
 * first (`{models: {fallback: x}}` gives ["fallback", "models"]); list positions add no name.
 */
export function configStrings(roots: readonly ConfigNode[], options: ConfigWalkOptions = {}): StringValue[] {
  const out: StringValue[] = [];
  const visit = (node: ConfigNode, names: string[], owner: { map: ConfigMap; key: string } | null, list: ConfigList | null): void => {
    if (node.kind === 'map') {
      // A provider mapping inside a `providers` list counts its model among the list's.
      const providers = list !== null && names[0] === 'providers' ? list : null;
      for (const entry of node.entries) {
        if (!options.skipKeys?.has(entry.key))
          visit(entry.value, entryNames(node, entry.key, names), { map: node, key: entry.key }, providers);
      }
    } else if (node.kind === 'list') {
      for (const item of node.items) visit(item, names, null, node);
    } else if (
      node.span &&
      isModelLike(node.value) &&
      !(
        owner &&
        isResponseBody(
          owner.key,
          owner.map.entries.map((e) => e.key),
        )
      )
    ) {
      const isRequest = owner !== null && options.requests !== false && namesRequestModel(owner.key, node.value);
      const context: StringContext = {
        compared: false,
        // The members of a schema's `enum` (OpenAPI, JSON Schema) are a type's, written as a list.
        inType: names.includes('enum'),
        collectionModels: !list ? 0 : owner ? providersModels(list) : listModels(list),
        names,
        requests: isRequest ? [requestFacts(owner.map)] : [],
        ...(owner ? beside(owner.map, owner.key, node.value) : {}),
      };
      out.push({ value: node.value, ...node.span, context });
    }
  };
  for (const root of roots) visit(root, [], null, null);
  return out.sort((a, b) => a.start - b.start);
}
