/**
 * The OpenAI SDK versions a file's project declares, read from the nearest manifests
 * above it: package.json with package-lock.json / npm-shrinkwrap.json, pnpm-lock.yaml or
 * yarn.lock for npm; poetry.lock, uv.lock, requirements*.txt and pyproject.toml for
 * PyPI. A locked version wins over a declared range; for each package, the nearest
 * folder that declares it wins. Folders are read once per run and cached; the walk stops
 * at the repository root (a folder holding `.git`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { yamlLibrary } from '../lazy.js';
import type { ConfigMap, ConfigNode } from '../languages/mapping.js';
import { toml } from '../languages/toml.js';
import { type DeclaredSdk, declaredSdk, type Ecosystem, lockedSdk, pypiName, type SdkVersions, TRACKED_SDKS } from '../policy/sdk.js';

/** A declaration found in a folder, with the absolute path of the file it came from. */
interface Found {
  spec: string;
  locked: boolean;
  file: string;
}

type FolderVersions = Record<Ecosystem, Map<string, Found>>;

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const NPM_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];
const NPM_NAMES = TRACKED_SDKS.filter((p) => p.ecosystem === 'npm').map((p) => p.name);
const PYPI_NAMES = TRACKED_SDKS.filter((p) => p.ecosystem === 'pypi').map((p) => p.name);

const folders = new Map<string, FolderVersions>();

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The value at `keys` inside parsed JSON or YAML, or undefined where a step is not an object. */
function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// ---------------------------------------------------------------------------------------
// npm
// ---------------------------------------------------------------------------------------

/** `6.9.0(zod@3.25.76)` (pnpm 7+) or `6.9.0`: the version alone. */
function versionPrefix(value: unknown): string | null {
  return typeof value === 'string' ? (/^\d+\.\d+\.\d+[^("\s]*/.exec(value)?.[0] ?? null) : null;
}

/** The locked version in package-lock.json / npm-shrinkwrap.json, for the workspace at `importer` (relative to the lockfile). */
function npmLocked(lock: unknown, importer: string, name: string): string | null {
  const nested = importer === '' ? `node_modules/${name}` : `${importer}/node_modules/${name}`;
  const entry = field(lock, 'packages', nested) ?? field(lock, 'packages', `node_modules/${name}`);
  // A workspace member is a link whose `resolved` names its folder's own entry.
  const linked = field(entry, 'link') === true ? field(lock, 'packages', String(field(entry, 'resolved')), 'version') : undefined;
  return versionPrefix(linked ?? field(entry, 'version') ?? field(lock, 'dependencies', name, 'version'));
}

function pnpmLocked(lock: unknown, lockDir: string, importer: string, name: string): string | null {
  const project = field(lock, 'importers', importer === '' ? '.' : importer) ?? lock;
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const entry = field(project, section, name);
    const locked = typeof entry === 'object' && entry !== null ? field(entry, 'version') : entry;
    const version = versionPrefix(locked) ?? linkedVersion(locked, join(lockDir, importer));
    if (version) return version;
  }
  return null;
}

/**
 * The version yarn.lock resolves `name@spec` to. Classic yarn.lock is not YAML and no
 * parser for it is a dependency here, so its blocks are read as text: a header line
 * listing descriptors (`"openai@^6.9.0", openai@^6.10.0:`, Berry: `"openai@npm:^6.9.0":`)
 * and an indented `version "6.10.0"` / `version: 6.10.0` line.
 */
function yarnLocked(text: string, name: string, spec: string): string | null {
  const wanted = new Set([`${name}@${spec}`, `${name}@npm:${spec}`]);
  for (const block of text.split(/\r?\n(?=\S)/)) {
    const [header, ...body] = block.split(/\r?\n/);
    const descriptors = (header ?? '')
      .replace(/:\s*$/, '')
      .split(/,\s*/)
      .map((d) => d.trim().replace(/^"|"$/g, ''));
    if (!descriptors.some((d) => wanted.has(d))) continue;
    const line = body.find((l) => /^\s+version:?\s/.test(l));
    return line ? versionPrefix(line.replace(/^\s+version:?\s+"?/, '')) : null;
  }
  return null;
}

/** The nearest npm lockfile at or above `dir`, without leaving the repository. */
function nearestNpmLock(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const lock = NPM_LOCKS.map((name) => join(current, name)).find(existsSync);
    if (lock) return lock;
    if (existsSync(join(current, '.git')) || dirname(current) === current) return null;
  }
}

/** The top-level sections of pnpm-lock.yaml that pnpmLocked reads: the importers, or a single project's own dependencies. */
const PNPM_SECTIONS = new Set(['importers', 'dependencies', 'devDependencies', 'optionalDependencies']);
const TOP_LEVEL_LINE = /^[^\s#].*$/gm;
const SECTION_KEY = /^([\w-]+):(?:\s|$)/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

/**
 * pnpm-lock.yaml cut down to the sections pnpmLocked reads. `packages` and `snapshots`
 * are nearly all of a monorepo's lockfile (parsing them was a fifth of a run over
 * langchainjs, and most of its peak memory). pnpm writes block style, every section
 * starting at column 0; a text with any other line at column 0 (a directive, a flow
 * collection) is parsed whole. Document markers stay, so a text the whole parse rejects
 * is still rejected.
 */
function pnpmSections(text: string): string {
  const tops = [...text.matchAll(TOP_LEVEL_LINE)];
  if (tops.some(([line]) => !SECTION_KEY.test(line) && !DOCUMENT_MARKER.test(line))) return text;
  const kept = (line: string): boolean => DOCUMENT_MARKER.test(line) || PNPM_SECTIONS.has(SECTION_KEY.exec(line)![1]!);
  return tops.map((top, i) => (kept(top[0]) ? text.slice(top.index, tops[i + 1]?.index) : '')).join('');
}

/** A lockfile, read once per run however many folders share it: yarn.lock as text, the others parsed. */
type Lock = { kind: 'yarn'; text: string } | { kind: 'parsed'; data: unknown } | null;

const locks = new Map<string, Lock>();

function readLock(lockFile: string): Lock {
  if (locks.has(lockFile)) return locks.get(lockFile)!;
  const text = readText(lockFile);
  let lock: Lock = null;
  try {
    if (text !== null && lockFile.endsWith('yarn.lock')) lock = { kind: 'yarn', text };
    else if (text !== null)
      lock = { kind: 'parsed', data: lockFile.endsWith('pnpm-lock.yaml') ? yamlLibrary().parse(pnpmSections(text)) : JSON.parse(text) };
  } catch {
    lock = null;
  }
  locks.set(lockFile, lock);
  return lock;
}

/** The version of a workspace package a lockfile links to (pnpm `link:../packages/agents`), from that package's package.json. */
function linkedVersion(locked: unknown, folder: string): string | null {
  if (typeof locked !== 'string' || !locked.startsWith('link:')) return null;
  return versionPrefix(field(readJson(join(folder, locked.slice('link:'.length), 'package.json')), 'version'));
}

function lockedIn(lockFile: string, importer: string, name: string, spec: string): string | null {
  const lock = readLock(lockFile);
  if (lock === null) return null;
  if (lock.kind === 'yarn') return yarnLocked(lock.text, name, spec);
  return lockFile.endsWith('pnpm-lock.yaml')
    ? pnpmLocked(lock.data, dirname(lockFile), importer, name)
    : npmLocked(lock.data, importer, name);
}

function npmFolder(dir: string): Map<string, Found> {
  const found = new Map<string, Found>();
  const manifest = join(dir, 'package.json');
  const pkg = readJson(manifest);
  if (!pkg) return found;
  const lock = nearestNpmLock(dir);
  const importer = lock ? relative(dirname(lock), dir).split(sep).join('/') : '';
  for (const name of NPM_NAMES) {
    const spec = NPM_SECTIONS.map((section) => field(pkg, section, name)).find((v): v is string => typeof v === 'string');
    if (spec === undefined) continue;
    const locked = lock ? lockedIn(lock, importer, name, spec) : null;
    found.set(name, locked ? { spec: locked, locked: true, file: lock! } : { spec, locked: false, file: manifest });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// PyPI
// ---------------------------------------------------------------------------------------

/** A PEP 508 requirement (`openai[datalib]>=2.8,<3 ; python_version >= "3.9"`): its name and version specifier. */
function requirement(line: string): { name: string; spec: string } | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#@]*)/.exec(line);
  return match ? { name: pypiName(match[1]!), spec: match[2]!.trim() } : null;
}

function tomlRoot(file: string): ConfigMap | null {
  const text = readText(file);
  if (text === null) return null;
  try {
    return toml.parse(text, file).root;
  } catch {
    return null;
  }
}

function child(node: ConfigNode | undefined, ...keys: string[]): ConfigNode | undefined {
  let current = node;
  for (const key of keys) current = current?.kind === 'map' ? current.entries.find((e) => e.key === key)?.value : undefined;
  return current;
}

function scalars(node: ConfigNode | undefined): string[] {
  return node?.kind === 'list' ? node.items.flatMap((item) => (item.kind === 'scalar' ? [item.value] : [])) : [];
}

function tables(node: ConfigNode | undefined): ConfigNode[] {
  return node?.kind === 'map' ? node.entries.map((e) => e.value) : [];
}

/** `[[package]] name = "openai" version = "2.8.0"` entries of poetry.lock and uv.lock. */
function lockedPackages(root: ConfigMap): Map<string, string> {
  const out = new Map<string, string>();
  const packages = child(root, 'package');
  for (const entry of packages?.kind === 'list' ? packages.items : []) {
    const name = child(entry, 'name');
    const version = child(entry, 'version');
    if (name?.kind === 'scalar' && version?.kind === 'scalar') out.set(pypiName(name.value), version.value);
  }
  return out;
}

/** PEP 621 `project.dependencies` / optional dependencies, PEP 735 `dependency-groups`, and Poetry's dependency tables. */
function pyprojectSpecs(root: ConfigMap): Map<string, string> {
  const out = new Map<string, string>();
  const pep508 = [
    ...scalars(child(root, 'project', 'dependencies')),
    ...tables(child(root, 'project', 'optional-dependencies')).flatMap(scalars),
    ...tables(child(root, 'dependency-groups')).flatMap(scalars),
  ];
  for (const line of pep508) {
    const found = requirement(line);
    if (found && !out.has(found.name)) out.set(found.name, found.spec);
  }
  const poetry = child(root, 'tool', 'poetry');
  const poetryTables = [
    child(poetry, 'dependencies'),
    child(poetry, 'dev-dependencies'),
    ...tables(child(poetry, 'group')).map((g) => child(g, 'dependencies')),
  ];
  for (const table of poetryTables) {
    for (const { key, value } of table?.kind === 'map' ? table.entries : []) {
      const spec = value.kind === 'scalar' ? value.value : child(value, 'version');
      const written = typeof spec === 'string' ? spec : spec?.kind === 'scalar' ? spec.value : null;
      if (written !== null && !out.has(pypiName(key))) out.set(pypiName(key), written);
    }
  }
  return out;
}

function requirementsSpecs(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (readText(file) ?? '').split(/\r?\n/)) {
    if (/^\s*(#|-|$)/.test(line)) continue; // comments, options, -r includes
    const found = requirement(line);
    if (found && !out.has(found.name)) out.set(found.name, found.spec);
  }
  return out;
}

function pypiFolder(dir: string): Map<string, Found> {
  const found = new Map<string, Found>();
  const add = (file: string, specs: Map<string, string>, locked: boolean): void => {
    for (const name of PYPI_NAMES) {
      const spec = specs.get(name);
      if (spec !== undefined && !found.has(name)) found.set(name, { spec, locked, file });
    }
  };
  for (const lock of ['poetry.lock', 'uv.lock']) {
    const root = tomlRoot(join(dir, lock));
    if (root) add(join(dir, lock), lockedPackages(root), true);
  }
  const requirements = listRequirements(dir);
  for (const file of requirements) add(file, requirementsSpecs(file), false);
  const pyproject = tomlRoot(join(dir, 'pyproject.toml'));
  if (pyproject) add(join(dir, 'pyproject.toml'), pyprojectSpecs(pyproject), false);
  return found;
}

/** requirements.txt first, then requirements-*.txt / requirements_*.txt in name order. */
function listRequirements(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^requirements([-_.][\w.-]*)?\.txt$/.test(name))
    .sort((a, b) => (a === 'requirements.txt' ? -1 : b === 'requirements.txt' ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

// ---------------------------------------------------------------------------------------
// Per folder, cached
// ---------------------------------------------------------------------------------------

function folderVersions(dir: string): FolderVersions {
  const cached = folders.get(dir);
  if (cached) return cached;
  const parentDir = dirname(dir);
  const atTop = parentDir === dir || existsSync(join(dir, '.git'));
  const inherited = atTop ? { npm: new Map<string, Found>(), pypi: new Map<string, Found>() } : folderVersions(parentDir);
  const versions: FolderVersions = {
    npm: new Map([...inherited.npm, ...npmFolder(dir)]),
    pypi: new Map([...inherited.pypi, ...pypiFolder(dir)]),
  };
  folders.set(dir, versions);
  return versions;
}

function declared(found: Found, fromDir: string): DeclaredSdk {
  const source = relative(fromDir, found.file).split(sep).join('/');
  return found.locked ? lockedSdk(found.spec, source) : declaredSdk(found.spec, source);
}

/** The SDK versions declared for the file at `absolute`, each with the manifest it came from (relative to the file). */
export function sdkVersionsFor(absolute: string): SdkVersions {
  const dir = dirname(absolute);
  const versions = folderVersions(dir);
  const convert = (map: Map<string, Found>): Record<string, DeclaredSdk> =>
    Object.fromEntries([...map].map(([name, found]) => [name, declared(found, dir)]));
  return { npm: convert(versions.npm), pypi: convert(versions.pypi) };
}
