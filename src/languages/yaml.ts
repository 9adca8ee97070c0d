/**
 * YAML adapter: the `yaml` package's documents (every document of a multi-document
 * file), read for node ranges only. Edits are byte ranges inside plain and quoted
 * scalars, so comments, quoting, indentation and line endings never change.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar } from 'yaml';
import { SourceError } from '../types.js';
import { type ConfigEntry, type ConfigNode, configStrings, scalar } from './mapping.js';
import type { LanguageAdapter } from './types.js';

type Documents = ReturnType<typeof parseAllDocuments>;

const EDITABLE_TYPES = new Set<string | undefined>([Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE]);
const MERGE_KEY = '<<';

/**
 * The scalar's raw range when editing it is exact: a plain or quoted string whose text
 * between the quotes is its value (no escapes, no folded lines; block scalars never).
 */
function editableSpan(node: Scalar, text: string): { start: number; end: number } | null {
  if (typeof node.value !== 'string' || !EDITABLE_TYPES.has(node.type) || !node.range) return null;
  const quoted = node.type !== Scalar.PLAIN ? 1 : 0;
  const start = node.range[0] + quoted;
  const end = node.range[1] - quoted;
  return text.slice(start, end) === node.value ? { start, end } : null;
}

/** A key as text; under `%YAML 1.1` the merge key is parsed as a symbol. */
function keyName(key: unknown): string {
  if (!isScalar(key)) return '';
  return typeof key.value === 'symbol' ? key.value.description ?? '' : String(key.value);
}

class Converter {
  /** Mappings being merged right now: an alias may point at its own ancestor. */
  private readonly merging = new Set<unknown>();

  constructor(
    private readonly doc: Document,
    private readonly text: string,
  ) {}

  /** `editable` is false for nodes reached through a merge key: their sites are reported where they are written. */
  node(node: unknown, editable: boolean): ConfigNode {
    if (isMap(node)) {
      const merges = node.items.filter((pair) => keyName(pair.key) === MERGE_KEY);
      const own = node.items.filter((pair) => keyName(pair.key) !== MERGE_KEY);
      // Merged entries come first so that the mapping's own keys win, as YAML merge keys mean.
      const entries: ConfigEntry[] = [
        ...merges.flatMap((pair) => this.merged(pair.value)),
        ...own.map((pair) => ({ key: keyName(pair.key), value: this.node(pair.value, editable) })),
      ];
      return { kind: 'map', entries };
    }
    if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => this.node(item, editable)) };
    if (isScalar(node)) {
      return scalar(node.value === null ? '' : String(node.value), editable ? editableSpan(node, this.text) : null);
    }
    return scalar('');
  }

  /** The entries `<<: *defaults` (or a list of aliases) brings in, so a request sees inherited parameters. */
  private merged(value: unknown): ConfigEntry[] {
    const sources = isSeq(value) ? value.items : [value];
    return sources.flatMap((source) => {
      const target = isAlias(source) ? source.resolve(this.doc) : undefined;
      if (!target || this.merging.has(target)) return [];
      this.merging.add(target);
      const merged = this.node(target, false);
      this.merging.delete(target);
      return merged.kind === 'map' ? merged.entries : [];
    });
  }
}

function firstError(docs: Documents): SourceError | null {
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
      return new SourceError(message, error.linePos?.[0].line ?? null, error.linePos?.[0].col ?? null);
    }
  }
  return null;
}

function parseDocuments(text: string): Documents {
  const docs = parseAllDocuments(text);
  const error = firstError(docs);
  if (error) throw error;
  return docs;
}

function parse(text: string): ConfigNode[] {
  return [...parseDocuments(text)].map((doc) => new Converter(doc, text).node(doc.contents, true));
}

export const yaml: LanguageAdapter<ConfigNode[]> = {
  id: 'yaml',
  files: /\.ya?ml$/,
  extensions: ['yaml', 'yml'],
  // The yaml package skips a byte-order mark itself without moving offsets.
  readsBom: true,
  parse,
  strings: (roots) => configStrings(roots),
};
