/** prompts in YAML and JSON prompt, eval and agent files: every mapping that sends prompt text beside a model. */
import { type ConfigMap, type ConfigNode, type ConfigScalar, entryValue, namesRequestModel } from '../../src/languages/mapping.js';
import { scalarSource } from '../../src/languages/yaml.js';
import { promptFileKind } from '../../src/policy/prompts.js';
import { isModelLike } from '../../src/policy/slug.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import {
  applyScope,
  directiveCheck,
  type ModelSite,
  type Prose,
  reportSites,
  scalarUse,
  type Scope,
  type Source,
  slugSites,
  STRUCTURED_KEYS,
} from './scope.js';

/** Keys whose value is prompt text sent with the model beside them. */
const PROMPT_KEYS = new Set([
  'instructions',
  'system_prompt',
  'systemPrompt',
  'system',
  'system_message',
  'systemMessage',
  'prompt',
  'template',
]);
/** promptfoo: the models under test and the prompts they all get. */
const PROVIDER_KEYS = ['providers', 'targets'];

export function scalars(node: ConfigNode | undefined): ConfigScalar[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node];
  return node.kind === 'list' ? node.items.filter((item): item is ConfigScalar => item.kind === 'scalar') : [];
}

export function hasKey(node: ConfigNode, keys: ReadonlySet<string>): boolean {
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

export function configHandler(roots: (ctx: HandlerContext) => readonly ConfigNode[]): Handler {
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
