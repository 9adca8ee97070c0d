import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import { diffLibrary } from '../lazy.js';
import type { FileText } from './model.js';

/**
 * One file's change as a Git-style unified diff (`diff --git a/<file> b/<file>`), the
 * form `git apply` reads. Lines keep their `\r`, and a last line without newline gets
 * `\ No newline at end of file`, so the patch reproduces the new text byte for byte.
 * Empty when the text did not change.
 */
export function unifiedDiff(change: FileText, options: { color: boolean }): string {
  if (change.before === change.after) return '';
  const { formatPatch, structuredPatch } = diffLibrary();
  const patch = structuredPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, undefined, undefined, {
    context: 3,
  });
  const text = formatPatch({ ...patch, isGit: true });
  return options.color ? colorize(text, picocolors.createColors(true)) : text;
}

/**
 * Every change as one patch for `git apply`; applying it gives what a real run writes.
 * Each `file` is relative to the repository top, where git apply reads paths from.
 */
export function renderPatch(changes: FileText[]): string {
  return changes.map((change) => unifiedDiff(change, { color: false })).join('');
}

/** Headers are only the lines before the first hunk: a removed `-- x` line is content. */
function colorize(text: string, c: Colors): string {
  let inHunks = false;
  const lines = text.slice(0, -1).split('\n');
  const painted = lines.map((line) => {
    if (line.startsWith('@@')) {
      inHunks = true;
      return c.cyan(line);
    }
    if (!inHunks) return c.bold(line);
    if (line.startsWith('+')) return c.green(line);
    if (line.startsWith('-')) return c.red(line);
    if (line.startsWith('\\')) return c.dim(line);
    return line;
  });
  return `${painted.join('\n')}\n`;
}
