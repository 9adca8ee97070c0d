/**
 * A text parsed together with every region in it (a fence, frontmatter, a notebook cell),
 * each region once: the run walks these trees, and the verify parse of an edited text
 * tells which regions newly fail. Parsing the regions a second time for the run was most
 * of the cost of Markdown files, whose tolerant snippet parses can try four readings.
 */
import { adapterIfAny } from '../languages/index.js';
import type { LanguageAdapter, Region } from '../languages/types.js';
import type { Parses } from './parses.js';

/** A parsed text and the regions in it that some adapter reads. */
export interface ParsedLayer {
  parsed: unknown;
  regions: ParsedRegion[];
}

/** A region with its adapter, its place among its siblings, and its parse or why that failed. */
export interface ParsedRegion {
  region: Region;
  adapter: LanguageAdapter;
  index: number;
  inner: { layer: ParsedLayer } | { error: unknown };
}

/** Where a layer sits, for labels: the file itself, or a region inside it. */
export interface LayerPlace {
  label: string;
  nested: boolean;
}

/** Nested regions name their container too, so two fences in two cells never share a label. */
export function regionLabel(outer: LayerPlace, region: Region): string {
  return outer.nested ? `${outer.label} > ${region.label}` : region.label;
}

/**
 * Whether a snippet (code quoted in prose) can hold anything the run acts on or reports, by
 * a cheap test of its text. Most fences in docs name no model: parsing them all, four
 * readings each when they do not parse, was most of the time Markdown files cost. Other
 * regions (notebook cells, frontmatter) are always parsed, since their parse errors are reported.
 */
export type SnippetFilter = (adapter: LanguageAdapter, text: string) => boolean;

const EVERY_SNIPPET: SnippetFilter = () => true;

/**
 * Parses `text` and, below it, every region the filter lets through; a region that fails
 * keeps its error and is not entered. A region left out keeps no place, but its siblings
 * keep theirs (`index` counts every region).
 */
export function parseLayer(
  adapter: LanguageAdapter,
  text: string,
  path: string,
  parses: Parses,
  { snippets = EVERY_SNIPPET, snippet = false }: { snippets?: SnippetFilter; snippet?: boolean } = {},
): ParsedLayer {
  const parsed = parses.parse(adapter, text, path, snippet);
  const regions = (adapter.regions?.(parsed, text) ?? []).flatMap((region, index): ParsedRegion[] => {
    const inner = adapterIfAny(region.language);
    if (!inner || (region.snippet && !snippets(inner, region.text))) return [];
    return [{ region, adapter: inner, index, inner: parseRegion(inner, region, path, parses, snippets) }];
  });
  return { parsed, regions };
}

function parseRegion(
  adapter: LanguageAdapter,
  region: Region,
  path: string,
  parses: Parses,
  snippets: SnippetFilter,
): ParsedRegion['inner'] {
  try {
    return { layer: parseLayer(adapter, region.text, region.path ?? path, parses, { snippets, snippet: region.snippet }) };
  } catch (error) {
    return { error };
  }
}

/**
 * The regions that failed, keyed by their position among their siblings (`2/0`: the first
 * region of the third), which edits never change, while labels carry line numbers that an
 * inserted line would shift.
 */
export function regionFailures(layer: ParsedLayer, place: LayerPlace, key = '', out = new Map<string, string>()): Map<string, string> {
  for (const { region, index, inner } of layer.regions) {
    const label = regionLabel(place, region);
    if ('error' in inner) out.set(`${key}/${index}`, label);
    else regionFailures(inner.layer, { label, nested: true }, `${key}/${index}`, out);
  }
  return out;
}
