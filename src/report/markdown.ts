import type { FamilyBucket } from '../policy/catalog.js';
import { isModelLike, parseSlug } from '../policy/slug.js';
import type { FileError, Site } from '../types.js';
import { type Report, siteLocation, STATUSES } from './model.js';
import { countsByPackage } from './text.js';

/** The upgrade guide's summary sections, in its order. */
const SECTIONS = [
  'Current model usage',
  'Model-string updates',
  'Reasoning-effort handling',
  'Prompt updates',
  'Structured output and formatting assessment',
  'Tool-use assessment',
  'Phase assessment',
  'Compatibility check',
  'Validation performed',
] as const;

type Section = (typeof SECTIONS)[number];

const UNCLEAR = 'third-party/unclear';
type Bucket = FamilyBucket | typeof UNCLEAR;
const BUCKETS: Bucket[] = ['GPT-5.4', 'GPT-5.3/5.2-Codex', 'earlier GPT-5.x', 'GPT-4o/4.1', 'o-series', UNCLEAR];

const NO_SITES = 'No sites.';

/**
 * The section each transform's sites go in. A request field GPT-5.5 rejects
 * (`prompt_cache_retention: "in_memory"`) is a compatibility finding.
 */
export const TRANSFORM_SECTIONS: Readonly<Record<string, Section>> = {
  'model-slug': 'Model-string updates',
  prompts: 'Prompt updates',
  'computer-use': 'Tool-use assessment',
  'phase-replay': 'Phase assessment',
  'prompt-cache-retention': 'Compatibility check',
};

/**
 * Where a site is discussed. A blocked model string is a compatibility finding (the
 * request needs a code change), not a string update. Sites of a transform given as a
 * file path have no section of their own and are listed with the compatibility check.
 */
function sectionOf(site: Site): Section {
  if (site.transform === 'model-slug' && site.status === 'blocked') return 'Compatibility check';
  return TRANSFORM_SECTIONS[site.transform] ?? 'Compatibility check';
}

/** The reviewer's report: the upgrade guide's nine sections, every site under its own. */
export function renderMarkdown(report: Report): string {
  const body: Record<Section, string[]> = {
    'Current model usage': currentUsage(report.sites),
    'Model-string updates': siteTable(report.sites, 'Model-string updates'),
    'Reasoning-effort handling': effortTable(report.sites),
    'Prompt updates': siteTable(report.sites, 'Prompt updates'),
    // No transform reports here: say so rather than imply the code was assessed.
    'Structured output and formatting assessment': [
      'No sites. No transform assesses structured-output or formatting code; review `response_format` / `text.format` usage by hand.',
    ],
    'Tool-use assessment': siteTable(report.sites, 'Tool-use assessment'),
    'Phase assessment': siteTable(report.sites, 'Phase assessment'),
    'Compatibility check': siteTable(report.sites, 'Compatibility check'),
    'Validation performed': validation(report),
  };
  const { summary } = report;
  const counts = STATUSES.map((s) => `${summary.sites[s]} ${s}`).join(', ');
  const lines = [
    `# Upgrade to ${report.target}: ${report.tool} ${report.version} report`,
    '',
    `${summary.filesScanned} files scanned, ${summary.filesChanged} changed, ${summary.filesErrored} errored; sites: ${counts}.`,
    ...packageTable(report.sites),
  ];
  for (const section of SECTIONS) lines.push('', `## ${section}`, '', ...body[section]);
  return `${lines.join('\n')}\n`;
}

/** Site counts per workspace package, when the sites span more than one. */
function packageTable(sites: Site[]): string[] {
  const counts = countsByPackage(sites);
  if (counts.length === 0) return [];
  return [
    '',
    ...table(
      ['Package', ...STATUSES],
      counts.map(([name, byStatus]) => [name, ...STATUSES.map((s) => String(byStatus[s]))]),
    ),
  ];
}

function bucketOf(model: string): Bucket {
  return parseSlug(model)?.entry.bucket ?? UNCLEAR;
}

/** The checklist's marker of a site's fingerprint: an HTML comment, unseen where the Markdown is rendered. */
const FINGERPRINT_MARK = (fingerprint: string): string => `<!-- gpt55:${fingerprint} -->`;

function currentUsage(sites: Site[]): string[] {
  const models = sites.filter((site) => site.from !== null && isModelLike(site.from));
  const usage = models.length === 0 ? ['No model strings found.'] : familyTable(models);
  const pending = sites.filter((site) => site.status === 'confirmation-needed' && site.decision === undefined);
  const checklist = pending.map(
    (site) =>
      `- [ ] ${code(siteLocation(site))} ${code(site.from ?? '-')} ${inline(site.reason)}${site.fingerprint ? ` ${FINGERPRINT_MARK(site.fingerprint)}` : ''}`,
  );
  const kept = sites.filter((site) => site.decision?.kind === 'keep').length;
  return [
    ...usage,
    '',
    'Confirmation needed (left as is). Tick the sites to upgrade, then `gpt55-codemod decide --from-checklist <this file>` records them; `gpt55-codemod decide keep --all-current` keeps the rest:',
    '',
    ...(checklist.length > 0 ? checklist : ['None.']),
    ...(kept > 0 ? ['', `${kept} more site(s) kept as is by the decisions file (in the tables below, marked kept).`] : []),
  ];
}

/** A ticked box of the checklist: its site's location and, where the line carries it, its fingerprint. */
export interface TickedSite {
  file: string;
  line: number;
  column: number;
  fingerprint?: string;
}

const CHECKLIST_LINE = /^\s*[-*] \[[xX]\] (`+) ?(.*?) ?\1 .*?(?:<!-- gpt55:([0-9a-f]+) -->)?\s*$/;

/** The ticked boxes of a report this module wrote (the checklist's own line format, read back). */
export function readChecklist(markdown: string): TickedSite[] {
  return markdown.split(/\r?\n/).flatMap((text) => {
    const match = CHECKLIST_LINE.exec(text);
    const location = match && /^(.*):(\d+):(\d+)$/.exec(match[2]!);
    if (!location) return [];
    const ticked: TickedSite = { file: location[1]!, line: Number(location[2]), column: Number(location[3]) };
    return [match[3] === undefined ? ticked : { ...ticked, fingerprint: match[3] }];
  });
}

function familyTable(models: Site[]): string[] {
  const rows = BUCKETS.flatMap((bucket) => {
    const inBucket = models.filter((site) => bucketOf(site.from!) === bucket);
    if (inBucket.length === 0) return [];
    return [[bucket, ...STATUSES.map((status) => String(inBucket.filter((s) => s.status === status).length))]];
  });
  return table(['Source family', ...STATUSES], rows);
}

function siteTable(sites: Site[], section: Section): string[] {
  const listed = sites.filter((site) => sectionOf(site) === section);
  if (listed.length === 0) return [NO_SITES];
  return table(
    ['Location', 'Transform', 'Status', 'From', 'To', 'Class', 'Reason'],
    listed.map((site) => [
      siteLocation(site),
      site.transform,
      statusCell(site),
      site.from ?? '-',
      site.to ?? '-',
      site.upgradeClass,
      site.reason,
    ]),
  );
}

/** The status, and the decision where the decisions file has one (`confirmation-needed, kept`). */
function statusCell(site: Site): string {
  if (!site.decision) return site.status;
  return `${site.status}, ${site.decision.kind === 'keep' ? 'kept' : 'upgrade decided'}`;
}

/** Upgraded model sites; other transforms' upgraded sites (a cache setting, a prompt) carry no effort note. */
function effortTable(sites: Site[]): string[] {
  const upgraded = sites.filter((site) => site.status === 'upgraded' && site.reasoningEffort !== undefined);
  if (upgraded.length === 0) return [NO_SITES];
  return [
    'GPT-5.4 defaulted to reasoning effort `none`; GPT-5.5 defaults to `medium`. A visible setting was kept as written.',
    '',
    ...table(
      ['Location', 'From', 'To', 'Reasoning effort'],
      upgraded.map((site) => [siteLocation(site), site.from ?? '-', site.to ?? '-', site.reasoningEffort!]),
    ),
  ];
}

function validation(report: Report): string[] {
  const { summary, errors } = report;
  const warnings = report.warnings ?? [];
  const lines = (list: FileError[]): string[] =>
    list.map((e) => `  - ${code(e.line === null ? e.file : `${e.file}:${e.line}`)} ${inline(e.message)}`);
  return [
    `- Files scanned: ${summary.filesScanned}; changed: ${summary.filesChanged}; errored: ${summary.filesErrored}.`,
    '- Every changed file was re-parsed with the parser that read it before it was written; a file that did not re-parse was left untouched and is listed as an error.',
    errors.length === 0 ? '- Errors: none.' : '- Errors:',
    ...lines(errors),
    ...(warnings.length === 0 ? [] : ['- Warnings (quoted code that names a model but does not parse, left as is):', ...lines(warnings)]),
  ];
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

/** A table cell: `|` would end the cell. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/**
 * Text from the target (file names, reasons quoting code) as literal Markdown: raw HTML
 * (`<img onerror=...>` in a file name) becomes entities, and neither brackets nor
 * backticks can open a link or a code span (where entities would show as written).
 */
function inline(text: string): string {
  return oneLine(text).replace(/[&<>[\]`]/g, (ch) => MARKDOWN_LITERAL[ch]!);
}

const MARKDOWN_LITERAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '\\[', ']': '\\]', '`': '\\`' };

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A code span whose fence is longer than any backtick run inside (CommonMark's rule). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine(text)}${pad}${fence}`;
}
