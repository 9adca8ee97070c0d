/**
 * One walk per parsed JS/TS tree serves the adapter and every transform: every node in
 * visit order, with the subtree of each node, so `find` questions need no walk of their
 * own, and identifiers and member expressions indexed by name, so a scope question is a
 * lookup rather than a scan of the scope (a catalog of thousands of constants stays linear).
 */
import { lazyRequire } from '../../lazy.js';
import { isMember, type JsNode, type JsPath, type JsType, memberKey, type NodeOf } from './nodes.js';

export interface JsParsed {
  /** Babel's `File` node. */
  file: JsNode;
}

// ast-types (the node types and scopes jscodeshift and recast are built on) loads with the
// first walk, so a run that parses no JS/TS never pays for it.
const astTypes = lazyRequire<typeof import('ast-types')>('ast-types');

/**
 * One walk of a parsed tree, kept as columns: per node in visit order (the root first),
 * the node, the place of its parent, its name under the parent and the end of its
 * subtree (its descendants are the places after it, up to there). A path object is made
 * only when a question asks for one: one per node took more time and memory than
 * anything but Babel's parse.
 */
interface TreeIndex {
  nodes: JsNode[];
  parents: number[];
  /** The parent's field holding the node, or its index when that field is a list. */
  names: Array<string | number>;
  ends: number[];
  /** The place of each node. */
  placeOf: Map<unknown, number>;
  byType: Map<string, readonly JsPath[]>;
  /** Places (ascending) of the identifiers of each name, and of the member expressions reading each key. */
  named?: { identifiers: Map<string, number[]>; members: Map<string, number[]> };
  /** ast-types paths made for scope questions, per place. */
  astPaths: Map<number, AstPath>;
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

function isOfType(nodeType: string, wanted: string): boolean {
  let names = typeNames.get(nodeType);
  if (!names) {
    let supertypes: string[] = [];
    try {
      supertypes = astTypes().getSupertypeNames(nodeType);
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

// Loaded with the first walk, as ast-types is.
const babelTypes = lazyRequire<typeof import('@babel/types')>('@babel/types');

function fieldsOf(node: { type: string }): readonly string[] {
  let names = childFields.get(node.type);
  if (!names) {
    const all = astTypes().getFieldNames(node);
    const keys = babelTypes().VISITOR_KEYS[node.type];
    names = keys ? all.filter((name) => keys.includes(name)) : all;
    childFields.set(node.type, names);
  }
  return names;
}

/**
 * A node's place in the tree, with what the transforms read of an ast-types NodePath:
 * `node`, `parent` (the path of the nearest node holding it) and `name` (the field
 * holding it, or its index in a list). Nothing compares paths, so each question may make
 * its own for the same place.
 */
class TreePath<N = JsNode> implements JsPath<N> {
  constructor(
    readonly index: TreeIndex,
    readonly at: number,
  ) {}

  get node(): N {
    return this.index.nodes[this.at] as N;
  }

  get parent(): TreePath | null {
    return this.at === 0 ? null : new TreePath(this.index, this.index.parents[this.at]!);
  }

  get name(): string | number | null {
    return this.at === 0 ? null : this.index.names[this.at]!;
  }

  get(...names: Array<string | number>): JsPath {
    let value: unknown = this.node;
    for (const name of names) value = (value as Record<string | number, unknown> | null | undefined)?.[name];
    const at = this.index.placeOf.get(value);
    return at === undefined ? detached(value, this as TreePath, names.at(-1) ?? null) : new TreePath(this.index, at);
  }
}

/** The path of a value `get` reached that is not a node of the tree (a field left empty). */
function detached(value: unknown, parent: JsPath, name: string | number | null): JsPath {
  return {
    node: value as JsNode,
    parent,
    name,
    get: (...names) => detached(undefined, detached(value, parent, name), names.at(-1) ?? null),
  };
}

type TreeNode = { type: string } & Record<string, unknown>;

/** A node in a child field (which may also hold null). */
function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Records the nodes an ast-types PathVisitor visits, in its order (its field order per
 * type), without its per-field paths, its per-node context or its filling in of missing
 * fields.
 */
function record(index: TreeIndex, node: TreeNode, parent: number, name: string | number): void {
  const at = index.nodes.length;
  index.nodes.push(node as unknown as JsNode);
  index.parents.push(parent);
  index.names.push(name);
  index.ends.push(at + 1);
  index.placeOf.set(node, at);
  for (const field of fieldsOf(node)) {
    const child = node[field];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) if (isTreeNode(child[i])) record(index, child[i] as TreeNode, at, i);
    } else if (isTreeNode(child)) record(index, child, at, field);
  }
  index.ends[at] = index.nodes.length;
}

function treeIndex(parsed: JsParsed): TreeIndex {
  let index = indexes.get(parsed);
  if (!index) {
    index = { nodes: [], parents: [], names: [], ends: [], placeOf: new Map(), byType: new Map(), astPaths: new Map() };
    record(index, parsed.file as unknown as TreeNode, -1, '');
    indexes.set(parsed, index);
  }
  return index;
}

/** The paths of the places from `from` up to `end` whose node passes `test`, in visit order. */
function pathsBetween(index: TreeIndex, from: number, end: number, test: (node: JsNode) => boolean): JsPath[] {
  const out: JsPath[] = [];
  for (let at = from; at < end; at++) if (test(index.nodes[at]!)) out.push(new TreePath(index, at));
  return out;
}

function typeTest(type: string): (node: JsNode) => boolean {
  return type === 'Node' ? () => true : (node) => isOfType(node.type, type);
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
    paths = pathsBetween(index, 1, index.nodes.length, typeTest(type));
    index.byType.set(type, paths);
  }
  return paths;
}

/** The paths below the root whose node type is one of `types` exactly, in visit order: one pass for several types. */
export function pathsOfTypes(parsed: JsParsed, types: ReadonlySet<string>): JsPath[] {
  const index = treeIndex(parsed);
  return pathsBetween(index, 1, index.nodes.length, (node) => types.has(node.type));
}

/**
 * `j(node).find(j[type]).paths()` without a walk or a visitor of its own: the paths of
 * `type` inside `node` (not `node` itself), in visit order; none for a node that is not
 * in the parsed tree. Their parents run up to the file's root rather than stopping at `node`.
 */
export function pathsWithin<T extends JsType>(parsed: JsParsed, node: JsNode, type: T): readonly JsPath<NodeOf<T>>[];
export function pathsWithin(parsed: JsParsed, node: JsNode, type: string): readonly JsPath[];
export function pathsWithin(parsed: JsParsed, node: JsNode, type: string): readonly JsPath[] {
  const index = treeIndex(parsed);
  const at = index.placeOf.get(node);
  return at === undefined ? [] : pathsBetween(index, at + 1, index.ends[at]!, typeTest(type));
}

function pushAt(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

function namedIndex(index: TreeIndex): NonNullable<TreeIndex['named']> {
  if (!index.named) {
    const identifiers = new Map<string, number[]>();
    const members = new Map<string, number[]>();
    index.nodes.forEach((node, at) => {
      if (isOfType(node.type, 'Identifier')) pushAt(identifiers, (node as { name: string }).name, at);
      const key = isOfType(node.type, 'MemberExpression') && isMember(node) ? memberKey(node) : null;
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
  const at = index.placeOf.get(node);
  if (!places || at === undefined) return [];
  const out: JsPath[] = [];
  const end = index.ends[at]!;
  for (let i = firstAtOrAfter(places, at + 1); i < places.length && places[i]! < end; i++) out.push(new TreePath(index, places[i]!));
  return out;
}

/** `pathsWithin(parsed, node, 'Identifier')` narrowed to the identifiers spelled `name`, by lookup. */
export function identifiersWithin(parsed: JsParsed, node: JsNode, name: string): JsPath<NodeOf<'Identifier'>>[] {
  const index = treeIndex(parsed);
  return placesWithin(index, namedIndex(index).identifiers.get(name), node) as JsPath<NodeOf<'Identifier'>>[];
}

/** `pathsWithin(parsed, node, 'MemberExpression')` narrowed to those whose `memberKey` is `key`, by lookup. */
export function membersWithin(parsed: JsParsed, node: JsNode, key: string): JsPath<NodeOf<'MemberExpression'>>[] {
  const index = treeIndex(parsed);
  return placesWithin(index, namedIndex(index).members.get(key), node) as JsPath<NodeOf<'MemberExpression'>>[];
}

/** The field of its parent that holds the node at `at`, and its index there when that field is a list. */
function stepTo(index: TreeIndex, at: number): Array<string | number> {
  const name = index.names[at]!;
  if (typeof name === 'string') return [name];
  const parent = index.nodes[index.parents[at]!] as unknown as Record<string, unknown>;
  const node = index.nodes[at];
  const field = Object.keys(parent).find((key) => Array.isArray(parent[key]) && (parent[key] as unknown[])[name] === node);
  return [field ?? '', name];
}

/** The ast-types path of a place, made (and kept) along with those of its parents, as `get` from the root makes them. */
function astPathAt(index: TreeIndex, at: number): AstPath {
  let made = index.astPaths.get(at);
  if (!made) {
    made = at === 0 ? new (astTypes().NodePath)(index.nodes[0]) : astPathAt(index, index.parents[at]!).get(...stepTo(index, at));
    index.astPaths.set(at, made);
  }
  return made;
}

/** The ast-types scope `path` is in, for binding questions. */
export function scopeOf(path: JsPath): AstScope | null {
  return path instanceof TreePath ? astPathAt(path.index, path.at).scope : null;
}

/** The path of a node of the same tree as `path` (a binding ast-types found); null for a node outside it. */
export function samePathOf(path: JsPath, node: unknown): JsPath | null {
  const at = path instanceof TreePath ? path.index.placeOf.get(node) : undefined;
  return at === undefined ? null : new TreePath((path as TreePath).index, at);
}

/** The node at the root of a parsed file (Babel's `File`). */
export function fileNode(parsed: JsParsed): JsNode {
  return parsed.file;
}
