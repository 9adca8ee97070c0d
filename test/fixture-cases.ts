/**
 * The fixture cases under __testfixtures__/<transform>/, read once for every test that
 * loops over them:
 *   <case>.input.<ext>    the file before
 *   <case>.output.<ext>   the file after (equal to the input where nothing may change)
 *   <case>.options.json   optional: {"path": "tests/x.py", "all": true} (path the policy sees);
 *                         "transforms": ["model-slug", "prompts"] runs those, in that order,
 *                         instead of the folder's transform alone;
 *                         also "preserveEffort": true, "addRetention": true and "sdk":
 *                         {"npm": {"openai": {"spec", "version", "source"}}, "pypi": {...}},
 *                         the SDK versions the file's project declares
 *   <case>.sites.txt      the expected sites, one per line (none: an empty file):
 *                         `line:column transform status from -> to`
 *   <case>.errors.txt     optional: the errors the run must report (a part that does not parse
 *                         and is left as is), one per line: `line message`; without it, none
 *   <case>.warnings.txt   optional: the warnings, the same way (quoted code that names a model
 *                         and does not parse)
 *   <case>.module.<name>.<ext>  optional: a module beside the file, which the input imports as
 *                         `./<name>` (with any extension, `./<name>.js` as TypeScript writes it)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTransform } from '../src/registry.js';
import type { EngineSettings } from '../src/runner/engine.js';
import { type FixtureExtras, fixtureSettings } from './helpers.js';

export const FIXTURES = join(import.meta.dirname, '..', '__testfixtures__');

export interface FixtureCase {
  transform: string;
  name: string;
  ext: string;
  input: string;
  output: string;
  path: string;
  all: boolean;
  transforms: string[];
  extras: FixtureExtras;
  /** Null where the case has no sites.txt (the fixture test then fails). */
  sites: string[] | null;
  errors: string[];
  warnings: string[];
}

function lines(text: string | null): string[] | null {
  return text === null ? null : text.split('\n').filter((l) => l.trim() !== '');
}

function fail(message: string): never {
  throw new Error(message);
}

function loadCase(transform: string, dir: string, name: string, ext: string): FixtureCase {
  const read = (suffix: string): string | null => {
    const p = join(dir, `${name}.${suffix}`);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  const options = JSON.parse(read('options.json') ?? '{}') as { path?: string; all?: boolean; transforms?: string[] } & FixtureExtras;
  const { path, all, transforms, ...extras } = options;
  const modules = modulesOf(dir, name);
  if (Object.keys(modules).length > 0) extras.modules = modules;
  return {
    transform,
    name,
    ext,
    input: read(`input.${ext}`)!,
    output: read(`output.${ext}`) ?? fail(`${transform}/${name}: missing ${name}.output.${ext}`),
    path: path ?? `src/${name}.${ext}`,
    all: all ?? false,
    transforms: transforms ?? [transform],
    extras,
    sites: lines(read('sites.txt')),
    errors: lines(read('errors.txt')) ?? [],
    warnings: lines(read('warnings.txt')) ?? [],
  };
}

/** The `<case>.module.<name>.<ext>` files of a case, by `<name>`. */
function modulesOf(dir: string, name: string): Record<string, string> {
  const prefix = `${name}.module.`;
  const files = readdirSync(dir).filter((file) => file.startsWith(prefix));
  return Object.fromEntries(
    files.map((file) => [file.slice(prefix.length).replace(/\.[^.]+$/, ''), readFileSync(join(dir, file), 'utf8')]),
  );
}

/** The cases of one transform's folder, sorted by name. */
export function casesOf(transform: string): FixtureCase[] {
  const dir = join(FIXTURES, transform);
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const match = /^(.+)\.input\.(.+)$/.exec(file);
      return match ? [loadCase(transform, dir, match[1]!, match[2]!)] : [];
    });
}

export function loadCases(): FixtureCase[] {
  return readdirSync(FIXTURES).sort().flatMap(casesOf);
}

/** The engine settings a case runs with: its transforms in its order, its options. */
export function caseSettings(fixture: FixtureCase): EngineSettings {
  const transforms = fixture.transforms.map((name) => findTransform(name) ?? fail(`no transform ${name}`));
  return fixtureSettings(transforms, fixture.all, fixture.extras);
}
