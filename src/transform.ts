import type { Decision } from './policy/classify.js';
import type { LanguageAdapter, ModuleReader } from './languages/types.js';
import type { SdkVersions } from './policy/sdk.js';
import type { Edit, LanguageId, SiteDraft, StringContext } from './types.js';

/** Options that change what transforms do (the command line and config decide them). */
export interface TransformOptions {
  /** --all or config upgradeAll: pinned-context and older-family sites are upgraded too. */
  all: boolean;
  /** --preserve-effort: upgraded requests with no visible effort get effort none, and the gate lets their sampling parameters through. */
  preserveEffort?: boolean;
  /** --add-retention: GPT-5.5 requests without `prompt_cache_retention` get `"24h"` where the SDK knows the field. */
  addRetention?: boolean;
  /** A pinned file's values each on their own line, not folded into one (`decide` naming one of them by its line). */
  eachPin?: boolean;
}

/** What a transform handler gets for one parsed text (a file or a region of one). */
export interface HandlerContext<P = unknown> {
  path: string;
  language: LanguageId;
  text: string;
  parsed: P;
  adapter: LanguageAdapter<P>;
  options: TransformOptions;
  /** The SDK versions the file's nearest manifests declare (empty when the run did not read them). */
  sdk: SdkVersions;
  /** The modules the file imports, for facts that live in another file (a catalog a default is a key of). */
  modules: ModuleReader;
  /**
   * Names of the transforms in this run. A transform that reasons about what another one
   * does (the model after model-slug) asks whether that one runs at all.
   */
  running: ReadonlySet<string>;
  /**
   * The transform that reported an upgraded site at `offset` earlier in this run, or null:
   * how a transform that follows the model (prompt-cache-retention) learns what moved.
   */
  upgradedEarlier(offset: number): string | null;
  /** Policy rule 2 at `offset`: an ignore directive on its line or the line above, or a config `exclude` of the file. */
  ignored(offset: number): boolean;
  /** The site policy for a model string at `offset` in `text`; null: not a site. */
  classify(value: string, context: StringContext, offset: number): Decision | null;
  edit(edit: Edit): void;
  site(site: Omit<SiteDraft, 'transform'>): void;
}

/** The name of the transform that moves catalog slugs: others ask the context about it by name, never importing it. */
export const MODEL_SLUG = 'model-slug';

/**
 * A handler for one language. Its context's parse is that language's tree, which the
 * registry's per-language table cannot type, so the parameter is left open here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: HandlerContext<any>) => void;

/** A transform: a name, a one-line description, a cheap text prefilter and a handler per language. */
export interface Transform {
  name: string;
  description: string;
  /** A file whose text does not match is never parsed for this transform. */
  prefilter: RegExp;
  /** A tighter prefilter for files of one language, where what the transform acts on can only be written one way there. */
  prefilters?: Partial<Record<LanguageId, RegExp>>;
  handlers: Partial<Record<LanguageId, Handler>>;
}
