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
 * call that holds the settings, or a constant of the same file. The handlers live in
 * ./prompt-cache-retention/; src/policy/retention.ts decides every site.
 */
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import { MODEL_PREFILTER, QUOTED_MODEL_PREFILTER } from '../src/policy/slug.js';
import type { Transform } from '../src/transform.js';
import { config } from './prompt-cache-retention/config.js';
import { javascript } from './prompt-cache-retention/javascript.js';
import { python } from './prompt-cache-retention/python.js';
import { RETENTION_TEXT } from './prompt-cache-retention/shared.js';

/** Where values are quoted strings: the retention setting, or a model the request's retention follows. */
const QUOTED_REQUEST = new RegExp(`${RETENTION_TEXT.source}|${QUOTED_MODEL_PREFILTER.source}`);

export const promptCacheRetention: Transform = {
  name: 'prompt-cache-retention',
  description:
    'prompt_cache_retention "in_memory" to "24h" where the request moves to GPT-5.5; --add-retention makes "24h" visible where the SDK knows the field',
  prefilter: new RegExp(`${RETENTION_TEXT.source}|${MODEL_PREFILTER.source}`),
  prefilters: {
    js: QUOTED_REQUEST,
    python: QUOTED_REQUEST,
    json: QUOTED_REQUEST,
  },
  handlers: {
    js: javascript,
    python,
    json: config,
    yaml: config,
    toml: config,
  },
};

export default jscodeshiftTransform(promptCacheRetention);
