/** Argument parsing and exit codes; everything else lives in the runner and the reports. */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './policy/config.js';
import { VERDICTS, type Verdict } from './policy/decisions.js';
import { DEFAULT_EXTENSIONS } from './languages/index.js';
import { findTransform, TRANSFORMS } from './registry.js';
import { renderHtml, type HtmlInput } from './report/html.js';
import { renderJson, readReport } from './report/json.js';
import { readChecklist, renderMarkdown } from './report/markdown.js';
import { mergeReports } from './report/merge.js';
import { HELP } from './help.js';
import { buildReport, gateFailure, VERSION, type FileChange, type Report, type RunResult } from './report/model.js';
import { renderSarif } from './report/sarif.js';
import { renderCheck, renderDecided, renderSiteList, renderSummary } from './report/text.js';
import { renderPatch, unifiedDiff } from './report/diff.js';
import { decide, decidedBy, type Selection } from './runner/decide.js';
import { displayPath, UsageError } from './runner/files.js';
import { outputTarget, writeOutput } from './runner/outputs.js';
import { run, type RunRequest } from './runner/run.js';
import { defaultWorkers } from './runner/pool.js';
import { ProgressBar } from './runner/progress.js';

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
  'all-current': { type: 'boolean' },
  reason: { type: 'string' },
  'from-checklist': { type: 'string' },
  note: { type: 'string' },
  by: { type: 'string' },
  prune: { type: 'boolean' },
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
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--file-timeout ${value}: expected a number of seconds (0: no limit)`);
  return Math.round(seconds * 1000);
}

function parseWorkers(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers ${value}: expected a whole number of at least 1`);
  return n;
}

type Renderer = (input: HtmlInput) => string;

const RENDERERS: Array<[string, Renderer]> = [
  ['.json', ({ report }) => renderJson(report)],
  ['.md', ({ report }) => renderMarkdown(report)],
  ['.sarif', ({ report }) => renderSarif(report)],
  ['.html', renderHtml],
];

/** The renderer --report's extension names; checked before the run so a typo costs nothing. */
function reportRenderer(file: string): Renderer {
  const found = RENDERERS.find(([ext]) => file.endsWith(ext));
  if (!found) throw new UsageError(`--report ${file}: the extension must be .json, .md, .sarif or .html`);
  return found[1];
}

interface ReportTarget {
  path: string;
  render: (report: Report, changes: FileChange[]) => string;
}

function reportTarget(flags: Flags, cwd: string, inputs: string[]): ReportTarget | null {
  if (!flags.report) return null;
  const renderer = reportRenderer(flags.report);
  const path = outputTarget(cwd, flags.report, '--report', inputs);
  // Links in the report lead from its own folder to the files, named relative to the current directory.
  const up = relative(dirname(path), cwd).split(sep).join('/');
  const links = up === '' ? '' : `${up}/`;
  return { path, render: (report, changes) => renderer({ report, changes, links }) };
}

/** `ts`, `.ts`, `*.ts`, `env`: each must name a file kind the tool reads. */
function parseExtensions(value: string | undefined): string[] {
  const known = new Set(DEFAULT_EXTENSIONS.map(bareExtension));
  const list = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
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
    throw new UsageError(
      `unknown transform "${command}" (known: ${TRANSFORMS.map((t) => t.name).join(', ')}; or upgrade, list, merge-reports, decide)`,
    );
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
  if (reportFile) writeOutput(reportFile.path, reportFile.render(merged, []), '--report');
  if (flags.json || !reportFile) io.stdout(renderJson(merged));
  return 0;
}

/** --verbose: how many of the files read each transform's prefilter let through to a parse. */
function prefilterLine(result: RunResult): string {
  const counts = Object.entries(result.prefiltered ?? {}).map(([name, count]) => `${name} ${count}`);
  return `prefilters let through, of ${result.filesScanned} files: ${counts.join(', ')}\n`;
}

function print(result: RunResult, report: Report, flags: Flags, io: Io): void {
  if (flags.verbose) io.stderr(prefilterLine(result));
  if (flags.json) {
    io.stdout(renderJson(report));
    return;
  }
  if (flags.quiet) {
    for (const e of report.errors) io.stderr(`${e.file}${e.line ? `:${e.line}` : ''}  ${e.message}\n`);
    return;
  }
  if (flags.dry) for (const change of result.changes) io.stdout(unifiedDiff(change, { color: io.tty }));
  if (flags.verbose) io.stdout(renderSiteList(report));
  io.stdout(renderSummary(report, { color: io.tty }));
  if (flags.check) io.stdout(renderCheck(report, { color: io.tty, verbose: flags.verbose === true }));
}

/** --check fails on sites that are upgradable, blocked or undecided; a stale decision is reported, not failed. */
function exitCode(report: Report, flags: Flags): number {
  if (report.summary.filesErrored > 0) return 1;
  if (flags.check && report.sites.some((site) => gateFailure(site) !== null)) return 1;
  return 0;
}

/** Paths as given; an empty one (an unset shell variable) would silently mean the current directory. */
function inputPaths(positionals: string[]): string[] {
  if (positionals.some((p) => p.trim() === ''))
    throw new UsageError('an empty path was given (an unset variable?); name the paths to upgrade, or "." for the current directory');
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
  if (outside)
    throw new UsageError(`--patch: ${outside.file} is outside the current directory and any repository; run from a folder above it`);
  return renderPatch(changes.map((change) => ({ file: change.repoPath, before: change.before, after: change.after })));
}

/** Writes --patch and --report; once target files were written, a failure here is exit 1, not a usage error. */
function writeOutputs(
  result: RunResult,
  report: Report,
  targets: { patch: string | null; report: ReturnType<typeof reportTarget> },
  io: Io,
  wrote: boolean,
): boolean {
  try {
    if (targets.patch) writeOutput(targets.patch, repositoryPatch(result.changes, io.cwd), '--patch');
    if (targets.report) writeOutput(targets.report.path, targets.report.render(report, result.changes), '--report');
    return true;
  } catch (err) {
    if (!wrote || !(err instanceof UsageError)) throw err;
    io.stderr(`gpt55-codemod: ${err.message}\n`);
    return false;
  }
}

/** The run request the flags describe, for a run over `inputs` with `transforms`. */
function runRequest(flags: Flags, io: Io, inputs: string[], transforms: string[], write: boolean): RunRequest {
  return {
    cwd: io.cwd,
    inputs,
    transforms,
    all: flags.all === true,
    preserveEffort: flags['preserve-effort'] === true,
    addRetention: flags['add-retention'] === true,
    configPath: flags.config ?? null,
    write,
    force: flags.force === true,
    extensions: parseExtensions(flags.extensions),
    ignorePatterns: flags['ignore-pattern'] ?? [],
    gitignore: flags['no-gitignore'] !== true,
    shard: parseShard(flags.shard),
    workers: parseWorkers(flags.workers) ?? defaultWorkers(),
    fileTimeoutMs: parseFileTimeout(flags['file-timeout']),
    warn: (message) => {
      if (!flags.quiet && !flags.json) io.stderr(`warning: ${message}\n`);
    },
  };
}

async function runCommand(command: string, positionals: string[], flags: Flags, io: Io): Promise<number> {
  const transforms = resolveTransforms(command);
  const inputs = inputPaths(positionals);
  const reportFile = reportTarget(flags, io.cwd, inputs);
  const patchFile = flags.patch ? outputTarget(io.cwd, flags.patch, '--patch', inputs) : null;
  const quietOutput = flags.json === true || flags.quiet === true || !io.tty;
  const progress = quietOutput ? null : new ProgressBar(io.stderr);
  const write = !flags.dry && !flags.check && !flags.patch;
  const request = runRequest(flags, io, inputs, transforms, write);
  const result = await run({ ...request, onFile: progress ? (done, total, changed) => progress.update(done, total, changed) : undefined });
  progress?.finish();
  const report = buildReport(result);
  const written = writeOutputs(result, report, { patch: patchFile, report: reportFile }, io, write && result.filesChanged > 0);
  print(result, report, flags, io);
  return written ? exitCode(report, flags) : 1;
}

/** `file:line` names a site; anything else is a path to look in. */
const LOCATION = /^(.+):(\d+)$/;

/** Which sites `decide` is about, from its arguments; null with --prune alone. */
function decideSelection(flags: Flags, locations: string[], io: Io): Selection | null {
  const given = [
    locations.length > 0,
    flags.reason !== undefined,
    flags['all-current'] === true,
    flags['from-checklist'] !== undefined,
  ].filter(Boolean).length;
  if (given > 1) throw new UsageError('decide: name the sites one way: file:line, --reason, --all-current or --from-checklist');
  if (flags.reason !== undefined) {
    if (flags.reason.trim() === '') throw new UsageError('decide --reason: give some text of the reason');
    return { kind: 'reason', text: flags.reason };
  }
  if (flags['all-current']) return { kind: 'all-current' };
  const checklist = flags['from-checklist'];
  if (checklist !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, checklist), 'utf8');
    } catch {
      throw new UsageError(`--from-checklist ${checklist}: cannot read`);
    }
    return { kind: 'checklist', ticked: readChecklist(text) };
  }
  if (locations.length > 0)
    return { kind: 'locations', locations: locations.map((l) => ({ file: LOCATION.exec(l)![1]!, line: Number(LOCATION.exec(l)![2]) })) };
  return null;
}

async function decideCommand(positionals: string[], flags: Flags, io: Io): Promise<number> {
  const [first, ...rest] = positionals;
  const verdict = VERDICTS.includes(first as Verdict) ? (first as Verdict) : null;
  const args = verdict ? rest : positionals;
  const locations = args.filter((arg) => LOCATION.test(arg));
  const selection = decideSelection(flags, locations, io);
  const prune = flags.prune === true;
  if (!selection && !prune)
    throw new UsageError('decide: name the sites (file:line, --reason, --all-current or --from-checklist), or pass --prune');
  if (selection && !verdict && selection.kind !== 'checklist')
    throw new UsageError('decide: say keep or upgrade (gpt55-codemod decide keep src/agent.ts:12)');
  const inputs = inputPaths(args.filter((arg) => !LOCATION.test(arg)));
  const request = runRequest(
    { ...flags, all: false },
    io,
    inputs,
    TRANSFORMS.map((t) => t.name),
    false,
  );
  const decision = selection
    ? {
        verdict: verdict ?? 'upgrade',
        selection,
        by: decidedBy(flags.by),
        at: new Date().toISOString().slice(0, 10),
        ...(flags.note === undefined ? {} : { note: flags.note }),
      }
    : null;
  const outcome = await decide({ run: request, decision, prune });
  if (!flags.quiet) io.stdout(renderDecided(outcome, decision?.verdict ?? null));
  return outcome.unmatched.length > 0 || outcome.refused.length > 0 ? 1 : 0;
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
    if (command === 'decide') return await decideCommand(rest, flags, io);
    return await runCommand(command, rest, flags, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr(`gpt55-codemod: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
