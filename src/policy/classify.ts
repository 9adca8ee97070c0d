import type { Status, StringContext, UpgradeClass } from '../types.js';
import {
  type PinnedKind,
  isDisplayText,
  isObjectId,
  isRecorded,
  libraryDefault,
  nameSpellingModel,
  namesDeployment,
  pinnedName,
  pinnedPath,
  PROMPTFOO_CONFIG,
  recordPathReason,
  runsLive,
} from './context.js';
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
  /** The file stubs the API (mocks, recorded HTTP): in a test, its model strings are data. */
  stubbed?: boolean;
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
  /** Left only because of the file's pinned path (rule 4 or a record there): what the path holds, for the file's one line (src/policy/pins.ts). */
  pin?: PinnedKind;
}

/** Rule 4: why the site's context may be intentionally pinned, or null. */
function pinnedContext(input: SiteInput, base: string): string | null {
  const { context } = input;
  if (context.testSubject !== undefined) return `the test "${context.testSubject}" is about this model: pinned on purpose`;
  if (context.mapped) return 'returned by a branch a model-name comparison picks: a lookup (mapping), not a use';
  const path = pinnedPath(input.path);
  if (path) return `in ${path.what}: may be an intentional pin`;
  if (input.configPinned) return 'path matches a `pinned` glob in the config';
  if (context.catalogEntry) return 'a catalog entry (data about a model: pricing, context window, capabilities)';
  if (context.compared) return 'compared rather than used (comparison or routing code)';
  if (context.lookupInput !== undefined) return `the input of \`${context.lookupInput}\`: a predicate or lookup, not a use`;
  if (context.inType) return 'part of a type';
  if (context.collectionModels >= 2) return `listed beside ${context.collectionModels - 1} other model(s): comparison or catalog code`;
  const spelled = nameSpellingModel(context.names, base);
  if (spelled) return `stored under \`${spelled}\`, whose name says ${base}: rename it with the value`;
  const named = pinnedName(context.names);
  if (named) return `assigned to \`${named.name}\` ("${named.word}": a route that may be pinned on purpose)`;
  const library = libraryDefault(input.path, context.names);
  if (library) return `\`${library}\` is the library's default model: its callers, and the tests and docs that state it, change with it`;
  if (namesDeployment(context.names)) return 'stored as a deployment name (Azure / Foundry): it names a deployment, not a model';
  if (input.azure) return 'the file creates an Azure OpenAI client: `model` is a deployment name';
  if (context.azureSibling) return 'a setting beside it names Azure: `model` is a deployment name';
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
 * table, whose rewritten members would repeat), a name that spells the model.
 */
function modelData(input: SiteInput, base: string): boolean {
  const { context } = input;
  return (
    context.catalogEntry === true ||
    context.compared ||
    context.lookupInput !== undefined ||
    context.inType ||
    context.collectionModels >= 2 ||
    context.mapped === true ||
    context.testSubject !== undefined ||
    nameSpellingModel(context.names, base) !== null
  );
}

/** A test that mocks or fakes its clients sends nothing: its models are test data, kept even with --all. */
function testData(input: SiteInput): boolean {
  const path = input.path;
  return input.testDoubles === true && !runsLive(path) && pinnedPath(path)?.kind === 'test';
}

/**
 * Why a test value stays even with --all, or null: a computer-use flow moves as a whole,
 * its assertions on what the code sends included; otherwise a test value moves only as
 * the model of a live request (an SDK call, an agent, a model client) in a file that does
 * not stub the API. Stubbed responses, assertions, parametrised cases, CLI arguments,
 * error objects and mocks' expected calls hold values the test checks against code or
 * data that stays.
 */
function testValueNote(input: SiteInput): string | null {
  const { context } = input;
  if (context.flow) return null;
  if (input.stubbed) return 'the test stubs the API, so its models are recorded data';
  return context.requests.some((request) => request.live) ? null : "a value the test checks, not a live request's model";
}

/**
 * Why the site stays even with --all, or null: an eval's comparison; unless a decision
 * given for the one site moves it, model data, recorded data and history, Azure deployment
 * names, and test values that are not a live request's model. The note is '' where the
 * pinned reason says it all.
 */
function keptWithAll(input: SiteInput, base: string): string | null {
  if (evalComparison(input)) return '';
  if (input.decided === 'upgrade') return null;
  if (modelData(input, base) || libraryDefault(input.path, input.context.names) !== null) return '';
  if (testData(input)) return 'the test mocks or fakes its clients, so its models are test data';
  const kind = pinnedPath(input.path)?.kind;
  if (kind === 'recorded' || kind === 'history') return `${kind === 'history' ? 'history' : 'recorded data'} is kept as written`;
  if (input.azure || input.context.azureSibling) return 'a deployment name is the Azure resource, not a model choice';
  // An integration or end-to-end suite calls the real API: its models are uses, which --all moves.
  return kind === 'test' && !runsLive(input.path) ? testValueNote(input) : null;
}

/** A value that is a key of a table with no entry for the new slug: the upgrade would not type-check, or its lookup would miss. */
function missingKey(context: StringContext, to: string): string | null {
  const table = context.keyOf;
  if (!table || table.keys.includes(to)) return null;
  const where = table.module === undefined ? `\`keyof typeof ${table.table}\`` : `declared in ${table.module}`;
  return `a key of \`${table.table}\` (${where}), which has no entry for ${to}: add the entry first, then re-run`;
}

/**
 * In a test, what a predicate or lookup is given (`expect(isReasoningModel("o3"))`) and the
 * catalog entries it expects or feeds in are the test's data: no model anyone sends.
 */
function testInput(input: SiteInput): boolean {
  const { context } = input;
  return (context.lookupInput !== undefined || context.catalogEntry === true) && pinnedPath(input.path)?.kind === 'test';
}

function noCounterpart(parsed: ParsedSlug): string {
  return parsed.entry.alias
    ? `${parsed.base} is a ChatGPT alias (a moving model without reasoning): no GPT-5.5 counterpart`
    : `${parsed.base} has no GPT-5.5 counterpart (no gpt-5.5-mini or -nano)`;
}

/** `{pin}` with what a pinned path holds, or nothing elsewhere. */
function pathKind(path: string): { pin?: PinnedKind } {
  const pinned = pinnedPath(path);
  return pinned ? { pin: pinned.kind } : {};
}

function decision(parsed: ParsedSlug, value: string, status: Status, reason: string, to: string | null): Decision {
  const upgradeClass: UpgradeClass = status === 'blocked' ? 'blocked' : to === null ? 'unknown' : 'model string only';
  return { status, from: value, to, family: parsed.entry.family(parsed.base), upgradeClass, reason };
}

/**
 * Text matched rather than a model used is no site: a tokenizer lookup, or a family check
 * or spelling rewrite of a family the run does not move by itself. A check on the GPT-5.4
 * family stays a site: that code will not match the GPT-5.5 it is upgraded to.
 */
function onlyMatched(context: StringContext, parsed: ParsedSlug): boolean {
  return context.matched === 'tokenizer' || (context.matched === 'text' && parsed.entry.older);
}

/** DESIGN.md policy rules 1 to 8, first that applies. Null: not a site (ignored, unreported). */
export function classify(input: SiteInput): Decision | null {
  const parsed = parseSlug(input.value);
  const { names } = input.context;
  if (!parsed || isObjectId(names) || isDisplayText(names) || isRecorded(names, input.context.recorded) || testInput(input)) return null; // rule 1
  if (onlyMatched(input.context, parsed)) return null;
  if (input.directive || input.excluded) return null; // rule 2
  const to = counterpartOf(parsed);
  const confirm = (reason: string): Decision => decision(parsed, input.value, 'confirmation-needed', reason, to);

  if (parsed.snapshot) return confirm(`dated snapshot (${parsed.snapshot}): pinned on purpose`); // rule 3
  const all = input.all || input.decided === 'upgrade';
  const mocked =
    input.context.mockedBy && `the request sends through \`${input.context.mockedBy}\`: a test double, nothing reaches the API`;
  const record = input.decided === 'upgrade' ? null : (recordPathReason(input.path) ?? (mocked || null));
  const pin = (reason: string): Decision => ({ ...confirm(reason), ...pathKind(input.path) });
  if (record && all) return pin(record);
  const pinned = pinnedContext(input, parsed.base);
  const kept = pinned && all ? keptWithAll(input, parsed.base) : null;
  if (pinned && (!all || kept !== null)) return pin(kept ? `${pinned}; even with --all: ${kept}` : pinned); // rule 4
  if (to === null) return confirm(noCounterpart(parsed)); // rule 5
  if (parsed.entry.older && !all) return confirm(`older family (${parsed.entry.bucket}): upgraded only with --all`); // rule 6

  const scope: EffortScope = { preserveEffort: input.preserveEffort === true, library: input.context.library };
  if (input.agents) scope.agents = { sdk: input.agents, from: input.value, to };
  const blocked = missingKey(input.context, to) ?? gateFailure(input.context.requests, scope); // rule 7
  if (blocked) return decision(parsed, input.value, 'blocked', blocked, to);
  if (input.context.provider !== undefined)
    return confirm(`the default of provider \`${input.context.provider}\`, not OpenAI: check that it serves ${to} before changing it`);
  if (input.context.prose !== undefined)
    return confirm(`"${input.context.prose}" beside it names ${parsed.base}: change that text with the model (would be ${to})`);

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
