/**
 * Site policy for the computer-use transform: which status each part of a preview
 * computer-use flow gets, and the reason texts. The transform gathers facts and makes
 * edits; only this module decides.
 *
 * A file's flow moves as a whole: the model, the tool definition, the request fields and
 * the action handling change together or not at all, because a GA model with the preview
 * tool (or the reverse) fails at run time.
 */
import type { RequestFacts, Status, StringContext, UpgradeClass } from '../types.js';
import { COMPUTER_USE_PREVIEW, TARGET } from './catalog.js';
import type { Decision } from './classify.js';
import { effortNote } from './effort.js';
import { splitPrefix } from './slug.js';

export const FAMILY = 'computer-use-preview';
export const PREVIEW_TOOL_TYPES: ReadonlySet<string> = new Set(['computer_use_preview', 'computer-preview']);
export const GA_TOOL = 'computer';
/** Preview tool fields the GA tool does not take. */
export const DROPPED_TOOL_FIELDS: ReadonlySet<string> = new Set(['display_width', 'display_height', 'environment']);

/**
 * Policy rules 2, 4 and 7 (directive, config exclude, pinned context, compatibility gate)
 * apply to a preview model site exactly as to a GPT-5.4 site in the same place: both move
 * to the same target with the same request. The engine alone knows the config's
 * exclude / pinned globs, so a site is judged through `ctx.classify` as this slug.
 */
export const JUDGED_AS = 'gpt-5.4';

/** How the flow talks to the API: raw Responses requests, the Agents SDK, or a config value. */
export type FlowKind = 'raw' | 'sdk' | 'config';

/** `computer-use-preview`, its dated forms and provider-prefixed forms become the target, prefix kept. */
export function previewTarget(value: string): string | null {
  const { prefix, slug } = splitPrefix(value);
  return COMPUTER_USE_PREVIEW.test(slug) ? prefix + TARGET : null;
}

/** Compared, typed or listed beside other models: the string recognises a model rather than choosing one. */
export function isReference(context: StringContext): boolean {
  return context.compared || context.inType || context.collectionModels >= 2;
}

/**
 * What a site of the flow is: tool wiring; a model whose tool the file's own code wires
 * (a raw flow); or a model whose wiring happens elsewhere (the Agents SDK, the code that
 * reads a config) or that only recognises the preview model.
 */
type Part = 'wiring' | 'wired model' | 'model';

const modelPart = (kind: FlowKind): Part => (kind === 'raw' ? 'wired model' : 'model');

/**
 * The upgrade guide's class of a flow site. A site left as is says what it still needs:
 * tool wiring (the guide's `blocked` class) or the model string alone. Once upgraded, a
 * model site is `model string only`: the swap is all that site changed, and the wiring has
 * sites of its own. Upgraded wiring is `unknown`, the least misleading of the four
 * classes: `blocked` beside `upgraded` would read as work left undone, and `model string
 * only` as if no wiring had changed, while `unknown` (compatibility unclear) is what stays
 * true after the rewrite: the harness around the GA tool (screenshot detail, safety
 * checks) is for a person to review, as the flow's notes say.
 */
function classOf(part: Part, status: Status): UpgradeClass {
  if (status === 'unknown' || status === 'blocked') return status;
  if (status === 'upgraded') return part === 'wiring' ? 'unknown' : 'model string only';
  return part === 'model' ? 'model string only' : 'blocked';
}

function site(part: Part, status: Status, from: string, to: string | null, reason: string): Decision {
  return { status, from, to, family: FAMILY, upgradeClass: classOf(part, status), reason };
}

const MODEL_REASONS: Record<FlowKind, string> = {
  raw: 'the flow moves to the GA `computer` tool in the same edit',
  sdk: 'the Agents SDK sends the GA `computer` tool and runs batched actions itself once the model is not computer-use-preview, so only the model changes',
  config:
    'the code that sends this model must use the GA `computer` tool (`{type: "computer"}`); the computer-use transform rewrites it where the model is visible',
};

const EFFORT_NOT_SET = 'not set: GPT-5.5 defaults to medium';

/** A preview model used as a request, agent, default, constant or config value. Null: ignored (directive, exclude). */
export function modelDecision(value: string, judged: Decision | null, kind: FlowKind, requests: RequestFacts[]): Decision | null {
  if (!judged) return null;
  const to = previewTarget(value);
  if (judged.status !== 'upgraded') return site(modelPart(kind), judged.status, value, to, judged.reason);
  const decision = site(modelPart(kind), 'upgraded', value, to, `${value} to ${to}: ${MODEL_REASONS[kind]}`);
  decision.reasoningEffort = requests.some((r) => r.effort !== undefined) ? effortNote(requests) : EFFORT_NOT_SET;
  return decision;
}

/** A preview model string that is compared, typed or listed: never changed, since it must keep recognising old values. */
export function referenceDecision(value: string, judged: Decision | null): Decision | null {
  if (!judged) return null;
  const why = judged.status === 'upgraded' ? 'compared or listed beside other models' : judged.reason;
  return site(
    'model',
    'confirmation-needed',
    value,
    previewTarget(value),
    `${why}; left as is: code that recognises the preview model keeps working for old configurations`,
  );
}

/** Where the flow stands once every model site and action use is known. */
export interface Verdict {
  status: Status;
  /** Why the flow's other sites were left, when they were. */
  held: string | null;
}

/**
 * Null when no model of the flow is visible in the file and nothing in it holds the flow
 * back: a tool beside a handler that reads one action is blocked with or without its model.
 */
export function flowVerdict(models: Decision[], blocker: string | null): Verdict | null {
  if (models.length === 0) return blocker ? { status: 'blocked', held: `left as is: ${blocker}` } : null;
  const first = models.find((m) => m.status !== 'upgraded');
  if (first)
    return { status: first.status, held: `left as is with this file's computer-use model, which is ${first.status}: ${first.reason}` };
  if (blocker) return { status: 'blocked', held: `left as is: ${blocker}` };
  return { status: 'upgraded', held: null };
}

/** A model site of a flow held back by something else in the file. */
export function heldModel(decision: Decision, verdict: Verdict, kind: FlowKind): Decision {
  if (decision.status !== 'upgraded' || verdict.held === null) return decision;
  return site(modelPart(kind), verdict.status, decision.from, decision.to, verdict.held);
}

function flowPart(verdict: Verdict | null, from: string, to: string, done: string): Decision {
  if (!verdict) {
    return site(
      'wiring',
      'unknown',
      from,
      to,
      'the request model is not visible in this file; where that model becomes gpt-5.5, rewrite this to `{type: "computer"}` (no display_width, display_height or environment)',
    );
  }
  return site('wiring', verdict.status, from, to, verdict.held ?? done);
}

export function toolDecision(verdict: Verdict | null, type: string): Decision {
  return flowPart(
    verdict,
    `${type} tool`,
    `${GA_TOOL} tool`,
    'preview tool to `{type: "computer"}`: display_width, display_height and environment are dropped (variables that fed them stay)',
  );
}

export function truncationDecision(verdict: Verdict | null): Decision {
  return flowPart(verdict, 'truncation "auto"', 'removed', 'the GA computer tool does not need `truncation: "auto"`');
}

export function toolChoiceDecision(verdict: Verdict | null): Decision {
  return flowPart(verdict, 'tool_choice computer_use_preview', 'tool_choice computer', 'tool_choice names the GA tool, `computer`');
}

const ACTION_FROM = 'computer_call action';
const ACTION_TO = 'computer_call actions[] loop';

/**
 * A single `action` consumed by one statement, which the transform wraps in a loop that
 * also accepts old responses. Safe on its own, so it follows the flow where the file
 * has one and the site's own context otherwise.
 */
export function actionLoopDecision(verdict: Verdict | null, judged: Decision): Decision {
  const reason = 'GA computer_call items carry `actions[]`, run in order; the loop also accepts a single `action` from old responses';
  if (verdict) return site('wiring', verdict.status, ACTION_FROM, ACTION_TO, verdict.held ?? reason);
  return site('wiring', judged.status, ACTION_FROM, ACTION_TO, judged.status === 'upgraded' ? reason : judged.reason);
}

export function blockedActionDecision(use: string, loop: string): Decision {
  return site(
    'wiring',
    'blocked',
    ACTION_FROM,
    ACTION_TO,
    `\`${use}\` handles one action, but GA computer_call items carry \`actions[]\`, run in order; ` +
      `write the loop by hand (\`${loop}\`), then re-run`,
  );
}

/** Why a flow waits for its blocked action handling, quoting the first handler that reads one action. */
export function actionBlocker(use: string): string {
  return `a computer call's single \`action\` is read in a way the transform does not rewrite (\`${use}\`, the blocked computer_call action site); migrate that first, then re-run`;
}

/** Another fence of the same Markdown document reads a single action: the document's fences are one program. */
export function fenceBlocker(line: number, use: string): string {
  return `line ${line} of this document reads a computer call's single \`action\` (\`${use}\`), and a document's fences are one program; migrate that loop to \`actions[]\` first, then re-run`;
}

/** The model goes to a framework class that turns the calls into its own messages: its converters must handle `actions[]` first. */
export function frameworkBlocker(name: string): string {
  return (
    `the model is handed to \`${name}\`, which turns computer calls into its own messages; ` +
    'move that framework to the GA `computer` tool and `actions[]` (or upgrade it to a version that has), then change the model with it'
  );
}

/** A raw flow's model in a file that defines no preview tool: the code that wires the tool is elsewhere. */
export const UNWIRED =
  'this file does not define the computer tool: the model goes to code elsewhere (a framework, a helper, the code that reads this value) ' +
  'that sends the tool and runs the actions; move that code to the GA `computer` tool and `actions[]` first, then change the model with it';

/** A config that also spells out the preview tool: configs are edited as strings only, so the tool cannot move with the model. */
export const CONFIG_TOOL_BLOCKER =
  'this file also defines the preview computer tool, which the transform does not rewrite in a config; ' +
  'change its `type` to `computer` and drop display_width, display_height and environment together with the model';

const NOTES: Record<FlowKind, string> = {
  raw:
    'Still to review: `pending_safety_checks` / `acknowledged_safety_checks` still exist, keep acknowledging them; ' +
    'the GA guide sends screenshots as `computer_call_output` with `output: {type: "computer_screenshot", image_url, detail: "original"}` and recommends `detail: "original"` (not edited).',
  sdk: "Still to review: `pending_safety_checks` still exist (the SDK's safety-check callback keeps handling them).",
  config:
    'Still to review: `pending_safety_checks` / `acknowledged_safety_checks` still exist; the GA guide recommends screenshots as `computer_screenshot` with `detail: "original"`.',
};

/** The review notes every flow carries, on its main site. */
export function withNotes(decision: Decision, kind: FlowKind): Decision {
  return { ...decision, reason: `${decision.reason}. ${NOTES[kind]}` };
}
