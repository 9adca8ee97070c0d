/**
 * What the computer-use handlers share: the facts a handler gathers from one file, and
 * the flow those facts make, decided as a whole by src/policy/computer-use.ts.
 */
import type { Span } from '../../src/languages/list-edit.js';
import type { Decision } from '../../src/policy/classify.js';
import {
  actionBlocker,
  fenceBlocker,
  UNWIRED,
  actionLoopDecision,
  blockedActionDecision,
  type FlowKind,
  flowVerdict,
  heldModel,
  isReference,
  JUDGED_AS,
  modelDecision,
  previewTarget,
  referenceDecision,
  toolChoiceDecision,
  toolDecision,
  truncationDecision,
  withNotes,
} from '../../src/policy/computer-use.js';
import { nameWords, plainContext } from '../../src/policy/context.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { Edit, RequestFacts, StringValue } from '../../src/types.js';
import { codeReceivesResponses, fenceRead } from './document.js';

/** A part of the flow the transform rewrites: where it is reported and the edits that do it. */
export interface Change {
  offset: number;
  edits: Edit[];
}

export interface ToolChange extends Change {
  /** The preview type as written: `computer_use_preview` or `computer-preview`. */
  type: string;
}

/** A read of a computer call's single `action`. `edits` is null where the transform will not rewrite it. */
export interface ActionUse {
  offset: number;
  /** The statement that reads it, for the reason. */
  use: string;
  /** The loop that replaces it, as the reason shows it. */
  loop: string;
  edits: Edit[] | null;
}

/** What a handler found in one file. */
export interface Facts {
  kind: FlowKind;
  models: StringValue[];
  /** Requests whose model is the flow's model. */
  requests: RequestFacts[];
  tools: ToolChange[];
  truncations: Change[];
  toolChoices: Change[];
  actions: ActionUse[];
  /** Something in the file that keeps the whole flow as it is. */
  blocker: string | null;
}

interface Finding {
  offset: number;
  decision: Decision;
  edits: Edit[];
}

export function emptyFacts(kind: FlowKind, models: StringValue[]): Facts {
  return { kind, models, requests: [], tools: [], truncations: [], toolChoices: [], actions: [], blocker: null };
}

export function previewModels(ctx: HandlerContext): StringValue[] {
  return (ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? []).filter((s) => previewTarget(s.value) !== null);
}

/** Something that names a model under a `model` key: a request, an agent, a settings object. */
export interface Candidate<N> {
  node: N;
  /** The range of its model value. */
  value: Span;
  /** The name that value reads (`MODEL`, `self.model`), if it is a name. */
  name: string | null;
}

/**
 * The candidates whose model is the flow's: a preview string written in place, or a
 * name a preview string is stored under elsewhere in the file (a `MODEL` constant, a
 * `model` default parameter read back as `self.model`).
 */
export function flowRequests<N>(candidates: Candidate<N>[], models: StringValue[]): N[] {
  const within = (m: StringValue, c: Candidate<N>): boolean => m.start >= c.value.start && m.end <= c.value.end;
  const stored = models.filter((m) => !isReference(m.context) && !candidates.some((c) => within(m, c)));
  const names = new Set(stored.map((m) => m.context.names[0]).filter((n): n is string => !!n));
  return candidates.filter((c) => models.some((m) => within(m, c)) || (c.name !== null && names.has(c.name))).map((c) => c.node);
}

function modelFindings(ctx: HandlerContext, facts: Facts): { used: Finding[]; references: Finding[] } | null {
  const used: Finding[] = [];
  const references: Finding[] = [];
  for (const model of facts.models) {
    // A constant or default parameter is not linked to its request by the adapter; the flow's requests stand in.
    const requests = model.context.requests.length > 0 ? model.context.requests : facts.requests;
    const judged = ctx.classify(JUDGED_AS, { ...model.context, requests, flow: true }, model.start);
    if (isReference(model.context)) {
      const decision = referenceDecision(model.value, judged);
      if (decision) references.push({ offset: model.start, decision, edits: [] });
      continue;
    }
    const decision = modelDecision(model.value, judged, facts.kind, requests);
    if (!decision) return null; // an ignored model keeps its whole flow as it is
    used.push({ offset: model.start, decision, edits: [{ start: model.start, end: model.end, text: decision.to ?? model.value }] });
  }
  return { used, references };
}

/**
 * Single-action reads count only in code that gets computer calls from OpenAI: its own
 * flow, a Responses call or the OpenAI SDK. The same item shape in other code (a
 * framework's own protocol, other providers' converters, UI) keeps its single `action`.
 */
function readsThatCount(ctx: HandlerContext, facts: Facts): ActionUse[] {
  const ownFlow = facts.models.length > 0 || facts.tools.length > 0;
  return ownFlow || codeReceivesResponses(ctx) ? facts.actions : [];
}

/**
 * A raw flow whose file defines no preview tool hands its model to code it does not show
 * (a framework such as an agent class, a helper, a model menu): that code wires the tool
 * and runs the actions, so the model cannot move before it does. The Agents SDK is the
 * exception, and is a flow kind of its own.
 */
const unwired = (facts: Facts): boolean => facts.kind === 'raw' && facts.models.length > 0 && facts.tools.length === 0;

/** Decides every site of the file's flow: all of them, or none where an ignored model keeps the flow as it is. */
function decideFlow(ctx: HandlerContext, facts: Facts): Finding[] {
  const models = modelFindings(ctx, facts);
  if (!models) return [];
  const actions = readsThatCount(ctx, facts)
    .map((action) => ({ ...action, judged: ctx.classify(JUDGED_AS, plainContext(), action.offset) }))
    .filter((action): action is ActionUse & { judged: Decision } => action.judged !== null);
  const unrewritten = actions.find((a) => a.edits === null);
  const fence = fenceRead(ctx);
  const blocker =
    facts.blocker ??
    (unrewritten ? actionBlocker(unrewritten.use) : null) ??
    (fence ? fenceBlocker(fence.line, fence.use) : null) ??
    (unwired(facts) ? UNWIRED : null);
  const verdict = flowVerdict(
    models.used.map((f) => f.decision),
    blocker,
  );

  const flow: Finding[] = [
    ...models.used.map((f) => ({ ...f, decision: verdict ? heldModel(f.decision, verdict, facts.kind) : f.decision })),
    ...facts.tools.map((t) => ({ ...t, decision: toolDecision(verdict, t.type) })),
    ...facts.truncations.map((t) => ({ ...t, decision: truncationDecision(verdict) })),
    ...facts.toolChoices.map((t) => ({ ...t, decision: toolChoiceDecision(verdict) })),
  ];
  for (const action of actions) {
    const decision = action.edits ? actionLoopDecision(verdict, action.judged) : blockedActionDecision(action.use, action.loop);
    flow.push({ offset: action.offset, decision, edits: action.edits ?? [] });
  }
  const main = flow[0];
  if (main) main.decision = withNotes(main.decision, facts.kind);
  return [...models.references, ...flow];
}

/** Reports the file's flow and applies the edits of the sites upgraded. */
function applyFlow(ctx: HandlerContext, facts: Facts): void {
  for (const finding of decideFlow(ctx, facts)) {
    if (finding.decision.status === 'upgraded') finding.edits.forEach((e) => ctx.edit(e));
    ctx.site({ offset: finding.offset, ...finding.decision });
  }
}

/** The first line of a statement, for a reason text. */
export function firstLine(source: string): string {
  const line = source.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

export const compact = (source: string): string => source.replace(/\s+/g, '');

/** `computerCall`, `computer_call`: a name that says it holds a computer call. */
export function namesComputerCall(name: string | null): boolean {
  const words = nameWords(name ?? '');
  return words.includes('computer') && words.includes('call');
}

export const COMPUTER_CALL = 'computer_call';
export const LOOP_VARIABLE = 'action';

/** Keys the handlers look for in tool definitions and requests. */
export const TYPE_KEY = new Set(['type']);
export const TRUNCATION_KEY = new Set(['truncation']);
export const TOOL_CHOICE_KEYS = new Set(['tool_choice', 'toolChoice']);

/** A handler that gathers a file's facts with `facts`, then decides and applies its flow. */
export function flowHandler<P>(facts: (ctx: HandlerContext<P>) => Facts): Handler {
  return (ctx) => applyFlow(ctx, facts(ctx as HandlerContext<P>));
}
