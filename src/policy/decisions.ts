/**
 * The decisions file, `gpt55-codemod.decisions.json`: a person's `keep` or `upgrade` per
 * site, so a CI gate can pass today and still catch what is new (the way ESLint's bulk
 * suppressions work). A site is keyed by a fingerprint of its file, transform, model and
 * the code on and around its line, never the line number, so moved lines and edits
 * elsewhere in the file keep their decisions. Pure: the runner reads and writes the file.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Site, SiteDecision } from '../types.js';
import { ConfigError } from './config.js';
import { pinsTally } from './pins.js';

export const DECISIONS_FILE = 'gpt55-codemod.decisions.json';
const FORMAT_VERSION = 1;

export type Verdict = SiteDecision['kind'];
export const VERDICTS: readonly Verdict[] = ['keep', 'upgrade'];

/** What identifies a site, besides its fingerprint. */
export interface SiteKey {
  /** Relative to the decisions file's folder, `/` separators. */
  file: string;
  transform: string;
  from: string | null;
  /** The site's line, whitespace collapsed: matches the site when its neighbours changed, and tells a reviewer what was decided. */
  code: string;
}

export type DecisionEntry = SiteKey & { decision: Verdict; note?: string; by: string; at: string };

/** Entries by fingerprint. A Map: a key such as `__proto__` in a hostile file stays a key. */
export type Decisions = Map<string, DecisionEntry>;

/** The longest `code` kept: enough to recognise a line, bounded for minified files. */
const CODE_LIMIT = 200;

function normalize(line: string): string {
  return line.replace(/\s+/g, ' ').trim().slice(0, CODE_LIMIT);
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 20);
}

const isText = (value: unknown): value is string => typeof value === 'string';

const ENTRY_CHECKS: Record<string, (value: unknown) => boolean> = {
  file: isText,
  transform: isText,
  from: (value) => value === null || isText(value),
  code: isText,
  decision: (value) => VERDICTS.includes(value as Verdict),
  note: (value) => value === undefined || isText(value),
  by: isText,
  at: isText,
};

function entryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const fields = value as Record<string, unknown>;
  const bad = Object.keys(ENTRY_CHECKS).find((name) => !ENTRY_CHECKS[name]!(fields[name]));
  return bad === undefined ? null : `.${bad} is missing or has the wrong type`;
}

/** Reads a decisions file; anything but the shape it was written in is a config error naming the file. */
export function parseDecisions(text: string, name: string): Decisions {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${name}: not valid JSON: ${(err as Error).message}`);
  }
  const top = data as { version?: unknown; decisions?: unknown } | null;
  if (typeof top !== 'object' || top === null || top.version !== FORMAT_VERSION)
    throw new ConfigError(`${name}: expected {"version": 1, "decisions": {...}}`);
  if (typeof top.decisions !== 'object' || top.decisions === null || Array.isArray(top.decisions))
    throw new ConfigError(`${name}: "decisions" must be an object keyed by fingerprint`);
  const decisions: Decisions = new Map();
  for (const [fingerprint, value] of Object.entries(top.decisions)) {
    const problem = entryProblem(value);
    if (problem) throw new ConfigError(`${name}: decisions["${fingerprint}"]${problem.startsWith('.') ? '' : ' '}${problem}`);
    const { file, transform, from, code, decision, note, by, at } = value as DecisionEntry;
    decisions.set(fingerprint, { file, transform, from, code, decision, ...(note === undefined ? {} : { note }), by, at });
  }
  return decisions;
}

/** The file's text: entries sorted by file, then fingerprint, so a decision is a small diff in review. */
export function renderDecisions(decisions: Decisions): string {
  const sorted = [...decisions].sort(([a, x], [b, y]) => (x.file === y.file ? (a < b ? -1 : 1) : x.file < y.file ? -1 : 1));
  return `${JSON.stringify({ version: FORMAT_VERSION, decisions: Object.fromEntries(sorted) }, null, 2)}\n`;
}

/** The decision a site carries in reports. */
export function siteDecision(entry: DecisionEntry): SiteDecision {
  return { kind: entry.decision, ...(entry.note === undefined ? {} : { note: entry.note }), by: entry.by, at: entry.at };
}

/** One file's text as decisions see it: each line normalized, and which lines are one of a kind. */
class FileLines {
  private readonly raw: string[];
  /** Normalized on first use: a site reads its own line and its neighbours, not the whole file. */
  private readonly normalized: Array<string | undefined>;
  private counts: Map<string, number> | null = null;

  constructor(text: string) {
    this.raw = text.split('\n');
    this.normalized = new Array<string | undefined>(this.raw.length);
  }

  /** The normalized 0-based line `i`; '' past either end. */
  code(i: number): string {
    if (i < 0 || i >= this.raw.length) return '';
    return (this.normalized[i] ??= normalize(this.raw[i]!));
  }

  /** The nearest non-blank line before (step -1) or after (step 1) 1-based `line`. */
  neighbour(line: number, step: 1 | -1): string {
    for (let i = line - 1 + step; i >= 0 && i < this.raw.length; i += step) if (this.code(i) !== '') return this.code(i);
    return '';
  }

  unique(code: string): boolean {
    if (!this.counts) {
      this.counts = new Map();
      for (let i = 0; i < this.raw.length; i++) this.counts.set(this.code(i), (this.counts.get(this.code(i)) ?? 0) + 1);
    }
    return this.counts.get(code) === 1;
  }
}

/**
 * The decisions about one file. A site matches the entry with its fingerprint; failing that
 * (a neighbouring line was edited), the entry of its file, transform and model whose code is
 * its line, when no other line of the file reads the same.
 */
export class FileDecisions {
  private split: FileLines | null = null;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly entries: Array<[string, DecisionEntry]>,
  ) {}

  /** Split on first use: most files have no site. */
  private get lines(): FileLines {
    this.split ??= new FileLines(this.text);
    return this.split;
  }

  key(transform: string, from: string | null, line: number): { fingerprint: string; key: SiteKey } {
    const code = this.lines.code(line - 1);
    const context = [this.lines.neighbour(line, -1), code, this.lines.neighbour(line, 1)];
    return { fingerprint: hash([this.file, transform, from ?? '', ...context]), key: { file: this.file, transform, from, code } };
  }

  /**
   * A pinned file's line (src/policy/pins.ts) is keyed by its file, transform and tally alone
   * (sorted): its values may move and reorder, but one added or changed makes a new key.
   */
  private pinsKey(transform: string, from: string | null, tally: string[]): { fingerprint: string; key: SiteKey } {
    const code = `pins: ${[...tally].sort().join(', ')}`;
    return { fingerprint: hash([this.file, transform, code]), key: { file: this.file, transform, from, code } };
  }

  /** The entry deciding the site of `from` on `line`; with no transform, that of any transform (what the policy asks before a transform reports). */
  find(transform: string | null, from: string | null, line: number): [string, DecisionEntry] | undefined {
    const candidates = this.entries.filter(([, e]) => e.from === from && (transform === null || e.transform === transform));
    if (candidates.length === 0) return undefined;
    const exact = candidates.find(([fingerprint, e]) => this.key(e.transform, from, line).fingerprint === fingerprint);
    if (exact) return exact;
    const code = this.lines.code(line - 1);
    return this.lines.unique(code) ? candidates.find(([, e]) => e.code === code) : undefined;
  }

  /** The verdict on the model string `value` on `line`, for the policy. */
  readonly verdictAt = (line: number, value: string): Verdict | undefined => this.find(null, value, line)?.[1].decision;

  /**
   * The file's sites with their fingerprint and decision (a site found through its line
   * keeps its entry's fingerprint), their keys, and the fingerprints of this file's entries
   * that no site matched.
   */
  annotate(sites: Site[]): { sites: Site[]; keys: Array<[string, SiteKey]>; unmatched: string[] } {
    const matched = new Set<string>();
    const keys: Array<[string, SiteKey]> = [];
    const annotated = sites.map((site) => {
      const tally = site.catalog ? pinsTally(site.catalog) : [];
      const own = tally.length > 0 ? this.pinsKey(site.transform, site.from, tally) : this.key(site.transform, site.from, site.line);
      const found =
        tally.length > 0 ? this.entries.find(([fp]) => fp === own.fingerprint) : this.find(site.transform, site.from, site.line);
      const fingerprint = found?.[0] ?? own.fingerprint;
      keys.push([fingerprint, own.key]);
      if (!found) return { ...site, fingerprint };
      matched.add(found[0]);
      return { ...site, fingerprint, decision: siteDecision(found[1]) };
    });
    const unmatched = this.entries.map(([fingerprint]) => fingerprint).filter((fingerprint) => !matched.has(fingerprint));
    return { sites: annotated, keys, unmatched };
  }
}

/** Decisions as they cross to a worker thread: plain data. */
export interface DecisionsInRun {
  /** The folder of the decisions file, absolute: entry paths are relative to it. */
  root: string;
  entries: Array<[string, DecisionEntry]>;
}

/** The path of a file as the decisions file names it. */
export function decisionPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** Every entry, by the file it is about. */
export class DecisionIndex {
  private readonly byFile = new Map<string, Array<[string, DecisionEntry]>>();

  constructor(private readonly decisions: DecisionsInRun) {
    for (const pair of decisions.entries) {
      const list = this.byFile.get(pair[1].file);
      if (list) list.push(pair);
      else this.byFile.set(pair[1].file, [pair]);
    }
  }

  /** Whether any file has an entry. */
  get any(): boolean {
    return this.byFile.size > 0;
  }

  forFile(absolute: string, text: string): FileDecisions {
    const file = decisionPath(this.decisions.root, absolute);
    return new FileDecisions(file, text, this.byFile.get(file) ?? []);
  }
}
