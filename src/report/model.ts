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

/** What the runner hands to the reports. */
export interface RunResult {
  filesScanned: number;
  filesChanged: number;
  filesErrored: number;
  sites: Site[];
  errors: FileError[];
  changes: FileChange[];
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
  };
}

/** `file:line:col`, the form terminals and editors turn into a link. */
export function siteLocation(site: Site): string {
  return `${site.file}:${site.line}:${site.column}`;
}
