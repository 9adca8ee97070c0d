/**
 * `gpt55-codemod decide`: writes keep / upgrade decisions into the decisions file for the
 * sites a dry run finds, and removes the entries whose site is gone. A decision the run
 * could not honour (an upgrade of a site the compatibility gate blocks or that has no
 * counterpart, a keep a transform cannot hold back) is checked by running again with it,
 * and left out rather than written.
 */
import { userInfo } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { DECISIONS_FILE, renderDecisions, type Decisions, type SiteKey, type Verdict } from '../policy/decisions.js';
import { type DecideOutcome, gateFailure } from '../report/model.js';
import type { TickedSite } from '../report/markdown.js';
import type { Site } from '../types.js';
import { displayPath, UsageError } from './files.js';
import { errorCode, writeNewFile } from './io.js';
import { run, type RunRequest } from './run.js';

export interface Location {
  file: string;
  line: number;
}

/** Which sites a decision is about. */
export type Selection =
  | { kind: 'locations'; locations: Location[] }
  | { kind: 'reason'; text: string }
  | { kind: 'all-current' }
  | { kind: 'checklist'; ticked: TickedSite[] };

export interface DecideRequest {
  /** The dry run that finds the sites (every transform, nothing written). */
  run: RunRequest;
  decision: { verdict: Verdict; selection: Selection; note?: string; by: string; at: string } | null;
  prune: boolean;
}

/** The sites a selection names, and the selectors that named none. */
/** A path given on the command line as the report names it. */
function reportPath(cwd: string, path: string): string {
  return displayPath(cwd, resolve(cwd, path));
}

function select(sites: Site[], selection: Selection, cwd: string): { chosen: Site[]; unmatched: string[] } {
  const file = (path: string): string => reportPath(cwd, path);
  switch (selection.kind) {
    case 'all-current':
      // What the gate fails on, except the tool's own upgrades: run those rather than keep them.
      return { chosen: sites.filter((site) => gateFailure(site) !== null && site.status !== 'upgraded'), unmatched: [] };
    case 'reason': {
      const text = selection.text.toLowerCase();
      return { chosen: sites.filter((site) => site.status !== 'upgraded' && site.reason.toLowerCase().includes(text)), unmatched: [] };
    }
    case 'locations':
      return byEach(
        selection.locations,
        (l) => `${l.file}:${l.line}`,
        (l) => sites.filter((s) => s.file === file(l.file) && s.line === l.line),
      );
    case 'checklist':
      return byEach(
        selection.ticked,
        (t) => `${t.file}:${t.line}:${t.column}`,
        (t) =>
          sites.filter((s) =>
            t.fingerprint ? s.fingerprint === t.fingerprint : s.file === file(t.file) && s.line === t.line && s.column === t.column,
          ),
      );
  }
}

function byEach<T>(selectors: T[], name: (selector: T) => string, find: (selector: T) => Site[]): { chosen: Site[]; unmatched: string[] } {
  const chosen = new Set<Site>();
  const unmatched: string[] = [];
  for (const selector of selectors) {
    const found = find(selector);
    if (found.length === 0) unmatched.push(name(selector));
    for (const site of found) chosen.add(site);
  }
  return { chosen: [...chosen], unmatched };
}

/** Who decides: the name given (--by), else the git author the environment names, else the OS user. */
export function decidedBy(given: string | undefined): string {
  if (given !== undefined && given.trim() !== '') return given.trim();
  const fromGit = process.env.GIT_AUTHOR_NAME ?? process.env.GIT_COMMITTER_NAME;
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Why the run would not honour `verdict` on a site as it now stands, or null when it would. */
function unhonoured(site: Site | undefined, verdict: Verdict): string | null {
  if (!site) return 'the site is gone in a run with the decision';
  if (verdict === 'upgrade' && site.catalog?.pins)
    return `it stands for the ${site.catalog.sites} pinned values of the file: run with --all to move the live ones, edit by hand, or decide keep`;
  if (verdict === 'upgrade' && site.catalog) return 'it stands for a whole catalog: edit the catalog by hand, or decide keep';
  if (verdict === 'upgrade' && site.status !== 'upgraded') return `it stays ${site.status}: ${site.reason}`;
  if (verdict === 'keep' && site.status === 'upgraded')
    return `the ${site.transform} transform cannot hold it back; add a gpt55-codemod-ignore comment instead`;
  return null;
}

/**
 * `sites` and, for locations inside a pinned file's one line but not on it, the value there:
 * run again on those files with each value on its own line, and add their keys to `keys`.
 * The line itself stands for the whole file; a value under it can be decided alone.
 */
async function withFoldedPins(request: RunRequest, sites: Site[], locations: Location[], keys: Map<string, SiteKey>): Promise<Site[]> {
  const file = (path: string): string => reportPath(request.cwd, path);
  const inside = locations.filter((l) =>
    sites.some((s) => s.catalog?.pins && s.file === file(l.file) && l.line > s.line && l.line <= s.catalog.lastLine),
  );
  if (inside.length === 0) return sites;
  const each = await run({ ...request, only: inside.map((l) => resolve(request.cwd, l.file)), eachPin: true });
  for (const [fingerprint, key] of each.decisions!.keys) keys.set(fingerprint, key);
  const named = each.sites.filter((s) => inside.some((l) => s.file === file(l.file) && s.line === l.line));
  return [...sites, ...named];
}

export async function decide(request: DecideRequest): Promise<DecideOutcome> {
  const { cwd } = request.run;
  const selection = request.decision?.selection;
  const only = selection?.kind === 'locations' ? selection.locations.map((l) => resolve(cwd, l.file)) : undefined;
  const result = await run({ ...request.run, only });
  const found = result.decisions!;
  const sites =
    selection?.kind === 'locations' ? await withFoldedPins(request.run, result.sites, selection.locations, found.keys) : result.sites;
  if (found.root.split(sep).includes('.git')) throw new UsageError(`${found.file}: inside a .git folder; run decide on the work tree`);
  const entries: Decisions = new Map(found.entries);
  const pruned = request.prune ? found.stale : [];
  for (const stale of pruned) entries.delete(stale.fingerprint);

  const outcome: DecideOutcome = { file: found.file, written: false, recorded: [], refused: [], unmatched: [], pruned };
  if (request.decision) {
    const { verdict, note, by, at } = request.decision;
    const { chosen, unmatched } = select(sites, request.decision.selection, cwd);
    outcome.unmatched = unmatched;
    for (const site of chosen) {
      const key = found.keys.get(site.fingerprint!)!;
      entries.set(site.fingerprint!, { ...key, decision: verdict, ...(note === undefined ? {} : { note }), by, at });
    }
    // Only a decision that changes what the run does can fail to take: check those.
    const doubtful = chosen.filter((site) => unhonoured(site, verdict) !== null);
    const recheck =
      doubtful.length === 0
        ? []
        : (await run({ ...request.run, only: doubtful.map((s) => resolve(cwd, s.file)), decisions: entries })).sites;
    for (const site of doubtful) {
      // A catalog's or pinned file's line is refused as it stands: the rerun would upgrade its first member alone.
      const why = unhonoured(site.catalog ? site : recheck.find((s) => s.fingerprint === site.fingerprint), verdict);
      if (why === null) continue;
      outcome.refused.push({ site, why });
      const previous = found.entries.get(site.fingerprint!);
      if (previous) entries.set(site.fingerprint!, previous);
      else entries.delete(site.fingerprint!);
    }
    const refused = new Set(outcome.refused.map((r) => r.site));
    outcome.recorded = chosen.filter((site) => !refused.has(site));
  }
  if (outcome.recorded.length > 0 || pruned.length > 0) {
    try {
      writeNewFile(join(found.root, DECISIONS_FILE), renderDecisions(entries));
    } catch (err) {
      throw new UsageError(`${found.file}: cannot write (${errorCode(err)})`);
    }
    outcome.written = true;
  }
  return outcome;
}
