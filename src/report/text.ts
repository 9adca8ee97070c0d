import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { FileError, Site, Status } from '../types.js';
import type { Verdict } from '../policy/decisions.js';
import {
  countStatuses,
  type DecideOutcome,
  type DecisionsSummary,
  gateFailure,
  type GateFailure,
  type Report,
  siteLocation,
  type StatusCounts,
  STATUSES,
} from './model.js';

/** The package of sites in files no workspace package holds (or from a report without packages). */
export const NO_PACKAGE = '(no package)';

/** Sites listed by reason, in this order; the confirmation-needed groups come last. */
const LISTED: { status: Status; title: string; note: string }[] = [
  { status: 'unknown', title: 'Unknown', note: 'left as is; compatibility unclear' },
  { status: 'blocked', title: 'Blocked', note: 'left as is; needs code changes' },
  { status: 'confirmation-needed', title: 'Confirmation needed', note: 'left as is; may be pinned' },
];

/** Locations a reason's line names before it says how many more there are. */
const SAMPLE = 3;
/** Failing sites --check names before it says how many more there are (all with --verbose). */
const CHECK_LISTED = 20;

const STATUS_COLOR: Record<Status, (c: Colors) => (text: string) => string> = {
  upgraded: (c) => c.green,
  'confirmation-needed': (c) => c.yellow,
  blocked: (c) => c.red,
  unknown: (c) => c.gray,
};

/**
 * The default terminal output after the diffs: counts per status, the decisions, counts per
 * package in a monorepo, then one line per reason with its count and first locations. The
 * reason is said once per group, and sites the decisions file keeps are counted, not listed.
 */
export function renderSummary(report: Report, options: { color: boolean }): string {
  const c = picocolors.createColors(options.color);
  const { summary } = report;
  const lines = [
    `${c.bold('Files:')} ${summary.filesScanned} scanned, ${summary.filesChanged} changed, ${summary.filesErrored} errored`,
    ...problemBlock(c.bold(c.red('Errors:')), report.errors, c.red),
    ...problemBlock(c.bold(c.yellow('Warnings:')), report.warnings ?? [], c.yellow),
    `${c.bold('Sites:')} ${statusCounts(summary.sites, c)}`,
    ...decisionLines(report.decisions, c),
    ...packageBlock(report.sites, c),
  ];
  for (const listed of LISTED) {
    const sites = report.sites.filter((site) => site.status === listed.status);
    if (sites.length > 0 || listed.status === 'confirmation-needed') lines.push('', ...siteBlock(listed, sites, c));
  }
  return `${lines.join('\n')}\n`;
}

/** --verbose: every site, one per line, decided ones with their decision. */
export function renderSiteList(report: Report): string {
  return report.sites
    .map((s) => `${siteLocation(s)}  ${s.status}  ${s.from} -> ${s.to ?? '(none)'}  ${s.reason}${decisionNote(s)}\n`)
    .join('');
}

function decisionNote(site: Site): string {
  const d = site.decision;
  return d ? `  [${d.kind}: ${d.by}, ${d.at}${d.note ? `: ${d.note}` : ''}]` : '';
}

/** What --check says after the summary: passed, or the sites that fail it and why. */
export function renderCheck(report: Report, options: { color: boolean; verbose: boolean }): string {
  const c = picocolors.createColors(options.color);
  const failing = report.sites.flatMap((site) => {
    const failure = gateFailure(site);
    return failure ? [{ site, failure }] : [];
  });
  const kept = report.decisions?.keep ?? 0;
  if (failing.length === 0) {
    return `\n${c.green(c.bold('Check passed:'))} no site is upgradable, blocked or undecided${kept > 0 ? ` (${kept} kept by the decisions file)` : ''}\n`;
  }
  const count = (failure: GateFailure): string => `${failing.filter((f) => f.failure === failure).length} ${failure}`;
  const shown = options.verbose ? failing : failing.slice(0, CHECK_LISTED);
  const lines = [
    '',
    `${c.red(c.bold('Check failed:'))} ${failing.length} site(s) need work (${count('upgradable')}, ${count('blocked')}, ${count('undecided')}):`,
    ...shown.map(({ site, failure }) => `  ${c.cyan(siteLocation(site))}  ${failure}  ${site.from ?? '-'}`),
  ];
  if (shown.length < failing.length) lines.push(`  ... and ${failing.length - shown.length} more (--verbose lists them all)`);
  return `${lines.join('\n')}\n`;
}

/** The decisions line, and the stale entries when there are any; nothing for a run with no decisions file and nothing to decide. */
function decisionLines(decisions: DecisionsSummary | undefined, c: Colors): string[] {
  if (!decisions || (decisions.files.length === 0 && decisions.undecided === 0)) return [];
  const where = decisions.files.length > 0 ? decisions.files.join(', ') : 'no decisions file yet';
  const lines = [
    `${c.bold('Decisions:')} ${decisions.keep} kept, ${decisions.upgrade} upgrade, ${decisions.undecided} undecided (${where})`,
  ];
  const { stale } = decisions;
  if (stale.length > 0) {
    const named = stale.slice(0, SAMPLE).map((entry) => `${entry.file} ${entry.from ?? entry.transform}`);
    const more = stale.length > SAMPLE ? `, +${stale.length - SAMPLE} more` : '';
    lines.push(
      `${c.bold('Stale decisions:')} ${stale.length} whose site is gone (${named.join(', ')}${more}); gpt55-codemod decide --prune removes them`,
    );
  }
  return lines;
}

/**
 * Site counts per workspace package, in code-unit order; empty unless the sites span more
 * than one package, so a single project's summary stays as it was.
 */
export function countsByPackage(sites: Site[]): Array<[string, StatusCounts]> {
  const byPackage = groupBy(sites, (site) => site.package ?? NO_PACKAGE);
  if (byPackage.size < 2) return [];
  return [...byPackage.keys()].sort().map((name) => [name, countStatuses(byPackage.get(name)!)]);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const listed = groups.get(name);
    if (listed) listed.push(item);
    else groups.set(name, [item]);
  }
  return groups;
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

function problemBlock(title: string, problems: FileError[], paint: (text: string) => string): string[] {
  if (problems.length === 0) return [];
  const where = (e: FileError): string => (e.line === null ? e.file : `${e.file}:${e.line}`);
  return ['', title, ...problems.map((e) => `${paint(where(e))}  ${e.message}`), ''];
}

/** One line per reason, largest group first: the count, the reason once, the first locations. */
function siteBlock(listed: (typeof LISTED)[number], sites: Site[], c: Colors): string[] {
  const open = sites.filter((site) => site.decision?.kind !== 'keep');
  const kept = sites.length - open.length;
  const keptNote = kept > 0 ? ` (${kept} kept by the decisions file)` : '';
  if (open.length === 0) return [`${c.bold(listed.title)}: none${keptNote}`];
  const groups = [...groupBy(open, (site) => site.reason)].sort(([, a], [, b]) => b.length - a.length);
  const width = String(groups[0]![1].length).length;
  return [
    `${c.bold(paint(c, listed.status, listed.title))} ${c.dim(`(${listed.note}${kept > 0 ? `; ${kept} more kept by the decisions file` : ''})`)}:`,
    ...groups.map(([reason, group]) => `  ${c.bold(String(group.length).padStart(width))}  ${reason}  ${sampleLocations(group, c)}`),
  ];
}

function sampleLocations(sites: Site[], c: Colors): string {
  const named = sites.slice(0, SAMPLE).map((site) => `${c.cyan(siteLocation(site))}${site.from ? ` ${site.from}` : ''}`);
  const more = sites.length > SAMPLE ? `, +${sites.length - SAMPLE} more` : '';
  return `(${named.join(', ')}${more})`;
}

/** What `decide` recorded, refused, did not find and pruned. */
export function renderDecided(outcome: DecideOutcome, verdict: Verdict | null): string {
  const lines: string[] = [];
  const { recorded, refused, unmatched, pruned } = outcome;
  if (verdict) {
    const named = recorded.slice(0, 3).map((site) => `${siteLocation(site)} ${site.from ?? site.transform}`);
    const more = recorded.length > 3 ? `, +${recorded.length - 3} more` : '';
    lines.push(
      recorded.length > 0
        ? `${outcome.file}: ${verdict} recorded for ${recorded.length} site(s) (${named.join(', ')}${more})`
        : `${outcome.file}: no site to record ${verdict} for`,
    );
  }
  for (const { site, why } of refused)
    lines.push(`not recorded: ${siteLocation(site)} ${site.from ?? '-'}: ${verdict} would not take (${why})`);
  for (const selector of unmatched) lines.push(`no site at ${selector}`);
  if (pruned.length > 0)
    lines.push(
      `${outcome.file}: removed ${pruned.length} stale decision(s) (${pruned.map((p) => `${p.file} ${p.from ?? p.transform}`).join(', ')})`,
    );
  else if (!verdict) lines.push(`${outcome.file}: no stale decision`);
  return `${lines.join('\n')}\n`;
}
