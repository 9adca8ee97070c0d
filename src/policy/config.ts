import { posix } from 'node:path';
import picomatch from 'picomatch';
import { yamlLibrary } from '../lazy.js';

export const CONFIG_FILE = 'gpt55-codemod.config.yaml';

/** gpt55-codemod.config.yaml, validated. Globs are matched against paths relative to the config's folder. */
export interface Config {
  exclude: string[];
  pinned: string[];
  upgradeAll: boolean;
  /** Folder of the config file, relative to the current directory ('' when none). */
  root: string;
}

export const EMPTY_CONFIG: Config = { exclude: [], pinned: [], upgradeAll: false, root: '' };

export class ConfigError extends Error {}

const KEYS = new Set(['exclude', 'pinned', 'upgradeAll']);

function stringList(value: unknown, key: string, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ConfigError(`${file}: "${key}" must be a list of glob strings`);
  }
  return value as string[];
}

export function parseConfig(text: string, file: string, root: string): Config {
  const doc = yamlLibrary().parseDocument(text);
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: ${first.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${file}: expected a mapping`);
  const record = data as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((k) => !KEYS.has(k));
  if (unknownKey) throw new ConfigError(`${file}: unknown key "${unknownKey}" (known: ${[...KEYS].join(', ')})`);
  if (record.upgradeAll !== undefined && typeof record.upgradeAll !== 'boolean') {
    throw new ConfigError(`${file}: "upgradeAll" must be true or false`);
  }
  return {
    exclude: stringList(record.exclude, 'exclude', file),
    pinned: stringList(record.pinned, 'pinned', file),
    upgradeAll: record.upgradeAll === true,
    root,
  };
}

export type PathMatcher = (path: string) => boolean;

/**
 * Matches cwd-relative paths against globs written relative to the config's folder, which
 * may be above the current directory (`root` = `..`).
 */
export function globMatcher(globs: string[], root: string): PathMatcher {
  if (globs.length === 0) return () => false;
  const match = picomatch(globs, { dot: true });
  return (path) => {
    const rel = posix.relative(root || '.', path);
    return !rel.startsWith('../') && rel !== '..' && match(rel);
  };
}
