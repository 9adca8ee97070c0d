/**
 * One walk per parsed JS/TS tree serves the adapter and every transform: every node's
 * path in visit order, with the subtree of each node, so `find` questions need no walk of their own,
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
  paths: TreePath[];
  /** The path of each node of the tree. */
  byNode: Map<unknown, TreePath>;
  byType: Map<string, readonly JsPath[]>;
  /** Places in `paths` (ascending) of the identifiers of each name, and of the member expressions reading each key. */
  named?: { identifiers: Map<string, number[]>; members: Map<string, number[]> };
  /** ast-types paths made for scope questions, per path. */
  astPaths: Map<TreePath, AstPath>;
}

const indexes = new WeakMap<JsParsed, TreeIndex>();

/** The part of an ast-types NodePath read here: its `get` and its scope (the library types them loosely). */
interface AstPath {
  value: unknown;
  get(...names: Array<string | number>): AstPath;
  scope: AstScope | null;
}

/** The part of an ast-types scope read here. */
export interface AstScope {
  node: JsNode;
  parent: AstScope | null;
  declares(name: string): boolean;
  getBindings(): Record<string, AstPath[] | undefined>;
}

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

/**
 * The fields of each node type that hold nodes, in the order ast-types visits them: its
 * field list (which has every scalar too) narrowed to Babel's visitor keys. Reading every
 * field of every node was most of the walk. Only a `#!` line (Program's `interpreter`,
 * which Babel does not visit) drops out of what ast-types would visit.
 */
const childFields = new Map<string, readonly string[]>();

// Loaded with the first walk, as jscodeshift is.
const babelTypes = lazyRequire<typeof import('@babel/types')>('@babel/types');

function fieldsOf(j: JSCodeshift, node: { type: string }): readonly string[] {
  let names = childFields.get(node.type);
  if (!names) {
    const all = j.types.getFieldNames(node);
    const keys = babelTypes().VISITOR_KEYS[node.type];
    names = keys ? all.filter((name) => keys.includes(name)) : all;
    childFields.set(node.type, names);
  }
  return names;
}

/**
 * A node's place in the tree, with what the transforms read of an ast-types NodePath:
 * `node`, `parent` (the path of the nearest node holding it) and `name` (the field
 * holding it, or its index in a list). An ast-types path is made only for a scope
 * question: making one per node took longer than Babel's parse, mostly in garbage.
 */
class TreePath<N = JsNode> implements JsPath<N> {
  /** Its place in the walk's `paths`; its descendants are the paths after it, up to `end`. */
  at = 0;
  end = 0;

  constructor(
    readonly node: N,
    readonly parent: TreePath | null,
    /** The parent's field holding the node ('' at the root). */
    readonly field: string,
    /** Its index in that field when the field is a list, else -1. */
    readonly slot: number,
    readonly index: TreeIndex,
  ) {}

  get name(): string | number | null {
    if (!this.parent) return null;
    return this.slot >= 0 ? this.slot : this.field;
  }

  get(...names: Array<string | number>): JsPath {
    let value: unknown = this.node;
    for (const name of names) value = (value as Record<string | number, unknown> | null | undefined)?.[name];
    return this.index.byNode.get(value) ?? new TreePath(value as JsNode, this as TreePath, String(names[0]), -1, this.index);
  }
}

type TreeNode = { type: string } & Record<string, unknown>;

/** A node in a child field (which may also hold null). */
function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits the nodes an ast-types PathVisitor visits, in its order (its field order per
 * type), without its per-field paths, its per-node context or its filling in of missing
 * fields.
 */
class Walker {
  constructor(
    private readonly j: JSCodeshift,
    private readonly index: TreeIndex,
  ) {}

  visit(node: TreeNode, parent: TreePath | null, field: string, slot: number): void {
    const path = new TreePath(node as unknown as JsNode, parent, field, slot, this.index);
    path.at = this.index.paths.length;
    this.index.paths.push(path);
    this.index.byNode.set(node, path);
    for (const name of fieldsOf(this.j, node)) {
      const child = node[name];
      if (Array.isArray(child)) {
        child.forEach((item: unknown, i) => {
          if (isTreeNode(item)) this.visit(item, path, name, i);
        });
      } else if (isTreeNode(child)) this.visit(child, path, name, -1);
    }
    path.end = this.index.paths.length;
  }
}

function treeIndex(parsed: JsParsed): TreeIndex {
  let index = indexes.get(parsed);
  if (!index) {
    index = { paths: [], byNode: new Map(), byType: new Map(), astPaths: new Map() };
    new Walker(parsed.j, index).visit(parsed.file as unknown as TreeNode, null, '', -1);
    indexes.set(parsed, index);
  }
  return index;
}

/** The paths inside `node` (not `node` itself), in visit order; none for a node not in the tree. */
function descendants(index: TreeIndex, node: unknown): readonly JsPath[] {
  const span = index.byNode.get(node);
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
  const span = index.byNode.get(node);
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

/** The ast-types path of a tree path, made (and kept) along with those of its parents, as `get` from the root makes them. */
function astPathOf(path: TreePath): AstPath {
  let made = path.index.astPaths.get(path);
  if (!made) {
    if (path.parent) {
      const parent = astPathOf(path.parent);
      made = path.slot >= 0 ? parent.get(path.field, path.slot) : parent.get(path.field);
    } else made = new (jscodeshiftApi().types.NodePath)(path.node) as AstPath;
    path.index.astPaths.set(path, made);
  }
  return made;
}

/** The ast-types scope `path` is in, for binding questions. */
export function scopeOf(path: JsPath): AstScope | null {
  return astPathOf(path as TreePath).scope;
}

/** The path of a node of the same tree as `path` (a binding ast-types found); null for a node outside it. */
export function samePathOf(path: JsPath, node: unknown): JsPath | null {
  return (path as TreePath).index.byNode.get(node) ?? null;
}

/** The node at the root of a parsed file (Babel's `File`). */
export function fileNode(parsed: JsParsed): JsNode {
  return parsed.file;
}
