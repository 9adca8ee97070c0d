/**
 * Adding one entry to a bracketed, comma-separated list (object properties, keyword
 * arguments, dict pairs) as a single insertion that follows the list's own layout: one
 * entry per line with its indentation and trailing-comma habit, or inline after the last
 * entry. Written by hand because a printer (recast, a Python formatter) would re-print
 * the whole list; here nothing but the inserted text changes.
 *
 * Several insertions into the same list land at the same offset and stay valid in any
 * number, so two transforms may each add an entry in one run.
 */
import type { Edit } from '../types.js';
import { indentBefore, lineBreak, lineEnd } from './layout.js';

export interface Span {
  start: number;
  end: number;
}

export interface ItemList {
  /** Just after the opening bracket. */
  open: number;
  /** At the closing bracket. */
  close: number;
  /** The entries, in order (comments excluded). */
  items: Span[];
}

/** The edit that appends `item` (already written in the list's language) to the list. */
export function appendItem(text: string, list: ItemList, item: string, lineComment: string): Edit {
  const last = list.items[list.items.length - 1];
  if (!last) {
    const inner = text.slice(list.open, list.close);
    return { start: list.open, end: list.close, text: inner.trim() === '' ? item : `${inner}${item}` };
  }
  const comma = /^[ \t]*,/.exec(text.slice(last.end, list.close));
  const afterComma = comma ? last.end + comma[0].length : null;
  const indent = indentBefore(text, last.start);
  const ownLines = indent !== null && text.slice(last.end, list.close).includes('\n');
  if (!ownLines) {
    return afterComma === null ? { start: last.end, end: last.end, text: `, ${item}` } : { start: afterComma, end: afterComma, text: ` ${item},` };
  }
  const eol = lineBreak(text, last.end);
  if (afterComma === null) return { start: last.end, end: last.end, text: `,${eol}${indent}${item}` };
  // After the comma, the line may still hold a comment on the last entry: the new entry goes below it.
  const rest = text.slice(afterComma, lineEnd(text, afterComma)).trim();
  const at = rest === '' || rest.startsWith(lineComment) ? lineEnd(text, afterComma) : afterComma;
  return { start: at, end: at, text: `${eol}${indent}${item},` };
}
