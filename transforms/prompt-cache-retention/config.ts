/** prompt-cache-retention in JSON, YAML and TOML configs: `in_memory` beside the model of the mapping it sits in or around. */
import type { JsonParsed } from '../../src/languages/json.js';
import { type ConfigMap, type ConfigNode, type ConfigScalar, namesRequestModel } from '../../src/languages/mapping.js';
import type { TomlParsed } from '../../src/languages/toml.js';
import { IN_MEMORY, RETENTION_KEYS } from '../../src/policy/retention.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { StringValue } from '../../src/types.js';
import { type InMemory, outlooks, reportInMemory, RETENTION_TEXT } from './shared.js';

function configRoots(ctx: HandlerContext): ConfigNode[] {
  if (ctx.language === 'yaml') return ctx.parsed as ConfigNode[];
  const root = (ctx.parsed as JsonParsed | TomlParsed).root;
  return root ? [root] : [];
}

/** The model of the nearest mapping (this one, then the ones around it) that names one; null when none is visible. */
function configModel(maps: ConfigMap[], strings: StringValue[]): StringValue | null {
  for (const map of maps) {
    const entry = map.entries.find((e) => e.value.kind === 'scalar' && namesRequestModel(e.key, e.value.value));
    if (!entry) continue;
    const span = (entry.value as ConfigScalar).span;
    return span ? (strings.find((s) => s.start === span.start) ?? null) : null;
  }
  return null;
}

/** `in_memory` values in configs, with the model of the mapping they sit in (or around it: `modelSettings`, promptfoo `config`). */
function configInMemory(roots: ConfigNode[], strings: StringValue[]): InMemory[] {
  const out: InMemory[] = [];
  const visit = (node: ConfigNode, maps: ConfigMap[]): void => {
    if (node.kind === 'list') node.items.forEach((item) => visit(item, maps));
    if (node.kind !== 'map') return;
    const around = [node, ...maps];
    for (const { key, value } of node.entries) {
      if (RETENTION_KEYS.has(key) && value.kind === 'scalar' && value.span && IN_MEMORY.has(value.value)) {
        const model = configModel(around, strings);
        out.push({ value: { value: value.value, ...value.span }, models: model ? [model] : null });
      } else visit(value, around);
    }
  };
  roots.forEach((root) => visit(root, []));
  return out;
}

export const config: Handler = (ctx) => {
  if (!RETENTION_TEXT.test(ctx.text)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const outlookOf = outlooks(ctx);
  for (const found of configInMemory(configRoots(ctx), strings)) reportInMemory(ctx, outlookOf, found);
};
