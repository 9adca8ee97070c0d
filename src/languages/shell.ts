/**
 * The JSON request bodies of shell fences in Markdown (`curl -d '{...}'`, heredocs), each
 * with the offset map back to the fence text and the quoting a replacement needs.
 */
import { MappedText, verbatim } from './regions.js';

/**
 * Shell fences are scanned by hand for curl's request bodies only: the project has no
 * shell parser, and the few forms docs use (one quoted argument, a heredoc on stdin)
 * need quote decoding, not a full shell grammar.
 */
export interface ShellBody {
  /** The body, in offsets of the fence text. */
  mapped: MappedText;
  start: number;
  /** Re-quotes replacement text for the body's quoting. */
  encode: (text: string) => string;
}

const DATA_OPTION = String.raw`(?<![\w-])(?:-d|--data(?:-raw|-binary|-ascii)?|--json)`;

export function shellBodies(shell: string): ShellBody[] {
  return [...quotedBodies(shell), ...heredocBodies(shell)].filter((body) => /^\s*[[{]/.test(body.mapped.text));
}

/** `-d '{...}'`, `--data "{\"model\": ...}"`, `--json='...'`. */
function quotedBodies(shell: string): ShellBody[] {
  const option = new RegExp(`${DATA_OPTION}(?:=|[ \\t]+)?(?=['"])`, 'g');
  const bodies: ShellBody[] = [];
  for (let match; (match = option.exec(shell));) {
    const open = match.index + match[0].length;
    const quoted = shell[open] === "'" ? singleQuoted(shell, open) : doubleQuoted(shell, open);
    if (!quoted) continue;
    bodies.push({ ...quoted, start: open + 1 });
    option.lastIndex = quoted.end;
  }
  return bodies;
}

type Quoted = { mapped: MappedText; end: number; encode: (text: string) => string };

/** A single-quoted word; `'\''` (close, escaped quote, reopen) is how shells put a `'` inside one. */
function singleQuoted(shell: string, open: number): Quoted | null {
  const mapped = new MappedText();
  for (let from = open + 1; ;) {
    const close = shell.indexOf("'", from);
    if (close === -1) return null;
    mapped.copy(shell.slice(from, close), from);
    if (!shell.startsWith("'\\''", close)) {
      return { mapped, end: close + 1, encode: (text) => text.replace(/'/g, "'\\''") };
    }
    mapped.decoded("'", close, close + 4);
    from = close + 4;
  }
}

/** A double-quoted word: backslash escapes `" \ $ \``, and a backslash-newline disappears. */
function doubleQuoted(shell: string, open: number): Quoted | null {
  const mapped = new MappedText();
  const token = /\\(["\\$`]|\r?\n)|"/g;
  token.lastIndex = open + 1;
  let from = open + 1;
  for (let match; (match = token.exec(shell)); from = token.lastIndex) {
    mapped.copy(shell.slice(from, match.index), from);
    if (match[0] === '"') return { mapped, end: token.lastIndex, encode: (text) => text.replace(/["\\$`]/g, '\\$&') };
    mapped.decoded(match[1]!.endsWith('\n') ? '' : match[1]!, match.index, token.lastIndex);
  }
  return null;
}

/** `curl ... -d @- <<EOF` (or `--data-binary @-`, `-d "$(cat <<'EOF'`): the heredoc's lines are the body. */
function heredocBodies(shell: string): ShellBody[] {
  const heredoc = /<<(-?)[ \t]*(['"]?)([A-Za-z_]\w*)\2/g;
  const feedsCurl = new RegExp(`@-|${DATA_OPTION}`);
  const bodies: ShellBody[] = [];
  for (let match; (match = heredoc.exec(shell));) {
    if (!feedsCurl.test(commandBefore(shell, match.index))) continue;
    const lineEnd = shell.indexOf('\n', match.index);
    if (lineEnd === -1) continue;
    const end = delimiterLine(shell, lineEnd + 1, match[3]!, match[1] === '-');
    if (end === null) continue;
    bodies.push({ mapped: new MappedText().copy(shell.slice(lineEnd + 1, end), lineEnd + 1), start: lineEnd + 1, encode: verbatim });
    heredoc.lastIndex = end;
  }
  return bodies;
}

/** The start of the line that closes a heredoc, or null when it never closes. */
function delimiterLine(shell: string, from: number, delimiter: string, stripTabs: boolean): number | null {
  for (let start = from; start < shell.length;) {
    const newline = shell.indexOf('\n', start);
    const end = newline === -1 ? shell.length : newline;
    const line = shell.slice(start, end).replace(/\r$/, '');
    if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) return start;
    if (newline === -1) return null;
    start = newline + 1;
  }
  return null;
}

/** The command text up to `index`, joined over backslash-continued lines before it. */
function commandBefore(shell: string, index: number): string {
  let start = shell.lastIndexOf('\n', index - 1) + 1;
  while (start > 0 && /\\\r?\n$/.test(shell.slice(Math.max(0, start - 3), start))) start = shell.lastIndexOf('\n', start - 2) + 1;
  return shell.slice(start, index);
}
