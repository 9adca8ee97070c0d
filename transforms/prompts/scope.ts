/**
 * What the prompts handlers share: a scope (the models a prompt is sent to and the
 * prompt's text), the slug sites this transform reports or stands in for, and applying a
 * scope's rewrites and review notes (src/policy/prompts.ts decides them).
 */
import { LineIndex } from '../../src/languages/layout.js';
import type { ConfigScalar } from '../../src/languages/mapping.js';
import type { Decision } from '../../src/policy/classify.js';
import { hasDirective } from '../../src/policy/context.js';
import {
  dateInjections,
  dateInjectionSite,
  type ModelUse,
  PROMPT_REWRITE,
  promptTie,
  type PromptTie,
  proseSchema,
  proseSchemaSite,
  selfReferences,
  selfReferenceSite,
  withPromptRewrite,
} from '../../src/policy/prompts.js';
import { type HandlerContext, MODEL_SLUG } from '../../src/transform.js';
import type { StringValue } from '../../src/types.js';

/** Prompt text, as a range of the handler's text; `spans` narrows where edits may fall (Markdown text nodes). */
export interface Prose {
  start: number;
  end: number;
  spans?: Array<{ start: number; end: number }>;
  /** Backslash escapes are live (a quoted string): `\n` and `\t` separate words. */
  escapes?: boolean;
}

/**
 * A model string whose site this transform reports: a display name or a Prompty
 * deployment (model-slug cannot see them), or a slug of a prompt file (see `slugSites`).
 */
export interface ModelSite {
  start: number;
  end: number;
  /** The decision once the prompt's rewrites are known: the class rises with them. */
  final(rewritesPrompt: boolean): Decision;
  /** model-slug edits and reports this string in the same run: only a rise in class is reported here. */
  shared: boolean;
  /** Some prompt tied to this model was rewritten. */
  rewritten: boolean;
}

/** A model a prompt is sent to, and its site when this transform reports one. */
export interface Tied {
  use: ModelUse;
  site: ModelSite | null;
}

export interface Scope {
  models: Tied[];
  prose: Prose[];
  /** Whether an output schema written in prose is worth a note (Structured Outputs are available and not used). */
  schemaNotes: boolean;
}

/** Where a model and the offsets of its text are read from: the handler's text, or a frontmatter region inside it. */
export interface Source {
  strings: StringValue[];
  toLayer: (offset: number) => number;
  encode: (text: string) => string;
}

/** Keys that ask for Structured Outputs (GitHub Models, Prompty v1/v2, OpenAI request fields, Agents SDK). */
export const STRUCTURED_KEYS = new Set([
  'responseFormat',
  'response_format',
  'jsonSchema',
  'json_schema',
  'outputSchema',
  'output_schema',
  'output_type',
  'outputType',
  'text_format',
]);

/**
 * The slug sites of one parsed text, by their start in `source`. A slug moves to GPT-5.5
 * only in a run where some transform moves it, and the prompt tied to it follows only
 * then. The rule, kept simple: model-slug moves slugs whenever it is in the run, and this
 * transform then never edits one (two edits of one range are rejected) but reports the
 * site again when it rewrites the prompt tied to it, with the raised class. Without
 * model-slug, this transform stands in for it on the prompt files it owns
 * (`ownsModels`): the same decision, edit and site, so `prompts` alone upgrades a
 * `.prompt.yml` and its prompt together. A model in code is not a prompt file's: alone,
 * this transform leaves it and its prompt as they are. Config requests carry no effort
 * insertion (src/languages/mapping.ts), so standing in adds none.
 */
export function slugSites(ctx: HandlerContext, source: Source, ownsModels: boolean): Map<number, ModelSite> {
  const sites = new Map<number, ModelSite>();
  const shared = ctx.running.has(MODEL_SLUG);
  if (!shared && !ownsModels) return sites;
  for (const string of source.strings) {
    const decision = ctx.classify(string.value, string.context, source.toLayer(string.start));
    if (!decision) continue;
    sites.set(string.start, {
      start: source.toLayer(string.start),
      end: source.toLayer(string.end),
      final: (rewrites) => withPromptRewrite(decision, rewrites),
      shared,
      rewritten: false,
    });
  }
  return sites;
}

/** A slug as its site decides it; without a site nobody moves it in this run (null unless it is GPT-5.5 already). */
export function slugUse(sites: Map<number, ModelSite>, value: string, start: number | undefined): Tied {
  const site = start === undefined ? null : (sites.get(start) ?? null);
  return { use: { value, slug: value, decision: site?.final(false) ?? null }, site };
}

export function scalarUse(sites: Map<number, ModelSite>, node: ConfigScalar): Tied {
  return slugUse(sites, node.value, node.span?.start);
}

export function ownSite(start: number, end: number, final: ModelSite['final']): ModelSite {
  return { start, end, final, shared: false, rewritten: false };
}

/** The ignore directive on a line of prompt text, or the line above, leaves it alone. */
export function directiveCheck(text: string): (offset: number) => boolean {
  let lines: LineIndex | null = null;
  return (offset) => {
    lines ??= new LineIndex(text);
    return hasDirective(lines.lineTexts, lines.position(offset).line);
  };
}

/** Scanned text: in a quoted string, `\n` and `\t` escapes read as the spaces they stand for (same length). */
function scanText(raw: string, escapes = false): string {
  return escapes ? raw.replace(/\\[ntr]/g, '  ') : raw;
}

function within(prose: Prose, start: number, end: number): boolean {
  return !prose.spans || prose.spans.some((span) => span.start <= start && end <= span.end);
}

function rewritePrompt(ctx: HandlerContext, scope: Scope, tie: PromptTie, ignored: (offset: number) => boolean): number {
  let rewritten = 0;
  let schemaNoted = !scope.schemaNotes;
  for (const prose of scope.prose) {
    const text = scanText(ctx.text.slice(prose.start, prose.end), prose.escapes);
    for (const mention of selfReferences(text, tie)) {
      const start = prose.start + mention.start;
      const end = prose.start + mention.end;
      if (!within(prose, start, end) || ignored(start)) continue;
      ctx.edit({ start, end, text: mention.replacement });
      ctx.site({ offset: start, ...selfReferenceSite(mention, tie) });
      rewritten++;
    }
    for (const line of dateInjections(text)) {
      if (!ignored(prose.start + line.start)) ctx.site({ offset: prose.start + line.start, ...dateInjectionSite(line, tie) });
    }
    const schema = schemaNoted ? null : proseSchema(text);
    if (schema && !ignored(prose.start + schema.start)) {
      ctx.site({ offset: prose.start + schema.start, ...proseSchemaSite(schema, tie) });
      schemaNoted = true;
    }
  }
  return rewritten;
}

export function applyScope(ctx: HandlerContext, scope: Scope, ignored: (offset: number) => boolean): void {
  const tie = promptTie(scope.models.map((m) => m.use));
  if (!tie || rewritePrompt(ctx, scope, tie, ignored) === 0) return;
  for (const { site } of scope.models) if (site) site.rewritten = true;
}

/** Reports the model sites of a parsed text once its scopes are applied, and makes the edits that are this transform's. */
export function reportSites(ctx: HandlerContext, sites: Map<number, ModelSite>, encode: (text: string) => string): void {
  for (const site of sites.values()) {
    const decision = site.final(site.rewritten);
    if (site.shared && decision.upgradeClass !== PROMPT_REWRITE) continue;
    if (!site.shared && decision.status === 'upgraded' && decision.to !== null)
      ctx.edit({ start: site.start, end: site.end, text: encode(decision.to) });
    ctx.site({ offset: site.start, ...decision });
  }
}

/** Keys of a request or Agent whose literal value is its instructions. */
export const INSTRUCTION_KEYS = new Set(['instructions', 'system', 'systemPrompt', 'system_prompt']);
/** Keys holding a message list; only system and developer messages are the prompt's own voice. */
export const MESSAGE_KEYS = new Set(['messages', 'input']);
export const INSTRUCTION_ROLES = new Set(['system', 'developer']);

/** The model slugs of a source file: model-slug's alone (see `slugSites`). */
export function codeSites(ctx: HandlerContext): Map<number, ModelSite> {
  const source: Source = { strings: ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [], toLayer: (o) => o, encode: (t) => t };
  return slugSites(ctx, source, false);
}
