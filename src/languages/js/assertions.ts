/**
 * Test assertions: a value inside `expect(…)`, a matcher on it (`.toBe('gpt-5.4')`,
 * `.toMatchObject({ model: 'gpt-5.4' })`), `expect.objectContaining(…)` or node's
 * `assert.equal(…)` is what the code under test must produce. It is compared, not used:
 * rewriting it alone breaks the test while the value it checks stays elsewhere.
 */
import { isMember, isType, type JsNode, type JsPath, nameOf, parentOf } from './nodes.js';

const ASSERTION_ROOTS = new Set(['expect', 'assert']);

/** The identifier a callee chain starts from: `expect` for `expect(x).not.toBe`, `assert` for `assert.equal`. */
function rootName(callee: JsNode | null | undefined): string | null {
  let node = callee;
  while (node) {
    if (isMember(node)) node = node.object;
    else if (isType(node, 'CallExpression', 'OptionalCallExpression')) node = node.callee;
    else return nameOf(node);
  }
  return null;
}

/** The string at `path` is an argument, at any depth, of an assertion call. */
export function inAssertion(path: JsPath): boolean {
  for (let p = parentOf(path); p; p = parentOf(p)) {
    const node = p.node;
    if (isType(node, 'CallExpression', 'OptionalCallExpression') && ASSERTION_ROOTS.has(rootName(node.callee) ?? '')) return true;
  }
  return false;
}
