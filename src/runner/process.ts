/** One file: read, run the engine. Pure of writes, so it runs the same in a worker thread. */
import { globMatcher, type Config } from '../policy/config.js';
import { findTransform } from '../registry.js';
import type { Transform, TransformOptions } from '../transform.js';
import type { FileError, Site } from '../types.js';
import { processText, type EngineSettings } from './engine.js';
import { OverBudget, withinBudget } from './budget.js';
import { readSource } from './io.js';
import { sdkVersionsFor } from './sdk-versions.js';

/** Settings that cross a worker boundary: plain data only. */
export interface RunSettings {
  transforms: string[];
  options: TransformOptions;
  config: Config;
  /** --file-timeout in milliseconds; 0: no budget. */
  fileTimeoutMs: number;
}

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
  failed: boolean;
}

export function engineSettings(settings: RunSettings): EngineSettings {
  const transforms = settings.transforms.map((name) => {
    const transform = findTransform(name);
    if (!transform) throw new Error(`unknown transform ${name}`);
    return transform;
  });
  return fromTransforms(transforms, settings);
}

function fromTransforms(transforms: Transform[], settings: Omit<RunSettings, 'transforms'>): EngineSettings {
  return {
    transforms,
    options: settings.options,
    excluded: globMatcher(settings.config.exclude, settings.config.root),
    pinned: globMatcher(settings.config.pinned, settings.config.root),
    guard: (work) => withinBudget(settings.fileTimeoutMs, work),
  };
}

export function processFile(job: FileJob, settings: EngineSettings): FileResult {
  const base = { path: job.path, absolute: job.absolute };
  const read = readSource(job.absolute);
  if (read.kind === 'skipped') {
    const errors = read.report ? [{ file: job.path, line: null, message: read.reason }] : [];
    return { ...base, sites: [], errors, failed: false };
  }
  if (read.kind === 'error') return { ...base, sites: [], errors: [{ file: job.path, line: null, message: read.message }], failed: true };
  // Only --add-retention reads the project's SDK versions; they are per file (nearest manifest).
  const fileSettings = settings.options.addRetention ? { ...settings, sdk: sdkVersionsFor(job.absolute) } : settings;
  let outcome;
  try {
    outcome = processText(job.path, read.text, fileSettings, job.policyPath);
  } catch (err) {
    if (!(err instanceof OverBudget)) throw err;
    return { ...base, sites: [], errors: [{ file: job.path, line: null, message: err.message }], failed: true };
  }
  const result: FileResult = { ...base, sites: outcome.sites, errors: outcome.errors, failed: outcome.failed };
  if (outcome.newText !== null) result.change = { before: read.text, after: outcome.newText };
  return result;
}
