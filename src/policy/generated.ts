/**
 * Generated text (DESIGN.md, "Before rule 1"): a file a generator writes, or a cog block's
 * output, is never edited by any transform; its sites collapse to one confirmation-needed
 * line, because the fix belongs in the generator, not in its output.
 */
import type { Edit, Site } from '../types.js';

export interface GeneratedSpan {
  start: number;
  end: number;
  why: string;
}

/**
 * Headers generators write: a comment near the top, where they put them (a prompt's
 * prose "Do not edit any file." is an instruction, not a header).
 */
const GENERATED_HEADER = /^\s*(\/\/|\/\*|\*|#|<!--|--|;).*(auto-?generated|do not edit|@generated|file generated from our openapi spec)/im;
const HEADER_CHARS = 800;
const GENERATED_NAME = /\.generated\.[^/]+$/;
const SPEC_FILE = /\.(json|ya?ml)$/i;
/** A top-level `openapi:` / `swagger:` key (YAML at column 0, JSON as a quoted key with a version). */
const OPENAPI_SPEC = /^\ufeff?(openapi|swagger):|"(openapi|swagger)"\s*:\s*"\d/m;
const JSON_SCHEMA = /"\$schema"\s*:\s*"[^"]*json-schema/;
/** cog (cogapp): the generator between `[[[cog` and `]]]`, its output up to `[[[end]]]`. */
const COG_BLOCK = /\[\[\[cog[\s\S]*?\[\[\[end\]\]\]/g;

function wholeFileReason(path: string, text: string): string | null {
  if (GENERATED_NAME.test(path)) return 'a *.generated.* file';
  if (GENERATED_HEADER.test(text.slice(0, HEADER_CHARS))) return 'its header says it is generated';
  if (SPEC_FILE.test(path) && OPENAPI_SPEC.test(text)) return 'an OpenAPI spec';
  if (SPEC_FILE.test(path) && JSON_SCHEMA.test(text.slice(0, HEADER_CHARS))) return 'a JSON schema';
  return null;
}

/** The generated parts of a file: all of it, its cog blocks, or none. */
export function generatedSpans(path: string, text: string): GeneratedSpan[] {
  const why = wholeFileReason(path, text);
  if (why) return [{ start: 0, end: text.length, why }];
  return [...text.matchAll(COG_BLOCK)].map((m) => ({ start: m.index, end: m.index + m[0].length, why: 'cog output' }));
}

export function spanAt(spans: readonly GeneratedSpan[], offset: number): GeneratedSpan | undefined {
  return spans.find((s) => offset >= s.start && offset < s.end);
}

/** Edits outside generated text only. */
export function editsOutside<E extends Edit>(spans: readonly GeneratedSpan[], edits: E[]): E[] {
  return spans.length === 0 ? edits : edits.filter((e) => !spanAt(spans, e.start) && !spanAt(spans, Math.max(e.start, e.end - 1)));
}

/**
 * Sites in generated text become one confirmation-needed site per file, at the first of
 * them; `offsetOf` gives a site's offset in the file.
 */
export function collapseGenerated<S extends Site>(spans: readonly GeneratedSpan[], sites: S[], offsetOf: (site: S) => number): S[] {
  if (spans.length === 0) return sites;
  const inside = sites.filter((s) => spanAt(spans, offsetOf(s)));
  if (inside.length === 0) return sites;
  const first = inside[0]!;
  const why = spanAt(spans, offsetOf(first))!.why;
  const models = new Set(inside.map((s) => s.from).filter((v): v is string => v !== null));
  const summary: S = {
    ...first,
    status: 'confirmation-needed',
    to: null,
    upgradeClass: 'unknown',
    reason: `generated (${why}): change its generator; ${inside.length} site(s) inside, ${models.size} model(s)`,
  };
  delete summary.reasoningEffort;
  return sites.flatMap((s) => (s === first ? [summary] : inside.includes(s) ? [] : [s]));
}
