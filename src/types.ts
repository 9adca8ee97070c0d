/**
 * Shared shapes between the runner, the language adapters, the transforms, the policy
 * and the reports. Offsets are JavaScript string indices into the text they refer to.
 */

export type Status = 'upgraded' | 'confirmation-needed' | 'blocked' | 'unknown';

export type UpgradeClass = 'model string only' | 'model string + light prompt rewrite' | 'blocked' | 'unknown';

export type LanguageId = 'js' | 'python' | 'json' | 'yaml' | 'markdown' | 'notebook' | 'env' | 'toml';

/** Replace text[start, end) with `text`. Insertions have start === end. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A site as a transform reports it: `offset` is into the text the handler was given. */
export interface SiteDraft {
  offset: number;
  transform: string;
  status: Status;
  from: string | null;
  to: string | null;
  family: string | null;
  upgradeClass: UpgradeClass;
  reason: string;
  reasoningEffort?: string;
}

/** A site as the report holds it (DESIGN.md, "The report"). */
export interface Site extends Omit<SiteDraft, 'offset'> {
  file: string;
  line: number;
  column: number;
  /** Workspace package the file belongs to, when the run found one. */
  package?: string;
  /** The site's key in the decisions file: its file, transform, model and nearby code, not its line number. */
  fingerprint?: string;
  /** What the decisions file says about the site, when it says anything. */
  decision?: SiteDecision;
  /** A catalog's or a pinned file's one line (src/policy/collapse.ts, pins.ts): the member sites it stands for, from `line` to `lastLine`. */
  catalog?: CatalogLine;
}

export interface CatalogLine {
  sites: number;
  /** Each model once, in the order of the file. */
  models: string[];
  lastLine: number;
  /** On a pinned file's line (src/policy/pins.ts) rather than a catalog's: what the path holds, and how many sites name each of `models`. */
  pins?: PinsLine;
}

/**
 * What a pinned path holds (src/policy/context.ts), which decides whether --all moves it:
 * tests and evals may be upgraded on request; recorded data (fixtures, snapshots) and
 * history stay as written.
 */
export type PinnedKind = 'test' | 'eval' | 'recorded' | 'history';

export interface PinsLine {
  path: PinnedKind;
  /** In the order of `models`. */
  counts: number[];
}

/** A person's decision on a site (src/policy/decisions.ts): leave it as it is, or upgrade it as with --all. */
export interface SiteDecision {
  kind: 'keep' | 'upgrade';
  note?: string;
  by: string;
  /** ISO date. */
  at: string;
}

export interface FileError {
  file: string;
  line: number | null;
  message: string;
}

/** A parse failure, with the 1-based position the parser named. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null = null,
  ) {
    super(message);
  }
}

/** Facts about the request (object literal, call or mapping) that holds a model. */
export interface RequestFacts {
  /** Sampling parameters the request sends that GPT-5.5 rejects unless effort is none. */
  sampling: string[];
  /** The visible reasoning effort, exactly as written, if any. */
  effort?: string;
  /**
   * With no visible effort: the insertion that sets effort `none` in this request's API
   * spelling, laid out like the request (absent where the spelling is not known).
   */
  addEffort?: Edit;
  /** The visible `prompt_cache_retention` (any SDK spelling), exactly as written, if any. */
  retention?: string;
  /**
   * The Agents SDK fills in its per-model default settings under this request: an agent
   * that sets no model settings of its own, or a run config (merged over those defaults).
   */
  sdkDefaults?: true;
  /**
   * The request goes to a model API through a known client: an SDK request call, an Agents
   * SDK agent or run config, a model client constructor (`ChatOpenAI(model=…)`). Not a call
   * that merely takes a `model` keyword (an error object, an analytics event, a mock's assertion).
   */
  live?: true;
}

/** The API a request goes to, as its call or its keys show. */
export type RequestApi = 'responses' | 'chat-completions' | 'agents';

/** What kind of request an object or call is: its API, and the client that sends it. */
export interface RequestKind {
  api: RequestApi;
  /** The SDK that sends it (openai-node / openai-python, or the Agents SDK); null for a raw HTTP body. */
  client: 'openai' | 'agents' | null;
  /** A `responses.compact` call. */
  compact: boolean;
}

/** Syntax facts about a string that is a candidate model site. */
export interface StringContext {
  /** Compared rather than used: ===, ==, !=, in, startsWith, includes, match, switch/case. */
  compared: boolean;
  /** Part of a type (TypeScript literal type, Python Literal[...]). */
  inType: boolean;
  /**
   * How many model-like strings the enclosing array / list / tuple / set holds, this one
   * included; 0 when the string is not an element of such a collection.
   */
  collectionModels: number;
  /** Names the value is assigned to, nearest first: key, property, variable, parameter. */
  names: string[];
  /** The requests that use this value as their model (several when a constant is shared). */
  requests: RequestFacts[];
  /** Part of an object that describes a model (pricing, context window, capabilities): a catalog entry. */
  catalogEntry?: boolean;
  /** The title of the test or suite around the value, when it names the model: the test is about that model. */
  testSubject?: string;
  /** Returned by a branch a model-name comparison picks (`if (m.startsWith("gpt-5")) return "gpt-5"`): a mapping. */
  mapped?: boolean;
  /**
   * The value is a key of this table (typed `keyof typeof models`, or returned beside defaults
   * that are): its keys, which the new slug must be one of, and the module declaring it when
   * that is another file.
   */
  keyOf?: { table: string; keys: string[]; module?: string };
  /** The input of a lookup or predicate (`isReasoningModel("o3")`, `expect(getModelInfo("gpt-4o"))`, `models["o3"]`): the function or table. */
  lookupInput?: string;
  /** Part of a recorded API response (`{object: "response", model: …}`): not a site. */
  recorded?: boolean;
  /** The request around the value sends through a mock (`configuration: {fetch: fetchMock}`): the name of the mock. */
  mockedBy?: string;
  /** The library whose call holds the value's request, when it spells settings its own way (`langchain`). */
  library?: 'langchain';
  /** The provider a class serving the value declares (`static providerName = "askSage"`), when it is not OpenAI. */
  provider?: string;
  /** A comment or display name beside the value that names the old model (`// defaults to gpt-5.4`, `name: GPT-4o`). */
  prose?: string;
  /** A setting beside it names Azure (`server="azure"`, `provider: azure`): the model there is a deployment name. */
  azureSibling?: boolean;
  /**
   * The value is text matched, not a model named: `text` for a family check or spelling
   * rewrite (`"o3" in name`, `name.startswith("gpt-5")`, `name.replace("gpt_4o", "gpt-4o")`),
   * `tokenizer` for the model a tokenizer is looked up for (`encoding_for_model("gpt-4o")`).
   */
  matched?: 'text' | 'tokenizer';
  /** Part of a computer-use flow, which moves as a whole: in a test, the assertions on what the code sends move with it. */
  flow?: true;
}

/**
 * A string value located by an adapter. [start, end) is the raw text between the
 * quotes (or the whole unquoted scalar), which equals `value` when nothing is escaped.
 */
export interface StringValue {
  value: string;
  start: number;
  end: number;
  context: StringContext;
}
