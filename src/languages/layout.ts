/**
 * The line layout of source text, for edits that insert or remove whole lines and must
 * follow the file's own habits: where a line starts and ends, which line break it uses
 * (`\n` or `\r\n`) and the indentation in front of an entry.
 */

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends: at its line break, before the `\r` of a CRLF. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** Where the next line starts: just after the line break (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The line break the line holding `offset` ends with; `\n` on a last line without one. */
export function lineBreak(text: string, offset: number): string {
  return text[lineEnd(text, offset)] === '\r' ? '\r\n' : '\n';
}

/** The whitespace before `offset` when it starts its line; null when something precedes it. */
export function indentBefore(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** Offsets to 1-based lines and columns and back, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private lines: string[] | null = null;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of each line, split on first use: most files are asked only for positions. */
  get lineTexts(): readonly string[] {
    return (this.lines ??= this.text.split('\n'));
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Where 1-based `line` starts; the text's start for a line it does not have. */
  offsetOfLine(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}
