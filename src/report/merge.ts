import type { Site } from '../types.js';
import { countStatuses, type Report, TOOL, VERSION } from './model.js';

/**
 * Combine reports from shards or repositories into one. File counts are summed; sites
 * are sorted by location and a site reported twice (overlapping shards) is kept once,
 * so the status counts are recounted from the merged list rather than summed.
 */
export function mergeReports(reports: Report[]): Report {
  const sites = uniqueSites(reports.flatMap((r) => r.sites)).sort(byLocation);
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
    errors: reports.flatMap((r) => r.errors),
  };
}

/** Every field, in a fixed order, so key order in the source JSON does not matter. */
function siteKey(site: Site): string {
  return JSON.stringify([
    site.file, site.line, site.column, site.transform, site.status, site.from, site.to,
    site.family, site.upgradeClass, site.reason, site.reasoningEffort ?? null, site.package ?? null,
  ]);
}

function uniqueSites(sites: Site[]): Site[] {
  const seen = new Map<string, Site>();
  for (const site of sites) {
    const key = siteKey(site);
    if (!seen.has(key)) seen.set(key, site);
  }
  return [...seen.values()];
}

/** Code-unit order, not locale order: the same inputs give the same report everywhere. */
function byLocation(a: Site, b: Site): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
