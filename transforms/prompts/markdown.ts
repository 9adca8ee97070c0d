/** prompts in Markdown prompts, agents and Prompty files: the frontmatter names the model, the body is the prompt. */
import type { ConfigNode, ConfigScalar } from '../../src/languages/mapping.js';
import { entryValue } from '../../src/languages/mapping.js';
import { type MarkdownParsed, proseBlocks, readFrontmatter } from '../../src/languages/markdown.js';
import { promptyModel } from '../../src/languages/prompty.js';
import { plainContext } from '../../src/policy/context.js';
import {
  deploymentDecision,
  displayNameDecision,
  isTarget,
  offersStructuredOutputs,
  parseDisplayName,
  promptFileKind,
} from '../../src/policy/prompts.js';
import { isModelLike } from '../../src/policy/slug.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { RequestFacts } from '../../src/types.js';
import { hasKey, scalars } from './config.js';
import {
  applyScope,
  directiveCheck,
  type ModelSite,
  ownSite,
  reportSites,
  scalarUse,
  type Scope,
  type Source,
  slugSites,
  STRUCTURED_KEYS,
  type Tied,
} from './scope.js';

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
function deploymentUse(
  ctx: HandlerContext,
  source: Source,
  node: ConfigScalar,
  request: RequestFacts,
  sites: Map<number, ModelSite>,
): Tied {
  if (!node.span) return { use: { value: node.value, slug: node.value, decision: null }, site: null };
  const offset = source.toLayer(node.span.start);
  const classified = ctx.classify(node.value, plainContext(['azure_deployment', 'model'], [request]), offset);
  const decision = classified ? deploymentDecision(classified, ctx.options.all) : null;
  if (!decision) return { use: { value: node.value, slug: node.value, decision: null }, site: null };
  const site = ownSite(offset, source.toLayer(node.span.end), () => decision);
  sites.set(node.span.start, site);
  return { use: { value: node.value, slug: node.value, decision }, site };
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

/** A Markdown prompt, agent or Prompty file: the frontmatter names the model, the body is the prompt. */
export const markdown: Handler = (ctx: HandlerContext<MarkdownParsed>) => {
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
