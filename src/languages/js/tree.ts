/**
 * One walk per parsed JS/TS tree serves the adapter and every transform: every path in
 * visit order, with the subtree of each node, so `find` questions need no walk of their own,
 * and identifiers and member expressions indexed by name, so a scope question is a lookup
 * rather than a scan of the scope (a catalog of thousands of constants stays linear).
 */
import type { JSCodeshift } from 'jscodeshift';
import { lazyRequire } from '../../lazy.js';
import { isMember, type JsNode, type JsPath, type JsType, memberKey, type NodeOf } from './nodes.js';

export interface JsParsed {
  j: JSCodeshift;
  /** Babel's `File` node. */
  file: JsNode;
}

// jscodeshift (with recast and ast-types) loads on the first JS/TS parse, so a run that
// parses none never pays for it.
export const jscodeshiftApi = lazyRequire<JSCodeshift>('jscodeshift');

/** One walk of a parsed tree: every path in visit order, the root first. */
interface TreeIndex {
  paths: readonly JsPath[];
  /** Per node, the end of its subtree in `paths`: its descendants are the paths just after it, up to there. */
  ends: Map<unknown, { at: number; end: number }>;
  byType: Map<string, readonly JsPath[]>;
  /** Places in `paths` (ascending) of the identifiers of each name, and of the member expressions reading each key. */
  named?: { identifiers: Map<string, number[]>; members: Map<string, number[]> };
}

const indexes = new WeakMap<JsParsed, TreeIndex>();

/** Each node type with its supertypes, for matching the way an ast-types visitor does. */
const typeNames = new Map<string, ReadonlySet<string>>();

function isOfType(j: JSCodeshift, nodeType: string, wanted: string): boolean {
  let names = typeNames.get(nodeType);
  if (!names) {
    let supertypes: string[] = [];
    try {
      supertypes = j.types.getSupertypeNames(nodeType);
    } catch {
      // a type ast-types does not define has no supertypes to match
    }
    names = new Set([nodeType, ...supertypes]);
    typeNames.set(nodeType, names);
  }
  return names.has(wanted);
}

/** The fields ast-types visits per node type, in its order (its `getFieldNames` copies the list on every call). */
const fieldNames = new Map<string, readonly string[]>();

function fieldsOf(j: JSCodeshift, node: { type: string }): readonly string[] {
  let names = fieldNames.get(node.type);
  if (!names) {
    names = j.types.getFieldNames(node);
    fieldNames.set(node.type, names);
  }
  return names;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => Object.prototype.toString.call(value) === '[object Object]';

/**
 * Visits what an ast-types PathVisitor with a `visitNode` method visits, in its order, and
 * fills in missing fields with their defaults as it does; but it makes paths only for
 * objects and arrays (the visitor makes one per field, strings and numbers included), and
 * none of the visitor's per-node context: the walk took more time than Babel's parse.
 */
class Walker {
  readonly paths: JsPath[] = [];
  readonly ends = new Map<unknown, { at: number; end: number }>();

  constructor(private readonly j: JSCodeshift) {}

  /**
   * The path of `value` under `parent`, as `parent.get(name)` makes it but without filling
   * `parent`'s child cache, a dictionary object per node that doubled the walk's garbage; a
   * later `get` makes an equal path of its own (nothing here compares paths, only nodes).
   */
  private child(parent: JsPath, value: object, name: string | number): JsPath {
    return new this.j.types.NodePath(value, parent, name);
  }

  visit(path: JsPath, value: object): void {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        if (typeof item === 'object' && item !== null) this.visit(this.child(path, item, i), item);
      });
      return;
    }
    if (!isPlainObject(value)) return;
    const type = value.type;
    const names = typeof type === 'string' ? fieldsOf(this.j, value as { type: string }) : Object.keys(value);
    const recorded = typeof type === 'string' && isOfType(this.j, type, 'Node');
    const at = this.paths.length;
    if (recorded) this.paths.push(path);
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(value, name)) value[name] = this.j.types.getFieldValue(value, name);
      const child = value[name];
      if (typeof child === 'object' && child !== null) this.visit(this.child(path, child, name), child);
    }
    if (recorded) this.ends.set(value, { at, end: this.paths.length });
  }
}

function treeIndex(parsed: JsParsed): TreeIndex {
  let index = indexes.get(parsed);
  if (!index) {
    const walker = new Walker(parsed.j);
    walker.visit(new parsed.j.types.NodePath(parsed.file), parsed.file);
    index = { paths: walker.paths, ends: walker.ends, byType: new Map() };
    indexes.set(parsed, index);
  }
  return index;
}

/** The paths inside `node` (not `node` itself), in visit order; none for a node not in the tree. */
function descendants(index: TreeIndex, node: unknown): readonly JsPath[] {
  const span = index.ends.get(node);
  return span ? index.paths.slice(span.at + 1, span.end) : [];
}

function ofType(parsed: JsParsed, paths: readonly JsPath[], type: string): readonly JsPath[] {
  return type === 'Node' ? paths : paths.filter((p) => isOfType(parsed.j, p.node.type, type));
}

/**
 * `root.find(j[type]).paths()` without a walk of its own: the paths below the root whose
 * node is of `type` or a subtype of it, in visit order. One walk per parse serves the
 * adapter and every transform; each `find` would walk the whole tree again, plus build a
 * visitor, which costs about as much on a small file.
 */
export function pathsOfType<T extends JsType>(parsed: JsParsed, type: T): readonly JsPath<NodeOf<T>>[];
export function pathsOfType(parsed: JsParsed, type: string): readonly JsPath[];
export function pathsOfType(parsed: JsParsed, type: string): readonly JsPath[] {
  const index = treeIndex(parsed);
  let paths = index.byType.get(type);
  if (!paths) {
    paths = ofType(parsed, index.paths.slice(1), type);
    index.byType.set(type, paths);
  }
  return paths;
}

/**
 * `j(node).find(j[type]).paths()` without a walk or a visitor of its own: the paths of
 * `type` inside `node` (not `node` itself), in visit order; none for a node that is not
 * in the parsed tree. Their parents run up to the file's root rather than stopping at `node`.
 */
export function pathsWithin<T extends JsType>(parsed: JsParsed, node: JsNode, type: T): readonly JsPath<NodeOf<T>>[];
export function pathsWithin(parsed: JsParsed, node: JsNode, type: string): readonly JsPath[];
export function pathsWithin(parsed: JsParsed, node: JsNode, type: string): readonly JsPath[] {
  return ofType(parsed, descendants(treeIndex(parsed), node), type);
}

function pushAt(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

function namedIndex(parsed: JsParsed, index: TreeIndex): NonNullable<TreeIndex['named']> {
  if (!index.named) {
    const identifiers = new Map<string, number[]>();
    const members = new Map<string, number[]>();
    index.paths.forEach((path, at) => {
      const node = path.node;
      if (isOfType(parsed.j, node.type, 'Identifier')) pushAt(identifiers, (node as { name: string }).name, at);
      const key = isOfType(parsed.j, node.type, 'MemberExpression') && isMember(node) ? memberKey(node) : null;
      if (key !== null) pushAt(members, key, at);
    });
    index.named = { identifiers, members };
  }
  return index.named;
}

/** The first place in the ascending `places` at or after `from`. */
function firstAtOrAfter(places: readonly number[], from: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paths at `places` that lie inside `node` (not `node` itself), in visit order. */
function placesWithin(index: TreeIndex, places: readonly number[] | undefined, node: unknown): JsPath[] {
  const span = index.ends.get(node);
  if (!places || !span) return [];
  const out: JsPath[] = [];
  for (let i = firstAtOrAfter(places, span.at + 1); i < places.length && places[i]! < span.end; i++) out.push(index.paths[places[i]!]!);
  return out;
}

/** `pathsWithin(parsed, node, 'Identifier')` narrowed to the identifiers spelled `name`, by lookup. */
export function identifiersWithin(parsed: JsParsed, node: JsNode, name: string): JsPath<NodeOf<'Identifier'>>[] {
  const index = treeIndex(parsed);
  return placesWithin(index, namedIndex(parsed, index).identifiers.get(name), node) as JsPath<NodeOf<'Identifier'>>[];
}

/** `pathsWithin(parsed, node, 'MemberExpression')` narrowed to those whose `memberKey` is `key`, by lookup. */
export function membersWithin(parsed: JsParsed, node: JsNode, key: string): JsPath<NodeOf<'MemberExpression'>>[] {
  const index = treeIndex(parsed);
  return placesWithin(index, namedIndex(parsed, index).members.get(key), node) as JsPath<NodeOf<'MemberExpression'>>[];
}

/** The node at the root of a parsed file (Babel's `File`). */
export function fileNode(parsed: JsParsed): JsNode {
  return parsed.file;
}
