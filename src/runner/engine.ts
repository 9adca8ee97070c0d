/**
 * The pure core of a run: one file's text in, the new text, sites and errors out.
 * Nothing here touches the file system, so the same code serves the CLI, the worker
 * pool and the jscodeshift-compatible default exports.
 */
import { adapterFor } from '../languages/index.js';
import { lazy } from '../lazy.js';
import { LineIndex } from '../languages/layout.js';
import { type LanguageAdapter, type ModuleReader, NO_MODULES } from '../languages/types.js';
import { dedupeSites } from './dedupe.js';
import { Parses } from './parses.js';
import { type ParsedLayer, type ParsedRegion, parseLayer, regionFailures, regionLabel, type SnippetFilter } from './layers.js';
import { classify, type Decision } from '../policy/classify.js';
import type { Verdict } from '../policy/decisions.js';
import { createsAzureClient, hasDirective, IGNORE_DIRECTIVE, type PinnedKind, stubsApi, usesTestDoubles } from '../policy/context.js';
import { catalogMembership, collapseCatalogs, Members, type Membership } from '../policy/collapse.js';
import { collapsePins } from '../policy/pins.js';
import { collapseGenerated, editsOutside, type GeneratedSpan, generatedSpans, spanAt } from '../policy/generated.js';
import { agentsSdkFor } from '../policy/effort.js';
import { NO_SDK_VERSIONS, type SdkVersions } from '../policy/sdk.js';
import { MODEL_PREFILTER } from '../policy/slug.js';
import { type HandlerContext, MODEL_SLUG, type Transform, type TransformOptions } from '../transform.js';
import { type Edit, type FileError, type LanguageId, type Site, SourceError, type StringContext } from '../types.js';

export interface EngineSettings {
  transforms: Transform[];
  options: TransformOptions;
  /** Config `exclude` / `pinned` for a cwd-relative path. */
  excluded(path: string): boolean;
  pinned(path: string): boolean;
  /** The SDK versions the file's project declares; set per file by the runner when a transform needs them. */
  sdk?: SdkVersions;
  /** The modules the file imports, resolved beside it; set per file by the runner. */
  modules?: ModuleReader;
  /** The decisions file's verdict on the model string `value` on 1-based `line`; set per file by the runner. */
  verdictAt?: (line: number, value: string) => Verdict | undefined;
}

export interface FileOutcome {
  /** The new text, or null when nothing changed or the file failed. */
  newText: string | null;
  sites: Site[];
  errors: FileError[];
  /** Code quoted in the file (a fence) that holds a model string but does not parse, left as is: the file itself is fine. */
  warnings: FileError[];
  /** The file could not be processed (parse or verify failure). */
  failed: boolean;
  /** The file was parsed (some prefilter matched). */
  parsed: boolean;
  /** The transforms whose prefilter let the file through. */
  prefiltered: string[];
}

/** A parsed text at some depth: the file itself, or a region inside it. */
interface Layer {
  adapter: LanguageAdapter;
  text: string;
  toTop(offset: number): number;
  encode(text: string): string;
  label: string;
  /** A region inside the file rather than the file itself. */
  nested: boolean;
  /** The code creates an Azure OpenAI client: the whole file, or a Markdown code block alone. */
  azure: boolean;
}

interface Collected {
  edits: Array<Edit & { order: number }>;
  sites: Array<Site & { order: number }>;
  regionErrors: FileError[];
  regionWarnings: FileError[];
  /** Per offset in the file, the first transform that reported an upgraded site there, and its place in the run. */
  upgrades: Map<number, { transform: string; order: number }>;
}

const identity = <T>(x: T): T => x;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseError(path: string, err: unknown): FileError {
  return { file: path, line: err instanceof SourceError ? err.line : null, message: errorMessage(err) };
}

class FileRun {
  readonly azure: boolean;
  readonly excluded: boolean;
  readonly configPinned: boolean;
  readonly collected: Collected = { edits: [], sites: [], regionErrors: [], regionWarnings: [], upgrades: new Map() };
  readonly running: ReadonlySet<string>;
  readonly catalog = new Members<Membership>();
  readonly pins = new Members<PinnedKind>();
  readonly generated: GeneratedSpan[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly settings: EngineSettings,
    readonly transforms: Transform[],
    private readonly policyPath: string,
  ) {
    this.azure = createsAzureClient(text);
    this.excluded = settings.excluded(path);
    this.configPinned = settings.pinned(path);
    this.generated = generatedSpans(policyPath, text);
    this.running = new Set(settings.transforms.map((t) => t.name));
  }

  // Most parsed files hold no site (a prefilter's word in prose or in another sense):
  // their lines and what the policy asks of their text are found on first use.
  private readonly lineIndex = lazy(() => new LineIndex(this.text));
  // Few files hold a directive at all: the rest need no line split to know.
  private readonly anyDirective = lazy(() => this.text.includes(IGNORE_DIRECTIVE));
  private readonly textFacts = lazy(() => ({ testDoubles: usesTestDoubles(this.text), stubbed: stubsApi(this.text) }));

  get lines(): LineIndex {
    return this.lineIndex();
  }

  private directiveAt(topOffset: number): boolean {
    return this.anyDirective() && hasDirective(this.lines.lineTexts, this.lines.position(topOffset).line);
  }

  classifyAt(value: string, context: StringContext, topOffset: number, language: LanguageId, azure: boolean): Decision | null {
    // Generated spans are listed once already, and a value decided on its own keeps its line: neither folds.
    const folds = !spanAt(this.generated, topOffset);
    if (folds) this.catalog.record(topOffset, value, catalogMembership(context));
    const decided = this.settings.verdictAt?.(this.lines.position(topOffset).line, value);
    const found = classify({
      value,
      path: this.policyPath,
      context,
      directive: this.directiveAt(topOffset),
      azure,
      testDoubles: this.textFacts().testDoubles,
      stubbed: this.textFacts().stubbed,
      excluded: this.excluded,
      configPinned: this.configPinned,
      all: this.settings.options.all,
      preserveEffort: this.settings.options.preserveEffort === true,
      decided,
      agents: agentsSdkFor(this.settings.sdk ?? NO_SDK_VERSIONS, language),
    });
    if (!found) return null;
    const { pin, ...decision } = found;
    if (folds && decided === undefined) this.pins.record(topOffset, value, pin ?? null);
    return decision;
  }

  /** The file's catalogs, then its pins, as one line each. */
  fold(sites: Site[]): Site[] {
    const pinOf = (s: Site) => (s.transform === MODEL_SLUG && !s.catalog ? this.pins.at(this.offsetOf(s), s.from) : null);
    const catalogs = collapseCatalogs(sites, (s) => this.catalog.at(this.offsetOf(s), s.from));
    return this.settings.options.eachPin ? catalogs : collapsePins(catalogs, pinOf, this.settings.options.all);
  }

  offsetOf(site: Site): number {
    return this.lines.offsetOfLine(site.line) + site.column - 1;
  }

  runLayer(layer: Layer, { parsed, regions }: ParsedLayer): void {
    this.transforms.forEach((transform, order) => {
      const handler = transform.handlers[layer.adapter.id];
      try {
        handler?.(this.context(layer, parsed, transform, order));
      } catch (err) {
        throw new Error(`the ${transform.name} transform failed on this file (${errorMessage(err)}); file left untouched`, {
          cause: err,
        });
      }
    });
    for (const region of regions) this.runRegion(layer, region);
  }

  private runRegion(outer: Layer, { region, adapter, inner }: ParsedRegion): void {
    const layer: Layer = {
      adapter,
      text: region.text,
      toTop: (offset) => outer.toTop(region.toOuter(offset)),
      encode: (text) => outer.encode(region.encode(text)),
      label: regionLabel(outer, region),
      nested: true,
      // A document's code blocks are separate examples: an Azure one says nothing of the others.
      azure: outer.adapter.id === 'markdown' ? createsAzureClient(region.text) : outer.azure,
    };
    if ('layer' in inner) {
      this.runLayer(layer, inner.layer);
      return;
    }
    const err = inner.error;
    // The parser's line is inside the region: map its start to the file's line.
    const at = err instanceof SourceError && err.line !== null ? new LineIndex(region.text).offsetOfLine(err.line) : 0;
    const line = this.lines.position(layer.toTop(at)).line;
    const problem = { file: this.path, line, message: `${layer.label} does not parse; left as is: ${errorMessage(err)}` };
    // A quoted snippet is no broken file: worth a look only where it names a model.
    if (!region.snippet) this.collected.regionErrors.push(problem);
    else if (MODEL_PREFILTER.test(region.text)) this.collected.regionWarnings.push(problem);
  }

  private context(layer: Layer, parsed: unknown, transform: Transform, order: number): HandlerContext {
    return {
      path: this.path,
      language: layer.adapter.id,
      text: layer.text,
      parsed,
      adapter: layer.adapter,
      options: this.settings.options,
      sdk: this.settings.sdk ?? NO_SDK_VERSIONS,
      modules: this.settings.modules ?? NO_MODULES,
      running: this.running,
      classify: (value, context, offset) => this.classifyAt(value, context, layer.toTop(offset), layer.adapter.id, layer.azure),
      ignored: (offset) => this.directiveAt(layer.toTop(offset)) || this.excluded,
      upgradedEarlier: (offset) => {
        const upgrade = this.collected.upgrades.get(layer.toTop(offset));
        return upgrade && upgrade.order < order ? upgrade.transform : null;
      },
      edit: (edit) => {
        this.collected.edits.push({
          start: layer.toTop(edit.start),
          end: layer.toTop(edit.end),
          text: layer.encode(edit.text),
          order,
        });
      },
      site: (draft) => {
        const { offset, ...rest } = draft;
        const top = layer.toTop(offset);
        if (rest.status === 'upgraded' && !this.collected.upgrades.has(top))
          this.collected.upgrades.set(top, { transform: transform.name, order });
        const { line, column } = this.lines.position(top);
        this.collected.sites.push({ file: this.path, line, column, transform: transform.name, ...rest, order });
      },
    };
  }
}

/** Applies non-overlapping edits; insertions at one point keep transform order. */
export function applyEdits(text: string, edits: ReadonlyArray<Edit & { order?: number }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end || (a.order ?? 0) - (b.order ?? 0));
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The new text must parse with the same parser, and no region may newly fail. */
function verify(
  adapter: LanguageAdapter,
  before: Map<string, string>,
  newText: string,
  { path, parses, snippets }: { path: string; parses: Parses; snippets: SnippetFilter },
): string | null {
  try {
    const failures = regionFailures(parseLayer(adapter, newText, path, parses, { snippets }), { label: path, nested: false });
    const broken = [...failures].find(([key]) => !before.has(key));
    return broken ? `${broken[1]} no longer parses after the edit` : null;
  } catch (err) {
    return `the new text does not parse: ${errorMessage(err)}`;
  }
}

/** A site whose edit was not written keeps its place in the report, but was not upgraded. */
export function unwritten(site: Site): Site {
  return site.status === 'upgraded' ? { ...site, status: 'unknown', reason: `not written: ${site.reason}` } : site;
}

/**
 * `path` names the file in the report (relative to the current directory); `policyPath`
 * is what the path rules of the policy read: the path inside the repository, so a run
 * started inside `tests/` still sees a test folder. `transforms` are those whose
 * prefilter the text passes, for a caller that has tested them already.
 */
export function processText(
  path: string,
  text: string,
  settings: EngineSettings,
  policyPath = path,
  transforms = prefiltered(path, text, settings.transforms),
): FileOutcome {
  const parses = new Parses();
  try {
    return processParsed(path, text, settings, parses, { policyPath, transforms });
  } finally {
    parses.dispose();
  }
}

/** A transform's prefilter for a language: its own for that language, if it has one. */
function prefilterOf(transform: Transform, adapter: LanguageAdapter): RegExp {
  return transform.prefilters?.[adapter.id] ?? transform.prefilter;
}

/** The transforms whose prefilter the text matches; transforms that share a prefilter (most JS/TS ones do) scan the text once. */
export function prefiltered(path: string, text: string, transforms: readonly Transform[]): Transform[] {
  const adapter = adapterFor(path);
  if (!adapter) return [];
  const seen = new Map<RegExp, boolean>();
  return transforms.filter((t) => {
    const prefilter = prefilterOf(t, adapter);
    let matched = seen.get(prefilter);
    if (matched === undefined) seen.set(prefilter, (matched = prefilter.test(text)));
    return matched;
  });
}

/** A snippet is parsed when one of the file's transforms may act on it, or when it names a model (a failure there is a warning). */
function snippetFilter(transforms: readonly Transform[]): SnippetFilter {
  return (adapter, text) => MODEL_PREFILTER.test(text) || transforms.some((t) => prefilterOf(t, adapter).test(text));
}

function processParsed(
  path: string,
  text: string,
  settings: EngineSettings,
  parses: Parses,
  { policyPath, transforms }: { policyPath: string; transforms: Transform[] },
): FileOutcome {
  const adapter = adapterFor(path);
  const outcome: FileOutcome = {
    newText: null,
    sites: [],
    errors: [],
    warnings: [],
    failed: false,
    parsed: false,
    prefiltered: transforms.map((t) => t.name),
  };
  if (!adapter || transforms.length === 0) return outcome;
  return transformParsed(path, text, settings, parses, policyPath, { adapter, transforms, outcome });
}

function transformParsed(
  path: string,
  text: string,
  settings: EngineSettings,
  parses: Parses,
  policyPath: string,
  { adapter, transforms, outcome }: { adapter: LanguageAdapter; transforms: Transform[]; outcome: FileOutcome },
): FileOutcome {
  const snippets = snippetFilter(transforms);
  let layers: ParsedLayer;
  try {
    layers = parseLayer(adapter, text, path, parses, { snippets });
  } catch (err) {
    return { ...outcome, errors: [parseError(path, err)], failed: true, parsed: true };
  }
  const run = new FileRun(path, text, settings, transforms, policyPath);
  try {
    run.runLayer({ adapter, text, toTop: identity, encode: identity, label: path, nested: false, azure: run.azure }, layers);
  } catch (err) {
    return { ...outcome, errors: [parseError(path, err)], failed: true, parsed: true };
  }
  const { regionErrors } = run.collected;
  const { generated } = run;
  const edits = editsOutside(generated, run.collected.edits);
  outcome.parsed = true;
  outcome.sites = run.fold(collapseGenerated(generated, dedupeSites(run.collected.sites), (s) => run.offsetOf(s)));
  outcome.errors = regionErrors;
  outcome.warnings = run.collected.regionWarnings;
  if (edits.length === 0) return outcome;

  const failure = (message: string): FileOutcome => ({
    ...outcome,
    sites: outcome.sites.map(unwritten),
    errors: [...regionErrors, { file: path, line: null, message }],
    failed: true,
  });
  let newText: string;
  try {
    newText = applyEdits(text, edits);
  } catch (err) {
    return failure(`${errorMessage(err)}; file left untouched`);
  }
  if (newText === text) return outcome;
  const problem = verify(adapter, regionFailures(layers, { label: path, nested: false }), newText, { path, parses, snippets });
  if (problem) return failure(`${problem}; file left untouched`);
  outcome.newText = newText;
  return outcome;
}
