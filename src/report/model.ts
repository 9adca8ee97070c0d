import type { DecisionEntry, Decisions, SiteKey } from '../policy/decisions.js';
import type { FileError, Site, Status } from '../types.js';

export const TOOL = 'gpt55-codemod';
export const VERSION = '0.1.0';

/** A file's text before and after, under the path a diff names it by. */
export interface FileText {
  file: string;
  before: string;
  after: string;
}

/** One file the run changed (or, with --dry / --check / --patch, would change). */
export interface FileChange extends FileText {
  /** Relative to the current directory, `/` separators. */
  file: string;
  /** Relative to its repository top (the current directory outside one): the patch's path. */
  repoPath: string;
  /** The repository top, or null outside any repository. */
  top: string | null;
  /** A .gitignore excludes it (only written under --no-gitignore). */
  gitignored: boolean;
}

/** An entry of the decisions file whose site is gone, its file named relative to the current directory. */
export type StaleDecision = Pick<DecisionEntry, 'file' | 'transform' | 'from' | 'decision' | 'code'> & { fingerprint: string };

/** The decisions file as the run found it. */
export interface RunDecisions {
  /** Relative to the current directory; it need not exist yet. */
  file: string;
  exists: boolean;
  /** Its folder, absolute: entry paths are relative to it. */
  root: string;
  entries: Decisions;
  stale: StaleDecision[];
  /** What identifies each site the run found, by fingerprint (what `decide` writes down). */
  keys: Map<string, SiteKey>;
}

/** What `decide` did, for its report on the terminal. */
export interface DecideOutcome {
  /** The decisions file, relative to the current directory. */
  file: string;
  written: boolean;
  recorded: Site[];
  /** Sites whose decision the run would not honour, and why. */
  refused: Array<{ site: Site; why: string }>;
  /** Selectors (`file:line`, a ticked box) that named no site. */
  unmatched: string[];
  pruned: StaleDecision[];
}

/** What the runner hands to the reports. */
export interface RunResult {
  filesScanned: number;
  filesChanged: number;
  filesErrored: number;
  sites: Site[];
  errors: FileError[];
  /** Absent where no run read files (a report built from sites alone). */
  warnings?: FileError[];
  changes: FileChange[];
  /** Absent where no decisions were looked up (a report built from sites alone). */
  decisions?: RunDecisions;
  /** Per transform, how many files its prefilter let through; absent where no run read files. */
  prefiltered?: Record<string, number>;
}

export type StatusCounts = Record<Status, number>;

/** The JSON report, version 1 (DESIGN.md, "The report"). */
export interface Report {
  tool: typeof TOOL;
  version: string;
  target: 'gpt-5.5';
  summary: {
    filesScanned: number;
    filesChanged: number;
    filesErrored: number;
    sites: StatusCounts;
  };
  sites: Site[];
  errors: FileError[];
  /** Code quoted in docs (a fence) that names a model but does not parse, left as is. Absent in reports written before warnings existed. */
  warnings?: FileError[];
  /** Absent in reports written before decisions existed (merge-reports reads those too). */
  decisions?: DecisionsSummary;
}

/** The JSON report's `decisions`: how many sites each verdict covers, and the entries whose site is gone. */
export interface DecisionsSummary {
  /** The decisions files read (none when the run found none). */
  files: string[];
  keep: number;
  upgrade: number;
  /** Sites the gate fails for want of a decision: confirmation-needed or blocked, with none. */
  undecided: number;
  stale: StaleDecision[];
}

/** Why `--check` fails on a site, or null: upgradable, blocked, or still waiting for a person. */
export type GateFailure = 'upgradable' | 'blocked' | 'undecided';

/**
 * A kept site passes whatever its status; an upgrade decision the policy could not honour
 * (no counterpart, a dated snapshot, the compatibility gate) still fails.
 */
export function gateFailure(site: Site): GateFailure | null {
  if (site.status === 'upgraded') return 'upgradable';
  if (site.status === 'unknown' || site.decision?.kind === 'keep') return null;
  return site.status === 'blocked' ? 'blocked' : 'undecided';
}

export function summarizeDecisions(sites: Site[], files: string[], stale: StaleDecision[]): DecisionsSummary {
  const decided = (kind: string): number => sites.filter((site) => site.decision?.kind === kind).length;
  const undecided = sites.filter((site) => site.decision === undefined && gateFailure(site) !== null && site.status !== 'upgraded').length;
  return { files, keep: decided('keep'), upgrade: decided('upgrade'), undecided, stale };
}

export const STATUSES: Status[] = ['upgraded', 'confirmation-needed', 'blocked', 'unknown'];

export function countStatuses(sites: Site[]): StatusCounts {
  const counts: StatusCounts = { upgraded: 0, 'confirmation-needed': 0, blocked: 0, unknown: 0 };
  for (const site of sites) counts[site.status]++;
  return counts;
}

export function buildReport(result: RunResult): Report {
  return {
    tool: TOOL,
    version: VERSION,
    target: 'gpt-5.5',
    summary: {
      filesScanned: result.filesScanned,
      filesChanged: result.filesChanged,
      filesErrored: result.filesErrored,
      sites: countStatuses(result.sites),
    },
    sites: result.sites,
    errors: result.errors,
    warnings: result.warnings ?? [],
    decisions: summarizeDecisions(result.sites, result.decisions?.exists ? [result.decisions.file] : [], result.decisions?.stale ?? []),
  };
}

/** `file:line:col`, the form terminals and editors turn into a link. */
export function siteLocation(site: Site): string {
  return `${site.file}:${site.line}:${site.column}`;
}
