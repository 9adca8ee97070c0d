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
import type MarkdownIt from 'markdown-it';
import type { fromMarkdown as FromMarkdown, Options } from 'mdast-util-from-markdown';
import { lazy } from '../lazy.js';
import { LineIndex } from './layout.js';
import type { LanguageId, StringValue } from '../types.js';
import type { ConfigNode } from './mapping.js';
import { MappedText, verbatim } from './regions.js';
import { shellBodies } from './shell.js';
import type { LanguageAdapter, Region } from './types.js';
import { yaml } from './yaml.js';

type Root = ReturnType<typeof FromMarkdown>;

/** The fields of mdast nodes this adapter reads. */
interface MdNode {
  type: string;
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

/** A block whose content is code: the frontmatter, or a fenced code block. */
interface CodeBlock {
  /** The fence's info string up to its first space (`ts`); null for the frontmatter. */
  lang: string | null;
  /** 1-based line of the opening `---` or fence. */
  line: number;
  /** The content lines, each without its line break and container prefix. */
  lines: string[];
}

export interface MarkdownParsed {
  path: string;
  frontmatter: CodeBlock | null;
  fences: CodeBlock[];
  /** The CommonMark tree, built on first use: only prose questions need it. */
  tree(): Root;
  /** Characters before the text the tree was built from (a byte-order mark): its offsets start after them. */
  treeStart: number;
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
  md: { language: 'markdown', ext: 'md' },
  markdown: { language: 'markdown', ext: 'md' },
  prompty: { language: 'markdown', ext: 'prompty' },
};

const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'curl']);

/**
 * Emphasis is left as literal text: nothing here reads it (prose spans may hold the
 * `*`s around a word), and micromark's emphasis matching is quadratic in the delimiters
 * of a paragraph: a 100,000-character line of `*a*a...` took 30 s, 0.2 s without it.
 */
const WITHOUT_EMPHASIS = { disable: { null: ['attention'] } };

interface Parsers {
  /** Block structure only (fences), CommonMark as micromark reads it. */
  blocks: MarkdownIt;
  fromMarkdown: typeof FromMarkdown;
  options: Options;
}

/** The parsers, loaded (mdast's are ESM only, so asynchronously) by `init` when a run has Markdown. */
let parsers: Parsers | null = null;

/**
 * Fences and frontmatter come from markdown-it's block pass, which is linear and about a
 * hundred times faster than building micromark's tree (a 67 KB changelog took 0.6 s);
 * the full tree is built only for the prose of Markdown prompts.
 */
async function loadParsers(): Promise<void> {
  const [{ default: markdownIt }, { fromMarkdown }, { frontmatterFromMarkdown }, { frontmatter }] = await Promise.all([
    import('markdown-it'),
    import('mdast-util-from-markdown'),
    import('mdast-util-frontmatter'),
    import('micromark-extension-frontmatter'),
  ]);
  const blocks = markdownIt('commonmark');
  // Nesting as deep as the default preset allows (the CommonMark preset stops at 20 levels).
  Object.assign(blocks.options, { maxNesting: 100 });
  blocks.core.ruler.disable(['inline', 'text_join']);
  parsers = {
    blocks,
    fromMarkdown,
    options: { extensions: [frontmatter(['yaml']), WITHOUT_EMPHASIS], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] },
  };
}

const init = lazy(loadParsers);

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * YAML frontmatter as micromark-extension-frontmatter reads it: `---` (trailing blanks
 * allowed) on the very first line, up to the next such line; without one, no frontmatter.
 * Returns the block and how many lines it takes.
 */
function frontmatterOf(text: string): { block: CodeBlock; lineCount: number } | null {
  const fence = /^---[ \t]*$/;
  if (!text.startsWith('---')) return null;
  const lines = text.split(LINE_BREAK);
  if (lines.length < 2 || !fence.test(lines[0]!)) return null;
  const close = lines.findIndex((line, i) => i > 0 && fence.test(line));
  if (close === -1) return null;
  return { block: { lang: null, line: 1, lines: lines.slice(1, close) }, lineCount: close + 1 };
}

function parse(source: string, path: string): MarkdownParsed {
  if (!parsers) throw new Error('the Markdown parser is not loaded: call initLanguages() first');
  const { blocks, fromMarkdown, options } = parsers;
  // Frontmatter starts on the first line after a byte-order mark, which no parser here skips.
  const treeStart = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = source.slice(treeStart);
  const front = frontmatterOf(text);
  // The frontmatter's lines stay as blank lines, so markdown-it's line numbers are the file's.
  const body = front ? '\n'.repeat(front.lineCount) + text.split(LINE_BREAK).slice(front.lineCount).join('\n') : text;
  const fences = blocks
    .parse(body, {})
    .filter((token) => token.type === 'fence' && token.map !== null)
    .map((token) => ({
      lang: blocks.utils.unescapeAll(token.info).trim().split(/\s/)[0] || null,
      line: token.map![0] + 1,
      lines: token.content.split('\n').slice(0, token.content.endsWith('\n') ? -1 : undefined),
    }));
  let root: Root | null = null;
  return { path, frontmatter: front?.block ?? null, fences, tree: () => (root ??= fromMarkdown(text, options)), treeStart };
}

/** The raw lines of the Markdown text, without line endings, with their start offsets. */
class SourceLines {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** 1-based line `line`: its text, start offset and line break, if the text has it (cut on demand: a block reads few lines). */
  at(line: number): { text: string; start: number; lineBreak: string } | null {
    if (line < 1 || line > this.index.lineCount) return null;
    const start = this.index.offsetOfLine(line);
    const end = line < this.index.lineCount ? this.index.offsetOfLine(line + 1) - 1 : this.text.length;
    const raw = this.text.slice(start, end);
    return raw.endsWith('\r') ? { text: raw.slice(0, -1), start, lineBreak: '\r\n' } : { text: raw, start, lineBreak: '\n' };
  }
}

/** A node's content as region text, with the encoder that restores its line prefix on new lines. */
interface Block {
  mapped: MappedText;
  encode: (text: string) => string;
}

/**
 * Maps a block's content back to its lines, below its opening line; null when it is empty.
 * The parser strips each line's container prefix (list indentation, `>` markers, the
 * fence's own indent), so every content line is the tail of its raw line; null when it is
 * not (a tab the parser split into spaces), since such a block cannot be edited byte for byte.
 */
function contentOf(block: CodeBlock, lines: SourceLines): Block | null {
  if (block.lines.join('\n').trim() === '') return null;
  const mapped = new MappedText();
  let prefix: string | null = null;
  for (const [i, content] of block.lines.entries()) {
    const raw = lines.at(block.line + 1 + i);
    if (!raw || !raw.text.endsWith(content)) return null;
    const start = raw.start + raw.text.length - content.length;
    if (prefix === null && content.trim() !== '') prefix = raw.text.slice(0, raw.text.length - content.length);
    mapped.copy(i < block.lines.length - 1 ? content + raw.lineBreak : content, start);
  }
  return { mapped, encode: prefixNewLines(prefix ?? '') };
}

/** New lines in a replacement get the block's line prefix, so they stay inside the list item or quote. */
function prefixNewLines(prefix: string): (text: string) => string {
  return prefix === '' ? verbatim : (text) => text.replace(/\n/g, `\n${prefix}`);
}

function regions(parsed: MarkdownParsed, text: string): Region[] {
  const lines = new SourceLines(text);
  const front = parsed.frontmatter ? frontmatterRegion(parsed.frontmatter, lines, parsed.path) : [];
  return [...front, ...parsed.fences.flatMap((fence) => fenceRegions(fence, lines, parsed.path))];
}

function frontmatterRegion(frontmatter: CodeBlock, lines: SourceLines, path: string): Region[] {
  const block = contentOf(frontmatter, lines);
  return block ? [block.mapped.region('yaml', 'YAML frontmatter', block.encode, `${path}.yaml`)] : [];
}

function fenceRegions(fence: CodeBlock, lines: SourceLines, path: string): Region[] {
  const info = fence.lang?.toLowerCase() ?? '';
  const target = FENCES[info];
  if (!target && !SHELL_FENCES.has(info)) return [];
  const block = contentOf(fence, lines);
  if (!block) return [];
  const label = `\`\`\`${fence.lang} fence at line ${fence.line}`;
  if (target) {
    const shown = wholeFile(target, block.mapped.text);
    return [{ ...block.mapped.region(shown.language, label, block.encode, `${path}.${shown.ext}`), snippet: true }];
  }
  const outer = { toOuter: (offset: number) => block.mapped.toOuter(offset), encode: block.encode };
  return shellBodies(block.mapped.text).map((body) => {
    const bodyLine = fence.line + 1 + countLines(block.mapped.text.slice(0, body.start));
    const region = body.mapped.within(outer, 'json', `JSON body at line ${bodyLine} (${label})`, body.encode, `${path}.json`);
    return { ...region, snippet: true };
  });
}

/**
 * A ```yaml fence that shows a whole Markdown file (`---` frontmatter, then prose: an
 * agent or prompt file) is read as Markdown; YAML would take the prose for a second document.
 */
function wholeFile(target: { language: LanguageId; ext: string }, code: string): { language: LanguageId; ext: string } {
  if (target.language !== 'yaml') return target;
  const front = frontmatterOf(code);
  const rest = front ? code.split(LINE_BREAK).slice(front.lineCount).join('\n') : '';
  return rest.trim() !== '' && !looksLikeYaml(rest) ? { language: 'markdown', ext: 'md' } : target;
}

/** Whether text after a `---` reads as YAML data (another document of the stream: a map or list) rather than prose. */
function looksLikeYaml(text: string): boolean {
  try {
    return yaml.parse(text, 'document.yaml').every((root) => root.kind !== 'scalar');
  } catch {
    return false;
  }
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
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
  const region = parsed.frontmatter ? frontmatterRegion(parsed.frontmatter, new SourceLines(text), parsed.path)[0] : undefined;
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
const NOT_PROSE = new Set([
  'code',
  'inlineCode',
  'html',
  'yaml',
  'definition',
  'blockquote',
  'link',
  'linkReference',
  'image',
  'imageReference',
]);
const PROSE_BLOCKS = new Set(['paragraph', 'heading']);

function offsets(node: MdNode, shift: number): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start: start + shift, end: end + shift };
}

/** The body's paragraphs and headings with their text spans, outside code, quotes and links. */
export function proseBlocks(parsed: MarkdownParsed): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const textSpans = (node: MdNode): Array<{ start: number; end: number }> => {
    if (NOT_PROSE.has(node.type)) return [];
    const own = node.type === 'text' ? offsets(node, parsed.treeStart) : null;
    return own ? [own] : (node.children ?? []).flatMap(textSpans);
  };
  const visit = (node: MdNode): void => {
    if (NOT_PROSE.has(node.type)) return;
    const range = PROSE_BLOCKS.has(node.type) ? offsets(node, parsed.treeStart) : null;
    if (range) blocks.push({ ...range, spans: textSpans(node) });
    else node.children?.forEach(visit);
  };
  visit(parsed.tree());
  return blocks;
}

export const markdown: LanguageAdapter<MarkdownParsed> = {
  id: 'markdown',
  files: /\.(md|mdx|markdown|prompty)$/i,
  extensions: ['md', 'mdx', 'markdown', 'prompty'],
  // Fences, YAML frontmatter and the JSON bodies of shell fences.
  embeds: [...new Set<LanguageId>([...Object.values(FENCES).map((fence) => fence.language), 'yaml', 'json'])],
  // parse sets a byte-order mark aside itself: the frontmatter must start on the first line.
  readsBom: true,
  init,
  parse,
  regions,
};
