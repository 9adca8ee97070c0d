/**
 * .env adapter (.env, .env.example, .env.local... anywhere). Line-based by design
 * (DESIGN.md, "Languages and parsers"): dotenv files are one `KEY=value` per line, and
 * the dotenv packages only return values, not where they are written. Like dotenv, lines
 * that are not assignments are skipped rather than errors, so parsing never fails.
 */
import { type ConfigEntry, type ConfigMap, type ConfigScalar, configStrings, scalar } from './mapping.js';
import type { LanguageAdapter } from './types.js';

/** `KEY=`, `export KEY =`: the key and everything up to the value. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;
const QUOTES = new Set(['"', "'", '`']);
/**
 * An unquoted value ends where whitespace and `#` start a comment. Found by its first
 * two characters, then trimmed: `/[ \t]+#.*$/` retries its whitespace run from every
 * position, which made a long line of spaces quadratic.
 */
const COMMENT_START = /[ \t]#/;

interface Line {
  text: string;
  start: number;
}

/** Line breaks as dotenv reads them: CRLF, LF, and a lone CR (old Mac files). */
const LINE_BREAK = /\r\n?|\n/g;

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    out.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

/** The value after `=` (raw text `rest`, starting at `offset`), or null when its quote does not close on this line. */
function value(rest: string, offset: number): ConfigScalar | null {
  const quote = rest[0] ?? '';
  if (!QUOTES.has(quote)) {
    const comment = rest.search(COMMENT_START);
    const raw = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
    return scalar(raw, { start: offset, end: offset + raw.length });
  }
  const close = rest.indexOf(quote, 1);
  if (close === -1) return null;
  const raw = rest.slice(1, close);
  // dotenv expands escapes like \n inside double quotes: such a value is not written as it reads.
  const exact = quote !== '"' || !raw.includes('\\');
  return scalar(raw, exact ? { start: offset + 1, end: offset + close } : null);
}

function parse(text: string): ConfigMap {
  const entries: ConfigEntry[] = [];
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const match = ASSIGNMENT.exec(line.text);
    if (!match) continue;
    const rest = line.text.slice(match[0].length);
    const parsed = value(rest, line.start + match[0].length);
    if (parsed) {
      entries.push({ key: match[1]!, value: parsed });
      continue;
    }
    // A quoted value spanning lines (dotenv allows it): skip to the line that closes it.
    const quote = rest[0]!;
    while (i + 1 < all.length && !all[i + 1]!.text.includes(quote)) i++;
    i++;
  }
  return { kind: 'map', entries };
}

export const env: LanguageAdapter<ConfigMap> = {
  id: 'env',
  files: /(^|\/)\.env(\.[^/]+)?$/,
  // Whole file names for the file finder: `.env` itself and `.env.<anything>`.
  extensions: ['.env', '.env.*'],
  parse,
  strings: (root) => configStrings([root], { requests: false }),
};
