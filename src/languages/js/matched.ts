/**
 * Strings JS/TS code compares, matches or looks up rather than sends: a comparison is
 * pinned by the policy, a family check or a tokenizer lookup is no site at all.
 */
import type { StringContext } from '../../types.js';
import { calleeMethod, isMember, isType, type JsPath, nameOf, parentNode, parentOf, TRANSPARENT } from './nodes.js';

/** Methods whose string argument is text matched or rewritten in another string: a prefix, a suffix, a spelling. */
const TEXT_METHODS = new Set(['startsWith', 'endsWith', 'replace', 'replaceAll']);
/** Calls that look a model's tokenizer up (js-tiktoken's `encodingForModel`): the name picks an encoding and sends nothing. */
const TOKENIZER_LOOKUPS = new Set(['encodingForModel', 'encoding_for_model']);
/** Case folds: `name.toLowerCase().includes("gpt-5")` searches text, where `models.includes(m)` tests membership. */
const CASE_FOLDS = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase']);

/**
 * Text matched rather than a model named (as the Python adapter reads it): the argument of
 * a prefix, suffix or replace call, a search in case-folded text, or the model a tokenizer
 * is looked up for.
 */
export function matchedAs(path: JsPath): StringContext['matched'] {
  const call = parentNode(path);
  if (!call || !isType(call, 'CallExpression', 'OptionalCallExpression') || !(call.arguments as unknown[]).includes(path.node))
    return undefined;
  const method = calleeMethod(call) ?? nameOf(call.callee) ?? '';
  if (TOKENIZER_LOOKUPS.has(method)) return 'tokenizer';
  if (TEXT_METHODS.has(method)) return 'text';
  const receiver = isMember(call.callee) ? call.callee.object : null;
  const folded = receiver && isType(receiver, 'CallExpression') && CASE_FOLDS.has(calleeMethod(receiver) ?? '');
  return method === 'includes' && folded ? 'text' : undefined;
}

const COMPARE_OPERATORS = new Set(['==', '===', '!=', '!==', 'in']);
const COMPARE_METHODS = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'match',
  'matchAll',
  'indexOf',
  'has',
  'test',
  'localeCompare',
  'search',
]);
/** Methods whose first argument is a key into a table (`PRICES.get('gpt-5.4')`). */
const LOOKUP_METHODS = new Set(['get', 'delete']);

function isComparing(holder: JsPath): boolean {
  const node = holder.node;
  return node.type === 'ArrayExpression' || TRANSPARENT.has(node.type) || (isType(node, 'NewExpression') && nameOf(node.callee) === 'Set');
}

export function isCompared(path: JsPath): boolean {
  let node = path.node;
  let parentPath = parentOf(path);
  // A one-element list used for membership (`['gpt-5.4'].includes(m)`) is compared too.
  while (parentPath && isComparing(parentPath)) {
    node = parentPath.node;
    parentPath = parentOf(parentPath);
  }
  const parent = parentPath?.node;
  if (!parentPath || !parent) return false;
  if (isType(parent, 'BinaryExpression')) return COMPARE_OPERATORS.has(parent.operator);
  if (isType(parent, 'SwitchCase')) return parent.test === node;
  if (isType(parent, 'CallExpression', 'OptionalCallExpression')) {
    const method = calleeMethod(parent) ?? '';
    const args: unknown[] = parent.arguments;
    // A lookup key must match the table's keys, which are not sites: changing one side breaks it.
    if (LOOKUP_METHODS.has(method)) return args[0] === node;
    if (!COMPARE_METHODS.has(method)) return false;
    return args.includes(node) || (isMember(parent.callee) && parent.callee.object === node);
  }
  if (isMember(parent) && parent.computed && parent.property === node) return true; // PRICES['gpt-5.4']
  if (isMember(parent) && parent.object === node) {
    const call = parentNode(parentPath);
    return COMPARE_METHODS.has(nameOf(parent.property) ?? '') && call?.type === 'CallExpression';
  }
  return false;
}
