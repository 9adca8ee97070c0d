import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { FileError, Site, Status } from '../types.js';
import { countStatuses, type Report, siteLocation, type StatusCounts, STATUSES } from './model.js';

/** The package of sites in files no workspace package holds (or from a report without packages). */
export const NO_PACKAGE = '(no package)';

/** Sites listed one per line, in this order; the confirmation-needed list comes last. */
const LISTED: { status: Status; title: string; note: string }[] = [
  { status: 'unknown', title: 'Unknown', note: 'left as is; compatibility unclear' },
  { status: 'blocked', title: 'Blocked', note: 'left as is; needs code changes' },
  { status: 'confirmation-needed', title: 'Confirmation needed', note: 'left as is; may be pinned' },
];

const STATUS_COLOR: Record<Status, (c: Colors) => (text: string) => string> = {
  upgraded: (c) => c.green,
  'confirmation-needed': (c) => c.yellow,
  blocked: (c) => c.red,
  unknown: (c) => c.gray,
};

/**
 * The default terminal output after the diffs. It ends with the confirmation-needed list
 * as `file:line:col  model  reason`, the lines people copy into tickets for owners.
 */
export function renderSummary(report: Report, options: { color: boolean }): string {
  const c = picocolors.createColors(options.color);
  const { summary } = report;
  const lines = [
    `${c.bold('Files:')} ${summary.filesScanned} scanned, ${summary.filesChanged} changed, ${summary.filesErrored} errored`,
    ...errorBlock(report.errors, c),
    `${c.bold('Sites:')} ${statusCounts(summary.sites, c)}`,
    ...packageBlock(report.sites, c),
  ];
  for (const listed of LISTED) {
    const sites = report.sites.filter((site) => site.status === listed.status);
    if (sites.length > 0 || listed.status === 'confirmation-needed') lines.push('', ...siteBlock(listed, sites, c));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Site counts per workspace package, in code-unit order; empty unless the sites span more
 * than one package, so a single project's summary stays as it was.
 */
export function countsByPackage(sites: Site[]): Array<[string, StatusCounts]> {
  const byPackage = new Map<string, Site[]>();
  for (const site of sites) {
    const name = site.package ?? NO_PACKAGE;
    const listed = byPackage.get(name);
    if (listed) listed.push(site);
    else byPackage.set(name, [site]);
  }
  if (byPackage.size < 2) return [];
  return [...byPackage.keys()].sort().map((name) => [name, countStatuses(byPackage.get(name)!)]);
}

function packageBlock(sites: Site[], c: Colors): string[] {
  const counts = countsByPackage(sites);
  if (counts.length === 0) return [];
  const width = Math.max(...counts.map(([name]) => name.length));
  return [c.bold('By package:'), ...counts.map(([name, byStatus]) => `  ${name.padEnd(width)}  ${statusCounts(byStatus, c)}`)];
}

function statusCounts(counts: StatusCounts, c: Colors): string {
  return STATUSES.map((s) => paint(c, s, `${counts[s]} ${s}`)).join(', ');
}

function paint(c: Colors, status: Status, text: string): string {
  return STATUS_COLOR[status](c)(text);
}

function errorBlock(errors: FileError[], c: Colors): string[] {
  if (errors.length === 0) return [];
  const where = (e: FileError): string => (e.line === null ? e.file : `${e.file}:${e.line}`);
  return ['', c.bold(c.red('Errors:')), ...errors.map((e) => `${c.red(where(e))}  ${e.message}`), ''];
}

function siteBlock(listed: (typeof LISTED)[number], sites: Site[], c: Colors): string[] {
  if (sites.length === 0) return [`${c.bold(listed.title)}: none`];
  return [
    `${c.bold(paint(c, listed.status, listed.title))} ${c.dim(`(${listed.note})`)}:`,
    ...sites.map((site) => `${c.cyan(siteLocation(site))}  ${site.from ?? '-'}  ${site.reason}`),
  ];
}
