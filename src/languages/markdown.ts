/**
 * Markdown / MDX adapter: a container with no strings of its own. YAML frontmatter and
 * fenced code go to the adapter their info string names; the JSON request bodies of
 * shell fences (`curl -d '{...}'`, heredocs) go to the JSON adapter. Prose is never a
 * region, so it never changes for model-slug; the prompts transform reads it through
 * `proseBlocks` when the file is a prompt.
 *
 * `.mdx` is read as plain Markdown (CommonMark + frontmatter): its JSX and ESM lines are
 * prose here, which is harmless, but a fence written inside a JSX element with no blank
 * line before it is part of an HTML block and is not seen. Prompty files (`.prompty`)
 * are Markdown too: YAML frontmatter, then the prompt as the body.
 */
import type { fromMarkdown as FromMarkdown, Options } from 'mdast-util-from-markdown';
import { lazy } from '../lazy.js';
import { LineIndex } from './layout.js';
import type { LanguageId, StringValue } from '../types.js';
import type { ConfigNode } from './mapping.js';
import { MappedText, verbatim } from './regions.js';
import type { LanguageAdapter, Region } from './types.js';
import { yaml } from './yaml.js';

type Root = ReturnType<typeof FromMarkdown>;

/** The fields of mdast nodes this adapter reads. */
interface MdNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

export interface MarkdownParsed {
  root: Root;
  path: string;
}

/** Fence info strings and the adapter (and file extension, for the parser choice) they name. */
const FENCES: Record<string, { language: LanguageId; ext: string }> = {
  ts: { language: 'js', ext: 'ts' },
  typescript: { language: 'js', ext: 'ts' },
  tsx: { language: 'js', ext: 'tsx' },
  js: { language: 'js', ext: 'js' },
  javascript: { language: 'js', ext: 'js' },
  jsx: { language: 'js', ext: 'jsx' },
  mjs: { language: 'js', ext: 'mjs' },
  cjs: { language: 'js', ext: 'cjs' },
  py: { language: 'python', ext: 'py' },
  python: { language: 'python', ext: 'py' },
  python3: { language: 'python', ext: 'py' },
  json: { language: 'json', ext: 'json' },
  jsonc: { language: 'json', ext: 'jsonc' },
  yaml: { language: 'yaml', ext: 'yaml' },
  yml: { language: 'yaml', ext: 'yaml' },
};

const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'curl']);

/**
 * Emphasis is left as literal text: nothing here reads it (prose spans may hold the
 * `*`s around a word), and micromark's emphasis matching is quadratic in the delimiters
 * of a paragraph: a 100,000-character line of `*a*a...` took 30 s, 0.2 s without it.
 */
const WITHOUT_EMPHASIS = { disable: { null: ['attention'] } };

/** The parser with frontmatter support, loaded (ESM only, so asynchronously) by `init` when a run has Markdown. */
let parser: { fromMarkdown: typeof FromMarkdown; options: Options } | null = null;

async function loadParser(): Promise<void> {
  const [{ fromMarkdown }, { frontmatterFromMarkdown }, { frontmatter }] = await Promise.all([
    import('mdast-util-from-markdown'), import('mdast-util-frontmatter'), import('micromark-extension-frontmatter'),
  ]);
  parser = {
    fromMarkdown,
    options: { extensions: [frontmatter(['yaml']), WITHOUT_EMPHASIS], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] },
  };
}

const init = lazy(loadParser);

function parse(text: string, path: string): MarkdownParsed {
  if (!parser) throw new Error('the Markdown parser is not loaded: call initLanguages() first');
  return { root: parser.fromMarkdown(text, parser.options), path };
}

/** The raw lines of the Markdown text, without line endings, with their start offsets. */
class SourceLines {
  private readonly texts: string[];
  private readonly starts: number[] = [];

  constructor(text: string) {
    const raw = new LineIndex(text).lineTexts;
    let offset = 0;
    for (const line of raw) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
    this.texts = raw.map((line) => line.replace(/\r$/, ''));
  }

  /** 1-based line `line`: its text and start offset, if the text has it. */
  at(line: number): { text: string; start: number } | null {
    const text = this.texts[line - 1];
    return text === undefined ? null : { text, start: this.starts[line - 1]! };
  }
}

/** A node's content as region text, with the encoder that restores its line prefix on new lines. */
interface Block {
  mapped: MappedText;
  encode(text: string): string;
}

/**
 * Maps a node's content back to its lines. The parser strips each line's container prefix
 * (list indentation, `>` markers, the fence's own indent), so every content line is the
 * tail of its raw line; null when it is not (a tab the parser split into spaces), since
 * such a block cannot be edited byte for byte.
 */
function contentBlock(value: string, firstLine: number, lines: SourceLines): Block | null {
  const mapped = new MappedText();
  const parts = value.split(/(\r\n|\r|\n)/);
  let prefix: string | null = null;
  for (let i = 0; i < parts.length; i += 2) {
    const content = parts[i]!;
    const raw = lines.at(firstLine + i / 2);
    if (!raw || !raw.text.endsWith(content)) return null;
    const start = raw.start + raw.text.length - content.length;
    if (prefix === null && content.trim() !== '') prefix = raw.text.slice(0, raw.text.length - content.length);
    mapped.copy(content + (parts[i + 1] ?? ''), start);
  }
  return { mapped, encode: prefixNewLines(prefix ?? '') };
}

/** New lines in a replacement get the block's line prefix, so they stay inside the list item or quote. */
function prefixNewLines(prefix: string): (text: string) => string {
  return prefix === '' ? verbatim : (text) => text.replace(/\n/g, `\n${prefix}`);
}

function regions(parsed: MarkdownParsed, text: string): Region[] {
  const lines = new SourceLines(text);
  const out: Region[] = [];
  const visit = (node: MdNode): void => {
    if (node.type === 'yaml') out.push(...frontmatterRegion(node, lines, parsed.path));
    if (node.type === 'code') out.push(...fenceRegions(node, lines, parsed.path));
    node.children?.forEach(visit);
  };
  visit(parsed.root as MdNode);
  return out;
}

function frontmatterRegion(node: MdNode, lines: SourceLines, path: string): Region[] {
  const block = contentOf(node, lines);
  return block ? [block.mapped.region('yaml', 'YAML frontmatter', block.encode, `${path}.yaml`)] : [];
}

/** The content below the node's opening line (`---` or the opening fence); null when empty. */
function contentOf(node: MdNode, lines: SourceLines): Block | null {
  if (!node.value?.trim() || !node.position) return null;
  return contentBlock(node.value, node.position.start.line + 1, lines);
}

function fenceRegions(node: MdNode, lines: SourceLines, path: string): Region[] {
  const info = node.lang?.toLowerCase() ?? '';
  const target = FENCES[info];
  if (!target && !SHELL_FENCES.has(info)) return [];
  const block = contentOf(node, lines);
  if (!block) return [];
  const line = node.position!.start.line;
  const label = `\`\`\`${node.lang} fence at line ${line}`;
  if (target) return [block.mapped.region(target.language, label, block.encode, `${path}.${target.ext}`)];
  const fence = { toOuter: (offset: number) => block.mapped.toOuter(offset), encode: block.encode };
  return shellBodies(block.mapped.text).map((body) => {
    const bodyLine = line + 1 + countLines(block.mapped.text.slice(0, body.start));
    return body.mapped.within(fence, 'json', `JSON body at line ${bodyLine} (${label})`, body.encode, `${path}.json`);
  });
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

/**
 * Shell fences are scanned by hand for curl's request bodies only: the project has no
 * shell parser, and the few forms docs use (one quoted argument, a heredoc on stdin)
 * need quote decoding, not a full shell grammar.
 */
interface ShellBody {
  /** The body, in offsets of the fence text. */
  mapped: MappedText;
  start: number;
  /** Re-quotes replacement text for the body's quoting. */
  encode(text: string): string;
}

const DATA_OPTION = String.raw`(?<![\w-])(?:-d|--data(?:-raw|-binary|-ascii)?|--json)`;

function shellBodies(shell: string): ShellBody[] {
  return [...quotedBodies(shell), ...heredocBodies(shell)].filter((body) => /^\s*[[{]/.test(body.mapped.text));
}

/** `-d '{...}'`, `--data "{\"model\": ...}"`, `--json='...'`. */
function quotedBodies(shell: string): ShellBody[] {
  const option = new RegExp(`${DATA_OPTION}(?:=|[ \\t]+)?(?=['"])`, 'g');
  const bodies: ShellBody[] = [];
  for (let match; (match = option.exec(shell)); ) {
    const open = match.index + match[0].length;
    const quoted = shell[open] === "'" ? singleQuoted(shell, open) : doubleQuoted(shell, open);
    if (!quoted) continue;
    bodies.push({ ...quoted, start: open + 1 });
    option.lastIndex = quoted.end;
  }
  return bodies;
}

type Quoted = { mapped: MappedText; end: number; encode(text: string): string };

/** A single-quoted word; `'\''` (close, escaped quote, reopen) is how shells put a `'` inside one. */
function singleQuoted(shell: string, open: number): Quoted | null {
  const mapped = new MappedText();
  for (let from = open + 1; ; ) {
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
  for (let match; (match = heredoc.exec(shell)); ) {
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
  for (let start = from; start < shell.length; ) {
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

/** The frontmatter as the YAML adapter reads it, with the region that maps its offsets to the Markdown text. */
export interface Frontmatter {
  region: Region;
  roots: ConfigNode[];
  /** The model-like strings the YAML adapter finds, as model-slug sees them (offsets in `region.text`). */
  strings: StringValue[];
}

/** The YAML frontmatter, parsed; null when there is none or it does not parse (the engine reports that). */
export function readFrontmatter(parsed: MarkdownParsed, text: string): Frontmatter | null {
  const node = (parsed.root as MdNode).children?.find((child) => child.type === 'yaml');
  const region = node ? frontmatterRegion(node, new SourceLines(text), parsed.path)[0] : undefined;
  if (!region) return null;
  try {
    const roots = yaml.parse(region.text, region.path ?? parsed.path);
    return { region, roots, strings: yaml.strings!(roots, region.text) };
  } catch {
    return null;
  }
}

/** A run of prose: a paragraph or heading, and within it the plain-text spans (offsets in the Markdown text). */
export interface ProseBlock {
  start: number;
  end: number;
  spans: Array<{ start: number; end: number }>;
}

/**
 * What is not prose a prompt says in its own voice: code, HTML, link targets and labels,
 * definitions, and block quotes (quoted material, often history).
 */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'blockquote', 'link', 'linkReference', 'image', 'imageReference']);
const PROSE_BLOCKS = new Set(['paragraph', 'heading']);

function offsets(node: MdNode): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** The body's paragraphs and headings with their text spans, outside code, quotes and links. */
export function proseBlocks(parsed: MarkdownParsed): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const textSpans = (node: MdNode): Array<{ start: number; end: number }> => {
    if (NOT_PROSE.has(node.type)) return [];
    const own = node.type === 'text' ? offsets(node) : null;
    return own ? [own] : (node.children ?? []).flatMap(textSpans);
  };
  const visit = (node: MdNode): void => {
    if (NOT_PROSE.has(node.type)) return;
    const range = PROSE_BLOCKS.has(node.type) ? offsets(node) : null;
    if (range) blocks.push({ ...range, spans: textSpans(node) });
    else node.children?.forEach(visit);
  };
  visit(parsed.root as MdNode);
  return blocks;
}

export const markdown: LanguageAdapter<MarkdownParsed> = {
  id: 'markdown',
  files: /\.(md|mdx|markdown|prompty)$/i,
  extensions: ['md', 'mdx', 'markdown', 'prompty'],
  // Fences, YAML frontmatter and the JSON bodies of shell fences.
  embeds: [...new Set<LanguageId>([...Object.values(FENCES).map((fence) => fence.language), 'yaml', 'json'])],
  init,
  parse,
  regions,
};
