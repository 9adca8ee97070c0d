/**
 * The policy for prompt sites: which files are prompts, which prompt text is tied to a
 * model that becomes GPT-5.5, which mentions of GPT-5.4 in that text are the model's
 * self-reference (never URLs, identifiers, version tables or quoted history), and the
 * review notes GPT-5.5 makes worth writing (date injection, output schemas in prose).
 */
import type { SiteDraft, UpgradeClass } from '../types.js';
import { TARGET } from './catalog.js';
import type { Decision } from './classify.js';
import { parseSlug, splitPrefix } from './slug.js';

export type PromptFileKind = 'github-models' | 'prompty' | 'markdown-prompt' | 'promptfoo' | 'agent-config';

const PROMPT_FILES: Array<{ pattern: RegExp; kind: PromptFileKind }> = [
  { pattern: /\.prompt\.ya?ml$/i, kind: 'github-models' },
  { pattern: /\.prompty$/i, kind: 'prompty' },
  { pattern: /\.(prompt|chatmode|agent|instructions)\.md$/i, kind: 'markdown-prompt' },
  { pattern: /(^|\/)promptfooconfig\.[^/]+$/, kind: 'promptfoo' },
  // Agent and prompt definitions kept as data beside the code that loads them.
  { pattern: /(^|\/)(prompts|agents)\/([^/]+\/)*[^/]+\.(ya?ml|jsonc?)$/i, kind: 'agent-config' },
];

/** What kind of prompt file a path names, or null. Any Markdown with a `model:` frontmatter key is one too (the caller checks). */
export function promptFileKind(path: string): PromptFileKind | null {
  return PROMPT_FILES.find((f) => f.pattern.test(path))?.kind ?? null;
}

/**
 * Copilot's Markdown prompts and agents are sent by the editor, which sets no response
 * format: a schema in their prose has nowhere else to go.
 */
export function offersStructuredOutputs(kind: PromptFileKind | null): boolean {
  return kind !== 'markdown-prompt';
}

export const PROMPT_REWRITE: UpgradeClass = 'model string + light prompt rewrite';

const TARGET_SLUG = new RegExp(`^${TARGET.replace('.', '\\.')}(-pro)?(-\\d{4}-\\d{2}-\\d{2})?$`);

/** Already GPT-5.5 (a prefix allowed): the prompt's model was upgraded before. */
export function isTarget(value: string): boolean {
  return TARGET_SLUG.test(splitPrefix(value).slug);
}

/**
 * A model display name as VS Code and GitHub Copilot write them in prompt and agent files:
 * `GPT-5.4`, `GPT-5.4 (copilot)`, `GPT-5 mini`. Not a slug, so model-slug never sees it.
 */
export interface DisplayName {
  text: string;
  /** The slug it names: `gpt-5.4`, `gpt-5-mini`. */
  slug: string;
  /** The display name of the counterpart slug, in the same spelling. */
  displayOf(slug: string): string;
}

const DISPLAY_NAME = /^(GPT)-(\d+(?:\.\d+)?o?)((?:[- ](?:mini|nano|pro|codex|max))*)(\s*\(.*\))?$/i;

export function parseDisplayName(text: string): DisplayName | null {
  const match = DISPLAY_NAME.exec(text);
  if (!match || parseSlug(text)) return null;
  const [, gpt, version, words, suffix = ''] = match as unknown as [string, string, string, string, string | undefined];
  const slug = `gpt-${version}${words.replace(/ /g, '-')}`.toLowerCase();
  if (!parseSlug(slug) && !isTarget(slug)) return null;
  const pro = /[- ]pro\b/i.exec(words)?.[0] ?? '-pro';
  return {
    text,
    slug,
    displayOf: (to) => `${gpt}-${to.replace(/^gpt-/, '').replace(/-pro$/, pro)}${suffix}`,
  };
}

/** A model named in a prompt's scope and what the policy decided for it (null: not an OpenAI site). */
export interface ModelUse {
  /** The model as written (a slug, a display name, a deployment name). */
  value: string;
  /** The slug it names. */
  slug: string;
  decision: Decision | null;
}

/** A prompt whose model is GPT-5.5 after this run: its self-references follow the model. */
export interface PromptTie {
  /** The model as written, for reasons. */
  model: string;
  /** What the model is after the run, as written. */
  becomes: string;
  family: string;
  /** The bare slug a self-reference names: the model before the upgrade. */
  selfSlug: string;
  reasoningEffort?: string;
}

/**
 * The model a prompt is sent to, when it is (or is being made) GPT-5.5. Null when the
 * prompt names no OpenAI model, when that model stays (pinned, blocked, no counterpart),
 * or when it is sent to two or more models: a prompt shared by a comparison (a promptfoo
 * providers list, a fallback list) keeps its text even with --all, since one arm stays.
 */
export function promptTie(uses: ModelUse[]): PromptTie | null {
  if (uses.length !== 1) return null;
  const [{ value, slug, decision }] = uses as [ModelUse];
  if (decision?.status === 'upgraded' && decision.to !== null) {
    const from = parseSlug(slug);
    if (!from) return null;
    const tie: PromptTie = { model: value, becomes: decision.to, family: decision.family, selfSlug: from.base };
    return decision.reasoningEffort === undefined ? tie : { ...tie, reasoningEffort: decision.reasoningEffort };
  }
  if (decision === null && isTarget(slug)) {
    const base = splitPrefix(slug).slug.replace(/-\d{4}-\d{2}-\d{2}$/, '');
    return { model: value, becomes: value, family: TARGET, selfSlug: base.replace(TARGET, 'gpt-5.4') };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Prompt text

/** A place in prompt text and the text found there; offsets are into the scanned text. */
export interface TextMatch {
  start: number;
  end: number;
  text: string;
}

export interface Mention extends TextMatch {
  replacement: string;
}

const MENTION = /gpt-5\.4(?:-pro\b|\s+pro\b)?/gi;
/** Characters that make a mention part of an identifier, path, URL, variable or code span. */
const IDENTIFIER_BEFORE = /[\w./:@#$%=`'"\\-]/;
const IDENTIFIER_AFTER = /^(?:[\w/@`\\]|[-._]\w|\s+(?:mini|nano)\b)/i;
/** Bare URLs in prose (Markdown link targets are never prose; the adapter drops them). */
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]+|\bwww\.[^\s<>"'`)\]]+/gi;
/**
 * Sentences that talk about the past or compare models: history the prompt quotes, not the
 * model's name for itself. Broad on purpose; a miss only leaves text as it was.
 */
const HISTORY = new RegExp(
  [
    String.raw`\b(previous(ly)?|formerly|originally|used to|no longer|was|were|had|has been|have been)\b`,
    String.raw`\b(migrat|upgrad|switch|moved|replac|deprecat|retir|tuned|benchmark|compar|evaluat|launch|releas|introduc)\w*`,
    String.raw`\b(versus|vs\.?|than|before|earlier|older|legacy|until|since|changelog|history|historical)\b`,
    String.raw`\b(19|20)\d\d\b`,
    String.raw`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b`,
  ].join('|'),
  'i',
);

/**
 * Sentence ends, paragraph breaks and list items: the units the history check reads.
 * Written out rather than Intl.Segmenter, which breaks a sentence at every line feed
 * (UAX #29) while prompts wrap sentences across lines.
 */
const BOUNDARY = /[.!?]+["')\]]*(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])|\n(?=[ \t]*#)/g;

/** The sentence holding `index`, trimmed; its closing punctuation included. */
function sentenceAround(text: string, index: number): TextMatch {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index + match[0].length;
    if (at <= index) start = at;
    else if (match.index >= index) {
      end = match[0].startsWith('\n') ? match.index : at;
      break;
    }
  }
  return trimmed(text, start, end);
}

function trimmed(text: string, start: number, end: number): TextMatch {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end: start + raw.trimEnd().length, text: raw.trim() };
}

function lineAround(text: string, index: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  return { start, end: newline === -1 ? text.length : newline };
}

/** A row of a Markdown table (a version table, usually) or a quoted line. */
function inTableOrQuote(line: string): boolean {
  return (line.match(/\|/g)?.length ?? 0) >= 2 || /^\s*>/.test(line);
}

function inUrl(text: string, start: number): boolean {
  for (const match of text.matchAll(URL)) {
    if (match.index <= start && start < match.index + match[0].length) return true;
  }
  return false;
}

function isIdentifier(text: string, start: number, end: number): boolean {
  return IDENTIFIER_BEFORE.test(text[start - 1] ?? ' ') || IDENTIFIER_AFTER.test(text.slice(end));
}

/** The mentions of `tie.selfSlug` in `text` that are the model's name for itself, with their GPT-5.5 spelling. */
export function selfReferences(text: string, tie: PromptTie): Mention[] {
  const out: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    const end = start + match[0].length;
    const slug = match[0].toLowerCase().replace(/\s+/, '-');
    if (slug !== tie.selfSlug || !parseSlug(slug) || isIdentifier(text, start, end) || inUrl(text, start)) continue;
    const line = lineAround(text, start);
    if (inTableOrQuote(text.slice(line.start, line.end)) || HISTORY.test(sentenceAround(text, start).text)) continue;
    out.push({ start, end, text: match[0], replacement: match[0].replace('5.4', '5.5') });
  }
  return out;
}

/** `{{today}}` (Mustache, Jinja, Prompty), `${today}` (JS templates, VS Code inputs), `{today}` (Python format and f-strings). */
const PLACEHOLDER = /\{\{([^{}]*)\}\}|\$\{([^{}]*)\}|\{([^{}\n]+)\}/g;
const DATE_NAME = /^(?:input:)?(?:today|now|date|datetime|current_?(?:date|time|datetime|utc_?date)|todays?_?date|date_?today|utc_?now)$/i;
const DATE_CALL = /\bnew Date\b|\bDate\.now\b|\b(?:datetime|date)\.(?:today|now|utcnow)\b|\b(?:today|now|utcnow)\(\)|["']now["']/i;

/** A template placeholder that fills in the current date or time. */
function isDatePlaceholder(inner: string): boolean {
  const name = inner.trim().replace(/\(\s*\)$/, '');
  return DATE_NAME.test(name) || DATE_CALL.test(inner);
}

/** Sentences of prompt text that inject the current date (`Today's date is {{today}}.`). */
export function dateInjections(text: string): TextMatch[] {
  const sentences = new Map<number, TextMatch>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!isDatePlaceholder(match[1] ?? match[2] ?? match[3] ?? '')) continue;
    const sentence = sentenceAround(text, match.index);
    sentences.set(sentence.start, sentence);
  }
  return [...sentences.values()];
}

const ANSWER_VERB = /\b(respond|reply|return|output|answer|format(?:ted)?|produce|emit|give)\b/i;
const SHAPE_WORD = /\b(keys?|fields?|properties|schema|shape|structure)\b|\{\s*"/i;

/** The first sentence that spells out a JSON output format in prose. */
export function proseSchema(text: string): TextMatch | null {
  for (const match of text.matchAll(/\bjson\b/gi)) {
    const sentence = sentenceAround(text, match.index);
    if (ANSWER_VERB.test(sentence.text) && SHAPE_WORD.test(sentence.text)) return sentence;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Sites

type PromptSite = Omit<SiteDraft, 'transform' | 'offset'>;

export function selfReferenceSite(mention: Mention, tie: PromptTie): PromptSite {
  const site: PromptSite = {
    status: 'upgraded',
    from: mention.text,
    to: mention.replacement,
    family: tie.family,
    upgradeClass: PROMPT_REWRITE,
    reason:
      tie.model === tie.becomes
        ? `the prompt names its own model, and its model \`${tie.model}\` is already GPT-5.5`
        : `the prompt names its own model, and its model \`${tie.model}\` becomes \`${tie.becomes}\``,
  };
  return tie.reasoningEffort === undefined ? site : { ...site, reasoningEffort: tie.reasoningEffort };
}

const SNIPPET = 80;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1).trimEnd()}…` : flat;
}

function suggestion(match: TextMatch, tie: PromptTie, reason: string): PromptSite {
  return {
    status: 'confirmation-needed',
    from: snippet(match.text),
    to: null,
    family: tie.family,
    upgradeClass: PROMPT_REWRITE,
    reason,
  };
}

export function dateInjectionSite(match: TextMatch, tie: PromptTie): PromptSite {
  return suggestion(
    match,
    tie,
    'injects the current date: GPT-5.5 knows the current UTC date, so the injected date can usually go ' +
      '(keep it if the app needs a local time zone or a fixed date)',
  );
}

export function proseSchemaSite(match: TextMatch, tie: PromptTie): PromptSite {
  return suggestion(
    match,
    tie,
    'output format spelled out in prose: Structured Outputs enforce it (`text: {format: {type: "json_schema", ...}}` ' +
      'in Responses, `response_format` in Chat Completions, `responseFormat: json_schema` with `jsonSchema` in a .prompt.yml); ' +
      'then the prose can shrink to what the schema cannot say',
  );
}

/** A model site once its prompt's rewrites are known: an upgraded model whose prompt was rewritten is a light prompt rewrite. */
export function withPromptRewrite(decision: Decision, rewritesPrompt: boolean): Decision {
  return decision.status === 'upgraded' && rewritesPrompt ? { ...decision, upgradeClass: PROMPT_REWRITE } : decision;
}

/** A display-name model site: the decision for the slug it names, spelled as the file spells it. */
export function displayNameDecision(name: DisplayName, decision: Decision, rewritesPrompt: boolean): Decision {
  return { ...withPromptRewrite(decision, rewritesPrompt), from: name.text, to: decision.to === null ? null : name.displayOf(decision.to) };
}

/**
 * An Azure deployment name where a Prompty file names its model (policy rule 4, Azure
 * clients): pinned context unless --all; a dated pin keeps its own reason.
 */
export function deploymentDecision(decision: Decision, all: boolean): Decision {
  if (all || (decision.status === 'confirmation-needed' && parseSlug(decision.from)?.snapshot)) return decision;
  const { reasoningEffort: _effort, ...rest } = decision;
  return {
    ...rest,
    status: 'confirmation-needed',
    upgradeClass: decision.to === null ? 'unknown' : 'model string only',
    reason:
      'an Azure deployment name (Prompty `azure_deployment` or an Azure provider), not a model slug: rename it together with the deployment',
  };
}
