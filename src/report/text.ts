import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { FileError, Site, Status } from '../types.js';
import { type Report, siteLocation, STATUSES } from './model.js';

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
    `${c.bold('Sites:')} ${STATUSES.map((s) => paint(c, s, `${summary.sites[s]} ${s}`)).join(', ')}`,
  ];
  for (const listed of LISTED) {
    const sites = report.sites.filter((site) => site.status === listed.status);
    if (sites.length > 0 || listed.status === 'confirmation-needed') lines.push('', ...siteBlock(listed, sites, c));
  }
  return `${lines.join('\n')}\n`;
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
