/**
 * Reasoning effort of an upgraded request that sets none: what the API or the Agents SDK
 * sends before and after the upgrade. The note, the compatibility gate (policy rule 7) and
 * --preserve-effort all read it here.
 */
import type { Edit, LanguageId, RequestFacts, StringContext } from '../types.js';
import { compareVersions, type DeclaredSdk, type SdkVersions } from './sdk.js';

export const EFFORT_NOT_SET = 'not set: GPT-5.4 ran at none, GPT-5.5 defaults to medium (expect more latency and tokens)';
export const EFFORT_ADDED = "none (added by --preserve-effort: GPT-5.4's default, so behaviour stays as it was)";

/**
 * The default reasoning effort the Agents SDKs send for a model, for an agent that sets no
 * model settings of its own. Copied from openai-agents-js
 * packages/agents-core/src/defaultModel.ts (`DEFAULT_REASONING_EFFORT_PATTERNS`, as of
 * 0.17.0); openai-agents-python src/agents/models/default_models.py
 * (`_GPT_5_DEFAULT_REASONING_EFFORT_PATTERNS`) holds the same table. Newer models are left
 * out: they are never sites. A GPT-5 model the table lacks (`gpt-5.5-pro`, `gpt-5-mini`)
 * gets no effort from the SDK, and the `*-chat-latest` aliases take no reasoning at all: the
 * API's default applies to both.
 */
const SDK_EFFORTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^gpt-5(?:-\d{4}-\d{2}-\d{2})?$/, 'low'],
  [/^gpt-5\.1(?:-\d{4}-\d{2}-\d{2})?$/, 'none'],
  [/^gpt-5\.2(?:-\d{4}-\d{2}-\d{2})?$/, 'none'],
  [/^gpt-5\.2-pro(?:-\d{4}-\d{2}-\d{2})?$/, 'medium'],
  [/^gpt-5\.2-codex$/, 'low'],
  [/^gpt-5\.3-codex$/, 'none'],
  [/^gpt-5\.4(?:-\d{4}-\d{2}-\d{2})?$/, 'none'],
  [/^gpt-5\.4-pro(?:-\d{4}-\d{2}-\d{2})?$/, 'medium'],
  [/^gpt-5\.4-(?:mini|nano)(?:-\d{4}-\d{2}-\d{2})?$/, 'none'],
  [/^gpt-5\.5(?:-\d{4}-\d{2}-\d{2})?$/, 'none'],
];

/**
 * The first releases that give an agent the defaults of its own model. Before them an agent
 * got the settings of the SDK's default model (gpt-4.1: none), so the API's default applied.
 * - @openai/agents 0.10.0 (openai-agents-js PR #1248, 2026-05-06): `new Agent` takes
 *   `getDefaultModelSettings(config.model)` and the runner the defaults of the model it
 *   resolves; the same change added gpt-5.5 to the table. The packages are released
 *   together (`fixed` in .changeset/config.json), so @openai/agents-core counts the same.
 * - openai-agents 0.16.0 (openai-agents-python PR #3147, the same day), with gpt-5.5 in the
 *   table since 0.14.6 (PR #3016).
 */
const PER_MODEL_DEFAULTS = {
  npm: { names: ['@openai/agents', '@openai/agents-core'], version: '0.10.0' },
  pypi: { names: ['openai-agents'], version: '0.16.0' },
} as const;

/** The Agents SDK a file's project declares, for the defaults of requests that rely on them. */
export interface AgentsSdk {
  name: string;
  declared: DeclaredSdk | undefined;
  /** The first release with per-model agent defaults. */
  minimum: string;
}

/** The Agents SDK the project of a file in `language` declares (the Python SDK for Python, the JS one otherwise). */
export function agentsSdkFor(sdk: SdkVersions, language: LanguageId): AgentsSdk {
  const ecosystem = language === 'python' ? 'pypi' : 'npm';
  const { names, version } = PER_MODEL_DEFAULTS[ecosystem];
  const name = names.find((n) => sdk[ecosystem][n] !== undefined) ?? names[0];
  return { name, declared: sdk[ecosystem][name], minimum: version };
}

/** What sets the effort of a request that writes none, and for which models. */
export interface EffortScope {
  preserveEffort: boolean;
  /** The model before and after the upgrade, and the project's Agents SDK: for requests whose effort the SDK fills in. */
  agents?: { sdk: AgentsSdk; from: string; to: string };
  /** The library the request is built with, whose spelling the fix hint uses. */
  library?: StringContext['library'];
}

/** The SDK's effort for `model`, or null where it sends none (the API's default applies). */
function sdkEffort(model: string): string | null {
  return SDK_EFFORTS.find(([pattern]) => pattern.test(model))?.[1] ?? null;
}

type Defaults = 'sdk' | 'api' | 'unknown';

/** Whether the declared SDK gives agents their own model's defaults ('sdk'), predates that ('api'), or does not say. */
function defaultsOf(sdk: AgentsSdk): Defaults {
  const version = sdk.declared?.version;
  if (!version) return 'unknown';
  return compareVersions(version, sdk.minimum) >= 0 ? 'sdk' : 'api';
}

/** The request takes its effort from the SDK's per-model table under the declared version. */
function sdkSetsEffort(request: RequestFacts, scope: EffortScope): boolean {
  return (
    request.sdkDefaults === true && request.effort === undefined && scope.agents !== undefined && defaultsOf(scope.agents.sdk) === 'sdk'
  );
}

/**
 * With --preserve-effort, a request that sets no effort and whose spelling is known gets
 * effort none; not one whose effort the SDK sets, where model settings of its own would also
 * drop the SDK's other defaults (`text.verbosity: low`).
 */
function getsEffortNone(request: RequestFacts, scope: EffortScope): boolean {
  return scope.preserveEffort && request.effort === undefined && request.addEffort !== undefined && !sdkSetsEffort(request, scope);
}

/** The insertions --preserve-effort makes for an upgraded site's requests. */
export function effortInsertions(requests: RequestFacts[], scope: EffortScope): Edit[] {
  return requests.filter((r) => getsEffortNone(r, scope)).map((r) => r.addEffort!);
}

function declaredAs(sdk: AgentsSdk): string {
  return sdk.declared ? `${sdk.name} \`${sdk.declared.spec}\` in ${sdk.declared.source}` : sdk.name;
}

/** The note for a request that relies on the Agents SDK's defaults. */
function sdkNote(agents: NonNullable<EffortScope['agents']>): string {
  const { sdk, from, to } = agents;
  const defaults = defaultsOf(sdk);
  if (defaults === 'api') return `${EFFORT_NOT_SET}; ${declaredAs(sdk)} predates per-model agent defaults (${sdk.minimum})`;
  if (defaults === 'unknown')
    return `${EFFORT_NOT_SET}, unless the project runs ${sdk.name} ${sdk.minimum} or later (no declared version found): it sends its own per-model effort`;
  const before = sdkEffort(from);
  const after = sdkEffort(to);
  const by = `the Agents SDK (${declaredAs(sdk)})`;
  if (before === after && after !== null) return `not set: ${by} sends effort ${after} for ${from} and ${to} alike, so it stays ${after}`;
  const says = (effort: string | null): string => (effort === null ? "no effort (the API's default)" : `effort ${effort}`);
  return `not set: ${by} sends ${says(before)} for ${from} and ${says(after)} for ${to}`;
}

/** The note for one request that writes no effort. */
function unsetNote(request: RequestFacts, scope: EffortScope): string {
  return request.sdkDefaults && scope.agents ? sdkNote(scope.agents) : EFFORT_NOT_SET;
}

/** The reasoning-effort note of a site: the visible setting(s), the one --preserve-effort adds, or what the default change means. */
export function effortNote(requests: RequestFacts[], scope: EffortScope = { preserveEffort: false }): string {
  const visible = [...new Set(requests.map((r) => r.effort).filter((e): e is string => e !== undefined))];
  const added = requests.some((r) => getsEffortNone(r, scope));
  const notes = [...(visible.length > 0 ? [`${visible.join(', ')} (preserved)`] : []), ...(added ? [EFFORT_ADDED] : [])];
  const unset = [...new Set(requests.filter((r) => r.effort === undefined && !getsEffortNone(r, scope)).map((r) => unsetNote(r, scope)))];
  if (notes.length === 0) return unset[0] ?? EFFORT_NOT_SET;
  return `${notes.join('; ')}${unset.length > 0 ? `; elsewhere ${unset.join('; ')}` : ''}`;
}

/**
 * Rule 7: the parameters that make the upgrade a run-time error, or null. A request that
 * --preserve-effort gives effort none is not offending: the added `none` makes them legal;
 * nor is one whose effort the Agents SDK sets to none for the new model.
 */
export function gateFailure(requests: RequestFacts[], scope: EffortScope): string | null {
  const sdkNone = (r: RequestFacts): boolean => sdkSetsEffort(r, scope) && sdkEffort(scope.agents!.to) === 'none';
  const offending = requests.filter((r) => r.sampling.length > 0 && r.effort !== 'none' && !getsEffortNone(r, scope) && !sdkNone(r));
  if (offending.length === 0) return null;
  const params = [...new Set(offending.flatMap((r) => r.sampling))].map((p) => `\`${p}\``).join(', ');
  const effort = offending.find((r) => r.effort !== undefined)?.effort;
  const why = effort ? `with reasoning effort \`${effort}\`` : 'without a reasoning effort (GPT-5.5 defaults to medium)';
  const fixable = !scope.preserveEffort && offending.every((r) => r.effort === undefined && r.addEffort !== undefined);
  return (
    `the request sends ${params} ${why}; GPT-5.5 rejects these unless effort is none. ` +
    (scope.library === 'langchain'
      ? 'Add `reasoning: { effort: "none" }` to the model\'s fields (LangChain sends it to either API), or remove them, then re-run'
      : 'Set `reasoning: {effort: "none"}` (Responses) or `reasoning_effort: "none"` (Chat Completions), or remove them, then re-run') +
    (fixable ? ' (--preserve-effort adds effort none here)' : '')
  );
}
