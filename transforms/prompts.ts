/**
 * prompts: the files where prompts and their model live outside code. GitHub Models
 * prompt files (`*.prompt.yml`), Prompty (`*.prompty`), Markdown prompts and agents
 * (`*.prompt.md`, `*.agent.md`, `*.chatmode.md`, `*.instructions.md`, any Markdown with
 * a `model:` frontmatter key), promptfoo configs and agent configs kept as YAML/JSON
 * under `prompts/` or `agents/`.
 *
 * Model slugs are model-slug's (it sees frontmatter and config values, with
 * `modelParameters` and Prompty's `parameters` / `options` as the request the gate
 * reads); in the prompt files above this transform stands in for it when it is not in the
 * run (see `slugSites`). This transform adds what model-slug cannot see: Copilot display
 * names (`GPT-5.4 (copilot)`), Prompty's Azure deployment names, and the prompt text tied
 * to a model that becomes GPT-5.5 in this run (or already is): the model's self-reference
 * follows it, and date injection and output schemas written in prose are listed for
 * review (src/policy/prompts.ts).
 * In code (JS/TS, Python) the prompt text is the `instructions` and system or developer
 * messages written as literals in the same request or Agent as a literal model (or a
 * constant holding one in the same file).
 */
import type { ASTPath } from 'jscodeshift';
import type { Node as PyNode } from 'web-tree-sitter';
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import { type AstNode, isObjectProperty, literalString, nameOf } from '../src/languages/js/nodes.js';
import { type JsParsed, pathsOfType } from '../src/languages/js/tree.js';
import type { JsonParsed } from '../src/languages/json.js';
import { type ConfigMap, type ConfigNode, type ConfigScalar, entryValue, namesRequestModel } from '../src/languages/mapping.js';
import { LineIndex } from '../src/languages/layout.js';
import { type MarkdownParsed, proseBlocks, readFrontmatter } from '../src/languages/markdown.js';
import { nameOf as pyNameOf, plainContent, settingsOf } from '../src/languages/python/nodes.js';
import type { PyParsed } from '../src/languages/python.js';
import { promptyModel, scalarSource } from '../src/languages/yaml.js';
import { hasDirective, plainContext } from '../src/policy/context.js';
import type { Decision } from '../src/policy/classify.js';
import {
  dateInjections, dateInjectionSite, deploymentDecision, displayNameDecision, isTarget, type ModelUse,
  offersStructuredOutputs, parseDisplayName, PROMPT_REWRITE, promptFileKind, promptTie, type PromptTie, proseSchema,
  proseSchemaSite, selfReferences, selfReferenceSite, withPromptRewrite,
} from '../src/policy/prompts.js';
import { isModelLike, MODEL_PREFILTER } from '../src/policy/slug.js';
import { type Handler, type HandlerContext, MODEL_SLUG, type Transform } from '../src/transform.js';
import type { RequestFacts, StringValue } from '../src/types.js';

// ---------------------------------------------------------------------------------------
// Scopes: the models a prompt is sent to, and the prompt's text

/** Prompt text, as a range of the handler's text; `spans` narrows where edits may fall (Markdown text nodes). */
interface Prose {
  start: number;
  end: number;
  spans?: Array<{ start: number; end: number }>;
  /** Backslash escapes are live (a quoted string): `\n` and `\t` separate words. */
  escapes?: boolean;
}

/**
 * A model string whose site this transform reports: a display name or a Prompty
 * deployment (model-slug cannot see them), or a slug of a prompt file (see `slugSites`).
 */
interface ModelSite {
  start: number;
  end: number;
  /** The decision once the prompt's rewrites are known: the class rises with them. */
  final(rewritesPrompt: boolean): Decision;
  /** model-slug edits and reports this string in the same run: only a rise in class is reported here. */
  shared: boolean;
  /** Some prompt tied to this model was rewritten. */
  rewritten: boolean;
}

/** A model a prompt is sent to, and its site when this transform reports one. */
interface Tied {
  use: ModelUse;
  site: ModelSite | null;
}

interface Scope {
  models: Tied[];
  prose: Prose[];
  /** Whether an output schema written in prose is worth a note (Structured Outputs are available and not used). */
  schemaNotes: boolean;
}

/** Where a model and the offsets of its text are read from: the handler's text, or a frontmatter region inside it. */
interface Source {
  strings: StringValue[];
  toLayer(offset: number): number;
  encode(text: string): string;
}

/** Keys whose value is prompt text sent with the model beside them. */
const PROMPT_KEYS = new Set(['instructions', 'system_prompt', 'systemPrompt', 'system', 'system_message', 'systemMessage', 'prompt', 'template']);
/** Keys that ask for Structured Outputs (GitHub Models, Prompty v1/v2, OpenAI request fields, Agents SDK). */
const STRUCTURED_KEYS = new Set(['responseFormat', 'response_format', 'jsonSchema', 'json_schema', 'outputSchema', 'output_schema', 'output_type', 'outputType', 'text_format']);
/** promptfoo: the models under test and the prompts they all get. */
const PROVIDER_KEYS = ['providers', 'targets'];

function scalars(node: ConfigNode | undefined): ConfigScalar[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node];
  return node.kind === 'list' ? node.items.filter((item): item is ConfigScalar => item.kind === 'scalar') : [];
}

function hasKey(node: ConfigNode, keys: ReadonlySet<string>): boolean {
  if (node.kind === 'map') return node.entries.some((e) => keys.has(e.key) || hasKey(e.value, keys));
  return node.kind === 'list' && node.items.some((item) => hasKey(item, keys));
}

/** Chat messages: `content` as text, or as a list of parts with `text`. */
function messageTexts(node: ConfigNode | undefined): ConfigScalar[] {
  if (node?.kind !== 'list') return [];
  return node.items.flatMap((message) => {
    if (message.kind !== 'map') return [];
    const content = entryValue(message, 'content');
    if (content?.kind !== 'list') return scalars(content);
    return content.items.flatMap((part) => (part.kind === 'map' ? scalars(entryValue(part, 'text')) : []));
  });
}

/** promptfoo prompts: inline text or `{raw: ...}`; `file://` references are other files. */
function promptfooPrompts(node: ConfigNode | undefined): ConfigScalar[] {
  const items = node?.kind === 'list' ? node.items : node ? [node] : [];
  return items
    .flatMap((item) => (item.kind === 'map' ? scalars(entryValue(item, 'raw')) : scalars(item)))
    .filter((s) => !/^file:\/\//.test(s.value));
}

function providerIds(map: ConfigMap): ConfigScalar[] {
  return PROVIDER_KEYS.flatMap((key) => {
    const node = entryValue(map, key);
    const items = node?.kind === 'list' ? node.items : node ? [node] : [];
    return items.flatMap((item) => (item.kind === 'map' ? scalars(entryValue(item, 'id')) : scalars(item)));
  });
}

/** Prompt text a mapping sends beside its model: the prompt keys, chat messages and (promptfoo) prompts. */
function promptScalars(map: ConfigMap): ConfigScalar[] {
  return map.entries.flatMap(({ key, value }) => {
    if (PROMPT_KEYS.has(key)) return scalars(value);
    if (key === 'messages') return messageTexts(value);
    return key === 'prompts' ? promptfooPrompts(value) : [];
  });
}

/** The models a mapping names as its request's (`model`, `modelId`, ...) and, for promptfoo, its providers. */
function modelScalars(map: ConfigMap): ConfigScalar[] {
  const own = map.entries.flatMap(({ key, value }) => scalars(value).filter((s) => namesRequestModel(key, s.value)));
  return [...own, ...providerIds(map)];
}

/** Prose of a config scalar; text that is itself a model slug is model-slug's, never prose. */
function scalarProse(text: string): (node: ConfigScalar) => Prose[] {
  return (node) => {
    const range = scalarSource(node);
    return range && !isModelLike(node.value) ? [{ ...range, escapes: text[range.start] === '"' }] : [];
  };
}

// ---------------------------------------------------------------------------------------
// Deciding the models of a scope

/**
 * The slug sites of one parsed text, by their start in `source`. A slug moves to GPT-5.5
 * only in a run where some transform moves it, and the prompt tied to it follows only
 * then. The rule, kept simple: model-slug moves slugs whenever it is in the run, and this
 * transform then never edits one (two edits of one range are rejected) but reports the
 * site again when it rewrites the prompt tied to it, with the raised class. Without
 * model-slug, this transform stands in for it on the prompt files it owns
 * (`ownsModels`): the same decision, edit and site, so `prompts` alone upgrades a
 * `.prompt.yml` and its prompt together. A model in code is not a prompt file's: alone,
 * this transform leaves it and its prompt as they are. Config requests carry no effort
 * insertion (src/languages/mapping.ts), so standing in adds none.
 */
function slugSites(ctx: HandlerContext, source: Source, ownsModels: boolean): Map<number, ModelSite> {
  const sites = new Map<number, ModelSite>();
  const shared = ctx.running.has(MODEL_SLUG);
  if (!shared && !ownsModels) return sites;
  for (const string of source.strings) {
    const decision = ctx.classify(string.value, string.context, source.toLayer(string.start));
    if (!decision) continue;
    sites.set(string.start, {
      start: source.toLayer(string.start),
      end: source.toLayer(string.end),
      final: (rewrites) => withPromptRewrite(decision, rewrites),
      shared,
      rewritten: false,
    });
  }
  return sites;
}

/** A slug as its site decides it; without a site nobody moves it in this run (null unless it is GPT-5.5 already). */
function slugUse(sites: Map<number, ModelSite>, value: string, start: number | undefined): Tied {
  const site = start === undefined ? null : sites.get(start) ?? null;
  return { use: { value, slug: value, decision: site?.final(false) ?? null }, site };
}

function scalarUse(sites: Map<number, ModelSite>, node: ConfigScalar): Tied {
  return slugUse(sites, node.value, node.span?.start);
}

/** A display name (`GPT-5.4 (copilot)`): decided as the slug it names, edited and reported here. */
function displayUse(ctx: HandlerContext, source: Source, node: ConfigScalar, listed: number, sites: Map<number, ModelSite>): Tied | null {
  const name = parseDisplayName(node.value);
  if (!name || !node.span) return null;
  const offset = source.toLayer(node.span.start);
  const decision = isTarget(name.slug) ? null : ctx.classify(name.slug, plainContext(['model'], [], listed), offset);
  if (!decision) return { use: { value: node.value, slug: name.slug, decision: null }, site: null };
  const site = ownSite(offset, source.toLayer(node.span.end), (rewrites) => displayNameDecision(name, decision, rewrites));
  sites.set(node.span.start, site);
  return { use: { value: node.value, slug: name.slug, decision: site.final(false) }, site };
}

/** Prompty names an Azure deployment where a model would be: decided here, since it is no slug. */
function deploymentUse(ctx: HandlerContext, source: Source, node: ConfigScalar, request: RequestFacts, sites: Map<number, ModelSite>): Tied {
  if (!node.span) return { use: { value: node.value, slug: node.value, decision: null }, site: null };
  const offset = source.toLayer(node.span.start);
  const classified = ctx.classify(node.value, plainContext(['azure_deployment', 'model'], [request]), offset);
  const decision = classified ? deploymentDecision(classified, ctx.options.all) : null;
  if (!decision) return { use: { value: node.value, slug: node.value, decision: null }, site: null };
  const site = ownSite(offset, source.toLayer(node.span.end), () => decision);
  sites.set(node.span.start, site);
  return { use: { value: node.value, slug: node.value, decision }, site };
}

function ownSite(start: number, end: number, final: ModelSite['final']): ModelSite {
  return { start, end, final, shared: false, rewritten: false };
}

/** The frontmatter `model:` of a Markdown prompt or Prompty file: a slug, a display name, a fallback list or a Prompty section. */
function frontmatterUses(ctx: HandlerContext, source: Source, model: ConfigNode, sites: Map<number, ModelSite>): Tied[] {
  const prompty = promptyModel(model);
  if (prompty) {
    if (prompty.deployment) return [deploymentUse(ctx, source, prompty.deployment, prompty.request, sites)];
    return prompty.model ? [scalarUse(sites, prompty.model)] : [];
  }
  const listed = scalars(model).filter((s) => isModelLike(s.value) || parseDisplayName(s.value));
  const count = model.kind === 'list' ? listed.length : 0;
  return scalars(model).map((node) => displayUse(ctx, source, node, count, sites) ?? scalarUse(sites, node));
}

// ---------------------------------------------------------------------------------------
// Applying a scope

/** The ignore directive on a line of prompt text, or the line above, leaves it alone. */
function directiveCheck(text: string): (offset: number) => boolean {
  let lines: LineIndex | null = null;
  return (offset) => {
    lines ??= new LineIndex(text);
    return hasDirective(lines.lineTexts, lines.position(offset).line);
  };
}

/** Scanned text: in a quoted string, `\n` and `\t` escapes read as the spaces they stand for (same length). */
function scanText(raw: string, escapes = false): string {
  return escapes ? raw.replace(/\\[ntr]/g, '  ') : raw;
}

function within(prose: Prose, start: number, end: number): boolean {
  return !prose.spans || prose.spans.some((span) => span.start <= start && end <= span.end);
}

function rewritePrompt(ctx: HandlerContext, scope: Scope, tie: PromptTie, ignored: (offset: number) => boolean): number {
  let rewritten = 0;
  let schemaNoted = !scope.schemaNotes;
  for (const prose of scope.prose) {
    const text = scanText(ctx.text.slice(prose.start, prose.end), prose.escapes);
    for (const mention of selfReferences(text, tie)) {
      const start = prose.start + mention.start;
      const end = prose.start + mention.end;
      if (!within(prose, start, end) || ignored(start)) continue;
      ctx.edit({ start, end, text: mention.replacement });
      ctx.site({ offset: start, ...selfReferenceSite(mention, tie) });
      rewritten++;
    }
    for (const line of dateInjections(text)) {
      if (!ignored(prose.start + line.start)) ctx.site({ offset: prose.start + line.start, ...dateInjectionSite(line, tie) });
    }
    const schema = schemaNoted ? null : proseSchema(text);
    if (schema && !ignored(prose.start + schema.start)) {
      ctx.site({ offset: prose.start + schema.start, ...proseSchemaSite(schema, tie) });
      schemaNoted = true;
    }
  }
  return rewritten;
}

function applyScope(ctx: HandlerContext, scope: Scope, ignored: (offset: number) => boolean): void {
  const tie = promptTie(scope.models.map((m) => m.use));
  if (!tie || rewritePrompt(ctx, scope, tie, ignored) === 0) return;
  for (const { site } of scope.models) if (site) site.rewritten = true;
}

/** Reports the model sites of a parsed text once its scopes are applied, and makes the edits that are this transform's. */
function reportSites(ctx: HandlerContext, sites: Map<number, ModelSite>, encode: (text: string) => string): void {
  for (const site of sites.values()) {
    const decision = site.final(site.rewritten);
    if (site.shared && decision.upgradeClass !== PROMPT_REWRITE) continue;
    if (!site.shared && decision.status === 'upgraded' && decision.to !== null) ctx.edit({ start: site.start, end: site.end, text: encode(decision.to) });
    ctx.site({ offset: site.start, ...decision });
  }
}

// ---------------------------------------------------------------------------------------
// Handlers

/** Every mapping that sends prompt text beside a model, outermost first. */
function configScopes(ctx: HandlerContext, roots: readonly ConfigNode[], sites: Map<number, ModelSite>): Scope[] {
  const scopes: Scope[] = [];
  const visit = (node: ConfigNode): void => {
    if (node.kind === 'list') node.items.forEach(visit);
    if (node.kind !== 'map') return;
    const models = modelScalars(node);
    const prompts = promptScalars(node);
    if (models.length > 0 && prompts.length > 0) {
      scopes.push({
        models: models.map((m) => scalarUse(sites, m)),
        prose: prompts.flatMap(scalarProse(ctx.text)),
        schemaNotes: !hasKey(node, STRUCTURED_KEYS),
      });
    }
    node.entries.forEach((e) => visit(e.value));
  };
  roots.forEach(visit);
  return scopes;
}

function configHandler(roots: (ctx: HandlerContext) => readonly ConfigNode[]): Handler {
  return (ctx) => {
    const kind = promptFileKind(ctx.path);
    // A YAML region inside Markdown is frontmatter or a fence: the Markdown handler reads the former.
    if (!kind || kind === 'prompty' || kind === 'markdown-prompt') return;
    const source: Source = { strings: ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [], toLayer: (o) => o, encode: (t) => t };
    const sites = slugSites(ctx, source, true);
    const ignored = directiveCheck(ctx.text);
    for (const scope of configScopes(ctx, roots(ctx), sites)) applyScope(ctx, scope, ignored);
    reportSites(ctx, sites, source.encode);
  };
}

/** A Markdown prompt, agent or Prompty file: the frontmatter names the model, the body is the prompt. */
const markdownPrompt: Handler = (ctx: HandlerContext<MarkdownParsed>) => {
  const frontmatter = readFrontmatter(ctx.parsed, ctx.text);
  const root = frontmatter?.roots[0];
  const model = root?.kind === 'map' ? entryValue(root, 'model') : undefined;
  if (!frontmatter || !root || !model) return;
  const { region } = frontmatter;
  const source: Source = { strings: frontmatter.strings, toLayer: (o) => region.toOuter(o), encode: (t) => region.encode(t) };
  const sites = slugSites(ctx, source, true);
  const scope: Scope = {
    models: frontmatterUses(ctx, source, model, sites),
    prose: proseBlocks(ctx.parsed),
    schemaNotes: offersStructuredOutputs(promptFileKind(ctx.path)) && !hasKey(root, STRUCTURED_KEYS),
  };
  applyScope(ctx, scope, directiveCheck(ctx.text));
  reportSites(ctx, sites, source.encode);
};

// ---------------------------------------------------------------------------------------
// Code: instructions and system messages beside a literal model

/** Keys of a request or Agent whose literal value is its instructions. */
const INSTRUCTION_KEYS = new Set(['instructions', 'system', 'systemPrompt', 'system_prompt']);
/** Keys holding a message list; only system and developer messages are the prompt's own voice. */
const MESSAGE_KEYS = new Set(['messages', 'input']);
const INSTRUCTION_ROLES = new Set(['system', 'developer']);

/** The model slugs of a source file: model-slug's alone (see `slugSites`). */
function codeSites(ctx: HandlerContext): Map<number, ModelSite> {
  const source: Source = { strings: ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [], toLayer: (o) => o, encode: (t) => t };
  return slugSites(ctx, source, false);
}

/** A JS string or template literal's text between the delimiters (expressions included: they are scanned, never edited). */
function jsText(node: AstNode | null | undefined): Prose[] {
  if (!node || node.start == null || node.end == null) return [];
  if (node.type === 'StringLiteral' || node.type === 'TemplateLiteral') return [{ start: node.start + 1, end: node.end - 1, escapes: true }];
  return node.type === 'BinaryExpression' && node.operator === '+' ? [...jsText(node.left), ...jsText(node.right)] : [];
}

function jsEntries(object: AstNode): Map<string, AstNode> {
  const out = new Map<string, AstNode>();
  for (const property of object.properties ?? []) {
    const key = isObjectProperty(property) ? nameOf(property.key) : null;
    if (key) out.set(key, property.value);
  }
  return out;
}

function jsMessages(list: AstNode | undefined): Prose[] {
  if (list?.type !== 'ArrayExpression') return [];
  return list.elements.flatMap((element: AstNode | null) => {
    const entries = element?.type === 'ObjectExpression' ? jsEntries(element) : null;
    const role = literalString(entries?.get('role'))?.value ?? '';
    return entries && INSTRUCTION_ROLES.has(role) ? jsText(entries.get('content')) : [];
  });
}

/** The literal a model value is: written in place, or a `const` of this file that holds one. */
function jsModelLiteral(ctx: HandlerContext<JsParsed>, value: AstNode): { value: string; start: number } | null {
  const literal = literalString(value);
  if (literal) return literal;
  if (value.type !== 'Identifier') return null;
  const declarations = pathsOfType(ctx.parsed, 'VariableDeclarator').filter((p) => p.node.id.type === 'Identifier' && p.node.id.name === value.name);
  const only = declarations.length === 1 ? (declarations[0]!.parent.node as AstNode) : null;
  return only?.kind === 'const' ? literalString((declarations[0]!.node as AstNode).init) : null;
}

function jsStructured(entries: Map<string, AstNode>): boolean {
  const text = entries.get('text');
  return [...entries.keys()].some((key) => STRUCTURED_KEYS.has(key)) ||
    (text?.type === 'ObjectExpression' && jsEntries(text).has('format'));
}

const jsPrompts: Handler = (ctx: HandlerContext<JsParsed>) => {
  const sites = codeSites(ctx);
  const ignored = directiveCheck(ctx.text);
  pathsOfType(ctx.parsed, 'ObjectExpression').forEach((path: ASTPath<any>) => {
    const entries = jsEntries(path.node as AstNode);
    const modelValue = entries.get('model');
    const model = modelValue ? jsModelLiteral(ctx, modelValue) : null;
    if (!model) return;
    const prose = [...entries].flatMap(([key, value]) =>
      INSTRUCTION_KEYS.has(key) ? jsText(value) : MESSAGE_KEYS.has(key) ? jsMessages(value) : []);
    if (prose.length === 0) return;
    const scope: Scope = { models: [slugUse(sites, model.value, model.start)], prose, schemaNotes: !jsStructured(entries) };
    applyScope(ctx, scope, ignored);
  });
  reportSites(ctx, sites, (t) => t);
};

/** A Python string's text between its quotes; raw strings have no escapes. Concatenated strings give each part. */
function pyText(node: PyNode | null | undefined): Prose[] {
  if (node?.type === 'concatenated_string' || node?.type === 'parenthesized_expression') return node.namedChildren.flatMap(pyText);
  const open = node?.type === 'string' ? node.firstChild : null;
  const close = node?.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return [];
  return [{ start: open.endIndex, end: close.startIndex, escapes: !/r/i.test(open.text) }];
}

function pyMessages(list: PyNode): Prose[] {
  if (list.type !== 'list') return [];
  return list.namedChildren.flatMap((element) => {
    if (element.type !== 'dictionary') return [];
    const settings = settingsOf(element);
    const role = plainContent(settings.find((s) => s.key === 'role')?.value)?.value ?? '';
    return INSTRUCTION_ROLES.has(role) ? pyText(settings.find((s) => s.key === 'content')?.value) : [];
  });
}

/** The literal a model value is: written in place, or a module-level assignment of this file that holds one. */
function pyModelLiteral(root: PyNode, value: PyNode): { value: string; start: number } | null {
  const literal = plainContent(value);
  if (literal || value.type !== 'identifier') return literal;
  const assignments = root.namedChildren
    .map((statement) => statement.firstNamedChild)
    .filter((node): node is PyNode => node?.type === 'assignment' && pyNameOf(node.childForFieldName('left')) === value.text);
  return assignments.length === 1 ? plainContent(assignments[0]!.childForFieldName('right')) : null;
}

const pyPrompts: Handler = (ctx: HandlerContext<PyParsed>) => {
  const root = ctx.parsed.tree.rootNode;
  const sites = codeSites(ctx);
  const ignored = directiveCheck(ctx.text);
  for (const request of root.descendantsOfType(['call', 'dictionary'])) {
    if (!request) continue;
    const settings = settingsOf(request);
    const modelValue = settings.find((s) => s.key === 'model')?.value;
    const model = modelValue ? pyModelLiteral(root, modelValue) : null;
    if (!model) continue;
    const prose = settings.flatMap(({ key, value }) =>
      INSTRUCTION_KEYS.has(key) ? pyText(value) : MESSAGE_KEYS.has(key) ? pyMessages(value) : []);
    if (prose.length === 0) continue;
    const structured = settings.some((s) => STRUCTURED_KEYS.has(s.key));
    const scope: Scope = { models: [slugUse(sites, model.value, model.start)], prose, schemaNotes: !structured };
    applyScope(ctx, scope, ignored);
  }
  reportSites(ctx, sites, (t) => t);
};

export const prompts: Transform = {
  name: 'prompts',
  description: 'Upgrade prompt, eval and agent files (GitHub Models, Prompty, Markdown agents, promptfoo): display names, self-references in prompt text, review notes',
  // Display names are capitalised (`GPT-5.4`), unlike slugs.
  prefilter: new RegExp(MODEL_PREFILTER.source, 'i'),
  handlers: {
    yaml: configHandler((ctx) => ctx.parsed as ConfigNode[]),
    json: configHandler((ctx) => {
      const { root } = ctx.parsed as JsonParsed;
      return root ? [root] : [];
    }),
    markdown: markdownPrompt,
    js: jsPrompts,
    python: pyPrompts,
  },
};

export default jscodeshiftTransform(prompts);
