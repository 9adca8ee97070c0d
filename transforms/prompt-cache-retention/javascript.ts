/** prompt-cache-retention in JS/TS: retention settings in request objects, Agents SDK `modelSettings` and Vercel `providerOptions`. */
import {
  isObjectProperty,
  isType,
  type JsNode,
  type JsPath,
  literalString,
  nameOf,
  type NodeOf,
  parentNode,
  parentOf,
  propertyOf,
  startOf,
  unwrapValue,
  VALUE_WRAPPERS,
} from '../../src/languages/js/nodes.js';
import { addRequestSetting, requestOrigin } from '../../src/languages/js/requests.js';
import { variableReads } from '../../src/languages/js/scope.js';
import { fileNode, type JsParsed, pathsOfType } from '../../src/languages/js/tree.js';
import { EXTENDED, IN_MEMORY, RETENTION_KEYS } from '../../src/policy/retention.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import type { StringValue } from '../../src/types.js';
import { addRetention, hasWork, type InMemory, modelsOf, outlooks, reportInMemory, requestsByNode } from './shared.js';

/** Reads of the variable `name` that are property values (`modelSettings: settings`), as the objects holding them. */
function objectsUsing(parsed: JsParsed, name: string): JsPath[] {
  return variableReads(parsed, fileNode(parsed), name)
    .filter((p) => {
      const parent = parentNode(p);
      return isObjectProperty(parent) && parent.value === p.node;
    })
    .map((p) => parentOf(parentOf(p)!)!);
}

/**
 * The requests (objects with a `model` key) a settings object belongs to: itself, the
 * objects it sits in (`modelSettings`, `providerOptions.openai`), or the objects that use
 * the variable it is stored in.
 */
function requestsAround(parsed: JsParsed, object: JsPath): JsNode[] {
  const found: JsNode[] = [];
  let level = [object];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: JsPath[] = [];
    for (const inner of level) {
      if (isType(inner.node, 'ObjectExpression') && propertyOf(inner.node, 'model')) {
        found.push(inner.node);
        continue;
      }
      let path = inner;
      while (VALUE_WRAPPERS.has(parentNode(path)?.type ?? '')) path = parentOf(path)!;
      const value = path.node;
      const parent = parentNode(path);
      if (isObjectProperty(parent) && parent.value === value) next.push(parentOf(parentOf(path)!)!);
      else if (isType(parent, 'VariableDeclarator') && parent.init === value && isType(parent.id, 'Identifier'))
        next.push(...objectsUsing(parsed, parent.id.name));
    }
    level = next;
  }
  return found;
}

function inMemoryValues(parsed: JsParsed, known: Map<JsNode, { models: StringValue[] }>): InMemory[] {
  const out: InMemory[] = [];
  const visit = (path: JsPath<NodeOf<'ObjectProperty' | 'Property'>>): void => {
    const property = path.node;
    const value = literalString(unwrapValue(property.value));
    if (!RETENTION_KEYS.has(nameOf(property.key) ?? '') || !value || !IN_MEMORY.has(value.value)) return;
    out.push({ value, models: modelsOf(requestsAround(parsed, parentOf(path)!).map((r) => known.get(r)?.models ?? null)) });
  };
  pathsOfType(parsed, 'ObjectProperty').forEach(visit);
  pathsOfType(parsed, 'Property').forEach(visit);
  return out;
}

export const javascript: Handler = (context) => {
  const ctx = context as HandlerContext<JsParsed>;
  if (!hasWork(ctx)) return;
  const strings = ctx.adapter.strings?.(ctx.parsed, ctx.text) ?? [];
  const requests = requestsByNode(strings, requestOrigin, (node) => node);
  const outlookOf = outlooks(ctx);
  for (const found of inMemoryValues(ctx.parsed, requests)) reportInMemory(ctx, outlookOf, found);
  if (!ctx.options.addRetention) return;
  for (const { node, kind, facts, models } of requests.values()) {
    if (!kind) continue;
    const edit = addRequestSetting(node, kind, 'retention', EXTENDED, ctx.text);
    const settingsKey = kind.api === 'agents' && !propertyOf(node, 'modelSettings') ? 'modelSettings' : null;
    addRetention(ctx, outlookOf, 'npm', { offset: startOf(node), kind, facts, models }, edit, settingsKey);
  }
};
