/**
 * Readers of tree-sitter-python nodes shared by the adapter and the transforms: node
 * identity, plain strings, names, call arguments, `key: value` settings and key reads.
 */
import type { Node } from 'web-tree-sitter';
import type { EntryList } from '../list-edit.js';

/** Whether two handles are the same syntax node: web-tree-sitter hands out a new object per access. */
export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return a != null && b != null && a.id === b.id;
}

/**
 * The raw text between the quotes of a `str` literal, when it equals the literal's value:
 * null for bytes and template strings, f-strings with fields or doubled braces, and any
 * backslash (an escape or a line continuation makes the value differ from the source).
 */
export function plainContent(node: Node | null | undefined): { value: string; start: number; end: number } | null {
  if (!node || node.type !== 'string') return null;
  const open = node.firstChild;
  const close = node.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return null;
  const prefix = open.text.replace(/['"]+$/, '').toLowerCase();
  if (/[bt]/.test(prefix)) return null;
  const start = open.endIndex;
  const end = close.startIndex;
  const raw = node.text.slice(open.text.length, node.text.length - close.text.length);
  if (raw.includes('\\') || (prefix.includes('f') && /[{}]/.test(raw))) return null;
  return { value: raw, start, end };
}

/** A keyword name, a plain string key, an identifier, or the attribute / subscript key a value is stored under. */
export function nameOf(node: Node | null | undefined): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'identifier':
      return node.text;
    case 'string':
      return plainContent(node)?.value ?? null;
    case 'attribute':
      return node.childForFieldName('attribute')?.text ?? null;
    case 'subscript':
      return nameOf(node.childForFieldName('subscript'));
    default:
      return null;
  }
}

/** The name of the called function as `nameOf` reads it: `f`, the method of `a.f`. */
export function calleeName(call: Node): string | null {
  return nameOf(call.childForFieldName('function'));
}

/** Arguments of a call that are not `name=value`. */
export function positionalArguments(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** The `key: value` settings of a call's keyword arguments or of a dict literal with plain string keys. */
export function settingsOf(node: Node): Array<{ key: string; value: Node }> {
  const out: Array<{ key: string; value: Node }> = [];
  const items =
    node.type === 'call'
      ? (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type === 'keyword_argument')
      : node.type === 'dictionary'
        ? node.namedChildren.filter((p) => p.type === 'pair')
        : [];
  for (const item of items) {
    const key = nameOf(item.childForFieldName(item.type === 'pair' ? 'key' : 'name'));
    const value = item.childForFieldName('value');
    if (key && value) out.push({ key, value });
  }
  return out;
}

/** A value as written: a plain string's value, or the source text. */
export function writtenValue(node: Node): string {
  return plainContent(node)?.value ?? node.text;
}

/** The key of a dict pair or the name of a keyword argument. */
export function itemKey(item: Node): string | null {
  if (item.type === 'pair') return nameOf(item.childForFieldName('key'));
  if (item.type === 'keyword_argument') return nameOf(item.childForFieldName('name'));
  return null;
}

/** The entries of a call's arguments or a dict (comments excluded), for an insertion or a removal. */
export function entryList(container: Node): (EntryList & { nodes: Node[] }) | null {
  const list = container.type === 'call' ? container.childForFieldName('arguments') : container;
  if (!list || (list.type !== 'argument_list' && list.type !== 'dictionary')) return null;
  const nodes = list.namedChildren.filter((c) => c.type !== 'comment');
  return {
    open: list.startIndex + 1,
    close: list.endIndex - 1,
    items: nodes.map((c) => ({ start: c.startIndex, end: c.endIndex })),
    nodes,
  };
}

/** What an expression reads by key: `x.type`, `x["type"]`, `x.get("type")`. */
export function keyRead(node: Node): { object: Node; key: string } | null {
  const pick = (object: Node | null, key: string | null | undefined): { object: Node; key: string } | null =>
    object && key != null ? { object, key } : null;
  if (node.type === 'attribute') return pick(node.childForFieldName('object'), node.childForFieldName('attribute')?.text);
  if (node.type === 'subscript') return pick(node.childForFieldName('value'), plainContent(node.childForFieldName('subscript'))?.value);
  const fn = node.type === 'call' ? node.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get') return null;
  return pick(fn.childForFieldName('object'), plainContent(positionalArguments(node)[0])?.value);
}

/** Whether an identifier reads a variable: not an attribute name (`a.b`) or a keyword name (`f(b=1)`). */
export function isVariableRead(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), id)) return false;
  return !(parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), id));
}

/** The identifiers in an expression (itself included) that read a variable. */
export function readsIn(node: Node): Node[] {
  return (node.type === 'identifier' ? [node] : node.descendantsOfType('identifier')).filter(isVariableRead);
}

/** The quote the file writes most strings with. */
export function fileQuote(root: Node): string {
  const starts = root.descendantsOfType('string_start').map((s) => s?.text.slice(-1));
  return starts.filter((q) => q === "'").length > starts.filter((q) => q === '"').length ? "'" : '"';
}
