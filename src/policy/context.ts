/**
 * Pinned-context rules that do not need a syntax tree: paths, names, directives and
 * Azure clients (DESIGN.md, policy rules 2 and 4).
 */

import type { PinnedKind, RequestFacts, StringContext } from '../types.js';

export type { PinnedKind };

/** A promptfoo config: an eval definition. */
export const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig\.[^/]+$/;

const PINNED_PATHS: Array<{ pattern: RegExp; what: string; kind: PinnedKind }> = [
  { pattern: /(^|\/)(test|tests|__tests__)\//, what: 'a test folder', kind: 'test' },
  { pattern: /(^|\/)(([^/]*[-_.])?e2e([-_.][^/]*)?|environment_tests|integration[-_]tests?)\//, what: 'a test folder', kind: 'test' },
  { pattern: /\.(test|spec|vitest)\.[^/]+$/, what: 'a test file', kind: 'test' },
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

/**
 * Pinned paths whose code runs against the real API: integration and end-to-end suites,
 * evals and baselines. There the model is a use, which --all upgrades.
 */
const LIVE_RUN =
  /\.(int|integration|e2e)\.(test|spec)\.[^/]+$|(^|\/)(integration[-_]tests?|integration|([^/]*[-_.])?e2e([-_.][^/]*)?|eval|evals|baseline[^/]*|benchmarks)\/|(^|\/)promptfooconfig\./;

/** The path holds an integration or end-to-end suite, an eval or a baseline: code that calls the real API. */
export function runsLive(path: string): boolean {
  return LIVE_RUN.test(path);
}

/**
 * Why a path's models stay even with --all, or null: a unit test, a fixture or a history
 * file holds data about a model (a mock's model, a recorded response, an assertion, a past
 * release), not a use of one; an upgraded copy fails the test or rewrites the past.
 */
export function recordPathReason(path: string): string | null {
  const pinned = pinnedPath(path);
  // pytest files keep the rule that --all moves them (a computer-use flow moves with its assertions).
  if (!pinned || runsLive(path) || /\.(py|pyi|ipynb)$/.test(path)) return null;
  return pinned.kind === 'test'
    ? `in ${pinned.what}, not an integration test: its models are fixture data (mocks, recorded responses, assertions); --all upgrades integration tests only`
    : `in ${pinned.what}: a record, not a use; --all leaves it`;
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

/** Source of a package in a monorepo (`packages/core/src/`, `libs/agent/src/`): code other packages and users build on. */
const LIBRARY_SOURCE = /(^|\/)(packages|libs)\/[^/]+\/src\//;

/**
 * The name of a library's default model (`DEFAULT_PHASE_TWO_MODEL` in packages/core/src/),
 * or null: a constant's name. A camel-case `defaultModelId` is an app's setting as often as
 * a library's (a provider's default in an extension's types package), which the run moves. Changing it changes every caller that relies on it, and the tests and docs that
 * state it: a release decision of the library, not a model use to swap.
 */
export function libraryDefault(path: string, names: string[]): string | null {
  if (!LIBRARY_SOURCE.test(path)) return null;
  const constant = (name: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(name);
  return (
    names.find((name) => constant(name) && nameWords(name).includes('default') && nameWords(name).some((w) => w.startsWith('model'))) ??
    null
  );
}

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
 * JS test doubles: mocks, spies, fakes and stubs (`vi.fn`, `jest.mock`, `fakeClient`,
 * `StubEditor`): a test that sends nothing. Python tests that mock one call still assert the
 * request they build, so they move with their flow.
 */
const TEST_DOUBLES = /\b(?:vi|jest)\.(?:fn|mock|spyOn)\b|\bsinon\.|\b(?:[Ff]ake|Stub)[A-Z]\w*/;

/** The file mocks or fakes what a model request would reach: in a test, its models are test data. */
export function usesTestDoubles(text: string): boolean {
  return TEST_DOUBLES.test(text);
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
/** Keys of a benchmark or leaderboard record: results measured on a model, history rather than a use of it. */
const RESULT_FACT = /^(passrate\d*|percent\w+|secondspercase|totalcost|score|accuracy|elo)$/;
/** Display names that, beside an `id`, make an entry of a model picker or catalog. */
const DISPLAY_NAME = /^(name|title|displayname|label)$/;

/**
 * An object holding a model string under `key`, with `siblings` (its other keys, and those
 * of the object around it), describes a model: a catalog entry, never rewritten.
 */
export function describesModel(key: string | null, siblings: readonly string[]): boolean {
  const words = siblings.map((k) => k.replace(/[_-]/g, '').toLowerCase());
  return words.some((w) => MODEL_FACT.test(w) || RESULT_FACT.test(w)) || (key === 'id' && words.some((w) => DISPLAY_NAME.test(w)));
}

/** `name`, `title`, `display_name`...: a key whose value labels the model for people. */
export function isDisplayNameKey(key: string): boolean {
  return DISPLAY_NAME.test(key.replace(/[_-]/g, '').toLowerCase());
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

/** `object: "response"` / `"chat.completion"`: an object that is an API response, recorded. */
export const RECORDED_OBJECT = /^(response|chat\.completion(\.chunk)?)$/;

/** An ISO date-time (`2025-02-02T06:39:53`): stored beside a model, it dates a record of something that happened. */
const LOGGED_AT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** The values beside a model include a date-time: a log entry or trace (`llm logs` output), not a model choice. */
export function isLogRecord(values: ReadonlyArray<string | null>): boolean {
  return values.some((v) => v !== null && LOGGED_AT.test(v));
}

/** `id: "resp_abc"` / `"chatcmpl-123"`: the id the API gives a response, so the object holding it is one, recorded. */
export const RECORDED_ID = /^(resp_|chatcmpl-)/;

/** Names of recorded traces: LangSmith's `ls_model_name`, a message's `response_metadata`. */
const RECORDED_NAMES = /^(ls_model_name|response_metadata)$/;

/** The value sits in a recorded response or trace (by the keys it is stored under): data the API sent, not a model choice. */
export function isRecorded(names: readonly string[], recorded = false): boolean {
  return recorded || names.some((n) => RECORDED_NAMES.test(n));
}

/** `azureOpenAIApiDeploymentName`, `AZURE_OPENAI_DEPLOYMENT`: the value names an Azure or Foundry deployment, not a model. */
export function namesDeployment(names: readonly string[]): boolean {
  return names.some((n) => nameWords(n).includes('deployment'));
}

/** Keys whose value is display text (`title: "o3"` in a model picker), never a model the code sends. */
const DISPLAY_TEXT_KEY = /^(title|label|display_?name|description)$/i;

/** The value is display text stored under a display key. */
export function isDisplayText(names: readonly string[]): boolean {
  return names[0] !== undefined && DISPLAY_TEXT_KEY.test(names[0]);
}

/**
 * Whether prose (a comment, a test title, a display name) names the model `slug` (prefix
 * and case aside, `GPT 4o` as `gpt-4o`), as a whole word: `gpt-5` is not named by `gpt-5.2`.
 */
export function namesModel(prose: string, slug: string): boolean {
  const base = slug.replace(/^.*[/:]/, '').toLowerCase();
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[- ]?');
  return new RegExp(`(^|[^\\w.-])${escaped}(?![\\w]|[.-]\\w)`).test(prose.toLowerCase());
}
