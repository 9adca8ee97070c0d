/**
 * A whole run: config, file list, processing, verification and writes. The only module
 * (with its helpers in this folder) that touches the target's file system.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, ConfigError, EMPTY_CONFIG, parseConfig, type Config } from '../policy/config.js';
import { DECISIONS_FILE, parseDecisions, type Decisions, type SiteKey } from '../policy/decisions.js';
import { initLanguages } from '../languages/index.js';
import type { FileChange, RunDecisions, RunResult, StaleDecision } from '../report/model.js';
import type { FileError, Site } from '../types.js';
import { displayPath, findFiles, inShard, UsageError, type Found, type FoundFile } from './files.js';
import { unwritten } from './engine.js';
import { workTreeState } from './git.js';
import { readSource, removeLeftover, writeAtomically, writeRefusal } from './io.js';
import { processAll } from './pool.js';
import { engineSettings, type FileResult, type RunSettings } from './process.js';
import { workspacePackages } from './workspaces.js';

export const DEFAULT_FILE_TIMEOUT_MS = 10_000;

export interface RunRequest {
  cwd: string;
  inputs: string[];
  transforms: string[];
  all: boolean;
  /** --preserve-effort and --add-retention. */
  preserveEffort?: boolean;
  addRetention?: boolean;
  configPath: string | null;
  /** Write the changes (false for --dry, --check, --json-only and --patch runs). */
  write: boolean;
  force: boolean;
  extensions: string[];
  ignorePatterns: string[];
  gitignore: boolean;
  shard: { index: number; count: number } | null;
  workers: number;
  /** --file-timeout in milliseconds (default 10 s); 0: no budget. */
  fileTimeoutMs?: number;
  /** Called for progress reporting after each file. */
  onFile?: (done: number, total: number, changed: number) => void;
  warn?: (message: string) => void;
  /** Only these files (absolute) of the ones found: `decide` looks at the files it was pointed at. */
  only?: string[];
  /** A pinned file's values each on their own line (`decide` looks for one named by its line). */
  eachPin?: boolean;
  /** Decisions to honour instead of the decisions file's (`decide` checks what it is about to write). */
  decisions?: Decisions;
}

/** The folder of the first path that exists (the current directory when none does): where the config search starts. */
function firstFolder(cwd: string, inputs: string[]): string {
  const start = resolve(cwd, inputs.find((p) => existsSync(resolve(cwd, p))) ?? '.');
  return statSync(start).isDirectory() ? start : dirname(start);
}

/** The config named by --config, else the nearest gpt55-codemod.config.yaml above the first path; null when there is none. */
function configFile(cwd: string, inputs: string[], explicit: string | null): string | null {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`${explicit}: config file not found`);
    return file;
  }
  for (let dir = firstFolder(cwd, inputs); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return join(dir, CONFIG_FILE);
    if (dirname(dir) === dir) return null;
  }
}

export function loadConfig(cwd: string, file: string | null): Config {
  if (!file) return EMPTY_CONFIG;
  const root = displayPath(cwd, dirname(file));
  return parseConfig(readFileSync(file, 'utf8'), displayPath(cwd, file), root === '.' ? '' : root);
}

/** The decisions file: beside the config, else at the top of the first path. */
export function decisionsFile(cwd: string, inputs: string[], explicitConfig: string | null): string {
  const config = configFile(cwd, inputs, explicitConfig);
  return join(config ? dirname(config) : firstFolder(cwd, inputs), DECISIONS_FILE);
}

/** Reads the decisions file as a target file (bounded, links not followed); none yet is no decision. */
function readDecisions(absolute: string, name: string): { entries: Decisions; exists: boolean } {
  if (!existsSync(absolute)) return { entries: new Map(), exists: false };
  const read = readSource(absolute);
  if (read.kind !== 'text') throw new ConfigError(`${name}: ${read.kind === 'error' ? read.message : read.reason}`);
  return { entries: parseDecisions(read.text, name), exists: true };
}

async function guardWorkTree(request: RunRequest): Promise<void> {
  if (!request.write) return;
  const state = await workTreeState(request.inputs, request.cwd);
  if (state.kind === 'not-git') request.warn?.('not a git work tree: changes will be written without a safety net');
  if (state.kind === 'dirty' && !request.force) {
    throw new UsageError(`uncommitted changes under the given paths (${state.files.join(', ')}); commit or stash them, or pass --force`);
  }
}

/** Temp files of an interrupted run: a write run removes them, every run says so. */
function leftovers(found: Found, request: RunRequest): FileError[] {
  return found.leftovers.map((absolute) => {
    const problem = request.write ? removeLeftover(absolute) : 'a write run removes it';
    const message = `temp file left by an interrupted run; ${problem === null ? 'removed' : problem}`;
    return { file: displayPath(request.cwd, absolute), line: null, message };
  });
}

export async function run(request: RunRequest): Promise<RunResult> {
  const configPath = configFile(request.cwd, request.inputs, request.configPath);
  const config = loadConfig(request.cwd, configPath);
  const decisionsPath = decisionsFile(request.cwd, request.inputs, request.configPath);
  const decisionsName = displayPath(request.cwd, decisionsPath);
  const decided = readDecisions(decisionsPath, decisionsName);
  const entries = request.decisions ?? decided.entries;
  await guardWorkTree(request);
  const options = {
    all: request.all || config.upgradeAll,
    preserveEffort: request.preserveEffort === true,
    addRetention: request.addRetention === true,
    eachPin: request.eachPin === true,
  };
  const settings: RunSettings = {
    transforms: request.transforms,
    options,
    config,
    fileTimeoutMs: request.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    decisions: { root: dirname(decisionsPath), entries: [...entries] },
  };
  const found = findFiles(request.inputs, {
    cwd: request.cwd,
    extensions: request.extensions,
    ignorePatterns: request.ignorePatterns,
    gitignore: request.gitignore,
  });
  const packages = workspacePackages(found.files, request.cwd);
  const only = request.only ? new Set(request.only) : null;
  // The decisions file names models in its entries: it is the tool's, never a source to upgrade.
  const files = found.files.filter(
    (f) => f.absolute !== decisionsPath && inShard(f.path, request.shard) && (!only || only.has(f.absolute)),
  );
  await initLanguages(files.map((f) => f.path));

  const results: FileResult[] = [];
  let changed = 0;
  await processAll({
    files,
    workers: request.workers,
    settings,
    engine: engineSettings(settings),
    onResult: (result) => {
      if (result.change) changed++;
      results.push(result);
      request.onFile?.(results.length, files.length, changed);
    },
  });
  const aside = [...found.skipped.map(({ path, reason }) => ({ file: path, line: null, message: reason })), ...leftovers(found, request)];
  const collected = await collect(results, request, { packages, files: new Map(files.map((f) => [f.absolute, f])), aside });
  const where = { file: decisionsName, exists: decided.exists, root: dirname(decisionsPath), entries };
  return { ...collected, decisions: { ...where, ...decisionOutcome(results, where, request) } };
}

/**
 * Stale entries: of a transform in this run, about a file the run read without failing
 * and no site matched, or about a file that no longer exists. Entries of files the run did
 * not look at (another shard, another path, --extensions) are neither.
 */
function decisionOutcome(
  results: FileResult[],
  decisions: Pick<RunDecisions, 'root' | 'entries'>,
  request: RunRequest,
): Pick<RunDecisions, 'stale' | 'keys'> {
  const keys = new Map<string, SiteKey>(results.flatMap((result) => result.keys));
  const unmatched = new Set(results.flatMap((result) => result.unmatched));
  const running = new Set(request.transforms);
  const stale: StaleDecision[] = [];
  for (const [fingerprint, entry] of decisions.entries) {
    const absolute = resolve(decisions.root, entry.file);
    if (!running.has(entry.transform) || (!unmatched.has(fingerprint) && existsSync(absolute))) continue;
    const { transform, from, decision, code } = entry;
    stale.push({ fingerprint, file: displayPath(request.cwd, absolute), transform, from, decision, code });
  }
  return { stale, keys };
}

interface Collecting {
  packages: Map<string, string> | null;
  files: Map<string, FoundFile>;
  /** Skipped inputs and leftover temp files, reported before the files' own errors. */
  aside: FileError[];
}

/**
 * Writes (when asked) and folds the per-file results into one RunResult, each site labelled
 * with its package. A file a real run would refuse to write (read-only, a link, an owner it
 * cannot keep) is refused in every mode, so --dry and --patch show what a real run writes.
 */
async function collect(results: FileResult[], request: RunRequest, context: Collecting): Promise<RunResult> {
  const sites: Site[] = [];
  const errors: FileError[] = [...context.aside];
  const warnings: FileError[] = [];
  const changes: FileChange[] = [];
  const writes = new WriteLoop(request.write);
  let filesErrored = 0;
  try {
    for (const result of results) {
      let failed = result.failed;
      errors.push(...result.errors);
      warnings.push(...(result.warnings ?? []));
      if (result.change) {
        const problem = writeRefusal(result.absolute) ?? (await writes.write(result.absolute, result.change));
        if (problem) {
          errors.push({ file: result.path, line: null, message: problem });
          failed = true;
        } else {
          changes.push(fileChange(result, context.files.get(result.absolute)));
        }
      }
      // A file that could not be written keeps its sites, but none of them was upgraded.
      const kept = failed && result.change ? result.sites.map(unwritten) : result.sites;
      const label = context.packages?.get(result.absolute);
      sites.push(...(label === undefined ? kept : kept.map((site) => ({ ...site, package: label }))));
      if (failed) filesErrored++;
    }
  } finally {
    writes.close();
  }
  announceGitignored(changes, request);
  return {
    filesScanned: results.length,
    filesChanged: changes.length,
    filesErrored,
    sites,
    errors,
    warnings,
    changes,
    prefiltered: prefilterCounts(results, request),
  };
}

function prefilterCounts(results: FileResult[], request: RunRequest): Record<string, number> {
  const counts = Object.fromEntries(request.transforms.map((name) => [name, 0]));
  for (const result of results) for (const name of result.prefiltered) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

function fileChange(result: FileResult, found: FoundFile | undefined): FileChange {
  return {
    file: result.path,
    repoPath: found?.policyPath ?? result.path,
    top: found?.top ?? null,
    gitignored: found?.gitignored === true,
    ...result.change!,
  };
}

function announceGitignored(changes: FileChange[], request: RunRequest): void {
  const ignored = changes.filter((change) => change.gitignored).map((change) => change.file);
  if (ignored.length === 0) return;
  const listed = ignored.slice(0, 5).join(', ') + (ignored.length > 5 ? ', ...' : '');
  request.warn?.(
    `--no-gitignore: ${request.write ? 'wrote' : 'would write'} ${ignored.length} file(s) that .gitignore excludes (${listed})`,
  );
}

/**
 * Writes one file at a time, yielding between files so SIGINT / SIGTERM are seen between
 * writes rather than inside one: the run stops writing after the file it is on, leaving
 * every file either as it was or fully written and no temp file behind; the files not
 * written are errors, so the exit code is 1.
 */
class WriteLoop {
  private stopped: NodeJS.Signals | null = null;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.stopped = signal;
  };

  constructor(private readonly enabled: boolean) {
    if (!enabled) return;
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  async write(absolute: string, change: { before: string; after: string }): Promise<string | null> {
    if (!this.enabled) return null;
    await new Promise((resume) => setImmediate(resume));
    if (this.stopped) return `not written: the run was stopped (${this.stopped})`;
    return writeAtomically(absolute, change.before, change.after);
  }

  close(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
