import type { Status, StringContext, UpgradeClass } from '../types.js';
import { isObjectId, libraryDefault, pinnedName, pinnedPathReason, PROMPTFOO_CONFIG } from './context.js';
import type { Verdict } from './decisions.js';
import { type AgentsSdk, effortNote, type EffortScope, gateFailure } from './effort.js';
import { counterpartOf, isModelLike, parseSlug, type ParsedSlug } from './slug.js';

/** Everything the policy needs to decide one model site. */
export interface SiteInput {
  value: string;
  /** Path relative to the current directory, `/` separators. */
  path: string;
  context: StringContext;
  /** The line or the line above holds `gpt55-codemod-ignore`. */
  directive: boolean;
  /** The file creates an Azure OpenAI client. */
  azure: boolean;
  /** The file mocks or fakes the clients a request would reach. */
  testDoubles?: boolean;
  /** The path matches config `exclude`. */
  excluded: boolean;
  /** The path matches config `pinned`. */
  configPinned: boolean;
  /** --all or config upgradeAll. */
  all: boolean;
  /** --preserve-effort: requests with no visible effort get effort none where their spelling is known. */
  preserveEffort?: boolean;
  /** The decisions file's verdict on this site: upgrade is --all for it alone; keep leaves it as it is. */
  decided?: Verdict;
  /** The Agents SDK the file's project declares: requests that rely on its defaults take its effort. */
  agents?: AgentsSdk;
}

export interface Decision {
  status: Status;
  from: string;
  to: string | null;
  family: string;
  upgradeClass: UpgradeClass;
  reason: string;
  reasoningEffort?: string;
}

/** Rule 4: why the site's context may be intentionally pinned, or null. */
function pinnedContext(input: SiteInput): string | null {
  const path = pinnedPathReason(input.path);
  if (path) return `in ${path}: may be an intentional pin`;
  if (input.configPinned) return 'path matches a `pinned` glob in the config';
  const { context } = input;
  if (context.catalogEntry) return 'a catalog entry (data about a model: pricing, context window, capabilities)';
  if (context.compared) return 'compared rather than used (comparison or routing code)';
  if (context.inType) return 'part of a type';
  if (context.collectionModels >= 2) return `listed beside ${context.collectionModels - 1} other model(s): comparison or catalog code`;
  const named = pinnedName(context.names);
  if (named) return `assigned to \`${named.name}\` ("${named.word}": a route that may be pinned on purpose)`;
  const library = libraryDefault(input.path, context.names);
  if (library) return `\`${library}\` is the library's default model: its callers, and the tests and docs that state it, change with it`;
  if (input.azure) return 'the file creates an Azure OpenAI client: `model` is a deployment name';
  return null;
}

/** Models an eval runs side by side stay as they are even with --all: the comparison is the eval's point. */
function evalComparison(input: SiteInput): boolean {
  return input.context.collectionModels >= 2 && PROMPTFOO_CONFIG.test(input.path);
}

/**
 * Data about models rather than a use of one stays even with --all: a predicate or lookup
 * (one side rewritten, the match breaks: `startsWith("gpt-5") && !startsWith("gpt-5-chat")`
 * would become always false), a type, a list of models (a comparison, catalog or capability
 * table, whose rewritten members would repeat). Only a decision given for the one site moves it.
 */
function modelData(input: SiteInput): boolean {
  const { context } = input;
  return (
    input.decided !== 'upgrade' && (context.catalogEntry === true || context.compared || context.inType || context.collectionModels >= 2)
  );
}

/** A test that mocks or fakes its clients sends nothing: its models are test data, kept even with --all. */
function testData(input: SiteInput): boolean {
  return input.testDoubles === true && input.decided !== 'upgrade' && /test/.test(pinnedPathReason(input.path) ?? '');
}

/** A library's default model stays even with --all: the test assertions that state it are never rewritten. */
function heldDefault(input: SiteInput): boolean {
  return input.decided !== 'upgrade' && libraryDefault(input.path, input.context.names) !== null;
}

function noCounterpart(parsed: ParsedSlug): string {
  return parsed.entry.alias
    ? `${parsed.base} is a ChatGPT alias (a moving model without reasoning): no GPT-5.5 counterpart`
    : `${parsed.base} has no GPT-5.5 counterpart (no gpt-5.5-mini or -nano)`;
}

function decision(parsed: ParsedSlug, value: string, status: Status, reason: string, to: string | null): Decision {
  const upgradeClass: UpgradeClass = status === 'blocked' ? 'blocked' : to === null ? 'unknown' : 'model string only';
  return { status, from: value, to, family: parsed.entry.family(parsed.base), upgradeClass, reason };
}

/** DESIGN.md policy rules 1 to 8, first that applies. Null: not a site (ignored, unreported). */
export function classify(input: SiteInput): Decision | null {
  const parsed = parseSlug(input.value);
  if (!parsed || isObjectId(input.context.names)) return null; // rule 1
  if (input.directive || input.excluded) return null; // rule 2
  const to = counterpartOf(parsed);
  const confirm = (reason: string): Decision => decision(parsed, input.value, 'confirmation-needed', reason, to);

  if (parsed.snapshot) return confirm(`dated snapshot (${parsed.snapshot}): pinned on purpose`); // rule 3
  const all = input.all || input.decided === 'upgrade';
  const pinned = pinnedContext(input);
  if (pinned && (!all || evalComparison(input) || modelData(input))) return confirm(pinned); // rule 4
  if (pinned && testData(input)) return confirm(`${pinned}; the test mocks or fakes its clients, so its models are test data`);
  if (pinned && heldDefault(input)) return confirm(pinned);
  if (to === null) return confirm(noCounterpart(parsed)); // rule 5
  if (parsed.entry.older && !all) return confirm(`older family (${parsed.entry.bucket}): upgraded only with --all`); // rule 6

  const scope: EffortScope = { preserveEffort: input.preserveEffort === true };
  if (input.agents) scope.agents = { sdk: input.agents, from: input.value, to };
  const blocked = gateFailure(input.context.requests, scope); // rule 7
  if (blocked) return decision(parsed, input.value, 'blocked', blocked, to);

  const change = `${parsed.base} to ${to}`;
  if (input.decided === 'keep') return confirm(`kept as is by the decisions file (would be ${change})`);
  const upgraded = decision(
    parsed,
    input.value,
    'upgraded',
    pinned ? `upgraded ${input.all ? 'with --all' : 'by the decisions file'} (${pinned})` : change,
    to,
  ); // rule 8
  upgraded.reasoningEffort = effortNote(input.context.requests, scope);
  return upgraded;
}

/** Counts model-like strings among collection elements (for StringContext.collectionModels). */
export function countModels(values: Array<string | null>): number {
  return values.filter((v): v is string => v !== null && isModelLike(v)).length;
}
