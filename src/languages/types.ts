import type { LanguageId, StringValue } from '../types.js';

/**
 * Code embedded in another file (a Markdown fence, frontmatter, a notebook cell), handed
 * to the adapter of its own language. `toOuter` maps an offset in `text` to the
 * enclosing text; `encode` turns replacement text into what the enclosing text needs
 * (JSON escaping inside a notebook, nothing inside Markdown).
 */
export interface Region {
  language: LanguageId;
  text: string;
  toOuter(offset: number): number;
  encode(text: string): string;
  /** For error messages: "```python fence", "code cell 3". */
  label: string;
  /** The path the inner adapter parses as, when the language needs it (`README.md.tsx` for a tsx fence). */
  path?: string;
  /** Code quoted in prose (a Markdown fence): parsed with the adapter's `parseSnippet`, and reported as a warning when it still fails. */
  snippet?: boolean;
}

/**
 * The text of a module the file imports or re-exports, by its specifier as written
 * (`./openai.js`); null where it is no readable module beside the file (a package, a file
 * that is not there). The runner resolves it: only the runner reads files.
 */
export type ModuleReader = (specifier: string) => string | null;

export const NO_MODULES: ModuleReader = () => null;

export interface LanguageAdapter<P = unknown> {
  id: LanguageId;
  /** File names this adapter owns (tested against the whole path). */
  files: RegExp;
  /** Extensions the file finder looks for by default (no dot; whole names like `.env` allowed). */
  extensions: string[];
  /** The adapter handles a byte-order mark itself; others get it hidden behind a space. */
  readsBom?: boolean;
  /** Languages of the regions this adapter hands on, whose adapters a run must set up too. */
  embeds?: LanguageId[];
  /** Asynchronous set-up (a WebAssembly grammar, an ESM-only parser) run once before the first parse. */
  init?(): Promise<void>;
  /** Parses text; throws SourceError with a 1-based line on bad input. */
  parse(text: string, path: string): P;
  /** Parses code quoted in docs, tolerant of what snippets leave out or add (`...`, shell lines); throws like `parse` when that fails too. */
  parseSnippet?(text: string, path: string): P;
  /**
   * Frees what a parse holds outside the JavaScript heap (a WebAssembly syntax tree);
   * the engine calls it once it is done with a file's trees.
   */
  dispose?(parsed: P): void;
  /** String values that may be model sites, each with its syntax context (`modules`: what the file imports, where a string's meaning lives there). */
  strings?(parsed: P, text: string, modules?: ModuleReader): StringValue[];
  /** Embedded code to hand to other adapters. */
  regions?(parsed: P, text: string): Region[];
}
