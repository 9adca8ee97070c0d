/**
 * What the prompt-cache-retention handlers share: where a request's model stands once the
 * run is done, and how an `in_memory` value or a missing setting is decided
 * (src/policy/retention.ts) and reported.
 */
import {
  addDecision,
  EXTENDED,
  isTargetOrLater,
  type ModelOutlook,
  type RetentionDecision,
  inMemoryDecision,
} from '../../src/policy/retention.js';
import { type Ecosystem, RETENTION_MINIMUMS, type SdkMinimum } from '../../src/policy/sdk.js';
import { type HandlerContext, MODEL_SLUG } from '../../src/transform.js';
import type { Edit, RequestFacts, RequestKind, StringValue } from '../../src/types.js';

export const RETENTION_TEXT = /prompt_cache_retention|promptCacheRetention/;

/** Where a model string stands once this run is done; `movedBy`: the transform that moves it to GPT-5.5 in this run. */
interface Outlook extends ModelOutlook {
  movedBy: string | null;
}

export type Outlooks = (model: StringValue) => Outlook;

/**
 * A model string counts as moving to GPT-5.5 only when a transform earlier in this run
 * upgraded it: model-slug for catalog slugs, computer-use for computer-use-preview (whose
 * decision takes the whole flow of the file into account). Alone, this transform leaves a
 * request that stays on GPT-5.4 as it is.
 */
export function outlooks(ctx: HandlerContext): Outlooks {
  return (model) => {
    const mover = ctx.upgradedEarlier(model.start);
    return { value: model.value, target: mover !== null || isTargetOrLater(model.value), movedBy: mover };
  };
}

function report(ctx: HandlerContext, offset: number, decision: RetentionDecision | null, edit: Edit | null): void {
  if (!decision || ctx.ignored(offset)) return;
  if (decision.status === 'upgraded' && edit) ctx.edit(edit);
  ctx.site({ offset, ...decision });
}

/** An `in_memory` value: where it is written and the model strings of the requests it belongs to (null: not visible). */
export interface InMemory {
  value: { value: string; start: number; end: number };
  models: StringValue[] | null;
}

/** Every model string of the requests around a setting; null when some request's model is not visible, or there is no request. */
export function modelsOf(lists: Array<StringValue[] | null>): StringValue[] | null {
  if (lists.length === 0 || lists.some((list) => list === null)) return null;
  return [...new Set((lists as StringValue[][]).flat())];
}

export function reportInMemory(ctx: HandlerContext, outlookOf: Outlooks, found: InMemory): void {
  const outlook = found.models?.map(outlookOf) ?? null;
  const edit = { start: found.value.start, end: found.value.end, text: EXTENDED };
  report(ctx, found.value.start, inMemoryDecision(found.value.value, outlook), edit);
}

/** A request the adapter links model strings to, as the --add-retention pass sees it. */
export interface Candidate {
  /** Where its site is reported: the request object or call. */
  offset: number;
  kind: RequestKind;
  facts: RequestFacts;
  models: StringValue[];
}

/** A request object or call and the model strings the adapter links to it. */
interface Linked<N> {
  node: N;
  kind: RequestKind | null;
  facts: RequestFacts;
  models: StringValue[];
}

/**
 * Groups the file's model strings by the request each is the model of (a constant used by
 * two requests counts for both), keyed by `key(node)`.
 */
export function requestsByNode<N, K>(
  strings: StringValue[],
  origin: (facts: RequestFacts) => { node: N; kind: RequestKind | null } | undefined,
  key: (node: N) => K,
): Map<K, Linked<N>> {
  const byNode = new Map<K, Linked<N>>();
  for (const string of strings) {
    for (const facts of string.context.requests) {
      const found = origin(facts);
      if (!found) continue;
      const entry = byNode.get(key(found.node));
      if (entry) {
        if (!entry.models.includes(string)) entry.models.push(string);
      } else byNode.set(key(found.node), { ...found, facts, models: [string] });
    }
  }
  return byNode;
}

function minimumFor(ecosystem: Ecosystem, kind: RequestKind): SdkMinimum | null {
  if (kind.client === null) return null; // a raw HTTP body: no SDK stands in between
  if (ecosystem === 'npm') {
    if (kind.client === 'agents') return RETENTION_MINIMUMS.agentsJs;
    return kind.compact ? RETENTION_MINIMUMS.nodeCompact : RETENTION_MINIMUMS.node;
  }
  if (kind.client === 'agents') return RETENTION_MINIMUMS.agentsPython;
  return kind.compact ? RETENTION_MINIMUMS.pythonCompact : RETENTION_MINIMUMS.python;
}

/**
 * --add-retention for one GPT-5.5 request. `settingsKey` names the Agents settings object
 * when the request has none: --preserve-effort may be adding one in this same run.
 */
export function addRetention(
  ctx: HandlerContext,
  outlookOf: Outlooks,
  ecosystem: Ecosystem,
  request: Candidate,
  edit: Edit | null,
  settingsKey: string | null,
): void {
  const outlook = request.models.map(outlookOf);
  if (request.facts.retention !== undefined || !edit || !outlook.every((o) => o.target)) return;
  const minimum = minimumFor(ecosystem, request.kind);
  const declared = minimum ? ctx.sdk[minimum.ecosystem][minimum.name] : undefined;
  // model-slug adds the effort where it moves the model; computer-use adds none.
  const effortAdded =
    ctx.options.preserveEffort === true &&
    outlook.some((o) => o.movedBy === MODEL_SLUG) &&
    request.facts.effort === undefined &&
    request.facts.addEffort !== undefined;
  const deferred = settingsKey !== null && effortAdded ? settingsKey : null;
  report(ctx, request.offset, addDecision(minimum, declared, deferred), edit);
}

/** Without --add-retention only files that set the field have work. */
export function hasWork(ctx: HandlerContext): boolean {
  return ctx.options.addRetention === true || RETENTION_TEXT.test(ctx.text);
}
