/**
 * One walk per parsed JS/TS tree serves the adapter and every transform: every path in
 * visit order, with the subtree of each node, so `find` questions need no walk of their own.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import { lazy, lazyRequire } from '../../lazy.js';
import type { JsNode, JsPath, JsType, NodeOf } from './nodes.js';

export interface JsParsed {
  j: JSCodeshift;
  root: Collection<JsNode>;
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

/** Where the visitor records the walk in progress; walks never nest. */
let walked: Omit<TreeIndex, 'byType'> = { paths: [], ends: new Map() };

/**
 * One visitor, built once: building one (its method and supertype tables) costs more
 * than walking a small file, and ast-types resets a visitor at each `visit`.
 */
const collectAll = lazy(() =>
  jscodeshiftApi().types.PathVisitor.fromMethodsObject({
    visitNode(this: { traverse(path: JsPath): void }, path: JsPath) {
      const paths = walked.paths as JsPath[];
      const at = paths.length;
      paths.push(path);
      this.traverse(path);
      walked.ends.set(path.node, { at, end: paths.length });
    },
  }),
);

function treeIndex(parsed: JsParsed): TreeIndex {
  let index = indexes.get(parsed);
  if (!index) {
    walked = { paths: [], ends: new Map() };
    collectAll().visit(rootPath(parsed));
    index = { ...walked, byType: new Map() };
    walked = { paths: [], ends: new Map() };
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

/** The path at the root of a parsed file. */
function rootPath(parsed: JsParsed): JsPath {
  return parsed.root.get() as JsPath;
}

/** The node at the root of a parsed file (Babel's `File`). */
export function fileNode(parsed: JsParsed): JsNode {
  return rootPath(parsed).node;
}
