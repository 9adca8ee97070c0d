#!/usr/bin/env node
/**
 * `npm run bench`: times `gpt55-codemod upgrade --dry --json` against jscodeshift running
 * one trivial string-replacing transform over the same TypeScript files of a synthetic
 * monorepo, and prints both medians, their ratio, our peak memory and our time on top of
 * a plain read of the same files. That time holds fixed costs (node start-up and module
 * imports, which a run on an empty folder shows alone; each parser's first load; warming
 * the JIT) and a cost per file. The per-file cost is printed too: the slope between this
 * monorepo and a quarter-size copy of it, where every fixed cost cancels out.
 *
 * It runs the built tool (bin/ imports dist/), so it builds first; `--no-build` skips
 * that when dist/ is current. Options: `--runs <n>` (default 5), `--keep` (leave the
 * generated monorepos in place and print their paths).
 *
 * Every run also times a generated model catalog (one TypeScript file of model objects
 * with ids, names, costs and context windows, plus one OpenAI call reading an entry) at
 * 2,000, 4,000 and 8,000 entries and prints the time per entry beyond an empty file's
 * run: flat when the work per site does not grow with the file.
 *
 * `--repo <dir>`: a real checkout instead of the synthetic monorepo. It times
 * `upgrade <dir> --dry --json` against `ast-grep run -p '"gpt-5.4"' <dir>` (one pattern,
 * every language ast-grep knows) over the same tree, alternating runs, and prints both
 * medians, the ratio and our peak memory. ast-grep is the one on PATH, else the platform
 * package (@ast-grep/cli-<platform>, which ships the binary with no install script)
 * installed on first use into a cache folder outside the project
 * (~/.cache/gpt55-codemod-bench); without either, only our side is timed.
 *
 * Peak memory: the tool's process is started with `--import` of a small module that
 * writes `process.resourceUsage().maxRSS` when the process exits. maxRSS is for the whole
 * process, so it includes worker threads; it needs nothing from the tool itself nor
 * /usr/bin/time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, homedir, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'gpt55-codemod.js');
const JSCODESHIFT = join(ROOT, 'node_modules', '.bin', 'jscodeshift');

const PACKAGES = 40;
const TS_FILES = 6000;
/** About one TypeScript file in this many calls OpenAI. */
const CALL_EVERY = 60;
const NODE_MODULES_PACKAGES = 150;
/** The second, smaller monorepo: every growing part at this fraction. */
const SMALL_SCALE = 0.25;
const NODE_MODULES_FILES_EACH = 80;

// ---------------------------------------------------------------------------------------
// A deterministic synthetic monorepo
// ---------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run builds the same tree. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let rand = random(55);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));

const NOUNS = [
  'invoice',
  'customer',
  'order',
  'ticket',
  'session',
  'report',
  'shipment',
  'account',
  'catalog',
  'review',
  'payment',
  'webhook',
];
const VERBS = ['load', 'save', 'format', 'validate', 'merge', 'resolve', 'normalize', 'schedule', 'sync', 'render'];
const cap = (word) => word[0].toUpperCase() + word.slice(1);

function helperFunction() {
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  return `export async function ${verb}${cap(noun)}${int(1, 99)}(input: ${cap(noun)}Input, options: Options = {}): Promise<${cap(noun)}> {
  const started = Date.now();
  if (!input.id) {
    throw new Error(\`${noun} without an id: \${JSON.stringify(input)}\`);
  }
  const normalized = { ...input, name: input.name?.trim() ?? "", tags: [...new Set(input.tags ?? [])] };
  const response = await fetch(\`\${options.baseUrl ?? "/api"}/${noun}s/\${encodeURIComponent(input.id)}\`, {
    method: "${pick(['GET', 'POST', 'PUT'])}",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(normalized),
  });
  if (!response.ok) {
    logger.warn("${verb} ${noun} failed", { status: response.status, elapsed: Date.now() - started });
    return { ...normalized, status: "failed" } as ${cap(noun)};
  }
  return (await response.json()) as ${cap(noun)};
}
`;
}

function typeBlock() {
  const noun = pick(NOUNS);
  return `export interface ${cap(noun)}Input {
  id: string;
  name?: string;
  tags?: string[];
  createdAt?: Date;
}

export interface ${cap(noun)} extends ${cap(noun)}Input {
  status: "active" | "archived" | "failed";
  owner: { id: string; email: string };
}
`;
}

function classBlock() {
  const noun = pick(NOUNS);
  return `export class ${cap(noun)}Cache<T extends { id: string }> {
  private readonly items = new Map<string, { value: T; expires: number }>();

  constructor(private readonly ttlMs = ${int(1, 60)} * 60_000) {}

  get(id: string): T | undefined {
    const entry = this.items.get(id);
    if (!entry || entry.expires < Date.now()) return undefined;
    return entry.value;
  }

  set(value: T): void {
    this.items.set(value.id, { value, expires: Date.now() + this.ttlMs });
  }
}
`;
}

function fillerModule() {
  const header = `import { logger } from "../lib/logger";\nimport type { Options } from "../lib/options";\n\n`;
  const blocks = [typeBlock()];
  for (let i = int(1, 4); i > 0; i--) blocks.push(rand() < 0.3 ? classBlock() : helperFunction());
  return header + blocks.join('\n');
}

/** The shapes OpenAI calls take in real code, each with a different site status. */
const CALL_SHAPES = [
  () => `import OpenAI from "openai";

const client = new OpenAI();

export async function summarize(text: string): Promise<string> {
  const response = await client.responses.create({
    model: "gpt-5.4",
    instructions: "Summarize the text in three bullet points.",
    input: text,
  });
  return response.output_text;
}
`,
  () => `import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function classify(ticket: string) {
  const completion = await openai.chat.completions.create({
    model: "gpt-5.4",
    temperature: 0.2,
    messages: [
      { role: "system", content: "Label the ticket as billing, bug or question." },
      { role: "user", content: ticket },
    ],
  });
  return completion.choices[0]?.message.content ?? "question";
}
`,
  () => `import { Agent, run } from "@openai/agents";

const researcher = new Agent({
  name: "Researcher",
  instructions: "Find the three most relevant documents and quote them.",
  model: "gpt-5.4",
});

export async function research(question: string) {
  const result = await run(researcher, question);
  return result.finalOutput;
}
`,
  () => `import OpenAI from "openai";

export const DEFAULT_MODEL = "gpt-5.4";
export const FALLBACK_MODEL = "gpt-5.4-mini";

const client = new OpenAI();

export async function draftReply(prompt: string, cheap = false) {
  const response = await client.responses.create({
    model: cheap ? FALLBACK_MODEL : DEFAULT_MODEL,
    reasoning: { effort: "low" },
    input: prompt,
  });
  return response.output_text;
}
`,
  () => `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";

export async function title(body: string) {
  const { text } = await generateText({
    model: openai("gpt-5.4"),
    prompt: \`Write a short title for: \${body}\`,
  });
  return text;
}
`,
  () => `import OpenAI from "openai";

const client = new OpenAI();

// Snapshot pinned for reproducible extraction results.
export const extract = (document: string) =>
  client.responses.create({ model: "gpt-5.4-2026-03-05", input: document });
`,
];

const TEST_SHAPE = () => `import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL } from "./model";

describe("model settings", () => {
  it("uses the pinned model", () => {
    expect(DEFAULT_MODEL).toBe("gpt-5.4");
  });
});
`;

function packageJson(name, extra = {}) {
  return `${JSON.stringify({ name, version: '1.0.0', private: true, ...extra }, null, 2)}\n`;
}

function pythonModule(calls) {
  if (!calls) {
    return `from dataclasses import dataclass


@dataclass
class Record:
    id: str
    score: float = 0.0


def top(records: list[Record], n: int = ${int(3, 10)}) -> list[Record]:
    return sorted(records, key=lambda r: r.score, reverse=True)[:n]
`;
  }
  return `from openai import OpenAI

client = OpenAI()


def answer(question: str) -> str:
    response = client.responses.create(
        model="gpt-5.4",
        input=question,
    )
    return response.output_text
`;
}

function markdownDoc(index) {
  const fence =
    index % 4 === 0 ? `\n\`\`\`ts\nconst response = await client.responses.create({ model: "gpt-5.4", input: "Hello" });\n\`\`\`\n` : '';
  return `# Runbook ${index}\n\nSteps to restart the ${pick(NOUNS)} service after a failed deploy.\n\n1. Check the dashboard.\n2. Roll back the release.\n${fence}`;
}

function promptYaml(index) {
  return `name: Ticket triage ${index}
description: Labels incoming support tickets
model: openai/gpt-5.4
modelParameters:
  max_completion_tokens: 400
messages:
  - role: system
    content: Label the ticket as billing, bug or question.
  - role: user
    content: "{{ticket}}"
`;
}

function writeTree(root, files) {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * Generates the monorepo; returns the number of TypeScript files that call OpenAI. `scale`
 * shrinks every part that grows with a real monorepo (packages, Python modules, docs,
 * prompts); the smaller copy measures what one more file costs, apart from fixed costs.
 */
function generate(root, scale = 1) {
  rand = random(55);
  const sized = (count) => Math.round(count * scale);
  const files = new Map();
  files.set('package.json', packageJson('acme-monorepo', { workspaces: ['packages/*', 'services/*'] }));
  files.set('.gitignore', 'node_modules/\ndist/\ncoverage/\n*.log\n');
  const perPackage = TS_FILES / PACKAGES;
  let calling = 0;
  for (let p = 0; p < sized(PACKAGES); p++) {
    const name = `pkg-${String(p).padStart(2, '0')}`;
    files.set(`packages/${name}/package.json`, packageJson(`@acme/${name}`, { dependencies: { openai: '^6.1.0' } }));
    files.set(`packages/${name}/tsconfig.json`, `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] }, null, 2)}\n`);
    files.set(`packages/${name}/README.md`, markdownDoc(p));
    for (let f = 0; f < perPackage; f++) {
      const n = p * perPackage + f;
      const folder = pick(['lib', 'services', 'handlers', 'utils', 'domain']);
      if (n % CALL_EVERY === 7) {
        calling++;
        const test = n % (CALL_EVERY * 6) === 7;
        files.set(
          `packages/${name}/src/${folder}/${test ? `model-${n}.test.ts` : `ai-${n}.ts`}`,
          test ? TEST_SHAPE() : pick(CALL_SHAPES)(),
        );
      } else {
        files.set(`packages/${name}/src/${folder}/${pick(NOUNS)}-${n}.ts`, fillerModule());
      }
    }
    for (let f = 0; f < 20; f++) files.set(`packages/${name}/dist/chunk-${f}.js`, `export const model = "gpt-5.4";\n`);
  }
  for (const service of ['ranker', 'summarizer']) {
    files.set(`services/${service}/pyproject.toml`, `[project]\nname = "${service}"\nversion = "0.3.0"\ndependencies = ["openai>=1.60"]\n`);
    for (let f = 0; f < sized(40); f++) files.set(`services/${service}/${service}/module_${f}.py`, pythonModule(f % 8 === 0));
  }
  for (let d = 0; d < sized(60); d++) files.set(`docs/runbooks/runbook-${d}.md`, markdownDoc(d));
  for (let y = 0; y < sized(20); y++) files.set(`prompts/triage-${y}.prompt.yml`, promptYaml(y));
  for (let w = 0; w < 8; w++)
    files.set(
      `.github/workflows/ci-${w}.yml`,
      `name: ci-${w}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n`,
    );
  files.set('config/models.json', `${JSON.stringify({ default: 'gpt-5.4', fallback: 'gpt-5.4-mini', judge: 'gpt-5.4' }, null, 2)}\n`);
  for (let m = 0; m < NODE_MODULES_PACKAGES; m++) {
    const dir = `node_modules/${m === 0 ? 'openai' : `dep-${m}`}`;
    files.set(`${dir}/package.json`, packageJson(m === 0 ? 'openai' : `dep-${m}`));
    for (let f = 0; f < NODE_MODULES_FILES_EACH; f++) {
      const ext = pick(['.js', '.d.ts', '.mjs', '.md', '.json']);
      files.set(`${dir}/lib/file-${f}${ext}`, ext === '.json' ? '{"model": "gpt-5.4"}\n' : `export const model = "gpt-5.4";\n`);
    }
  }
  writeTree(root, files);
  return calling;
}

// ---------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------

/** jscodeshift's side: replace string literals that equal the old slug (a real AST transform). */
const JSCODESHIFT_TRANSFORM = `module.exports = function replaceSlug(file, api) {
  const j = api.jscodeshift;
  return j(file.source)
    .find(j.StringLiteral, { value: "gpt-5.4" })
    .forEach((path) => { path.node.value = "gpt-5.5"; })
    .toSource();
};
`;

/** Records the process's peak resident set size (KB) when it exits. */
const MAX_RSS_PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

/** A plain read of the files the tool scans: list the tree (no node_modules, .git or dist) and read each one. */
const PLAIN_READ = `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const KINDS = /\\.(ts|py|md|ya?ml|json|toml)$/;
const SKIP = new Set(['node_modules', '.git', 'dist']);
const decoder = new TextDecoder();
let files = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) { if (!SKIP.has(entry.name)) walk(join(dir, entry.name)); }
    else if (KINDS.test(entry.name)) { decoder.decode(readFileSync(join(dir, entry.name))); files++; }
  }
}
walk(process.argv[2]);
console.log(files);
`;

function timed(command, args, options) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  if (result.status !== 0 && !(result.status === 1 && options?.allowExit1)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
  }
  return { ms, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

// ---------------------------------------------------------------------------------------
// A generated model catalog, doubled
// ---------------------------------------------------------------------------------------

const CATALOG_SIZES = [2000, 4000, 8000];
const CATALOG_IDS = ['gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-pro', 'gpt-4o', 'o3'];

function catalogFile(entries) {
  const lines = ['import OpenAI from "openai";', '', 'const client = new OpenAI();', ''];
  for (let i = 0; i < entries; i++) {
    const id = CATALOG_IDS[i % CATALOG_IDS.length];
    lines.push(
      `export const model${i} = { id: "${id}", name: "${id.toUpperCase()} entry ${i}", inputCost: ${(i % 7) + 0.25}, outputCost: ${(i % 11) + 1}, contextWindow: ${128_000 + (i % 4) * 64_000} };`,
    );
  }
  lines.push('', 'export const ask = (input: string) => client.responses.create({ model: model0.id, input });', '');
  return lines.join('\n');
}

/** Times the catalog at each size (median of `runs`) and prints the time per entry beyond an empty file's run. */
function catalogDoubling(work, runs, ours) {
  const folder = (name) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const empty = folder('catalog-0');
  writeFileSync(join(empty, 'catalog.ts'), catalogFile(0));
  const base = median(Array.from({ length: runs }, () => ours(empty).ms));
  console.log(
    `catalog: one TypeScript file of model objects, doubled (median of ${runs}; per entry beyond the ${seconds(base)} of a catalog with no entries, and per entry added since the size before)`,
  );
  let before = { entries: 0, ms: base };
  for (const entries of CATALOG_SIZES) {
    const dir = folder(`catalog-${entries}`);
    writeFileSync(join(dir, 'catalog.ts'), catalogFile(entries));
    const ms = median(Array.from({ length: runs }, () => ours(dir).ms));
    const perEntry = ((ms - base) / entries) * 1000;
    const added = ((ms - before.ms) / (entries - before.entries)) * 1000;
    console.log(
      `  ${String(entries).padStart(5)} entries  median ${seconds(ms)}  ${perEntry.toFixed(0)} µs per entry, ${added.toFixed(0)} µs per added entry`,
    );
    before = { entries, ms };
  }
}

// ---------------------------------------------------------------------------------------
// A real checkout against ast-grep
// ---------------------------------------------------------------------------------------

const AST_GREP_CACHE = join(homedir(), '.cache', 'gpt55-codemod-bench');

/** The platform package that ships ast-grep's binary without an install script. */
function astGrepPackage() {
  const os = platform();
  const suffix = os === 'linux' ? '-gnu' : os === 'win32' ? '-msvc' : '';
  return `@ast-grep/cli-${os}-${arch()}${suffix}`;
}

/** ast-grep on PATH (Debian's `sg` is another program, so only `ast-grep`), else the cached or newly installed platform binary; null without one. */
function findAstGrep() {
  if (spawnSync('ast-grep', ['--version'], { encoding: 'utf8' }).status === 0) return 'ast-grep';
  const pkg = astGrepPackage();
  const binary = join(AST_GREP_CACHE, 'node_modules', ...pkg.split('/'), platform() === 'win32' ? 'ast-grep.exe' : 'ast-grep');
  if (!existsSync(binary)) {
    process.stderr.write(`installing ${pkg} into ${AST_GREP_CACHE}\n`);
    mkdirSync(AST_GREP_CACHE, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', AST_GREP_CACHE, '--no-save', '--ignore-scripts', pkg], { stdio: 'inherit' });
    if (install.status !== 0 || !existsSync(binary)) return null;
  }
  return binary;
}

function benchRepo(repoArg, runs) {
  const repo = resolve(repoArg);
  if (!existsSync(repo)) throw new Error(`--repo ${repoArg}: no such folder`);
  const work = mkdtempSync(join(tmpdir(), 'gpt55-bench-'));
  const preload = join(work, 'max-rss.mjs');
  const rssFile = join(work, 'max-rss.txt');
  writeFileSync(preload, MAX_RSS_PRELOAD);
  const ours = (cwd = repo) =>
    timed(process.execPath, ['--import', pathToFileURL(preload).href, BIN, 'upgrade', '.', '--dry', '--json'], {
      cwd,
      env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile },
      allowExit1: true,
    });
  const astGrep = findAstGrep();
  // ast-grep exits 1 when the pattern matches nowhere.
  const theirs = () => timed(astGrep, ['run', '-p', '"gpt-5.4"', '.'], { cwd: repo, allowExit1: true });
  const report = JSON.parse(ours().stdout);
  if (astGrep) theirs();
  const timings = { ours: [], theirs: [], rss: [] };
  for (let i = 0; i < runs; i++) {
    timings.ours.push(ours().ms);
    timings.rss.push(Number(readFileSync(rssFile, 'utf8')));
    if (astGrep) timings.theirs.push(theirs().ms);
    process.stderr.write(
      `run ${i + 1}/${runs}: upgrade ${seconds(timings.ours[i])}${astGrep ? `, ast-grep ${seconds(timings.theirs[i])}` : ''}\n`,
    );
  }
  const list = (values) => values.map((ms) => (ms / 1000).toFixed(2)).join(', ');
  const { summary } = report;
  const { sites } = summary;
  console.log(
    `repository: ${repo}, ${summary.filesScanned} files scanned, ${summary.filesChanged} would change, ${summary.filesErrored} errored`,
  );
  console.log(
    `sites: ${sites.upgraded} upgraded, ${sites['confirmation-needed']} confirmation-needed, ${sites.blocked} blocked, ${sites.unknown} unknown`,
  );
  console.log(`runs: ${runs} each, alternating`);
  console.log(`gpt55-codemod upgrade --dry --json  median ${seconds(median(timings.ours))}  (runs: ${list(timings.ours)})`);
  if (astGrep) {
    console.log(`ast-grep run -p '"gpt-5.4"'         median ${seconds(median(timings.theirs))}  (runs: ${list(timings.theirs)})`);
    console.log(`ratio (ours / ast-grep)             ${(median(timings.ours) / median(timings.theirs)).toFixed(2)}  (target: at most 2)`);
  } else {
    console.log('ast-grep: not on PATH and could not be installed; only our side timed');
  }
  console.log(`peak memory (maxRSS, ours)          ${(Math.max(...timings.rss) / 1024).toFixed(0)} MB  (target: under 200 MB)`);
  catalogDoubling(work, Math.min(runs, 3), ours);
  rmSync(work, { recursive: true, force: true });
}

function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'no-build': { type: 'boolean' },
      keep: { type: 'boolean' },
      repo: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a whole number of at least 1`);
  if (!values['no-build']) timed('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (values.repo !== undefined) {
    benchRepo(values.repo, runs);
    return;
  }

  const work = mkdtempSync(join(tmpdir(), 'gpt55-bench-'));
  const repo = join(work, 'monorepo');
  const small = join(work, 'monorepo-quarter');
  const empty = join(work, 'empty');
  mkdirSync(empty);
  const calling = generate(repo);
  generate(small, SMALL_SCALE);
  const transform = join(work, 'replace-slug.cjs');
  const preload = join(work, 'max-rss.mjs');
  const reader = join(work, 'plain-read.mjs');
  const rssFile = join(work, 'max-rss.txt');
  writeFileSync(transform, JSCODESHIFT_TRANSFORM);
  writeFileSync(preload, MAX_RSS_PRELOAD);
  writeFileSync(reader, PLAIN_READ);

  const ours = (cwd = repo) =>
    timed(process.execPath, ['--import', pathToFileURL(preload).href, BIN, 'upgrade', '.', '--dry', '--json'], {
      cwd,
      env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile },
      allowExit1: true,
    });
  const theirs = () =>
    timed(
      JSCODESHIFT,
      ['-t', transform, '--dry', '--silent', '--extensions=ts', '--parser=ts', '--ignore-pattern=node_modules', '--gitignore', '.'],
      { cwd: repo },
    );
  const plainRead = (dir = repo) => timed(process.execPath, [reader, dir]);
  const maxRss = () => Number(readFileSync(rssFile, 'utf8'));

  // One untimed round each, so every timed run sees a warm file-system cache.
  const report = JSON.parse(ours().stdout);
  const scanned = report.summary.filesScanned;
  const smallScanned = JSON.parse(ours(small).stdout).summary.filesScanned;
  theirs();
  const readCount = Number(plainRead().stdout);
  plainRead(small);

  const timings = { ours: [], theirs: [], read: [], rss: [], oursEmpty: [], readEmpty: [], rssEmpty: [], oursSmall: [], readSmall: [] };
  // Each round times the two monorepos and their plain reads back to back, so the per-file
  // cost comes from runs under the same machine load; jscodeshift's long run goes last.
  const marginals = [];
  for (let i = 0; i < runs; i++) {
    timings.ours.push(ours().ms);
    timings.rss.push(maxRss());
    timings.read.push(plainRead().ms);
    timings.oursSmall.push(ours(small).ms);
    timings.readSmall.push(plainRead(small).ms);
    timings.oursEmpty.push(ours(empty).ms);
    timings.rssEmpty.push(maxRss());
    timings.readEmpty.push(plainRead(empty).ms);
    timings.theirs.push(theirs().ms);
    // jscodeshift's run takes gigabytes, which can push the trees out of the page cache:
    // an untimed read puts them back before the next round.
    plainRead();
    plainRead(small);
    marginals.push((timings.ours[i] - timings.read[i] - (timings.oursSmall[i] - timings.readSmall[i])) / (scanned - smallScanned));
    process.stderr.write(
      `run ${i + 1}/${runs}: upgrade ${seconds(timings.ours[i])}, plain read ${seconds(timings.read[i])}, ` +
        `on the quarter-size copy ${seconds(timings.oursSmall[i])} and ${seconds(timings.readSmall[i])}, ` +
        `on an empty folder ${seconds(timings.oursEmpty[i])}, jscodeshift ${seconds(timings.theirs[i])}\n`,
    );
  }

  const m = Object.fromEntries(Object.entries(timings).map(([key, values]) => [key, median(values)]));
  const perTenThousand = (ms, files) => seconds((ms / files) * 10_000);
  const beyondRead = m.ours - m.read;
  // Both empty-folder runs start node; the difference is what our start-up adds once per run.
  const startup = m.oursEmpty - m.readEmpty;
  // The slope between the two sizes: what each further file costs beyond reading it, with
  // every fixed cost (start-up, loading each parser, warming the JIT) cancelled out.
  const marginal = median(marginals);
  const { sites } = report.summary;
  const list = (values) => values.map((ms) => (ms / 1000).toFixed(2)).join(', ');
  console.log(
    `monorepo: ${TS_FILES} TS files in ${PACKAGES} packages (${calling} call OpenAI), ${scanned} files scanned in all, ${NODE_MODULES_PACKAGES * NODE_MODULES_FILES_EACH} files in node_modules skipped`,
  );
  console.log(
    `sites: ${sites.upgraded} upgraded, ${sites['confirmation-needed']} confirmation-needed, ${sites.blocked} blocked, ${sites.unknown} unknown`,
  );
  console.log(`runs: ${runs} each, alternating`);
  console.log(`gpt55-codemod upgrade --dry --json  median ${seconds(m.ours)}  (runs: ${list(timings.ours)})`);
  console.log(`jscodeshift (1 transform, TS only)  median ${seconds(m.theirs)}  (runs: ${list(timings.theirs)})`);
  console.log(`ratio (ours / jscodeshift)          ${(m.ours / m.theirs).toFixed(3)}  (target: at most 0.100)`);
  console.log(
    `peak memory (maxRSS, ours)          ${(Math.max(...timings.rss) / 1024).toFixed(0)} MB  (empty folder: ${(Math.max(...timings.rssEmpty) / 1024).toFixed(0)} MB)`,
  );
  console.log(`plain read of the ${readCount} files     median ${seconds(m.read)}`);
  console.log(
    `ours on top of the plain read       ${seconds(beyondRead)}: ${perTenThousand(beyondRead, scanned)} per 10,000 files, fixed costs included`,
  );
  console.log(
    `  fixed start-up                    ${seconds(startup)} once per run (upgrade on an empty folder, median ${seconds(m.oursEmpty)})`,
  );
  console.log(
    `  per further file                  ${perTenThousand(marginal, 1)} per 10,000 files (target: under 1 s; rounds: ${marginals.map((ms) => perTenThousand(ms, 1)).join(', ')})`,
  );
  console.log(
    `    quarter-size copy               ${smallScanned} files: upgrade median ${seconds(m.oursSmall)}, plain read median ${seconds(m.readSmall)}`,
  );
  catalogDoubling(work, Math.min(runs, 3), ours);
  if (values.keep) console.log(`monorepos kept at ${repo} and ${small}`);
  else rmSync(work, { recursive: true, force: true });
}

main();
