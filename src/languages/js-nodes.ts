/**
 * Node tests shared by everything that walks a JS/TS syntax tree: the adapter and the
 * transforms see the same trees, from @babel/parser through jscodeshift.
 */
import type { AstNode } from './javascript.js';

/** A `key: value` entry of an object literal: Babel's `ObjectProperty`, ESTree's `Property`. */
export function isObjectProperty(node: AstNode | null | undefined): boolean {
  return node?.type === 'ObjectProperty' || node?.type === 'Property';
}
