/**
 * Python adapter: web-tree-sitter with tree-sitter-python's WebAssembly grammar, taken
 * from @vscode/tree-sitter-wasm, which ships the built .wasm files and nothing to compile
 * or run at install (tree-sitter-python itself carries a native-build install script).
 * Sites are located on the syntax tree and edited as byte ranges on the original text,
 * so quotes, prefixes, indentation and line endings never change.
 *
 * Offsets: web-tree-sitter hands a JavaScript string to the parser as UTF-16 and reports
 * `startIndex` / `endIndex` (and columns) in UTF-16 code units, which are exactly the
 * string indices the engine uses, so no UTF-8 byte conversion is needed; the non-ASCII
 * fixture and test/python.test.ts hold that.
 */
import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';
import { lazy } from '../lazy.js';
import { SAMPLING_PARAMETERS } from '../policy/catalog.js';
import { countModels } from '../policy/classify.js';
import type { RequestSetting } from '../policy/retention.js';
import { CHAT_COMPLETIONS_CALL, RESPONSES_CALL } from '../policy/sdk.js';
import { isModelLike } from '../policy/slug.js';
import {
  type Edit, type RequestApi, type RequestFacts, type RequestKind, SourceError, type StringContext, type StringValue,
} from '../types.js';
import { appendItem } from './insert.js';
import { type RequestOrigin as GenericOrigin, RequestOrigins } from './origins.js';
import type { LanguageAdapter } from './types.js';

export interface PyParsed {
  tree: Tree;
}

let parser: Parser | null = null;

async function loadGrammar(): Promise<void> {
  // Resolved from this module, so it works from src/ under vitest and from dist/.
  const wasm = createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm');
  await Parser.init();
  const language = await Language.load(wasm);
  parser = new Parser();
  parser.setLanguage(language);
}

const init = lazy(loadGrammar);

function firstProblem(node: Node): Node | null {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing) {
      const found = firstProblem(child);
      if (found) return found;
    }
  }
  return null;
}

function parse(text: string, _path: string): PyParsed {
  if (!parser) throw new Error('the Python grammar is not loaded: call initLanguages() first');
  const tree = parser.parse(text);
  if (!tree) throw new SourceError('the Python parser gave up', null);
  if (tree.rootNode.hasError) {
    const bad = firstProblem(tree.rootNode) ?? tree.rootNode;
    const { row, column } = bad.startPosition;
    const message = bad.isMissing ? `missing "${bad.type}"` : `invalid syntax near ${JSON.stringify(bad.text.split('\n')[0]!.slice(0, 40))}`;
    // The tree lives in WebAssembly memory and nobody else will hold it.
    tree.delete();
    throw new SourceError(message, row + 1, column + 1);
  }
  return { tree };
}

/** Whether two handles are the same syntax node: web-tree-sitter hands out a new object per access. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return a != null && b != null && a.id === b.id;
}

/**
 * The raw text between the quotes of a `str` literal, when it equals the literal's value:
 * null for bytes and template strings, f-strings with fields or doubled braces, and any
 * backslash (an escape or a line continuation makes the value differ from the source).
 */
export function plainContent(node: Node | null | undefined): { value: string; start: number; end: number } | null {
  if (!node || node.type !== 'string') return null;
  const open = node.firstChild;
  const close = node.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return null;
  const prefix = open.text.replace(/['"]+$/, '').toLowerCase();
  if (/[bt]/.test(prefix)) return null;
  const start = open.endIndex;
  const end = close.startIndex;
  const raw = node.text.slice(open.text.length, node.text.length - close.text.length);
  if (raw.includes('\\') || (prefix.includes('f') && /[{}]/.test(raw))) return null;
  return { value: raw, start, end };
}

/** A keyword name, a plain string key, an identifier, or the attribute / subscript key a value is stored under. */
export function nameOf(node: Node | null | undefined): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'identifier':
      return node.text;
    case 'string':
      return plainContent(node)?.value ?? null;
    case 'attribute':
      return node.childForFieldName('attribute')?.text ?? null;
    case 'subscript':
      return nameOf(node.childForFieldName('subscript'));
    default:
      return null;
  }
}

/** `os.getenv`, `os.environ.get`, `environ.setdefault`, a bare `getenv` imported from os. */
const ENV_GETTER = /^((os\.)?environ\.(get|setdefault)|(os\.)?getenv)$/;
/** Calls whose first positional argument is the model (LangChain). */
const MODEL_FACTORIES = new Set(['init_chat_model']);
const MODEL_KEY = /^model(_name|_id)?$/;
/** Keyword / key whose value holds more request settings: Agents SDK, raw extras, LangChain. */
const NESTED_SETTINGS = new Set(['model_settings', 'extra_body', 'model_kwargs']);
/** Wrappers a value passes through on its way to a name: `(…)`, `x or "gpt-5.4"`, `a if c else b`, collections. */
const TRANSPARENT = new Set(['parenthesized_expression', 'boolean_operator', 'conditional_expression', 'list', 'tuple', 'set', 'expression_list']);
const COLLECTIONS = new Set(['list', 'tuple', 'set', 'expression_list']);
const COMPARE_OPERATORS = new Set(['==', '!=', 'in', 'not in', 'is', 'is not']);
const COMPARE_METHODS = new Set(['startswith', 'endswith']);

function calleeName(call: Node): string | null {
  return nameOf(call.childForFieldName('function'));
}

/**
 * A model client or agent built from this model (`ChatOpenAI(…)`, `Agent(…)`,
 * `init_chat_model(…)`): the name it is stored under names the route
 * (`fallback_llm = ChatOpenAI(model=…)`). API calls are not followed, so
 * `previous_response = client.responses.create(model=…)` names nothing.
 */
function buildsModel(call: Node): boolean {
  const name = calleeName(call) ?? '';
  return /^[A-Z]/.test(name) || MODEL_FACTORIES.has(name);
}

/** Arguments of a call that are not `name=value`. */
function positional(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** The `key: value` settings of a call's keyword arguments or of a dict literal with plain string keys. */
export function settingsOf(node: Node): Array<{ key: string; value: Node }> {
  const out: Array<{ key: string; value: Node }> = [];
  const items = node.type === 'call'
    ? (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'keyword_argument')
    : node.type === 'dictionary' ? node.namedChildren.filter((p) => p.type === 'pair') : [];
  for (const item of items) {
    const key = nameOf(item.childForFieldName(item.type === 'pair' ? 'key' : 'name'));
    const value = item.childForFieldName('value');
    if (key && value) out.push({ key, value });
  }
  return out;
}

function writtenValue(node: Node): string {
  return plainContent(node)?.value ?? node.text;
}

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
  const encoder = holder?.type === 'argument_list' ? holder.parent?.childForFieldName('function')?.text ?? '' : '';
  const sent = (holder?.type === 'keyword_argument' && BODY_KEYWORDS.has(nameOf(holder.childForFieldName('name')) ?? '')) || BODY_ENCODERS.has(encoder);
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

/** The entries of a call's arguments or a dict, for an insertion. */
function entryList(container: Node): { open: number; close: number; items: Array<{ start: number; end: number }> } | null {
  const list = container.type === 'call' ? container.childForFieldName('arguments') : container;
  if (!list || (list.type !== 'argument_list' && list.type !== 'dictionary')) return null;
  const items = list.namedChildren.filter((c) => c.type !== 'comment').map((c) => ({ start: c.startIndex, end: c.endIndex }));
  return { open: list.startIndex + 1, close: list.endIndex - 1, items };
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
    const written = inner.length === 0 ? `${quote}${value}${quote}`
      : step.make === 'dict' ? `{${write(inner, true)}}` : `${step.make}(${write(inner, false)})`;
    return inDict ? `${quote}${step.key}${quote}: ${written}` : `${step.key}=${written}`;
  };
  return appendItem(text, list, write(missing, container.type === 'dictionary'), '#');
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
  origins.set(facts, { node: request, kind });
  return facts;
}

/** The call or dict that takes `node` as its model: `model=…`, `{"model": …}`, `init_chat_model(…)`. */
function requestOf(node: Node): Node | null {
  const parent = node.parent;
  if (!parent) return null;
  if ((parent.type === 'keyword_argument' || parent.type === 'pair') && sameNode(parent.childForFieldName('value'), node)) {
    const key = nameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name')) ?? '';
    if (!MODEL_KEY.test(key)) return null;
    return parent.type === 'pair' ? parent.parent : parent.parent?.parent ?? null;
  }
  const call = parent.type === 'argument_list' ? parent.parent : null;
  if (call && MODEL_FACTORIES.has(calleeName(call) ?? '') && sameNode(positional(call)[0], node)) return call;
  return null;
}

/** The call `node` is the default of, as in `os.getenv("X", node)` or `os.environ.get("X", default=node)`. */
function envDefaultOf(node: Node): { env: string | null; call: Node } | null {
  const holder = node.parent?.type === 'keyword_argument' && nameOf(node.parent.childForFieldName('name')) === 'default' ? node.parent : node;
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  if (!call || !ENV_GETTER.test(call.childForFieldName('function')?.text ?? '')) return null;
  const args = positional(call);
  if (holder === node && !sameNode(args[1], node)) return null;
  return { env: plainContent(args[0])?.value ?? null, call };
}

/** Requests in `scope` whose model is the identifier `name`. */
function requestsUsing(scope: Node, name: string, text: string): RequestFacts[] {
  return scope.descendantsOfType('identifier')
    .filter((id) => id.text === name)
    .map(requestOf)
    .filter((r): r is Node => r !== null)
    .map((request) => requestFacts(request, text));
}

/** The function or module a name bound at `node` lives in; null inside a class body (used as `self.x`). */
function enclosingScope(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return p;
    if (p.type === 'class_definition') return null;
  }
  return null;
}

interface Walk {
  names: string[];
  requests: RequestFacts[];
  /** The name the value is bound to, whose uses may be requests elsewhere in `scope`. */
  binding: { name: string; scope: Node } | null;
}

/** Where a value is stored under a name: assignment targets and parameter defaults. */
function namedBinding(parent: Node, node: Node): { name: string; scope: Node | null } | null {
  if (!sameNode(parent.childForFieldName(parent.type === 'assignment' ? 'right' : 'value'), node)) return null;
  if (parent.type === 'assignment') {
    const target = parent.childForFieldName('left');
    const name = nameOf(target);
    return name ? { name, scope: target?.type === 'identifier' ? enclosingScope(parent) : null } : null;
  }
  if (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') {
    const name = nameOf(parent.childForFieldName('name'));
    return name ? { name, scope: parent.parent?.parent ?? null } : null;
  }
  return null;
}

/** Walks from a literal up through wrappers, dicts, model keywords and env lookups, collecting names and its request. */
function walkUp(start: Node, text: string): Walk {
  const walk: Walk = { names: [], requests: [], binding: null };
  let node = start;
  for (let depth = 0; depth < 8 && node.parent; depth++) {
    const parent = node.parent;
    if (TRANSPARENT.has(parent.type)) {
      node = parent;
      continue;
    }
    const request = requestOf(node);
    if (request && walk.requests.length === 0 && depth <= 2) walk.requests.push(requestFacts(request, text));
    if (parent.type === 'pair' || parent.type === 'keyword_argument') {
      if (!sameNode(parent.childForFieldName('value'), node)) break;
      const key = nameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name'));
      if (key) walk.names.push(key);
      if (parent.type === 'pair') node = parent.parent!;
      else if (request && buildsModel(request)) node = request;
      else break;
      continue;
    }
    if (request) {
      node = request; // init_chat_model("gpt-5.4", …)
      continue;
    }
    const env = envDefaultOf(node);
    if (env) {
      if (env.env) walk.names.push(env.env);
      node = env.call;
      continue;
    }
    const named = namedBinding(parent, node);
    if (named) {
      walk.names.push(named.name);
      if (named.scope) walk.binding = { name: named.name, scope: named.scope };
    }
    break;
  }
  return walk;
}

/** The collection or parenthesis chain a value sits in, up to the first other parent. */
function outerValue(node: Node): Node {
  let outer = node;
  while (outer.parent && TRANSPARENT.has(outer.parent.type) && outer.parent.type !== 'boolean_operator' && outer.parent.type !== 'conditional_expression') {
    outer = outer.parent;
  }
  return outer;
}

/** Compared rather than used: `==`, `in`, `not in`, `match`/`case`, `.startswith(…)`, a lookup key `PRICES["gpt-5.4"]`. */
function isCompared(node: Node): boolean {
  for (let p = node.parent; p && p.type !== 'case_clause' && p.type !== 'block'; p = p.parent) {
    if (p.type === 'case_pattern') return true;
  }
  const outer = outerValue(node);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === 'comparison_operator') {
    const children = parent.children;
    const i = children.findIndex((c) => sameNode(c, outer));
    return [children[i - 1], children[i + 1]].some((op) => op !== undefined && COMPARE_OPERATORS.has(op.type));
  }
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    return call !== null && COMPARE_METHODS.has(calleeName(call) ?? '');
  }
  if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), outer)) {
    return COMPARE_METHODS.has(nameOf(parent) ?? '') && parent.parent?.type === 'call';
  }
  // A lookup key must match the table's keys, which are not sites: changing one side breaks it.
  return parent.type === 'subscript' && sameNode(parent.childForFieldName('subscript'), outer) && !isLiteralType(parent);
}

function isLiteralType(subscript: Node): boolean {
  return /^(\w+\.)*Literal$/.test(subscript.childForFieldName('value')?.text ?? '');
}

/** Inside an annotation, a `type` alias, or a `Literal[...]` subscript (a runtime type alias). */
function insideType(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'type' || (p.type === 'subscript' && isLiteralType(p))) return true;
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

function listsModels(node: Node): boolean {
  return node.descendantsOfType('string').some((s) => isModelLike(plainContent(s)?.value ?? ''));
}

/** The module-level alias `name` stands for: `Name = Literal[...]`, `Name: TypeAlias = ...`, `type Name = ...`. */
function moduleAlias(root: Node, name: string): Node | null {
  for (const statement of root.namedChildren) {
    const declaration = statement.type === 'expression_statement' ? statement.firstNamedChild : statement;
    if (declaration?.type !== 'assignment' && declaration?.type !== 'type_alias_statement') continue;
    if (declaration.childForFieldName('left')?.text === name) return declaration.childForFieldName('right');
  }
  return null;
}

/**
 * A default or assigned value whose own annotation lists models (`model: Literal["gpt-5.4"] = "gpt-5.4"`,
 * directly or through a module-level alias): changing the value alone would break the type.
 */
function typedByModelLiteral(node: Node): boolean {
  const parent = node.parent;
  if (!parent || !sameNode(parent.childForFieldName(parent.type === 'assignment' ? 'right' : 'value'), node)) return false;
  const annotation = parent.childForFieldName('type');
  if (!annotation) return false;
  if (listsModels(annotation)) return true;
  const alias = annotation.firstNamedChild?.type === 'identifier' ? moduleAlias(annotation.tree.rootNode, annotation.text) : null;
  return alias !== null && listsModels(alias);
}

function inType(node: Node): boolean {
  return insideType(node) || typedByModelLiteral(node);
}

function collectionModels(node: Node): number {
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') parent = parent.parent;
  if (!parent || !COLLECTIONS.has(parent.type)) return 0;
  return countModels(parent.namedChildren.map((el) => plainContent(el)?.value ?? null));
}

/** Strings that are not values: docstrings and bare expression statements, dict keys, parts of an implicit concatenation. */
function isNonValuePosition(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === 'expression_statement' || parent.type === 'concatenated_string') return true;
  return parent.type === 'pair' && sameNode(parent.childForFieldName('key'), node);
}

function strings(parsed: PyParsed, text: string): StringValue[] {
  const out: StringValue[] = [];
  for (const node of parsed.tree.rootNode.descendantsOfType('string')) {
    const literal = plainContent(node);
    if (!literal || !isModelLike(literal.value) || isNonValuePosition(node)) continue;
    const walk = walkUp(node, text);
    const requests = walk.requests.length > 0 || !walk.binding
      ? walk.requests
      : requestsUsing(walk.binding.scope, walk.binding.name, text);
    const context: StringContext = {
      compared: isCompared(node),
      inType: inType(node),
      collectionModels: collectionModels(node),
      names: walk.names,
      requests,
    };
    out.push({ ...literal, context });
  }
  return out.sort((a, b) => a.start - b.start);
}

export const python: LanguageAdapter<PyParsed> = {
  id: 'python',
  files: /\.pyi?$/,
  extensions: ['py', 'pyi'],
  init,
  parse,
  dispose: (parsed) => parsed.tree.delete(),
  strings,
};
