/**
 * The model catalog, as data: which strings are OpenAI model slugs, which source family
 * each belongs to (the upgrade guide's buckets) and its GPT-5.5 counterpart.
 */

export const TARGET = 'gpt-5.5';

export type FamilyBucket = 'GPT-5.4' | 'GPT-5.3/5.2-Codex' | 'earlier GPT-5.x' | 'GPT-4o/4.1' | 'o-series';

export interface FamilyEntry {
  /** Matches the slug without provider prefix or date suffix. */
  pattern: RegExp;
  bucket: FamilyBucket;
  /** The family name reported in `family`. */
  family: (base: string) => string;
  /** GPT-5.5 counterpart, or null when none exists (mini, nano). */
  counterpart: (base: string) => string | null;
  /** Older than GPT-5.4: upgraded only with --all (policy rule 6). */
  older: boolean;
  /** A ChatGPT alias (`gpt-5-chat-latest`, `chatgpt-4o-latest`): a moving non-reasoning model, not a family to upgrade. */
  alias?: boolean;
}

const toProOrBase = (base: string): string => (/-pro$/.test(base) ? 'gpt-5.5-pro' : 'gpt-5.5');
const none = (): null => null;

/** First match wins; mini/nano entries come before the families they belong to. */
export const FAMILIES: FamilyEntry[] = [
  { pattern: /^gpt-5\.4(-pro)?$/, bucket: 'GPT-5.4', family: () => 'gpt-5.4', counterpart: toProOrBase, older: false },
  { pattern: /^gpt-5\.4-(mini|nano)$/, bucket: 'GPT-5.4', family: () => 'gpt-5.4', counterpart: none, older: false },
  {
    pattern: /^gpt-5(\.\d)?(-codex)?-(mini|nano)$/,
    bucket: 'earlier GPT-5.x',
    family: (b) => b.replace(/-(mini|nano)$/, ''),
    counterpart: none,
    older: true,
  },
  { pattern: /^gpt-5\.[23]-codex(-max)?$/, bucket: 'GPT-5.3/5.2-Codex', family: (b) => b, counterpart: () => 'gpt-5.5', older: true },
  {
    pattern: /^gpt-5(\.[0-4])?-chat(-latest)?$/,
    bucket: 'earlier GPT-5.x',
    family: (b) => b.replace(/-chat(-latest)?$/, ''),
    counterpart: none,
    older: true,
    alias: true,
  },
  {
    pattern: /^gpt-5(\.[0-3])?(-codex(-max)?|-pro)?$/,
    bucket: 'earlier GPT-5.x',
    family: (b) => b.replace(/-pro$/, ''),
    counterpart: toProOrBase,
    older: true,
  },
  {
    pattern: /^gpt-4(\.1|o)-(mini|nano)$/,
    bucket: 'GPT-4o/4.1',
    family: (b) => b.replace(/-(mini|nano)$/, ''),
    counterpart: none,
    older: true,
  },
  { pattern: /^chatgpt-4o-latest$/, bucket: 'GPT-4o/4.1', family: () => 'gpt-4o', counterpart: none, older: true, alias: true },
  { pattern: /^(gpt-4\.1|gpt-4o)$/, bucket: 'GPT-4o/4.1', family: (b) => b, counterpart: () => 'gpt-5.5', older: true },
  { pattern: /^o[1-4]-mini$/, bucket: 'o-series', family: (b) => b, counterpart: none, older: true },
  { pattern: /^o[13](-pro)?$/, bucket: 'o-series', family: (b) => b.replace(/-pro$/, ''), counterpart: toProOrBase, older: true },
];

/** Dated snapshots: any `-YYYY-MM-DD` suffix. */
export const SNAPSHOT_SUFFIX = /-(\d{4}-\d{2}-\d{2})$/;

/** The GPT-5.5 snapshots a dated pin would move to. */
export const TARGET_SNAPSHOTS: Record<string, string> = {
  'gpt-5.5': 'gpt-5.5-2026-04-23',
  'gpt-5.5-pro': 'gpt-5.5-pro-2026-04-23',
};

/**
 * Provider prefixes seen in real code, kept on upgrade: LiteLLM (also through OpenRouter),
 * OpenRouter, any-llm, promptfoo, GitHub Models, Bedrock's `openai.` model ids; longest
 * first so `openai:responses:` wins over `openai:`.
 */
export const PROVIDER_PREFIXES = [
  'litellm/openrouter/openai/',
  'litellm/openai/',
  'openrouter/openai/',
  'any-llm/openai/',
  'openai:responses:',
  'openai:chat:',
  'openai/',
  'openai:',
  'openai.',
];

/** Strings owned by the computer-use transform; model-slug never touches them. */
export const COMPUTER_USE_PREVIEW = /^computer-use-preview(-\d{4}-\d{2}-\d{2})?$/;

/** OpenAI models the tool must never touch: the target and anything newer. */
export const NEWER_OR_TARGET = /^(gpt-5\.(5|[6-9])|gpt-[6-9])(\b|[-.])/;

/**
 * Model-like strings that are not OpenAI slugs in the catalog. They count when deciding
 * whether a collection lists several models (comparison code) but are never sites.
 */
export const OTHER_MODEL =
  /^(claude|gemini|llama|meta-llama|mistral|mixtral|command|deepseek|qwen|grok|anthropic\/|google\/|gpt-5\.[5-9]|gpt-[6-9]|computer-use-preview|ft:)/i;

/**
 * The request parameters GPT-5.5 accepts only at reasoning effort none (policy rule 7),
 * by every spelling an SDK or config gives them, each to the API's own name: openai-node
 * and openai-python write the API names, the Vercel AI SDK and Agents SDK JS camelCase.
 */
export const SAMPLING_PARAMETERS: ReadonlyMap<string, string> = new Map([
  ['temperature', 'temperature'],
  ['top_p', 'top_p'],
  ['topP', 'top_p'],
  ['logprobs', 'logprobs'],
  ['top_logprobs', 'top_logprobs'],
  ['topLogprobs', 'top_logprobs'],
]);
