import {
  COMPUTER_USE_PREVIEW,
  FAMILIES,
  type FamilyEntry,
  NEWER_OR_TARGET,
  OTHER_MODEL,
  PROVIDER_PREFIXES,
  SNAPSHOT_SUFFIX,
  TARGET_SNAPSHOTS,
} from './catalog.js';

/** A string recognised as an OpenAI model slug of a catalog family. */
export interface ParsedSlug {
  prefix: string;
  /** The slug without prefix and without date suffix. */
  base: string;
  snapshot: string | null;
  entry: FamilyEntry;
}

export function splitPrefix(value: string): { prefix: string; slug: string } {
  const prefix = PROVIDER_PREFIXES.find((p) => value.startsWith(p)) ?? '';
  return { prefix, slug: value.slice(prefix.length) };
}

export function parseSlug(value: string): ParsedSlug | null {
  const { prefix, slug } = splitPrefix(value);
  if (COMPUTER_USE_PREVIEW.test(slug) || NEWER_OR_TARGET.test(slug)) return null;
  const date = SNAPSHOT_SUFFIX.exec(slug);
  const base = date ? slug.slice(0, date.index) : slug;
  const entry = FAMILIES.find((f) => f.pattern.test(base));
  if (!entry) return null;
  return { prefix, base, snapshot: date ? date[1]! : null, entry };
}

/** Any string that names a model, OpenAI or not: used to spot comparison lists. */
export function isModelLike(value: string): boolean {
  const { slug } = splitPrefix(value);
  return parseSlug(value) !== null || OTHER_MODEL.test(slug) || COMPUTER_USE_PREVIEW.test(slug);
}

/** What the slug would become: prefix kept; a dated pin maps to the target's snapshot. */
export function counterpartOf(parsed: ParsedSlug): string | null {
  const target = parsed.entry.counterpart(parsed.base);
  if (target === null) return null;
  const slug = parsed.snapshot ? (TARGET_SNAPSHOTS[target] ?? null) : target;
  return slug === null ? null : parsed.prefix + slug;
}

/** Cheap check run on raw file text before anything is parsed. */
export const MODEL_PREFILTER = /gpt-[45]|\bo[134]\b|\bo[134]-|chatgpt-4o/;

/**
 * MODEL_PREFILTER for languages where a model value is always a quoted string (JS/TS,
 * Python, JSON): the slug right after the quote or after one of the provider prefixes `splitPrefix` takes off. A mention in a
 * comment or in prose inside a string is no site there.
 */
export const QUOTED_MODEL_PREFILTER = new RegExp(
  `["'\`](?:${PROVIDER_PREFIXES.map((p) => p.replace(/[.]/g, '\\.')).join('|')})?(?:${MODEL_PREFILTER.source})`,
);
