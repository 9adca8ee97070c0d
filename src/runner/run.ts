/**
 * A whole run: config, file list, processing, verification and writes. The only module
 * (with its helpers in this folder) that touches the target's file system.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, ConfigError, EMPTY_CONFIG, parseConfig, type Config } from '../policy/config.js';
import { initLanguages } from '../languages/index.js';
import type { FileChange, RunResult } from '../report/model.js';
import type { FileError, Site } from '../types.js';
import { displayPath, findFiles, inShard, UsageError } from './files.js';
import { unwritten } from './engine.js';
import { workTreeState } from './git.js';
import { writeAtomically } from './io.js';
import { processAll } from './pool.js';
import { engineSettings, type FileResult, type RunSettings } from './process.js';
import { workspacePackages } from './workspaces.js';

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
  /** Called for progress reporting after each file. */
  onFile?: (done: number, total: number, changed: number) => void;
  warn?: (message: string) => void;
}

/** The config named by --config, else the nearest gpt55-codemod.config.yaml above the first path. */
export function loadConfig(cwd: string, inputs: string[], explicit: string | null): Config {
  let file: string | null = null;
  if (explicit) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`${explicit}: config file not found`);
  } else {
    const start = resolve(cwd, inputs.find((p) => existsSync(resolve(cwd, p))) ?? '.');
    for (let dir = statSync(start).isDirectory() ? start : dirname(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, CONFIG_FILE))) {
        file = join(dir, CONFIG_FILE);
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!file) return EMPTY_CONFIG;
  const root = displayPath(cwd, dirname(file));
  return parseConfig(readFileSync(file, 'utf8'), displayPath(cwd, file), root === '.' ? '' : root);
}

function guardWorkTree(request: RunRequest): void {
  if (!request.write) return;
  const state = workTreeState(request.inputs, request.cwd);
  if (state.kind === 'not-git') request.warn?.('not a git work tree: changes will be written without a safety net');
  if (state.kind === 'dirty' && !request.force) {
    const listed = state.files.slice(0, 5).join(', ') + (state.files.length > 5 ? ', ...' : '');
    throw new UsageError(`uncommitted changes under the given paths (${listed}); commit or stash them, or pass --force`);
  }
}

export async function run(request: RunRequest): Promise<RunResult> {
  const config = loadConfig(request.cwd, request.inputs, request.configPath);
  guardWorkTree(request);
  const options = { all: request.all || config.upgradeAll, preserveEffort: request.preserveEffort === true, addRetention: request.addRetention === true };
  const settings: RunSettings = { transforms: request.transforms, options, config };
  const found = await findFiles(request.inputs, {
    cwd: request.cwd,
    extensions: request.extensions,
    ignorePatterns: request.ignorePatterns,
    gitignore: request.gitignore,
  });
  const packages = workspacePackages(found, request.cwd);
  const files = found.filter((f) => inShard(f.path, request.shard));
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
  return collect(results, request, packages);
}

/** Writes (when asked) and folds the per-file results into one RunResult, each site labelled with its package. */
function collect(results: FileResult[], request: RunRequest, packages: Map<string, string> | null): RunResult {
  const sites: Site[] = [];
  const errors: FileError[] = [];
  const changes: FileChange[] = [];
  let filesErrored = 0;
  for (const result of results) {
    let failed = result.failed;
    errors.push(...result.errors);
    if (result.change) {
      const problem = request.write ? write(result.absolute, result.change) : null;
      if (problem) {
        errors.push({ file: result.path, line: null, message: problem });
        failed = true;
      } else {
        changes.push({ file: result.path, ...result.change });
      }
    }
    // A file that could not be written keeps its sites, but none of them was upgraded.
    const kept = failed && result.change ? result.sites.map(unwritten) : result.sites;
    const label = packages?.get(result.absolute);
    sites.push(...(label === undefined ? kept : kept.map((site) => ({ ...site, package: label }))));
    if (failed) filesErrored++;
  }
  return { filesScanned: results.length, filesChanged: changes.length, filesErrored, sites, errors, changes };
}

/**
 * A read-only file is left as it is and reported: the atomic rename would replace it
 * regardless of its mode, which is not what a read-only file asks for.
 */
function write(absolute: string, change: { before: string; after: string }): string | null {
  return readOnly(absolute) ? 'read-only; not written' : writeAtomically(absolute, change.before, change.after);
}

function readOnly(absolute: string): boolean {
  try {
    accessSync(absolute, constants.W_OK);
    // access() lets root write anything; a file with no write bit is still meant to stay as it is.
    return (statSync(absolute).mode & 0o222) === 0;
  } catch (err) {
    // A file that vanished is not read-only: the write reports it.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
