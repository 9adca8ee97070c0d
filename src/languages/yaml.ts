/**
 * YAML adapter: the `yaml` package's documents (every document of a multi-document
 * file), read for node ranges only. Edits are byte ranges inside plain and quoted
 * scalars, so comments, quoting, indentation and line endings never change.
 */
import type { CST, Document, Scalar } from 'yaml';
import { lazy, yamlLibrary } from '../lazy.js';
import { promptyModels } from './prompty.js';
import { SourceError, type StringValue } from '../types.js';
import { type ConfigEntry, type ConfigNode, type ConfigScalar, configStrings, errorAt, MAX_NESTING, scalar, tooDeep } from './mapping.js';
import type { LanguageAdapter } from './types.js';

type Documents = Document.Parsed[];

const PLAIN: Scalar.Type = 'PLAIN';
const EDITABLE_TYPES = new Set<string | undefined>([PLAIN, 'QUOTE_SINGLE', 'QUOTE_DOUBLE'] satisfies Scalar.Type[]);
const MERGE_KEY = '<<';

/**
 * The scalar's raw range when editing it is exact: a plain or quoted string whose text
 * between the quotes is its value (no escapes, no folded lines; block scalars never).
 */
function editableSpan(node: Scalar, text: string): { start: number; end: number } | null {
  if (typeof node.value !== 'string' || !EDITABLE_TYPES.has(node.type) || !node.range) return null;
  const quoted = node.type !== PLAIN ? 1 : 0;
  const start = node.range[0] + quoted;
  const end = node.range[1] - quoted;
  return text.slice(start, end) === node.value ? { start, end } : null;
}

/** A key as text; under `%YAML 1.1` the merge key is parsed as a symbol. */
function keyName(key: unknown): string {
  if (!yamlLibrary().isScalar(key)) return '';
  return typeof key.value === 'symbol' ? (key.value.description ?? '') : String(key.value);
}

/**
 * The written range of every string scalar, quotes and block headers included. Kept beside
 * the tree rather than in it: only prompt text is read this way (scanned in place, never
 * replaced whole), and a WeakMap leaves ConfigNode as the other config adapters build it.
 */
const writtenRanges = new WeakMap<ConfigScalar, { start: number; end: number }>();

/** Where a string scalar is written: any style, escapes and block scalars included; null for merged copies. */
export function scalarSource(node: ConfigScalar): { start: number; end: number } | null {
  return writtenRanges.get(node) ?? node.span;
}

/**
 * How many nodes merge keys may copy into a file's tree, at least: the billion-laughs shape
 * (`b: {<<: [*a, *a, ...]}` nested ten deep) asks for billions from a few hundred bytes.
 * A file may always copy as many nodes as it has characters, so no real file gets near.
 */
const MERGE_BUDGET = 100_000;

/**
 * Each alias's node: the last anchor of its name written before it, as YAML resolves it.
 * One pass over the document: the library's `Alias.resolve` walks the whole document
 * for every alias, which makes a file of many merge keys quadratic.
 */
function aliasTargets(doc: Document): Map<unknown, unknown> {
  const { isAlias, isCollection, isPair, isScalar } = yamlLibrary();
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  // Depth first in document order (a pair's key before its value), without recursion: nesting depth is the input's.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (isPair(node)) pending.push(node.value, node.key);
    else if ((isCollection(node) || isScalar(node)) && node.anchor) anchors.set(node.anchor, node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
  }
  return targets;
}

class Converter {
  /** Mappings being merged right now: an alias may point at its own ancestor. */
  private readonly merging = new Set<unknown>();
  private targets = new Map<unknown, unknown>();
  /** Nodes merge keys may still copy, in all the file's documents together. */
  private budget: number;
  /** Where the merge being copied is written, for the error when the budget runs out. */
  private mergeAt = 0;

  constructor(private readonly text: string) {
    this.budget = Math.max(MERGE_BUDGET, text.length);
  }

  document(doc: Document): ConfigNode {
    this.targets = aliasTargets(doc);
    return this.node(doc.contents, true);
  }

  /** `editable` is false for nodes reached through a merge key: their sites are reported where they are written. */
  node(node: unknown, editable: boolean): ConfigNode {
    if (!editable) this.spend();
    const { isMap, isScalar, isSeq } = yamlLibrary();
    if (isMap(node)) {
      const own = node.items
        .filter((pair) => keyName(pair.key) !== MERGE_KEY)
        .map((pair) => ({ key: keyName(pair.key), value: this.node(pair.value, editable) }));
      const merged = node.items.filter((pair) => keyName(pair.key) === MERGE_KEY).flatMap((pair) => this.merged(pair.value, editable));
      // Merged entries come first so that later keys win in a scan; a key the mapping sets itself is not merged.
      return { kind: 'map', entries: [...inherited(merged, own), ...own] };
    }
    if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => this.node(item, editable)) };
    if (isScalar(node)) {
      // The core schema's scalars are strings, numbers and booleans; a custom tag's object
      // value becomes a string no model can equal, which is all a run needs of it.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      const converted = scalar(node.value === null ? '' : String(node.value), editable ? editableSpan(node, this.text) : null);
      if (editable && typeof node.value === 'string' && node.range)
        writtenRanges.set(converted, { start: node.range[0], end: node.range[1] });
      return converted;
    }
    return scalar('');
  }

  private spend(): void {
    if (--this.budget >= 0) return;
    throw errorAt(
      'merge keys (<<) here copy more nodes than the file could need (an alias bomb?): the file is left as is',
      this.text,
      this.mergeAt,
    );
  }

  /** The entries `<<: *defaults` (or a list of aliases) brings in, so a request sees inherited parameters. */
  private merged(value: unknown, written: boolean): ConfigEntry[] {
    const { isNode, isSeq } = yamlLibrary();
    if (written && isNode(value) && value.range) this.mergeAt = value.range[0];
    const sources = isSeq(value) ? value.items : [value];
    return sources.flatMap((source) => {
      const target = this.targets.get(source);
      if (!target || this.merging.has(target)) return [];
      this.merging.add(target);
      const merged = this.node(target, false);
      this.merging.delete(target);
      return merged.kind === 'map' ? merged.entries : [];
    });
  }
}

/** Merged entries a mapping keeps, as YAML merges: its own keys win, then earlier sources over later ones. */
function inherited(merged: ConfigEntry[], own: ConfigEntry[]): ConfigEntry[] {
  const seen = new Set(own.map((entry) => entry.key));
  const kept: ConfigEntry[] = [];
  for (const entry of merged) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    kept.push(entry);
  }
  return kept;
}

/**
 * The library's CST parser, refusing collections nested past MAX_NESTING: it keeps its
 * own stack, but the composer after it recurses once per level.
 */
const BoundedParser = lazy(
  () =>
    class extends yamlLibrary().Parser {
      constructor(
        private readonly text: string,
        onNewLine: (offset: number) => void,
      ) {
        super(onNewLine);
      }

      override *next(source: string): Generator<CST.Token, void> {
        yield* super.next(source);
        if (this.stack.length > MAX_NESTING) throw tooDeep(this.text, this.offset);
      }
    },
);

/**
 * Every document of the file, as `parseAllDocuments` reads them, or the first error. A lone
 * CR is a line break in YAML, but the library reads it as part of the line: the parser
 * gets it as LF, one character for one, so every offset still points into `text`. The
 * library counts a byte-order mark as indentation when a top-level `- ` list follows it,
 * so the mark is handed over as a line break too (its line is then one too many).
 * Duplicate keys are read as PyYAML and most loaders read them, not refused: real
 * settings files have them.
 */
function parseDocuments(text: string): Documents {
  const { Composer, LineCounter } = yamlLibrary();
  const lines = new LineCounter();
  const Parser = BoundedParser();
  const bom = text.charCodeAt(0) === 0xfeff;
  const source = text.replace(/\r(?!\n)/g, '\n').replace(/^\uFEFF/, '\n');
  const docs = [...new Composer({ uniqueKeys: false }).compose(new Parser(text, lines.addNewLine).parse(source))];
  const error = docs.flatMap((doc) => doc.errors)[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw new SourceError(error.message, bom ? line - 1 : line, col);
  }
  return docs;
}

function parse(text: string): ConfigNode[] {
  const converter = new Converter(text);
  return [...parseDocuments(text)].map((doc) => converter.document(doc));
}

/**
 * The generic config walk, corrected for Prompty: its model's parameters sit beside
 * `configuration` or under `options` (the request the gate must see), and an Azure
 * deployment name is not a model slug (the prompts transform reports it).
 */
function strings(roots: ConfigNode[]): StringValue[] {
  const found = configStrings(roots);
  const sections = promptyModels(roots);
  if (sections.length === 0) return found;
  const deployments = new Set(sections.flatMap((s) => (s.deployment?.span ? [s.deployment.span.start] : [])));
  const requests = new Map(sections.flatMap((s) => (s.model?.span ? [[s.model.span.start, s.request] as const] : [])));
  return found
    .filter((string) => !deployments.has(string.start))
    .map((string) => {
      const request = requests.get(string.start);
      return request ? { ...string, context: { ...string.context, requests: [request] } } : string;
    });
}

export const yaml: LanguageAdapter<ConfigNode[]> = {
  id: 'yaml',
  files: /\.ya?ml$/,
  extensions: ['yaml', 'yml'],
  // The yaml package skips a byte-order mark itself without moving offsets.
  readsBom: true,
  parse,
  strings,
};
