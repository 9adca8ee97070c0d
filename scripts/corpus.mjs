#!/usr/bin/env node
/**
 * `npm run corpus -- <dir>... [--out <folder>] [--all] [--no-build]`: the real-code loop.
 * For each checkout it runs the built tool's `upgrade . --dry --json --patch` (with `--all`
 * when given), writes `<name>.json` and `<name>.patch` to the output folder (default: a new
 * temp folder, printed) and prints one table row: files scanned, sites per status, files
 * changed, changed files that no longer parse, whether a second run changes anything, and
 * the first run's seconds.
 *
 * The checkouts are only read. The patch is applied with `git apply` to a scratch copy of
 * the checkout (its files without .git, in a fresh `git init`, so the tool finds the same
 * repository top); the changed files are re-parsed there and the second run reads that
 * copy whole, because some decisions (computer-use handlers, SDK versions) look at other
 * files of the package.
 *
 * A changed file counts as broken when the parser that accepts its original text rejects
 * the new one; a file whose kind has no parser here (Python, Markdown, TOML, env), or whose
 * original text no parser here accepts, counts as not checked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as babelParse } from '@babel/parser';
import { parsePatch } from 'diff';
import { parse as jsoncParse } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'gpt55-codemod.js');
const STATUSES = ['upgraded', 'confirmation-needed', 'blocked', 'unknown'];

// ---------------------------------------------------------------------------------------
// Parsers, per extension: the first one that accepts the original text judges the new one
// ---------------------------------------------------------------------------------------

const babel = (plugins) => (text) =>
  babelParse(text, {
    sourceType: 'unambiguous',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    plugins: [...plugins, 'decorators-legacy'],
  });

function jsonc(text) {
  const errors = [];
  jsoncParse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new Error(`jsonc: ${errors.length} errors`);
}

function yamlDocuments(text) {
  const failed = parseAllDocuments(text).find((doc) => doc.errors?.length > 0);
  if (failed) throw failed.errors[0];
}

const JS = [babel(['jsx']), babel(['jsx', 'flow'])];
const TS = [babel(['typescript'])];
const JSON_KINDS = [JSON.parse, jsonc];

const PARSERS = {
  '.js': JS,
  '.jsx': JS,
  '.mjs': JS,
  '.cjs': JS,
  '.ts': TS,
  '.mts': TS,
  '.cts': TS,
  '.tsx': [babel(['typescript', 'jsx'])],
  '.json': JSON_KINDS,
  '.jsonc': JSON_KINDS,
  '.ipynb': JSON_KINDS,
  '.yaml': [yamlDocuments],
  '.yml': [yamlDocuments],
};

const accepts = (parser, text) => {
  try {
    parser(text);
    return true;
  } catch {
    return false;
  }
};

/** 'ok', 'broken', or 'unchecked' when no parser here accepts the original text. */
function parseVerdict(file, before, after) {
  const parser = (PARSERS[extname(file).toLowerCase()] ?? []).find((p) => accepts(p, before));
  if (!parser) return 'unchecked';
  return accepts(parser, after) ? 'ok' : 'broken';
}

// ---------------------------------------------------------------------------------------
// Running things
// ---------------------------------------------------------------------------------------

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return result;
}

/** One `upgrade . --dry --json` run in `cwd`; exit 1 (some file failed) still gives a report. */
function upgrade(cwd, extraArgs) {
  const started = performance.now();
  const result = run(process.execPath, [BIN, 'upgrade', '.', '--dry', '--json', ...extraArgs], cwd);
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`upgrade in ${cwd} exited ${result.status}: ${result.stderr.trim()}`);
  }
  return { json: result.stdout, report: JSON.parse(result.stdout), seconds };
}

/** The files a patch changes, relative to the repository top. */
function changedFiles(patchText) {
  // parsePatch('') gives one entry without names.
  return parsePatch(patchText)
    .filter((file) => file.newFileName)
    .map((file) => file.newFileName.replace(/^b\//, ''));
}

/** The checkout's files without .git (and node_modules, which the tool skips), as a fresh repository. */
function scratchCopy(dir) {
  const scratch = mkdtempSync(join(tmpdir(), `corpus-${basename(dir)}-`));
  const skipped = new Set([join(dir, '.git'), join(dir, 'node_modules')]);
  cpSync(dir, scratch, { recursive: true, filter: (source) => !skipped.has(source) });
  run('git', ['init', '--quiet'], scratch);
  return scratch;
}

function gitApply(scratch, patchFile) {
  const result = run('git', ['apply', '--whitespace=nowarn', patchFile], scratch);
  if (result.status !== 0) throw new Error(`git apply ${patchFile}: ${result.stderr.trim()}`);
}

// ---------------------------------------------------------------------------------------
// One repository
// ---------------------------------------------------------------------------------------

function examine(dir, name, out, toolArgs) {
  const patchFile = join(out, `${name}.patch`);
  const first = upgrade(dir, [...toolArgs, '--patch', patchFile]);
  writeFileSync(join(out, `${name}.json`), first.json);
  // The tool writes no patch when nothing changed.
  const patchText = existsSync(patchFile) ? readFileSync(patchFile, 'utf8') : '';
  if (!patchText) writeFileSync(patchFile, '');
  const files = changedFiles(patchText);
  const broken = [];
  let unchecked = 0;
  let secondRunChanged = 0;
  if (files.length > 0) {
    const scratch = scratchCopy(dir);
    try {
      gitApply(scratch, patchFile);
      for (const file of files) {
        const verdict = parseVerdict(file, readFileSync(join(dir, file), 'utf8'), readFileSync(join(scratch, file), 'utf8'));
        if (verdict === 'broken') broken.push(file);
        if (verdict === 'unchecked') unchecked += 1;
      }
      secondRunChanged = upgrade(scratch, toolArgs).report.summary.filesChanged;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const { summary } = first.report;
  return {
    name,
    files: summary.filesScanned,
    ...Object.fromEntries(STATUSES.map((status) => [status, summary.sites[status]])),
    changed: summary.filesChanged,
    errored: summary.filesErrored,
    broken,
    unchecked,
    secondRunChanged,
    seconds: first.seconds,
  };
}

// ---------------------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------------------

const COLUMNS = [
  ['repository', (r) => r.name],
  ['files', (r) => r.files],
  ['upgraded', (r) => r.upgraded],
  ['confirm', (r) => r['confirmation-needed']],
  ['blocked', (r) => r.blocked],
  ['unknown', (r) => r.unknown],
  ['changed', (r) => r.changed],
  ['no longer parse', (r) => r.broken.length],
  ['not checked', (r) => r.unchecked],
  ['2nd run changes', (r) => r.secondRunChanged],
  ['errored', (r) => r.errored],
  ['seconds', (r) => r.seconds.toFixed(1)],
];

const tableRow = (cells) => `| ${cells.join(' | ')} |`;

function printTable(rows) {
  console.log(tableRow(COLUMNS.map(([title]) => title)));
  console.log(tableRow(COLUMNS.map(() => '---')));
  for (const row of rows) console.log(tableRow(COLUMNS.map(([, cell]) => cell(row))));
  for (const row of rows.filter((r) => r.broken.length > 0)) {
    console.log(`${row.name}: no longer parse: ${row.broken.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, all: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run corpus -- <dir>... [--out <folder>] [--all] [--no-build]');
    process.exit(2);
  }
  const dirs = positionals.map((dir) => resolve(dir));
  const names = dirs.map((dir) => basename(dir));
  const twin = names.find((name, i) => names.indexOf(name) !== i);
  if (twin) throw new Error(`two checkouts are named ${twin}; their reports would overwrite each other`);
  return { dirs, names, out: values.out ? resolve(values.out) : null, all: values.all, build: !values['no-build'] };
}

function main() {
  const { dirs, names, out: given, all, build } = options();
  if (build && run('npm', ['run', 'build', '--silent'], ROOT).status !== 0) throw new Error('npm run build failed');
  const out = given ?? mkdtempSync(join(tmpdir(), 'gpt55-corpus-'));
  mkdirSync(out, { recursive: true });
  console.log(`reports and patches in ${out}${all ? ' (--all)' : ''}\n`);
  const toolArgs = all ? ['--all'] : [];
  printTable(dirs.map((dir, i) => examine(dir, names[i], out, toolArgs)));
}

main();
