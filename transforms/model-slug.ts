/**
 * model-slug: `gpt-5.4` to `gpt-5.5`, `gpt-5.4-pro` to `gpt-5.5-pro`, wherever a string is
 * exactly a model slug, under the site policy (DESIGN.md, "Policy").
 */
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import { agentsSdkFor, effortInsertions } from '../src/policy/effort.js';
import { MODEL_PREFILTER, QUOTED_MODEL_PREFILTER } from '../src/policy/slug.js';
import { type Handler, MODEL_SLUG, type Transform } from '../src/transform.js';

const upgradeStrings: Handler = (ctx) => {
  // Two model strings of one request (`big ? "gpt-5.4-pro" : "gpt-5.4"`) share its effort insertion.
  const inserted = new Set<number>();
  for (const string of ctx.adapter.strings?.(ctx.parsed, ctx.text, ctx.modules) ?? []) {
    const decision = ctx.classify(string.value, string.context, string.start);
    if (!decision) continue;
    if (decision.status === 'upgraded' && decision.to !== null) {
      ctx.edit({ start: string.start, end: string.end, text: decision.to });
      const agents = { sdk: agentsSdkFor(ctx.sdk, ctx.language), from: decision.from, to: decision.to };
      for (const edit of effortInsertions(string.context.requests, { preserveEffort: ctx.options.preserveEffort === true, agents })) {
        if (!inserted.has(edit.start)) ctx.edit(edit);
        inserted.add(edit.start);
      }
    }
    ctx.site({ offset: string.start, ...decision });
  }
};

export const modelSlug: Transform = {
  name: MODEL_SLUG,
  description: 'Replace GPT-5.4 model strings with GPT-5.5 under the site policy; list pinned usages for confirmation',
  prefilter: MODEL_PREFILTER,
  prefilters: { js: QUOTED_MODEL_PREFILTER, python: QUOTED_MODEL_PREFILTER, json: QUOTED_MODEL_PREFILTER },
  handlers: {
    js: upgradeStrings,
    python: upgradeStrings,
    json: upgradeStrings,
    yaml: upgradeStrings,
    env: upgradeStrings,
    toml: upgradeStrings,
  },
};

export default jscodeshiftTransform(modelSlug);
