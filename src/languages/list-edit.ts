/**
 * Adding and removing entries of a bracketed, comma-separated list (object properties,
 * keyword arguments, dict pairs) so that the list keeps its own layout: one entry per line
 * with its indentation, trailing-comma habit and comments, or inline. Written by hand
 * because a printer (recast, a Python formatter) would re-print the whole list; here
 * nothing but the added or removed text changes.
 *
 * Several insertions into the same list land at the same offset and stay valid in any
 * number, so two transforms may each add an entry in one run.
 */
import type { Edit } from '../types.js';
import { indentBefore, lineBreak, lineEnd, lineStart, nextLineStart } from './layout.js';

export interface Span {
  start: number;
  end: number;
}

export interface EntryList {
  /** Just after the opening bracket. */
  open: number;
  /** At the closing bracket. */
  close: number;
  /** The entries, in order (comments excluded). */
  items: Span[];
}

/**
 * The edit that appends `entry` (already written in the list's language) to the list: a
 * single insertion, so that several of them compose at one offset.
 */
export function appendEntry(text: string, list: EntryList, entry: string, lineComment: string): Edit {
  return appendEdits(text, list, entry, lineComment, false)[0]!;
}

/**
 * The edits that append `entry` where nothing else is added to the list in the same run:
 * where the last entry has no comma and a comment ends its line, the comma goes after the
 * entry and the new entry below the comment (two edits, which would not compose).
 */
export function appendOnlyEntry(text: string, list: EntryList, entry: string, lineComment: string): Edit[] {
  return appendEdits(text, list, entry, lineComment, true);
}

function appendEdits(text: string, list: EntryList, entry: string, lineComment: string, alone: boolean): Edit[] {
  const last = list.items[list.items.length - 1];
  if (!last) {
    const inner = text.slice(list.open, list.close);
    return [{ start: list.open, end: list.close, text: inner.trim() === '' ? entry : `${inner}${entry}` }];
  }
  const comma = /^[ \t]*,/.exec(text.slice(last.end, list.close));
  const afterComma = comma ? last.end + comma[0].length : null;
  const indent = indentBefore(text, last.start);
  const ownLines = indent !== null && text.slice(last.end, list.close).includes('\n');
  if (!ownLines) {
    return [
      afterComma === null
        ? { start: last.end, end: last.end, text: `, ${entry}` }
        : { start: afterComma, end: afterComma, text: ` ${entry},` },
    ];
  }
  const eol = lineBreak(text, last.end);
  // After the last entry (and its comma), the line may still hold a comment on it: the new entry goes below it.
  const from = afterComma ?? last.end;
  const rest = text.slice(from, lineEnd(text, from)).trim();
  const below = rest === '' || rest.startsWith(lineComment) ? lineEnd(text, from) : from;
  if (afterComma !== null) return [{ start: below, end: below, text: `${eol}${indent}${entry},` }];
  if (!alone) return [{ start: last.end, end: last.end, text: `,${eol}${indent}${entry}` }];
  return [
    { start: last.end, end: last.end, text: ',' },
    { start: below, end: below, text: `${eol}${indent}${entry}` },
  ];
}

/** The range of an entry written on lines of its own (with comment lines right above it), or null. */
function ownLines(text: string, item: Span, previousEnd: number, lineComment: string): Span | null {
  if (indentBefore(text, item.start) === null) return null;
  const rest = text.slice(item.end, lineEnd(text, item.end)).trim().replace(/^,\s*/, '');
  if (rest !== '' && !rest.startsWith(lineComment)) return null;
  let start = lineStart(text, item.start);
  while (start > 0) {
    const above = lineStart(text, start - 1);
    if (above < previousEnd || !text.slice(above, start).trim().startsWith(lineComment)) break;
    start = above;
  }
  return { start, end: nextLineStart(text, item.end) };
}

/**
 * The edits that delete the entries `drop` picks: an entry on lines of its own goes with
 * its lines and the comment lines above it, an inline one with its comma.
 */
export function removeEntries(text: string, list: Omit<EntryList, 'close'>, drop: (index: number) => boolean, lineComment: string): Edit[] {
  const { open, items } = list;
  const ranges: Span[] = [];
  items.forEach((item, i) => {
    if (!drop(i)) return;
    const own = ownLines(text, item, i > 0 ? items[i - 1]!.end : open, lineComment);
    const next = items[i + 1];
    const kept = items
      .slice(0, i)
      .filter((_, k) => !drop(k))
      .pop();
    if (own) ranges.push(own);
    else if (next) ranges.push({ start: item.start, end: next.start });
    else ranges.push({ start: kept ? kept.end : item.start, end: item.end });
  });
  ranges.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((r) => ({ ...r, text: '' }));
}
