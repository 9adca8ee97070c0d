/**
 * Python names, resolved here since the grammar has no scopes: what binds a name where it
 * is used (a loop or comprehension target, the last assignment before the use in its
 * function or module, a parameter), walking out through the enclosing scopes.
 */
import type { Node } from 'web-tree-sitter';
import { sameNode } from './nodes.js';

export type Binding =
  | { kind: 'loop'; iter: Node }
  | { kind: 'var'; value: Node; destructured: boolean }
  | { kind: 'param'; fn: Node; index: number; param: Node };

/** A binding, and a key that names it (the node that defines it, and the name). */
export interface Bound {
  binding: Binding;
  key: string;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);
const SCOPES = new Set(['function_definition', 'lambda', 'module']);

export function isComprehension(node: Node): boolean {
  return COMPREHENSIONS.has(node.type);
}

/** The function, lambda or module `node` is in (class bodies do not count); `node` itself when none. */
export function scopeOf(node: Node): Node {
  let p = node.parent;
  while (p && !SCOPES.has(p.type)) p = p.parent;
  return p ?? node;
}

/** Whether an assignment or loop target binds `name` (itself, or inside a tuple or list pattern). */
function binds(target: Node | null, name: string): boolean {
  if (!target) return false;
  return target.type === 'identifier' ? target.text === name : target.descendantsOfType('identifier').some((id) => id.text === name);
}

export function parameters(fn: Node): Node[] {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p.type !== 'comment');
}

export function parameterName(param: Node): string | null {
  if (param.type === 'identifier') return param.text;
  return (param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier'))?.text ?? null;
}

/** Resolves names in one module; assignments are gathered once per scope. */
export class Scopes {
  /** Assignments by the id of the function or module they bind in. */
  private readonly assignments = new Map<number, Node[]>();

  /** The last assignment to `name` in `scope` (not in a nested function) before `before`. */
  private lastAssignment(scope: Node, name: string, before: number): Extract<Binding, { kind: 'var' }> | null {
    let assignments = this.assignments.get(scope.id);
    if (!assignments) {
      assignments = scope.descendantsOfType('assignment').filter((a) => sameNode(scopeOf(a), scope));
      this.assignments.set(scope.id, assignments);
    }
    const assignment = assignments.filter((a) => a.startIndex < before && binds(a.childForFieldName('left'), name)).at(-1);
    const value = assignment?.childForFieldName('right');
    if (!assignment || !value) return null;
    return { kind: 'var', value, destructured: assignment.childForFieldName('left')?.type !== 'identifier' };
  }

  /** What binds `name` where `use` is. */
  bindingOf(name: string, use: Node): Bound | null {
    const at = (binding: Binding, defining: Node): Bound => ({ binding, key: `${defining.id}:${name}` });
    for (let p = use.parent; p; p = p.parent) {
      if (COMPREHENSIONS.has(p.type)) {
        const clause = p.namedChildren.find((c) => c.type === 'for_in_clause' && binds(c.childForFieldName('left'), name));
        const iter = clause?.childForFieldName('right');
        if (iter) return at({ kind: 'loop', iter }, iter);
      }
      const iter = p.type === 'for_statement' ? p.childForFieldName('right') : null;
      if (iter && binds(p.childForFieldName('left'), name) && use.startIndex >= (p.childForFieldName('body')?.startIndex ?? Infinity)) {
        return at({ kind: 'loop', iter }, iter);
      }
      if (!SCOPES.has(p.type)) continue;
      const assigned = this.lastAssignment(p, name, use.startIndex);
      if (assigned) return at(assigned, assigned.value);
      const params = p.type === 'module' ? [] : parameters(p);
      const index = params.findIndex((param) => parameterName(param) === name);
      if (index >= 0) return at({ kind: 'param', fn: p, index, param: params[index]! }, params[index]!);
    }
    return null;
  }
}
