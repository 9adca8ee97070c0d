/**
 * A Python handler that binds the single action to a local (`action = item["action"]`,
 * then `action["type"]`, names derived from it, the call that runs it) becomes a loop:
 * the binding turns into the loop head and the statements that use the action, up to the
 * last one, move one level in. What follows (the screenshot, the call output) runs once,
 * after every action of the batch.
 */
import type { Node as PyNode } from 'web-tree-sitter';
import { indentBefore, lineEnd } from '../../src/languages/layout.js';
import { readsIn, sameNode } from '../../src/languages/python/nodes.js';
import type { Edit } from '../../src/types.js';

/** Statements that would leave the loop after its first action, or turn it into a generator. */
const EXITS = ['return_statement', 'break_statement', 'continue_statement', 'yield'];

/** `name = <read>` alone in its statement, in a block: the name the action is bound to. */
function binding(read: PyNode): { statement: PyNode; name: string } | null {
  const assignment = read.parent;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  const statement = assignment?.parent;
  if (left?.type !== 'identifier' || !sameNode(assignment!.childForFieldName('right'), read)) return null;
  if (statement?.type !== 'expression_statement' || statement.namedChildren.length !== 1) return null;
  return statement.parent?.type === 'block' || statement.parent?.type === 'module' ? { statement, name: left.text } : null;
}

const readsAny = (node: PyNode, names: ReadonlySet<string>): boolean => readsIn(node).some((id) => names.has(id.text));

/** The statements after the binding that use the action or a name computed from it, up to the last that does. */
function body(statement: PyNode, name: string): { range: PyNode[]; names: Set<string> } {
  const names = new Set([name]);
  const range: PyNode[] = [];
  let last = -1;
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) {
    range.push(next);
    if (!readsAny(next, names)) continue;
    last = range.length - 1;
    const left = next.type === 'expression_statement' ? next.firstNamedChild?.childForFieldName('left') : null;
    if (next.firstNamedChild?.type === 'assignment' && left?.type === 'identifier') names.add(left.text);
  }
  return { range: range.slice(0, last + 1), names };
}

/** The code a name is read in: its function, or the module. */
function scopeOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent && current.type !== 'function_definition') current = current.parent;
  return current;
}

function movable(text: string, statement: PyNode, range: PyNode[], names: ReadonlySet<string>): boolean {
  const indent = indentBefore(text, statement.startIndex);
  const last = range[range.length - 1]!;
  const readAfter = readsIn(scopeOf(statement)).some((id) => id.startIndex > last.endIndex && names.has(id.text));
  const rest = text.slice(statement.endIndex, lineEnd(text, statement.endIndex)).trim();
  return (
    indent !== null &&
    (rest === '' || rest.startsWith('#')) &&
    !readAfter &&
    range.every(
      (s) =>
        indentBefore(text, s.startIndex) === indent &&
        s.descendantsOfType(EXITS).length === 0 &&
        // Re-indenting would change the text of a string that spans lines.
        s.descendantsOfType('string').every((str) => str.startPosition.row === str.endPosition.row),
    )
  );
}

/**
 * The edits that turn the binding into `head` (a loop head over `actions[]` with the name
 * as its variable) and indent its body by `step`; null where the handler does not have
 * that shape or moving it into a loop could change what it does.
 */
export function localLoop(text: string, read: PyNode, head: (name: string) => string, step: string): Edit[] | null {
  const bound = binding(read);
  if (!bound) return null;
  const { range, names } = body(bound.statement, bound.name);
  if (range.length === 0 || !movable(text, bound.statement, range, names)) return null;
  const edits: Edit[] = [{ start: bound.statement.startIndex, end: bound.statement.endIndex, text: head(bound.name) }];
  const end = range[range.length - 1]!.endIndex;
  for (let at = text.indexOf('\n', bound.statement.endIndex); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    if (text.slice(at + 1, lineEnd(text, at + 1)).trim() !== '') edits.push({ start: at + 1, end: at + 1, text: step });
  }
  return edits;
}
