/**
 * Names in JS/TS: which identifiers read a variable, where a name is bound (ast-types
 * scopes), and the function or program a binding lives in.
 */
import { isMember, type JsNode, type JsPath, parentNode, parentOf } from './nodes.js';
import { identifiersWithin, type JsParsed, pathsWithin, samePathOf, scopeOf } from './tree.js';

/** Parents under which an identifier names a type, not a value (`x as Foo`, `typeof x` in a type, `A.B` in a type). */
const TYPE_PARENTS = new Set([
  'TSTypeReference',
  'TSQualifiedName',
  'TSTypeQuery',
  'TSExpressionWithTypeArguments',
  'TSInterfaceHeritage',
  'TSClassImplements',
  'TSTypeParameter',
  'TSPropertySignature',
  'TSMethodSignature',
  'TSIndexSignature',
  'TSTypePredicate',
  'TSImportType',
  'TSModuleDeclaration',
  'TSTypeAliasDeclaration',
  'TSInterfaceDeclaration',
  'TSEnumDeclaration',
]);

/**
 * Whether an identifier reads a variable: not a property name (`a.b`), not a key
 * (`{b: 1}`, a class field or method name; a computed key is a read) and not a type.
 */
export function isVariableRead(path: JsPath): boolean {
  const parent = parentNode(path);
  if (!parent) return true;
  if (isMember(parent) && parent.property === path.node && !parent.computed) return false;
  if (path.name === 'key' && !(parent as { computed?: boolean }).computed) return false;
  if (parent.type === 'TSEnumMember' && path.name === 'id') return false;
  return !TYPE_PARENTS.has(parent.type);
}

/** Reads of the variable `name` inside `scope`, in visit order. */
export function variableReads(parsed: JsParsed, scope: JsNode, name: string): JsPath[] {
  return identifiersWithin(parsed, scope, name).filter(isVariableRead);
}

/** The identifiers in an expression (itself included) that read a variable. */
export function readsIn(parsed: JsParsed, path: JsPath): JsPath[] {
  return [path, ...pathsWithin(parsed, path.node, 'Identifier')].filter((p) => p.node.type === 'Identifier' && isVariableRead(p));
}

/** The identifier that declares `name` where `path` is. */
export function bindingOf(path: JsPath, name: string): JsPath | null {
  for (let scope = scopeOf(path); scope; scope = scope.parent) {
    // ast-types cannot scan `catch {}` (no binding: it asserts a Pattern) and it binds nothing anyway.
    if (scope.node.type === 'CatchClause' && !(scope.node as { param?: unknown }).param) continue;
    if (scope.declares(name)) {
      const binding = scope.getBindings()[name]?.[0];
      return binding ? samePathOf(path, binding.value) : null;
    }
  }
  return null;
}

/** The function, method or program a binding at `path` lives in. */
export function enclosingScope(path: JsPath): JsNode {
  for (let p = parentOf(path); p; p = parentOf(p)) {
    if (/Function|Program|ClassMethod|ObjectMethod/.test(p.node.type)) return p.node;
  }
  return path.node;
}
