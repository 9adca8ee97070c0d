/** One file: read, run the engine. Pure of writes, so it runs the same in a worker thread. */
import { dirname, resolve } from 'node:path';
import { globMatcher, type Config } from '../policy/config.js';
import { DecisionIndex, type DecisionsInRun, type SiteKey } from '../policy/decisions.js';
import { findTransform } from '../registry.js';
import type { Transform, TransformOptions } from '../transform.js';
import type { FileError, Site } from '../types.js';
import { prefiltered, processText, type EngineSettings } from './engine.js';
import { eachWithinBudget, OverBudget } from './budget.js';
import { readSource } from './io.js';
import { moduleReader } from './modules.js';
import { sdkVersionsFor } from './sdk-versions.js';

/** Settings that cross a worker boundary: plain data only. */
export interface RunSettings {
  transforms: string[];
  options: TransformOptions;
  config: Config;
  /** --file-timeout in milliseconds; 0: no budget. */
  fileTimeoutMs: number;
  decisions: DecisionsInRun;
}

/** The engine's settings, the decisions (which the runner turns into per-file settings) and the budget per file. */
export type ProcessSettings = EngineSettings & { decisions: DecisionIndex; fileTimeoutMs: number };

export interface FileJob {
  path: string;
  absolute: string;
  /** The path inside its repository, for the policy's path rules. */
  policyPath: string;
}

export interface FileResult {
  path: string;
  absolute: string;
  /** Present when the file would change. */
  change?: { before: string; after: string };
  sites: Site[];
  errors: FileError[];
  /** Absent where the file was not processed. */
  warnings?: FileError[];
  failed: boolean;
  /** What identifies each site (by fingerprint), for `decide` to write down. */
  keys: Array<[string, SiteKey]>;
  /** Fingerprints of this file's decisions that no site matched (empty when the file failed: its sites are not known). */
  unmatched: string[];
  /** The transforms whose prefilter let the file through (for --verbose). */
  prefiltered: string[];
}

/**
 * Text that imports an Agents SDK, whose agents and run configs take the SDK's default
 * effort. Only such a file needs the project's SDK versions: reading them parses the
 * lockfile, which in a large monorepo costs about a second and 100 MB.
 */
const AGENTS_TEXT = /@openai\/agents|\bfrom\s+agents\b|\bimport\s+agents\b/;

export function engineSettings(settings: RunSettings): ProcessSettings {
  const transforms = settings.transforms.map((name) => {
    const transform = findTransform(name);
    if (!transform) throw new Error(`unknown transform ${name}`);
    return transform;
  });
  return fromTransforms(transforms, settings);
}

function fromTransforms(transforms: Transform[], settings: Omit<RunSettings, 'transforms'>): ProcessSettings {
  return {
    transforms,
    decisions: new DecisionIndex(settings.decisions),
    options: settings.options,
    excluded: globMatcher(settings.config.exclude, settings.config.root),
    pinned: globMatcher(settings.config.pinned, settings.config.root),
    fileTimeoutMs: settings.fileTimeoutMs,
  };
}

/** Each file's result in file order, a file over the budget as an error naming it. */
export function processFiles(jobs: readonly FileJob[], settings: ProcessSettings, onResult: (result: FileResult) => void): void {
  eachWithinBudget(
    settings.fileTimeoutMs,
    jobs,
    (job) => processFile(job, settings),
    (job, outcome) => onResult(outcome instanceof OverBudget ? overBudget(job, settings, outcome) : outcome),
  );
}

function emptyResult(job: FileJob): Omit<FileResult, 'sites' | 'errors' | 'failed'> {
  return { path: job.path, absolute: job.absolute, keys: [], unmatched: [], prefiltered: [] };
}

/** A stopped file is left untouched; it still counts for the transforms whose prefilter it passes (--verbose). */
function overBudget(job: FileJob, settings: ProcessSettings, err: OverBudget): FileResult {
  const read = readSource(job.absolute);
  const names = read.kind === 'text' ? prefiltered(job.path, read.text, settings.transforms).map((t) => t.name) : [];
  return {
    ...emptyResult(job),
    prefiltered: names,
    sites: [],
    errors: [{ file: job.path, line: null, message: err.message }],
    failed: true,
  };
}

/**
 * The folder of the repository holding the job's file: its path inside the repository,
 * taken off. A path that climbs (`../x.ts`, a file outside any repository) gives the
 * file's own folder.
 */
function repositoryRoot(job: FileJob): string {
  const segments = job.policyPath.split('/');
  if (segments.includes('..')) return dirname(job.absolute);
  return resolve(job.absolute, ...segments.map(() => '..'));
}

function processFile(job: FileJob, settings: ProcessSettings): FileResult {
  const base = emptyResult(job);
  const read = readSource(job.absolute);
  if (read.kind === 'skipped') {
    const errors = read.report ? [{ file: job.path, line: null, message: read.reason }] : [];
    return { ...base, sites: [], errors, failed: false };
  }
  if (read.kind === 'error') return { ...base, sites: [], errors: [{ file: job.path, line: null, message: read.message }], failed: true };
  // Most files of a tree pass no prefilter: with no decisions to miss either, there is
  // nothing to set up for them (SDK versions, the module reader, decision keys).
  const transforms = prefiltered(job.path, read.text, settings.transforms);
  if (!settings.decisions.any && transforms.length === 0) return { ...base, sites: [], errors: [], failed: false };
  // The project's SDK versions (per file: the nearest manifest) decide --add-retention and
  // the effort of Agents SDK requests; a file that names no agent needs none of them.
  const sdk = settings.options.addRetention || AGENTS_TEXT.test(read.text) ? sdkVersionsFor(job.absolute) : settings.sdk;
  const decisions = settings.decisions.forFile(job.absolute, read.text);
  const fileSettings: EngineSettings = {
    ...settings,
    sdk,
    modules: moduleReader(job.absolute, repositoryRoot(job)),
    verdictAt: decisions.verdictAt,
  };
  const outcome = processText(job.path, read.text, fileSettings, job.policyPath, transforms);
  const decided = decisions.annotate(outcome.sites);
  const result: FileResult = {
    ...base,
    ...decided,
    errors: outcome.errors,
    warnings: outcome.warnings,
    failed: outcome.failed,
    prefiltered: outcome.prefiltered,
  };
  if (outcome.failed) result.unmatched = [];
  if (outcome.newText !== null) result.change = { before: read.text, after: outcome.newText };
  return result;
}
