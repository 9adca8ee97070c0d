/**
 * Node tests and readers shared by everything that walks a JS/TS syntax tree: the adapter
 * and the transforms see the same trees, from @babel/parser. The typed guards narrow
 * ast-types' node union; positions are Babel's `start` / `end`.
 */
import type { ASTNode } from 'jscodeshift';

/** A node of the tree, as ast-types types it. */
export type JsNode = ASTNode;
export type JsType = JsNode['type'];
/** The node type named `T`. */
export type NodeOf<T extends JsType> = Extract<JsNode, { type: T }>;
/** A node's place in its tree, as ./tree.ts records it for every node. */
export interface JsPath<N = JsNode> {
  readonly node: N;
  /** The path of the nearest node holding this one; null at the root. */
  readonly parent: JsPath | null;
  /** The parent's field holding the node, or the node's index when that field is a list; null at the root. */
  readonly name: string | number | null;
  /** The path of a node below this one: `get('arguments', 0)`. */
  get(...names: Array<string | number>): JsPath;
}

/** The path of the node that holds `path`'s node. */
export function parentOf(path: JsPath): JsPath | null {
  return path.parent;
}

/** The node that holds `path`'s node. */
export function parentNode(path: JsPath): JsNode | undefined {
  return parentOf(path)?.node;
}

/** The path of a child: `childPath(p, 'arguments', 0)`. */
export function childPath(path: JsPath, ...names: Array<string | number>): JsPath {
  return path.get(...names);
}

/** Whether `node` is one of `types`, narrowed to it. */
export function isType<T extends JsType>(node: unknown, ...types: T[]): node is NodeOf<T> {
  if (typeof node !== 'object' || node === null) return false;
  const type = (node as { type?: string }).type;
  // With `includes` the rest array was allocated on every call (15 MB over vercel/ai); a loop lets V8 drop it.
  for (let i = 0; i < types.length; i++) if (types[i] === type) return true;
  return false;
}

interface Positioned {
  start?: number | null;
  end?: number | null;
}

/** Where a node starts in the text (Babel's `start`). */
export function startOf(node: unknown): number {
  return (node as Positioned).start ?? 0;
}

/** Where a node ends in the text (Babel's `end`). */
export function endOf(node: unknown): number {
  return (node as Positioned).end ?? 0;
}

/** The source text of a node; '' when it is absent. */
export function nodeText(node: unknown, text: string): string {
  return node ? text.slice(startOf(node), endOf(node)) : '';
}

/** The type annotation a node carries (a declaration's id, a parameter, a class field), if any. */
export function typeAnnotationOf(node: unknown): JsNode | null {
  return (node as { typeAnnotation?: JsNode | null } | null | undefined)?.typeAnnotation ?? null;
}

/** A `key: value` entry of an object literal: Babel's `ObjectProperty`, ESTree's `Property`. */
export function isObjectProperty(node: unknown): node is NodeOf<'ObjectProperty' | 'Property'> {
  return isType(node, 'ObjectProperty', 'Property');
}

/** `a.b`, `a?.b`, `a[b]`. */
export function isMember(node: unknown): node is NodeOf<'MemberExpression' | 'OptionalMemberExpression'> {
  return isType(node, 'MemberExpression', 'OptionalMemberExpression');
}

/** A string literal or an expression-free template literal: its value and the raw range inside the quotes. */
export function literalString(node: unknown): { value: string; start: number; end: number } | null {
  const at = node as Positioned | null | undefined;
  if (!at || at.start == null || at.end == null) return null;
  const start = at.start + 1;
  const end = at.end - 1;
  if (isType(node, 'StringLiteral')) return { value: node.value, start, end };
  if (isType(node, 'Literal') && typeof node.value === 'string') return { value: node.value, start, end };
  const quasi = isType(node, 'TemplateLiteral') && node.expressions.length === 0 && node.quasis.length === 1 ? node.quasis[0] : undefined;
  return quasi ? { value: quasi.value.cooked ?? quasi.value.raw, start, end } : null;
}

/** TypeScript and parenthesis wrappers that leave a value as it is: `x as const`, `x satisfies T`, `x!`, `(x)`. */
export const VALUE_WRAPPERS: ReadonlySet<string> = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'ParenthesizedExpression',
  'TypeCastExpression',
]);

type Wrapper = NodeOf<
  'TSAsExpression' | 'TSSatisfiesExpression' | 'TSNonNullExpression' | 'ParenthesizedExpression' | 'TypeCastExpression'
>;

function isValueWrapper(node: unknown): node is Wrapper {
  return isType(node, 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression');
}

/** The expression inside any VALUE_WRAPPERS. */
export function unwrapValue(node: unknown): JsNode | null | undefined {
  let current = node as JsNode | null | undefined;
  while (isValueWrapper(current)) current = current.expression;
  return current;
}

/** The name of a key, identifier, member property or JSX attribute. */
export function nameOf(node: unknown): string | null {
  if (isType(node, 'Identifier', 'JSXIdentifier')) return node.name;
  if (isType(node, 'PrivateName')) return nameOf(node.id);
  if (isType(node, 'StringLiteral', 'Literal')) return typeof node.value === 'string' ? node.value : null;
  if (isMember(node)) return nameOf(node.property);
  if (isType(node, 'JSXAttribute')) return nameOf(node.name);
  if (isType(node, 'AssignmentPattern')) return nameOf(node.left);
  return null;
}

/** The property a member expression reads (`a.b`, `a['b']`); null for other nodes and keys computed at run time. */
export function memberKey(node: unknown): string | null {
  if (!isMember(node)) return null;
  return node.computed ? (literalString(node.property)?.value ?? null) : nameOf(node.property);
}

/** `a.method(…)`: the method's name. */
export function calleeMethod(call: JsNode): string | null {
  const callee = (call as { callee?: unknown }).callee;
  return isMember(callee) ? nameOf(callee.property) : null;
}

/** The `key: value` entry of an object literal whose key is one of `keys`. */
export function propertyOf(object: JsNode, keys: ReadonlySet<string> | string): NodeOf<'ObjectProperty' | 'Property'> | undefined {
  if (!isType(object, 'ObjectExpression', 'ObjectPattern')) return undefined;
  for (const p of object.properties as unknown[]) {
    if (!isObjectProperty(p)) continue;
    const name = nameOf(p.key) ?? '';
    if (typeof keys === 'string' ? name === keys : keys.has(name)) return p;
  }
  return undefined;
}

export interface Entry {
  key: string;
  value: JsNode | null;
}

/** The keyed values of an object literal, or the attributes of a JSX element (its props object). */
export function entries(node: unknown): Entry[] {
  if (isType(node, 'ObjectExpression')) {
    return node.properties.filter(isObjectProperty).map((p) => ({ key: nameOf(p.key) ?? '', value: p.value }));
  }
  if (isType(node, 'JSXOpeningElement')) {
    return (node.attributes ?? [])
      .filter((a): a is NodeOf<'JSXAttribute'> => isType(a, 'JSXAttribute'))
      .map((a) => ({ key: nameOf(a) ?? '', value: isType(a.value, 'JSXExpressionContainer') ? a.value.expression : (a.value ?? null) }));
  }
  return [];
}

/** A value as written: a plain string's value, or the source text. */
export function writtenValue(node: unknown, text: string): string {
  return literalString(node)?.value ?? nodeText(node, text);
}

/** Wrappers a model value passes through on its way to a name: `x ?? 'gpt-5.4'`, `'gpt-5.4' as const`. */
export const TRANSPARENT = new Set([
  'LogicalExpression',
  'ConditionalExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'ParenthesizedExpression',
  'TypeCastExpression',
  'JSXExpressionContainer',
]);
