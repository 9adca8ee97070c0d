import type { PinnedKind } from '../policy/context.js';
import { VERDICTS, type Verdict } from '../policy/decisions.js';
import { PINNED_KINDS } from '../policy/pins.js';
import type { Site } from '../types.js';
import { countStatuses, type Report, STATUSES, TOOL } from './model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Parse and check a version-1 report (DESIGN.md, "The report"), as merge-reports reads
 * them from shards or other repositories. Checked by hand: the shape is small and no
 * schema validator is among the dependencies.
 */
export function readReport(text: string, file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const problem = reportProblem(data);
  if (problem) throw new Error(`${file}: not a version-1 ${TOOL} report: ${problem}`);
  return data as Report;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
const isText = (value: unknown): boolean => typeof value === 'string';
const isTextOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isOptionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** The first field of `fields` that fails its check, as `prefix.name`. */
function badField(fields: Fields, checks: Record<string, (value: unknown) => boolean>, prefix: string): string | null {
  const name = Object.keys(checks).find((key) => !checks[key]!(fields[key]));
  return name === undefined ? null : `${prefix}.${name} is missing or has the wrong type`;
}

const SITE_CHECKS = {
  file: isText,
  line: isPosition,
  column: isPosition,
  transform: isText,
  status: (value: unknown) => STATUSES.includes(value as Site['status']),
  from: isTextOrNull,
  to: isTextOrNull,
  family: isTextOrNull,
  upgradeClass: isText,
  reason: isText,
  reasoningEffort: isOptionalText,
  package: isOptionalText,
  fingerprint: isOptionalText,
  decision: (value: unknown) => value === undefined || (isObject(value) && badField(value, DECISION_CHECKS, 'decision') === null),
  catalog: (value: unknown) => value === undefined || (isObject(value) && badField(value, CATALOG_CHECKS, 'catalog') === null),
};

const CATALOG_CHECKS = {
  sites: isPosition,
  models: (value: unknown) => Array.isArray(value) && value.every(isText),
  lastLine: isPosition,
  pins: (value: unknown) => value === undefined || (isObject(value) && badField(value, PINS_CHECKS, 'catalog.pins') === null),
};

const PINS_CHECKS = {
  path: (value: unknown) => typeof value === 'string' && PINNED_KINDS.includes(value as PinnedKind),
  counts: (value: unknown) => Array.isArray(value) && value.every(isPosition),
};

const DECISION_CHECKS = {
  kind: (value: unknown) => VERDICTS.includes(value as Verdict),
  note: isOptionalText,
  by: isText,
  at: isText,
};

const STALE_CHECKS = {
  fingerprint: isText,
  file: isText,
  transform: isText,
  from: isTextOrNull,
  decision: DECISION_CHECKS.kind,
  code: isText,
};

const ERROR_CHECKS = {
  file: isText,
  line: (value: unknown) => value === null || isPosition(value),
  message: isText,
};

function listProblem(list: unknown, checks: Record<string, (value: unknown) => boolean>, name: string): string | null {
  if (!Array.isArray(list)) return `${name} is not a list`;
  for (const [index, item] of list.entries()) {
    const prefix = `${name}[${index}]`;
    if (!isObject(item)) return `${prefix} is not an object`;
    const problem = badField(item, checks, prefix);
    if (problem) return problem;
  }
  return null;
}

function reportProblem(data: unknown): string | null {
  if (!isObject(data)) return 'the top level is not an object';
  if (data.tool !== TOOL) return `tool is not "${TOOL}"`;
  if (!isText(data.version)) return 'version is missing';
  if (data.target !== 'gpt-5.5') return 'target is not "gpt-5.5"';
  const { summary } = data;
  if (!isObject(summary)) return 'summary is missing';
  const fileCounts = badField(summary, { filesScanned: isCount, filesChanged: isCount, filesErrored: isCount }, 'summary');
  if (fileCounts) return fileCounts;
  const siteProblem =
    listProblem(data.sites, SITE_CHECKS, 'sites') ??
    listProblem(data.errors, ERROR_CHECKS, 'errors') ??
    (data.warnings === undefined ? null : listProblem(data.warnings, ERROR_CHECKS, 'warnings'));
  if (siteProblem) return siteProblem;
  return countsProblem(summary.sites, data.sites as Site[]) ?? decisionsProblem(data.decisions);
}

/** `decisions` is optional (reports from before it existed); when present it is checked like the rest. */
function decisionsProblem(decisions: unknown): string | null {
  if (decisions === undefined) return null;
  if (!isObject(decisions)) return 'decisions is not an object';
  const files = decisions.files;
  if (!Array.isArray(files) || !files.every(isText)) return 'decisions.files is not a list of paths';
  return (
    badField(decisions, { keep: isCount, upgrade: isCount, undecided: isCount }, 'decisions') ??
    listProblem(decisions.stale, STALE_CHECKS, 'decisions.stale')
  );
}

/** The summary's status counts must equal the site list (the report's own invariant). */
function countsProblem(counts: unknown, sites: Site[]): string | null {
  if (!isObject(counts)) return 'summary.sites is missing';
  const actual = countStatuses(sites);
  const wrong = STATUSES.find((status) => counts[status] !== actual[status]);
  return wrong === undefined ? null : `summary.sites["${wrong}"] is ${String(counts[wrong])} but the site list holds ${actual[wrong]}`;
}
