/**
 * prompts: the files where prompts and their model live outside code. GitHub Models
 * prompt files (`*.prompt.yml`), Prompty (`*.prompty`), Markdown prompts and agents
 * (`*.prompt.md`, `*.agent.md`, `*.chatmode.md`, `*.instructions.md`, any Markdown with
 * a `model:` frontmatter key), promptfoo configs and agent configs kept as YAML/JSON
 * under `prompts/` or `agents/`.
 *
 * Model slugs are model-slug's (it sees frontmatter and config values, with
 * `modelParameters` and Prompty's `parameters` / `options` as the request the gate
 * reads); in the prompt files above this transform stands in for it when it is not in the
 * run (see `slugSites`). This transform adds what model-slug cannot see: Copilot display
 * names (`GPT-5.4 (copilot)`), Prompty's Azure deployment names, and the prompt text tied
 * to a model that becomes GPT-5.5 in this run (or already is): the model's self-reference
 * follows it, and date injection and output schemas written in prose are listed for
 * review (src/policy/prompts.ts).
 * In code (JS/TS, Python) the prompt text is the `instructions` and system or developer
 * messages written as literals in the same request or Agent as a literal model (or a
 * constant holding one in the same file). The handlers live in ./prompts/.
 */
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import type { JsonParsed } from '../src/languages/json.js';
import type { ConfigNode } from '../src/languages/mapping.js';
import { MODEL_PREFILTER, QUOTED_MODEL_PREFILTER } from '../src/policy/slug.js';
import type { Transform } from '../src/transform.js';
import { configHandler } from './prompts/config.js';
import { javascript } from './prompts/javascript.js';
import { markdown } from './prompts/markdown.js';
import { python } from './prompts/python.js';

export const prompts: Transform = {
  name: 'prompts',
  description:
    'Upgrade prompt, eval and agent files (GitHub Models, Prompty, Markdown agents, promptfoo): display names, self-references in prompt text, review notes',
  // Display names are capitalised (`GPT-5.4 (copilot)`), unlike slugs; only GPT models have one.
  prefilter: new RegExp(`${MODEL_PREFILTER.source}|[Gg][Pp][Tt]-[45]`),
  // In code, prompt text counts only beside a literal model.
  prefilters: { js: QUOTED_MODEL_PREFILTER, python: QUOTED_MODEL_PREFILTER },
  handlers: {
    yaml: configHandler((ctx) => ctx.parsed as ConfigNode[]),
    json: configHandler((ctx) => {
      const { root } = ctx.parsed as JsonParsed;
      return root ? [root] : [];
    }),
    markdown,
    js: javascript,
    python,
  },
};

export default jscodeshiftTransform(prompts);
