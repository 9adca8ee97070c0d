/**
 * Pinned-context rules that do not need a syntax tree: paths, names, directives and
 * Azure clients (DESIGN.md, policy rules 2 and 4).
 */

import type { RequestFacts, StringContext } from '../types.js';

/** A promptfoo config: an eval definition. */
export const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig\.[^/]+$/;

/**
 * What a pinned path holds, which decides whether --all moves it: tests and evals may be
 * upgraded on request; recorded data (fixtures, snapshots) and history stay as written.
 */
export type PinnedKind = 'test' | 'eval' | 'recorded' | 'history';

const PINNED_PATHS: Array<{ pattern: RegExp; what: string; kind: PinnedKind }> = [
  { pattern: /(^|\/)(test|tests|__tests__)\//, what: 'a test folder', kind: 'test' },
  { pattern: /(^|\/)(([^/]*[-_.])?e2e([-_.][^/]*)?|environment_tests|integration[-_]tests?)\//, what: 'a test folder', kind: 'test' },
  { pattern: /\.(test|spec)\.[^/]+$/, what: 'a test file', kind: 'test' },
  { pattern: /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py)$/, what: 'a pytest file', kind: 'test' },
  { pattern: /(^|\/)(eval|evals|baseline[^/]*|benchmarks)\//, what: 'an eval or baseline folder', kind: 'eval' },
  { pattern: PROMPTFOO_CONFIG, what: 'a promptfoo eval config', kind: 'eval' },
  { pattern: /(^|\/)(fixtures|__fixtures__|__snapshots__)\//, what: 'a fixtures or snapshots folder', kind: 'recorded' },
  { pattern: /\.snap$/, what: 'a snapshot file', kind: 'recorded' },
  { pattern: /(^|\/)(CHANGELOG|HISTORY|RELEASES?)[^/]*$/i, what: 'a history file', kind: 'history' },
  { pattern: /(^|\/)(blog|_posts|posts)\//i, what: 'a blog post (history)', kind: 'history' },
  { pattern: /(^|\/)docs\/(.*\/)?(changelog|history|releases|archive|legacy)\//i, what: 'a history folder in docs', kind: 'history' },
  { pattern: /(^|\/)[^/]*migrat(ion|ing|e)[^/]*\.(md|mdx|txt|rst)$/i, what: 'a migration note', kind: 'history' },
];

/** Why a path counts as pinned context and what it holds, or null. */
export function pinnedPath(path: string): { what: string; kind: PinnedKind } | null {
  return PINNED_PATHS.find((p) => p.pattern.test(path)) ?? null;
}

/** A name's word pins when it starts with one of these (`fallbacks`, `evaluator`). */
const PINNED_WORDS = [
  'fallback',
  'backup',
  'cheap',
  'budget',
  'baseline',
  'legacy',
  'previous',
  'old',
  'compare',
  'comparison',
  'pinned',
  'eval',
  'grader',
  'judge',
];
/** Abbreviations pin only as whole words: `prevModel`, but not `previewModel`. */
const PINNED_ABBREVIATIONS = ['prev'];

/** Splits camelCase, PascalCase, snake_case, kebab-case and dotted names into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * The name says which model it holds (`gpt_4o_model`, an experiment keyed `gpt4o`): the
 * value cannot change without the name, so it stays for a person to rename both.
 */
export function nameSpellingModel(names: readonly string[], base: string): string | null {
  const spelled = base.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return names.find((name) => spellsWithin(nameWords(name), spelled)) ?? null;
}

/** Some run of consecutive words, joined, is `spelled` (`gpt`, `4o` for gpt4o). */
function spellsWithin(words: string[], spelled: string): boolean {
  return words.some((_, i) => {
    let joined = '';
    for (const word of words.slice(i)) {
      joined += word;
      if (joined === spelled) return true;
      if (!spelled.startsWith(joined)) return false;
    }
    return false;
  });
}

/** The first name whose words begin with a pinned word (`fallbackModel`, `EVAL_MODEL`, `judges`). */
export function pinnedName(names: string[]): { name: string; word: string } | null {
  for (const name of names) {
    for (const word of nameWords(name)) {
      const hit = PINNED_WORDS.find((p) => word.startsWith(p)) ?? PINNED_ABBREVIATIONS.find((p) => word === p);
      if (hit) return { name, word: hit };
    }
  }
  return null;
}

export const IGNORE_DIRECTIVE = 'gpt55-codemod-ignore';

/** True when the 1-based line or the line above holds the ignore directive. */
export function hasDirective(lines: readonly string[], line: number): boolean {
  return [line - 1, line - 2].some((i) => i >= 0 && lines[i]?.includes(IGNORE_DIRECTIVE));
}

const AZURE_CLIENT =
  /\bAzureOpenAI\s*\(|\bChatAzureOpenAI\b|\bAzureChatOpenAI\b|\bAzureAsyncOpenAI\b|\bAsyncAzureOpenAI\s*\(|\bcreateAzure\s*\(|\bAzureOpenAIEmbeddings\b/;

/** A setting's value that routes a request to Azure OpenAI (`provider="azure"`, `api_type: azure_openai`). */
const AZURE_VALUE = /^azure([-_ ]?openai)?$/i;

/** Some sibling setting's value routes the request to Azure. */
export function namesAzure(values: ReadonlyArray<string | null>): boolean {
  return values.some((v) => v !== null && AZURE_VALUE.test(v));
}

/** The file creates an Azure OpenAI client: its `model` values are deployment names. */
export function createsAzureClient(text: string): boolean {
  return AZURE_CLIENT.test(text);
}

/**
 * A test that stubs the API (mocks, recorded HTTP, cassettes): its model strings are
 * recorded data or the inputs its assertions expect, not requests anyone sends.
 */
const API_STUB =
  /\b(unittest\.mock|MagicMock|AsyncMock|httpx_mock|httpserver|respx|requests_mock|vcr|cassettes?|mocker|nock|msw|setupServer)\b|@patch\b|\bpatch(\.object)?\(|\b(vi|jest)\.(mock|fn|spyOn)\(|\.mock(Resolved|Return|Implementation)\w*\(|\bresponses\.add\(/;

/** The file stubs the API its code would call. */
export function stubsApi(text: string): boolean {
  return API_STUB.test(text);
}

/**
 * The syntax context of a value no syntax pins: not compared, not typed, in no list of
 * models unless `collectionModels` says so. Transforms judge strings the adapters do not
 * report (a display name, a place an ignore directive may cover) with it.
 */
export function plainContext(names: string[] = [], requests: RequestFacts[] = [], collectionModels = 0): StringContext {
  return { compared: false, inType: false, collectionModels, names, requests };
}

/** `model`, `modelName`, `model_id`...: the key a request names its model with, in any SDK or config spelling. */
export const MODEL_KEY = /^model(Name|Id|_name|_id)?$/;

/**
 * Keys that make an object a description of a model rather than a request: its context
 * window, prices, capabilities (`max_tokens` is left out: requests send it too).
 */
const MODEL_FACT = /^(context(window|length|size)|(input|output)?(price|cost)s?|pricing|capabilities|supports\w*|vision)$/;
/** Display names that, beside an `id`, make an entry of a model picker or catalog. */
const DISPLAY_NAME = /^(name|title|displayname|label)$/;

/**
 * An object holding a model string under `key`, with `siblings` (its other keys, and those
 * of the object around it), describes a model: a catalog entry, never rewritten.
 */
export function describesModel(key: string | null, siblings: readonly string[]): boolean {
  const words = siblings.map((k) => k.replace(/[_-]/g, '').toLowerCase());
  return words.some((w) => MODEL_FACT.test(w)) || (key === 'id' && words.some((w) => DISPLAY_NAME.test(w)));
}

/**
 * Keys of an API response body (`"object": "response"`, `choices`, `usage`): a model there
 * is what a recorded or mocked response reports, not a model anyone asks for.
 */
const RESPONSE_KEY = /^(object|choices|usage|created|created_at|system_fingerprint|output)$/;

/** The keys beside a `model` key are those of a response body (two or more of them). */
export function isResponseBody(key: string | null, keys: readonly string[]): boolean {
  return key === 'model' && keys.filter((k) => RESPONSE_KEY.test(k)).length >= 2;
}

/** Keys of a measured result (a leaderboard or benchmark row): the model beside them is the one that was measured. */
const RESULT_KEY = /^(pass_?rate|score|accuracy|win_?rate|commit_?hash|test_?cases|seconds_?per_?case|total_?cost)/i;

/** The keys of a mapping are those of a recorded result. */
export function recordsResult(keys: readonly string[]): boolean {
  return keys.some((k) => RESULT_KEY.test(k));
}

/** Keys of API object ids (`event_id: 'o1'`, `response_id`): a value there that looks like a slug is an id, not a model. */
const OBJECT_ID_KEY = /^(event|response|item|call|request|message|run|trace|span|thread)_?id$/i;

/** The value is stored under an object id's key. */
export function isObjectId(names: readonly string[]): boolean {
  return names[0] !== undefined && OBJECT_ID_KEY.test(names[0]);
}
