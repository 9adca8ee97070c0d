import type { Site } from '../types.js';
import { countStatuses, type Report, summarizeDecisions, TOOL, VERSION } from './model.js';

/**
 * Combine reports from shards or repositories into one. Shards never share a file, and two
 * repositories may hold the same relative path, so every site is kept: file and site
 * counts both add up. Sites and errors are sorted by location, so the merge of shards
 * equals the unsharded report whatever order the shards come in.
 */
export function mergeReports(reports: Report[]): Report {
  const sites = reports.flatMap((r) => r.sites).sort(byLocation);
  const sum = (pick: (r: Report) => number): number => reports.reduce((total, r) => total + pick(r), 0);
  return {
    tool: TOOL,
    version: VERSION,
    target: 'gpt-5.5',
    summary: {
      filesScanned: sum((r) => r.summary.filesScanned),
      filesChanged: sum((r) => r.summary.filesChanged),
      filesErrored: sum((r) => r.summary.filesErrored),
      sites: countStatuses(sites),
    },
    sites,
    errors: reports.flatMap((r) => r.errors).sort(byLocation),
    warnings: reports.flatMap((r) => r.warnings ?? []).sort(byLocation),
    // Reports written before decisions existed have none.
    decisions: summarizeDecisions(
      sites,
      [...new Set(reports.flatMap((r) => r.decisions?.files ?? []))].sort(),
      reports.flatMap((r) => r.decisions?.stale ?? []).sort(byLocation),
    ),
  };
}

/** Code-unit order, not locale order: the same inputs give the same report everywhere. */
function byLocation(a: Location, b: Location): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

type Location = Pick<Site, 'file'> & { line?: number | null; column?: number };
