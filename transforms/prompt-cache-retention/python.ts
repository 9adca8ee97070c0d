/** prompt-cache-retention in Python: retention keywords and keys in request calls, dicts and Agents SDK `ModelSettings(…)`. */
import type { Node as PyNode } from 'web-tree-sitter';
import { isVariableRead, nameOf, plainContent, sameNode, settingsOf } from '../../src/languages/python/nodes.js';
import { addRequestSetting, requestOrigin } from '../../src/languages/python/requests.js';
import type { PyParsed } from '../../src/languages/python.js';
import { EXTENDED, IN_MEMORY, RETENTION_KEYS } from '../../src/policy/retention.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { StringValue } from '../../src/types.js';
import { addRetention, hasWork, type InMemory, modelsOf, outlooks, reportInMemory, requestsByNode } from './shared.js';

/** The call or dict a keyword argument or a pair belongs to. */
function containerOf(item: PyNode): PyNode | null {
  return item.type === 'pair' ? item.parent : (item.parent?.parent ?? null);
}

/** Keyword arguments and pairs whose value is the variable `name` (`model_settings=settings`), as their containers. */
function containersUsing(scope: PyNode, name: string): PyNode[] {
  return scope
    .descendantsOfType('identifier')
    .filter((id): id is PyNode => id?.text === name && isVariableRead(id))
    .filter(
      (id) => (id.parent?.type === 'keyword_argument' || id.parent?.type === 'pair') && sameNode(id.parent.childForFieldName('value'), id),
    )
    .map((id) => containerOf(id.parent!))
    .filter((c): c is PyNode => c !== null);
}

/** The calls or dicts with a `model` setting that a settings call or dict belongs to. */
function requestsAround(container: PyNode): PyNode[] {
  const found: PyNode[] = [];
  let level = [container];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: PyNode[] = [];
    for (const node of level) {
      if (settingsOf(node).some((s) => s.key === 'model')) {
        found.push(node);
        continue;
      }
      const holder = node.parent;
      if ((holder?.type === 'keyword_argument' || holder?.type === 'pair') && sameNode(holder.childForFieldName('value'), node)) {
        const outer = containerOf(holder);
        if (outer) next.push(outer);
      } else if (holder?.type === 'assignment' && sameNode(holder.childForFieldName('right'), node)) {
        const name = holder.childForFieldName('left');
        if (name?.type === 'identifier') next.push(...containersUsing(node.tree.rootNode, name.text));
      }
    }
    level = next;
  }
  return found;
}

function inMemoryValues(root: PyNode, known: Map<number, { models: StringValue[] }>): InMemory[] {
  const out: InMemory[] = [];
  for (const item of root.descendantsOfType(['keyword_argument', 'pair'])) {
    if (!item) continue;
    const key = nameOf(item.childForFieldName(item.type === 'pair' ? 'key' : 'name'));
    const value = plainContent(item.childForFieldName('value'));
    const container = containerOf(item);
    if (key === null || !RETENTION_KEYS.has(key) || !value || !IN_MEMORY.has(value.value) || !container) continue;
    out.push({ value, models: modelsOf(requestsAround(container).map((r) => known.get(r.id)?.models ?? null)) });
  }
  return out;
}

export const python: Handler = (context) => {
  const ctx = context as HandlerContext<PyParsed>;
  if (!hasWork(ctx)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const requests = requestsByNode(strings, requestOrigin, (node) => node.id);
  const outlookOf = outlooks(ctx);
  for (const found of inMemoryValues(ctx.parsed.tree.rootNode, requests)) reportInMemory(ctx, outlookOf, found);
  if (!ctx.options.addRetention) return;
  for (const { node, kind, facts, models } of requests.values()) {
    if (!kind) continue;
    const edit = addRequestSetting(node, kind, 'retention', EXTENDED, ctx.text);
    const settingsKey = kind.api === 'agents' && !settingsOf(node).some((s) => s.key === 'model_settings') ? 'model_settings' : null;
    addRetention(ctx, outlookOf, 'pypi', { offset: node.startIndex, kind, facts, models }, edit, settingsKey);
  }
};
