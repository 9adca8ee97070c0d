/** Argument parsing and exit codes; everything else lives in the runner and the reports. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './policy/config.js';
import { DEFAULT_EXTENSIONS } from './languages/index.js';
import { findTransform, TRANSFORMS } from './registry.js';
import { renderJson, readReport } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import { mergeReports } from './report/merge.js';
import { buildReport, VERSION, type FileChange, type Report, type RunResult } from './report/model.js';
import { renderSarif } from './report/sarif.js';
import { renderSummary } from './report/text.js';
import { renderPatch, unifiedDiff } from './report/diff.js';
import { displayPath, UsageError } from './runner/files.js';
import { outputTarget, writeOutput } from './runner/outputs.js';
import { run } from './runner/run.js';
import { defaultWorkers } from './runner/pool.js';
import { ProgressBar } from './runner/progress.js';

export const HELP = `gpt55-codemod ${VERSION}: upgrade code that calls the OpenAI API from GPT-5.4 to GPT-5.5

Usage:
  gpt55-codemod <transform|upgrade> [paths...] [options]
  gpt55-codemod list
  gpt55-codemod merge-reports <a.json> <b.json>... [--report <file>]

Commands:
  upgrade                 run every transform, in order, in one pass
                            gpt55-codemod upgrade .
  <transform>             run one transform (also transforms/<name> or its file path)
                            gpt55-codemod transforms/model-slug src --dry
  list                    print the transforms with their descriptions
                            gpt55-codemod list
  merge-reports           combine JSON reports from shards or repositories
                            gpt55-codemod merge-reports shard-1.json shard-2.json --report all.md

Paths default to "."; files, folders and globs ("packages/*/src") are accepted.

Options:
  -d, --dry               write nothing; print a unified diff per changed file and the summary
                            gpt55-codemod upgrade src --dry
      --json              print the JSON report on stdout instead of diffs and summary
                            gpt55-codemod upgrade . --dry --json > report.json
      --report <file>     also write the report; format by extension: .json, .md, .sarif
                            gpt55-codemod upgrade . --report gpt55.sarif
      --patch <file>      write all changes as one unified diff for git apply (writes nothing else)
                            gpt55-codemod upgrade . --patch gpt55.patch && git apply gpt55.patch
      --all               upgrade all model usage: pinned-context sites and older families too
                          (never dated snapshots, mini/nano, fine-tunes or third-party models)
                            gpt55-codemod model-slug src --all
      --preserve-effort   where an upgraded request sets no reasoning effort, add effort none
                          (GPT-5.4's default) in its API's spelling; requests blocked only for
                          temperature / top_p / logprobs are then upgraded too
                            gpt55-codemod upgrade src --preserve-effort --dry
      --add-retention     add prompt_cache_retention "24h" to GPT-5.5 requests that do not set it,
                          where the nearest manifest's SDK version knows the field
                            gpt55-codemod prompt-cache-retention src --add-retention --dry
      --config <file>     config file (default: gpt55-codemod.config.yaml found walking up)
                            gpt55-codemod upgrade . --config ci/gpt55.yaml
      --force             write into a git work tree that has uncommitted changes
                            gpt55-codemod upgrade src --force
      --check             write nothing; exit 1 if any site would be upgraded, needs
                          confirmation or is blocked (a CI gate)
                            gpt55-codemod upgrade . --check
      --workers <n>       worker threads (default: cores minus one, at least one)
                            gpt55-codemod upgrade . --workers 4
      --file-timeout <s>  seconds one file may take to parse and transform before it is
                          reported as an error and left untouched (default 10; 0: no limit)
                            gpt55-codemod upgrade . --file-timeout 30
      --shard <k/n>       process only shard k of n (deterministic; merge the JSON reports)
                            gpt55-codemod upgrade . --shard 2/4 --json > shard-2.json
      --extensions <list> only these extensions (comma-separated; .env for env files)
                            gpt55-codemod upgrade . --extensions ts,tsx,py
      --ignore-pattern <glob>  skip matching paths (repeatable)
                            gpt55-codemod upgrade . --ignore-pattern "legacy/**"
      --no-gitignore      also look at files that .gitignore excludes
                            gpt55-codemod upgrade . --no-gitignore
      --quiet             print only errors (and the report where asked)
                            gpt55-codemod upgrade . --quiet --report gpt55.json
      --verbose           also list every site, upgraded ones included
                            gpt55-codemod upgrade . --dry --verbose
  -h, --help              this text
  -v, --version           the version

Exit codes: 0 done; 1 some file failed (parse error, unreadable, verify failed) or
--check found work; 2 bad usage or config.
`;

const OPTIONS = {
  dry: { type: 'boolean', short: 'd' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  patch: { type: 'string' },
  all: { type: 'boolean' },
  'preserve-effort': { type: 'boolean' },
  'add-retention': { type: 'boolean' },
  config: { type: 'string' },
  force: { type: 'boolean' },
  check: { type: 'boolean' },
  workers: { type: 'string' },
  'file-timeout': { type: 'string' },
  shard: { type: 'string' },
  extensions: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Flags = ReturnType<typeof parseFlags>['values'];

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

function parseShard(value: string | undefined): { index: number; count: number } | null {
  if (value === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${value}: expected k/n with 1 <= k <= n`);
  return { index, count };
}

function parseFileTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--file-timeout ${value}: expected a number of seconds (0: no limit)`);
  return Math.round(seconds * 1000);
}

function parseWorkers(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers ${value}: expected a whole number of at least 1`);
  return n;
}

const RENDERERS: Array<[string, (report: Report) => string]> = [
  ['.json', renderJson],
  ['.md', renderMarkdown],
  ['.sarif', renderSarif],
];

/** The renderer --report's extension names; checked before the run so a typo costs nothing. */
function reportRenderer(file: string): (report: Report) => string {
  const found = RENDERERS.find(([ext]) => file.endsWith(ext));
  if (!found) throw new UsageError(`--report ${file}: the extension must be .json, .md or .sarif`);
  return found[1];
}

function reportTarget(flags: Flags, cwd: string, inputs: string[]): { path: string; render: (report: Report) => string } | null {
  if (!flags.report) return null;
  const render = reportRenderer(flags.report);
  return { path: outputTarget(cwd, flags.report, '--report', inputs), render };
}

/** `ts`, `.ts`, `*.ts`, `env`: each must name a file kind the tool reads. */
function parseExtensions(value: string | undefined): string[] {
  const known = new Set(DEFAULT_EXTENSIONS.map(bareExtension));
  const list = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const unknown = list.filter((e) => !known.has(bareExtension(e)));
  if (unknown.length > 0) {
    throw new UsageError(`--extensions: no adapter reads ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  return list;
}

function bareExtension(ext: string): string {
  return ext.replace(/^\*?\./, '').replace(/\.\*$/, '');
}

interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour and progress only on a terminal. */
  tty: boolean;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: process.stdout.isTTY === true,
});

function resolveTransforms(command: string): string[] {
  if (command === 'upgrade') return TRANSFORMS.map((t) => t.name);
  const transform = findTransform(command);
  if (!transform) {
    throw new UsageError(`unknown transform "${command}" (known: ${TRANSFORMS.map((t) => t.name).join(', ')}; or upgrade, list, merge-reports)`);
  }
  return [transform.name];
}

function mergeCommand(files: string[], flags: Flags, io: Io): number {
  if (files.length === 0) throw new UsageError('merge-reports needs at least one JSON report');
  const reportFile = reportTarget(flags, io.cwd, []);
  const reports = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch {
      throw new UsageError(`${file}: cannot read`);
    }
    try {
      return readReport(text, file);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const merged = mergeReports(reports);
  if (reportFile) writeOutput(reportFile.path, reportFile.render(merged), '--report');
  if (flags.json || !reportFile) io.stdout(renderJson(merged));
  return 0;
}

function print(result: RunResult, report: Report, flags: Flags, io: Io): void {
  if (flags.json) {
    io.stdout(renderJson(report));
    return;
  }
  if (flags.quiet) {
    for (const e of report.errors) io.stderr(`${e.file}${e.line ? `:${e.line}` : ''}  ${e.message}\n`);
    return;
  }
  if (flags.dry) for (const change of result.changes) io.stdout(unifiedDiff(change, { color: io.tty }));
  if (flags.verbose) {
    for (const s of report.sites) io.stdout(`${s.file}:${s.line}:${s.column}  ${s.status}  ${s.from} -> ${s.to ?? '(none)'}  ${s.reason}\n`);
  }
  io.stdout(renderSummary(report, { color: io.tty }));
}

function exitCode(report: Report, flags: Flags): number {
  if (report.summary.filesErrored > 0) return 1;
  const { sites } = report.summary;
  if (flags.check && sites.upgraded + sites['confirmation-needed'] + sites.blocked > 0) return 1;
  return 0;
}

/** Paths as given; an empty one (an unset shell variable) would silently mean the current directory. */
function inputPaths(positionals: string[]): string[] {
  if (positionals.some((p) => p.trim() === '')) throw new UsageError('an empty path was given (an unset variable?); name the paths to upgrade, or "." for the current directory');
  return positionals.length > 0 ? positionals : ['.'];
}

/**
 * The patch, each path relative to its repository top, where `git apply` reads paths from
 * (from a subfolder too); one repository per patch, so one `git apply` applies all of it.
 */
function repositoryPatch(changes: FileChange[], cwd: string): string {
  const tops = new Set(changes.map((change) => change.top));
  if (tops.size > 1) {
    const names = [...tops].map((top) => (top === null ? '(no repository)' : displayPath(cwd, top)));
    throw new UsageError(`--patch: the changes span ${tops.size} repositories (${names.join(', ')}); run once per repository`);
  }
  const outside = changes.find((change) => change.top === null && change.repoPath.startsWith('../'));
  if (outside) throw new UsageError(`--patch: ${outside.file} is outside the current directory and any repository; run from a folder above it`);
  return renderPatch(changes.map((change) => ({ file: change.repoPath, before: change.before, after: change.after })));
}

/** Writes --patch and --report; once target files were written, a failure here is exit 1, not a usage error. */
function writeOutputs(result: RunResult, report: Report, targets: { patch: string | null; report: ReturnType<typeof reportTarget> }, io: Io, wrote: boolean): boolean {
  try {
    if (targets.patch) writeOutput(targets.patch, repositoryPatch(result.changes, io.cwd), '--patch');
    if (targets.report) writeOutput(targets.report.path, targets.report.render(report), '--report');
    return true;
  } catch (err) {
    if (!wrote || !(err instanceof UsageError)) throw err;
    io.stderr(`gpt55-codemod: ${err.message}\n`);
    return false;
  }
}

async function runCommand(command: string, positionals: string[], flags: Flags, io: Io): Promise<number> {
  const transforms = resolveTransforms(command);
  const inputs = inputPaths(positionals);
  const reportFile = reportTarget(flags, io.cwd, inputs);
  const patchFile = flags.patch ? outputTarget(io.cwd, flags.patch, '--patch', inputs) : null;
  const extensions = parseExtensions(flags.extensions);
  const shard = parseShard(flags.shard);
  const workers = parseWorkers(flags.workers) ?? defaultWorkers();
  const fileTimeoutMs = parseFileTimeout(flags['file-timeout']);
  const quietOutput = flags.json === true || flags.quiet === true || !io.tty;
  const progress = quietOutput ? null : new ProgressBar(io.stderr);
  const write = !flags.dry && !flags.check && !flags.patch;
  const result = await run({
    cwd: io.cwd,
    inputs,
    transforms,
    all: flags.all === true,
    preserveEffort: flags['preserve-effort'] === true,
    addRetention: flags['add-retention'] === true,
    configPath: flags.config ?? null,
    write,
    force: flags.force === true,
    extensions,
    ignorePatterns: flags['ignore-pattern'] ?? [],
    gitignore: flags['no-gitignore'] !== true,
    shard,
    workers,
    fileTimeoutMs,
    onFile: progress ? (done, total, changed) => progress.update(done, total, changed) : undefined,
    warn: (message) => {
      if (!flags.quiet && !flags.json) io.stderr(`warning: ${message}\n`);
    },
  });
  progress?.finish();
  const report = buildReport(result);
  const written = writeOutputs(result, report, { patch: patchFile, report: reportFile }, io, write && result.filesChanged > 0);
  print(result, report, flags, io);
  return written ? exitCode(report, flags) : 1;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const { values: flags, positionals } = parseFlags(argv);
    if (flags.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (flags.help || !command) {
      (command || flags.help ? io.stdout : io.stderr)(HELP);
      return flags.help ? 0 : 2;
    }
    if (command === 'list') {
      for (const t of TRANSFORMS) io.stdout(`${t.name.padEnd(24)}${t.description}\n`);
      return 0;
    }
    if (command === 'merge-reports') return mergeCommand(rest, flags, io);
    return await runCommand(command, rest, flags, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr(`gpt55-codemod: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
