/**
 * Workspace packages: which package of a monorepo each file belongs to, so the report can
 * be grouped by package. A package is a folder with a package.json or pyproject.toml;
 * where a workspace root declares its members (npm/yarn `workspaces` in package.json,
 * pnpm's pnpm-workspace.yaml), a package.json folder below it is a package only when the
 * member globs name it, so test fixtures and examples with their own package.json stay
 * in the package that holds them. Python projects are packages wherever they sit: the
 * JavaScript workspace globs say nothing about them.
 *
 * Each folder's manifests are read once (the caches below), and never above the
 * repository top (the nearest folder holding .git): a manifest there belongs to
 * something else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { yamlLibrary } from '../lazy.js';
import type { ConfigMap, ConfigNode } from '../languages/mapping.js';
import { toml } from '../languages/toml.js';
import { NO_PACKAGE } from '../report/text.js';
import { displayPath } from './files.js';

/** What one folder's manifests say; null fields where a manifest is missing or says nothing. */
interface Folder {
  /** package.json's name, or `true` for a package.json without one. */
  npm: string | true | null;
  /** pyproject.toml's [project] or [tool.poetry] name, or `true` without one. */
  python: string | true | null;
  /** Member globs, when this folder is a workspace root. */
  members: string[] | null;
  /** The repository top: nothing above it is read. */
  top: boolean;
}

/** One listing per folder says which manifests exist, so missing ones cost no failed reads. */
function readText(dir: string, names: ReadonlySet<string>, name: string): string | null {
  if (!names.has(name)) return null;
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return null;
  }
}

function listing(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const stringsIn = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

/** npm and yarn: `"workspaces": [...]`; yarn also `"workspaces": { "packages": [...] }`. */
function npmMembers(pkg: Record<string, unknown> | null): string[] | null {
  const workspaces = pkg?.workspaces;
  if (Array.isArray(workspaces)) return stringsIn(workspaces);
  if (typeof workspaces === 'object' && workspaces !== null) return stringsIn((workspaces as Record<string, unknown>).packages);
  return null;
}

function pnpmMembers(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const data: unknown = yamlLibrary().parse(text);
    return typeof data === 'object' && data !== null ? stringsIn((data as Record<string, unknown>).packages) : null;
  } catch {
    return null;
  }
}

function entry(map: ConfigNode | undefined, key: string): ConfigNode | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key)?.value : undefined;
}

/** pyproject.toml through the project's own TOML reader; PEP 621 `[project]`, then Poetry's table. */
function pythonName(text: string, file: string): string | true {
  let root: ConfigMap;
  try {
    root = toml.parse(text, file).root;
  } catch {
    return true;
  }
  for (const table of [entry(root, 'project'), entry(entry(root, 'tool'), 'poetry')]) {
    const name = entry(table, 'name');
    if (name?.kind === 'scalar' && name.value) return name.value;
  }
  return true;
}

function readFolder(dir: string): Folder {
  const names = listing(dir);
  const pkgText = readText(dir, names, 'package.json');
  const pkg = pkgText === null ? null : parseJson(pkgText);
  const pyText = readText(dir, names, 'pyproject.toml');
  return {
    npm: pkgText === null ? null : typeof pkg?.name === 'string' && pkg.name ? pkg.name : true,
    python: pyText === null ? null : pythonName(pyText, join(dir, 'pyproject.toml')),
    members: npmMembers(pkg) ?? pnpmMembers(readText(dir, names, 'pnpm-workspace.yaml')),
    top: names.has('.git'),
  };
}

/** Member globs as a test on a folder path relative to the workspace root; `!` globs exclude. */
function memberMatcher(globs: string[]): (rel: string) => boolean {
  const clean = (glob: string): string => glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const include = globs.filter((g) => !g.startsWith('!')).map(clean);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => clean(g.slice(1)));
  const included = include.length > 0 ? picomatch(include) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (rel) => included(rel) && !excluded(rel);
}

class Workspaces {
  private readonly folders = new Map<string, Folder>();
  /** Folder to the package folder that holds it (null: none up to the repository top). */
  private readonly owners = new Map<string, string | null>();
  /** Folder to the workspace root above or at it, with its member test. */
  private readonly roots = new Map<string, { dir: string; isMember: (rel: string) => boolean } | null>();
  /** Some folder read declares workspace members. */
  declared = false;

  constructor(private readonly cwd: string) {}

  private folder(dir: string): Folder {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = readFolder(dir);
      this.folders.set(dir, folder);
      if (folder.members) this.declared = true;
    }
    return folder;
  }

  private parentOf(dir: string): string | null {
    const parent = dirname(dir);
    return parent === dir || this.folder(dir).top ? null : parent;
  }

  private workspaceRoot(dir: string): { dir: string; isMember: (rel: string) => boolean } | null {
    if (!this.roots.has(dir)) {
      const members = this.folder(dir).members;
      const parent = this.parentOf(dir);
      this.roots.set(dir, members ? { dir, isMember: memberMatcher(members) } : parent ? this.workspaceRoot(parent) : null);
    }
    return this.roots.get(dir)!;
  }

  private isPackage(dir: string): boolean {
    const folder = this.folder(dir);
    if (folder.python !== null) return true;
    if (folder.npm === null) return false;
    const root = this.workspaceRoot(dir);
    return !root || root.dir === dir || root.isMember(relative(root.dir, dir).split(sep).join('/'));
  }

  owner(dir: string): string | null {
    if (!this.owners.has(dir)) {
      const parent = this.parentOf(dir);
      this.owners.set(dir, this.isPackage(dir) ? dir : parent ? this.owner(parent) : null);
    }
    return this.owners.get(dir)!;
  }

  /** The package's name from its manifest, else its folder relative to the current directory. */
  label(dir: string | null): string {
    if (dir === null) return NO_PACKAGE;
    const { npm, python } = this.folder(dir);
    const name = typeof npm === 'string' ? npm : typeof python === 'string' ? python : null;
    return name ?? displayPath(this.cwd, dir);
  }
}

/**
 * The package of each file, by absolute path; null when the run finds no workspace
 * structure (no declared workspaces and every file in one package, or in none), so a
 * single project's report stays as it was. Decided over every file of the run, before
 * sharding, so each shard labels its sites as the whole run would.
 */
export function workspacePackages(files: ReadonlyArray<{ absolute: string }>, cwd: string): Map<string, string> | null {
  const workspaces = new Workspaces(cwd);
  const owners = new Map(files.map((file) => [file.absolute, workspaces.owner(dirname(file.absolute))]));
  if (!workspaces.declared && new Set(owners.values()).size < 2) return null;
  const labels = new Map<string, string>();
  for (const [file, owner] of owners) labels.set(file, workspaces.label(owner));
  return labels;
}
