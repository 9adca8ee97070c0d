/**
 * TOML adapter (*.toml). Line-based by design (DESIGN.md, "Languages and parsers"): the
 * project has no TOML parser that reports where values are written, and the TOML
 * parsers on npm return plain data. So this reads what config files use, a line at a
 * time: `[table]` and `[[array]]` headers, `key = value` with bare, quoted and dotted
 * keys; values are strings of all four kinds, arrays (over several lines too), inline
 * tables and bare scalars (numbers, booleans, dates). Anything else is a parse error.
 */
import {
  type ConfigList,
  type ConfigMap,
  type ConfigNode,
  type ConfigScalar,
  configStrings,
  errorAt,
  MAX_NESTING,
  scalar,
  tooDeep,
} from './mapping.js';
import type { LanguageAdapter } from './types.js';

const BARE_KEY = /[A-Za-z0-9_-]+/y;
/** Numbers, booleans, dates and times: everything up to a separator or comment. */
const BARE_VALUE = /[^,\]}#\r\n]+/y;
const BLANK = /[ \t]*/y;

/** pyproject.toml sections that list packages, never model sites. */
const PYPROJECT_DEPENDENCIES: ReadonlySet<string> = new Set([
  'dependencies',
  'optional-dependencies',
  'dev-dependencies',
  'dependency-groups',
  'build-system',
]);

export interface TomlParsed {
  root: ConfigMap;
  skipKeys: ReadonlySet<string>;
}

class TomlReader {
  private pos = 0;
  readonly root: ConfigMap = { kind: 'map', entries: [] };
  private table: ConfigMap = this.root;
  /** Arrays and inline tables open around the current position. */
  private depth = 0;

  constructor(private readonly text: string) {}

  read(): ConfigMap {
    while (this.pos < this.text.length) {
      this.match(BLANK);
      const c = this.text[this.pos];
      if (c === '[') this.header();
      else if (c !== undefined && !'#\r\n'.includes(c)) this.assign(this.table);
      this.endOfLine();
    }
    return this.root;
  }

  private fail(message: string): never {
    throw errorAt(message, this.text, this.pos);
  }

  private match(pattern: RegExp): string {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text)?.[0] ?? '';
    this.pos += found.length;
    return found;
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.pos)) this.fail(`expected \`${token}\``);
    this.pos += token.length;
  }

  /** Blanks, newlines and comments, which may sit between array items. */
  private skipSpace(): void {
    for (;;) {
      this.match(BLANK);
      const c = this.text[this.pos];
      if (c === '#') this.pos = this.lineEnd();
      else if (c === '\r' || c === '\n') this.pos++;
      else return;
    }
  }

  private lineEnd(): number {
    const newline = this.text.indexOf('\n', this.pos);
    return newline === -1 ? this.text.length : newline;
  }

  private endOfLine(): void {
    this.match(BLANK);
    if (this.text[this.pos] === '#') this.pos = this.lineEnd();
    if (this.text.startsWith('\r\n', this.pos)) this.pos += 2;
    else if (this.text[this.pos] === '\n') this.pos++;
    else if (this.pos < this.text.length) this.fail('expected the end of the line');
  }

  private header(): void {
    const array = this.text.startsWith('[[', this.pos);
    this.expect(array ? '[[' : '[');
    const path = this.keyPath();
    this.expect(array ? ']]' : ']');
    if (!array) {
      this.table = this.descend(this.root, path);
      return;
    }
    const parent = this.descend(this.root, path.slice(0, -1));
    const last = path[path.length - 1]!;
    let list = parent.entries.find((e) => e.key === last)?.value;
    if (!list) {
      list = { kind: 'list', items: [] };
      parent.entries.push({ key: last, value: list });
    }
    if (list.kind !== 'list') this.fail(`\`${last}\` is not an array of tables`);
    this.table = { kind: 'map', entries: [] };
    list.items.push(this.table);
  }

  /** The table at `path` under `from`, created as needed; an array of tables resolves to its last table. */
  private descend(from: ConfigMap, path: string[]): ConfigMap {
    let map = from;
    for (const key of path) {
      let next = map.entries.find((e) => e.key === key)?.value;
      if (!next) {
        next = { kind: 'map', entries: [] };
        map.entries.push({ key, value: next });
      }
      if (next.kind === 'list') next = next.items[next.items.length - 1];
      if (next?.kind !== 'map') this.fail(`\`${key}\` is not a table`);
      map = next;
    }
    return map;
  }

  private keyPath(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.match(BLANK);
      keys.push(this.key());
      this.match(BLANK);
      if (this.text[this.pos] !== '.') return keys;
      this.pos++;
    }
  }

  private key(): string {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.string(c).value;
    const bare = this.match(BARE_KEY);
    return bare || this.fail('expected a key');
  }

  /** `a.b = value` into `into`. */
  private assign(into: ConfigMap): void {
    const path = this.keyPath();
    this.expect('=');
    this.match(BLANK);
    const value = this.value();
    this.descend(into, path.slice(0, -1)).entries.push({ key: path[path.length - 1]!, value });
  }

  private value(): ConfigNode {
    const c = this.text[this.pos];
    if (this.text.startsWith('"""', this.pos) || this.text.startsWith("'''", this.pos)) return this.multilineString();
    if (c === '"' || c === "'") return this.string(c);
    if (c === '[' || c === '{') return this.nested(c);
    const bare = this.match(BARE_VALUE).trimEnd();
    if (!bare) this.fail('expected a value');
    return scalar(bare);
  }

  /** A one-line basic ("...") or literal ('...') string; editable when nothing in it is escaped. */
  private string(quote: string): ConfigScalar {
    const start = this.pos + 1;
    let i = start;
    while (i < this.text.length && this.text[i] !== quote && this.text[i] !== '\n') {
      i += quote === '"' && this.text[i] === '\\' ? 2 : 1;
    }
    if (this.text[i] !== quote) this.fail('unterminated string');
    const raw = this.text.slice(start, i);
    this.pos = i + 1;
    return scalar(raw, quote === '"' && raw.includes('\\') ? null : { start, end: i });
  }

  /** """...""" or '''...''': prose, never a site. */
  private multilineString(): ConfigNode {
    const delimiter = this.text.slice(this.pos, this.pos + 3);
    let i = this.pos + 3;
    while (i < this.text.length && !this.text.startsWith(delimiter, i)) i += delimiter === '"""' && this.text[i] === '\\' ? 2 : 1;
    if (i >= this.text.length) this.fail('unterminated multi-line string');
    // Up to two quotes right before the closing delimiter belong to the content.
    for (let extra = 0; extra < 2 && this.text[i + 3] === delimiter[0]; extra++) i++;
    const raw = this.text.slice(this.pos + 3, i);
    this.pos = i + 3;
    return scalar(raw);
  }

  private nested(open: string): ConfigNode {
    if (++this.depth > MAX_NESTING) throw tooDeep(this.text, this.pos);
    const node = open === '[' ? this.array() : this.inlineTable();
    this.depth--;
    return node;
  }

  private array(): ConfigList {
    this.expect('[');
    const list: ConfigList = { kind: 'list', items: [] };
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') break;
      list.items.push(this.value());
      this.skipSpace();
      if (this.text[this.pos] !== ',') break;
      this.pos++;
    }
    this.expect(']');
    return list;
  }

  /** `{ key = value, ... }`; newlines inside are accepted, as TOML 1.1 allows. */
  private inlineTable(): ConfigMap {
    this.expect('{');
    const map: ConfigMap = { kind: 'map', entries: [] };
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') break;
      this.assign(map);
      this.skipSpace();
      if (this.text[this.pos] !== ',') break;
      this.pos++;
    }
    this.expect('}');
    return map;
  }
}

function parse(text: string, path: string): TomlParsed {
  return {
    root: new TomlReader(text).read(),
    skipKeys: /(^|\/)pyproject\.toml$/.test(path) ? PYPROJECT_DEPENDENCIES : new Set(),
  };
}

export const toml: LanguageAdapter<TomlParsed> = {
  id: 'toml',
  files: /\.toml$/,
  extensions: ['toml'],
  parse,
  strings: (parsed) => configStrings([parsed.root], { skipKeys: parsed.skipKeys }),
};
