/**
 * The reviewer's report as one self-contained HTML file: summary figures, the sites grouped
 * by status and reason with filters, each changed file's diff with its sites beside it, and
 * the confirmation checklist. No network: the CSS and the script are inline, and a
 * Content-Security-Policy allows only those two (by hash), so even a string that slipped
 * through escaping could neither run nor load anything. Every string from the target
 * (file names, reasons quoting code, diff lines) is HTML-escaped.
 */
import { createHash } from 'node:crypto';
import { diffLibrary } from '../lazy.js';
import type { FileError, Site, Status } from '../types.js';
import { type FileText, gateFailure, type Report, siteLocation, STATUSES } from './model.js';
import { NO_PACKAGE } from './text.js';

export interface HtmlInput {
  report: Report;
  /** The changed files' texts (none for a merged report). */
  changes: FileText[];
  /** From the report's folder to the current directory (`''` or ending in `/`): file links are relative to the report. */
  links: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike (attributes are always double-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const STATUS_ORDER: Status[] = ['blocked', 'confirmation-needed', 'unknown', 'upgraded'];

const STYLE = `
:root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --soft: #f6f8fa;
  --upgraded: #1a7f37; --confirmation-needed: #9a6700; --blocked: #cf222e; --unknown: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, main > section { padding: 12px 24px; }
header { border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 18px 0 8px; }
code, pre, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; background: var(--bg); min-width: 110px; }
.figure b { display: block; font-size: 20px; }
.figure.upgraded b { color: var(--upgraded); } .figure.confirmation-needed b { color: var(--confirmation-needed); }
.figure.blocked b { color: var(--blocked); } .figure.unknown b { color: var(--unknown); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 10px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.filters select { max-width: 340px; font-size: 13px; padding: 3px; }
details.group { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
details.group > summary { cursor: pointer; padding: 6px 10px; background: var(--soft); }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; background: var(--unknown); }
.badge.upgraded { background: var(--upgraded); } .badge.confirmation-needed { background: var(--confirmation-needed); }
.badge.blocked { background: var(--blocked); } .badge.kept { background: #57606a; } .badge.upgrade { background: #0969da; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 3px 10px; border-top: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
.file { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; }
.file > h3 { margin: 0; padding: 6px 10px; font-size: 14px; background: var(--soft); border-bottom: 1px solid var(--line); }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(220px, 1fr); }
.diff { overflow-x: auto; }
.diff table td { border: 0; padding: 0 8px; white-space: pre; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.diff td.n { color: var(--muted); text-align: right; user-select: none; width: 1%; }
.diff tr.add { background: #dafbe1; } .diff tr.del { background: #ffebe9; } .diff tr.hunk { background: #ddf4ff; color: var(--muted); }
.diff tr.has-site td.n { box-shadow: inset 3px 0 var(--confirmation-needed); }
.diff tr:target { outline: 2px solid #0969da; }
aside { border-left: 1px solid var(--line); padding: 6px 10px; }
aside ul, #checklist ul { list-style: none; padding: 0; margin: 0; }
aside li { margin: 0 0 8px; }
#checklist li { margin: 4px 0; }
textarea { width: 100%; min-height: 3em; font-family: ui-monospace, monospace; font-size: 12.5px; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
const filters = Array.from(document.querySelectorAll('select[data-filter]'));
function applyFilters() {
  const wanted = filters.map((f) => [f.dataset.filter, f.value]).filter(([, value]) => value !== '');
  let shown = 0;
  for (const row of document.querySelectorAll('tr.site')) {
    const match = wanted.every(([key, value]) => row.dataset[key] === value);
    row.hidden = !match;
    if (match) shown++;
  }
  for (const group of document.querySelectorAll('details.group')) {
    const visible = group.querySelectorAll('tr.site:not([hidden])').length;
    group.hidden = visible === 0;
    group.querySelector('.count').textContent = String(visible);
  }
  document.getElementById('shown').textContent = String(shown);
}
for (const f of filters) f.addEventListener('change', applyFilters);
document.getElementById('reset').addEventListener('click', () => { for (const f of filters) f.value = ''; applyFilters(); });
const quote = (text) => "'" + text.replace(/'/g, "'\\\\''") + "'";
function decideCommand() {
  const ticked = Array.from(document.querySelectorAll('#checklist input:checked')).map((box) => quote(box.dataset.location));
  document.getElementById('command').value = ticked.length ? 'gpt55-codemod decide upgrade ' + ticked.join(' ') : '';
}
for (const box of document.querySelectorAll('#checklist input')) box.addEventListener('change', decideCommand);
applyFilters();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:`;

export function renderHtml(input: HtmlInput): string {
  const { report } = input;
  const title = `Upgrade to ${report.target}: ${report.tool} ${report.version} report`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${figures(report)}</header>
<main>
${sitesSection(report, input.links)}
${changesSection(report, input)}
${checklistSection(report, input.links)}
${errorsSection(report)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function figure(label: string, value: number, kind = ''): string {
  return `<div class="figure ${kind}"><b>${value}</b>${escapeHtml(label)}</div>`;
}

function figures(report: Report): string {
  const { summary, decisions } = report;
  const cards = [
    figure('files scanned', summary.filesScanned),
    figure('files changed', summary.filesChanged),
    figure('files errored', summary.filesErrored, summary.filesErrored > 0 ? 'blocked' : ''),
    ...STATUSES.map((status) => figure(status, summary.sites[status], status)),
    figure('fail --check', report.sites.filter((site) => gateFailure(site) !== null).length),
  ];
  if (decisions) {
    cards.push(
      figure('kept', decisions.keep),
      figure('upgrade decided', decisions.upgrade),
      figure('undecided', decisions.undecided, 'confirmation-needed'),
    );
    if (decisions.stale.length > 0) cards.push(figure('stale decisions', decisions.stale.length));
  }
  return `<div class="figures">${cards.join('')}</div>`;
}

/** A link to the file, relative to the report, each path segment percent-encoded so no name can become a scheme or leave the attribute. */
function fileHref(links: string, file: string): string {
  return `./${links}${file.split('/').map(encodeURIComponent).join('/')}`;
}

function locationLink(site: Site, links: string): string {
  const location = siteLocation(site);
  return `<a class="loc" href="${escapeHtml(fileHref(links, site.file))}" title="${escapeHtml(location)}">${escapeHtml(location)}</a>`;
}

/** kept, upgrade, undecided (the gate waits for a person), or none needed (upgraded, unknown). */
function decisionOf(site: Site): string {
  if (site.decision) return site.decision.kind === 'keep' ? 'kept' : 'upgrade';
  return site.status === 'confirmation-needed' || site.status === 'blocked' ? 'undecided' : 'none needed';
}

function decisionCell(site: Site): string {
  const d = site.decision;
  if (!d) return `<span class="muted">${decisionOf(site)}</span>`;
  const kind = decisionOf(site);
  return `<span class="badge ${kind}">${kind}</span> <span class="muted">${escapeHtml(`${d.by}, ${d.at}${d.note ? `: ${d.note}` : ''}`)}</span>`;
}

function options(name: string, label: string, values: string[], text: (value: string) => string = (v) => v): string {
  const choices = values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(text(value))}</option>`).join('');
  return `<label>${escapeHtml(label)}<select data-filter="${name}"><option value="">all</option>${choices}</select></label>`;
}

const distinct = (values: string[]): string[] => [...new Set(values)].sort();
const shorten = (text: string): string => (text.length > 90 ? `${text.slice(0, 87)}...` : text);

function sitesSection(report: Report, links: string): string {
  const reasons = distinct(report.sites.map((site) => site.reason));
  const reasonIndex = new Map(reasons.map((reason, index) => [reason, String(index)]));
  const filters = [
    options(
      'status',
      'Status',
      STATUS_ORDER.filter((s) => report.summary.sites[s] > 0),
    ),
    options(
      'reason',
      'Reason',
      reasons.map((_, index) => String(index)),
      (index) => shorten(reasons[Number(index)]!),
    ),
    options('package', 'Package', distinct(report.sites.map((site) => site.package ?? NO_PACKAGE))),
    options('transform', 'Transform', distinct(report.sites.map((site) => site.transform))),
    options('decision', 'Decision', distinct(report.sites.map(decisionOf))),
    '<button type="button" id="reset">Show all</button>',
  ];
  const groups = STATUS_ORDER.flatMap((status) => {
    const ofStatus = report.sites.filter((site) => site.status === status);
    return distinct(ofStatus.map((site) => site.reason)).map((reason) =>
      group(
        status,
        reason,
        reasonIndex.get(reason)!,
        ofStatus.filter((site) => site.reason === reason),
        links,
      ),
    );
  });
  return `<section id="sites">
<h2>Sites (<span id="shown">${report.sites.length}</span> of ${report.sites.length} shown)</h2>
<div class="filters">${filters.join('')}</div>
${groups.length > 0 ? groups.join('\n') : '<p>No sites.</p>'}
</section>`;
}

function group(status: Status, reason: string, reasonId: string, sites: Site[], links: string): string {
  const rows = sites.map((site) => {
    const data = { status, reason: reasonId, package: site.package ?? NO_PACKAGE, transform: site.transform, decision: decisionOf(site) };
    const attributes = Object.entries(data)
      .map(([key, value]) => `data-${key}="${escapeHtml(value)}"`)
      .join(' ');
    return `<tr class="site" ${attributes}><td>${locationLink(site, links)}</td><td><code>${escapeHtml(site.from ?? '-')}</code> &rarr; <code>${escapeHtml(site.to ?? '(none)')}</code></td><td>${escapeHtml(site.transform)}</td><td>${escapeHtml(site.package ?? '')}</td><td>${decisionCell(site)}</td></tr>`;
  });
  return `<details class="group" open><summary><span class="badge ${status}">${status}</span> <b class="count">${sites.length}</b> ${escapeHtml(reason)}</summary>
<table><thead><tr><th>Location</th><th>Model</th><th>Transform</th><th>Package</th><th>Decision</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></details>`;
}

function changesSection(report: Report, input: HtmlInput): string {
  const files = input.changes.filter((change) => change.before !== change.after);
  if (files.length === 0) return '<section id="changes"><h2>Changed files</h2><p>No file changes in this report.</p></section>';
  const articles = files.map((change, index) =>
    changedFile(
      change,
      index,
      report.sites.filter((site) => site.file === change.file),
      input.links,
    ),
  );
  return `<section id="changes"><h2>Changed files (${files.length})</h2>\n${articles.join('\n')}\n</section>`;
}

interface DiffRow {
  kind: 'add' | 'del' | 'ctx' | 'hunk';
  old: number | null;
  new: number | null;
  text: string;
}

function diffRows(change: FileText): DiffRow[] {
  const patch = diffLibrary().structuredPatch(change.file, change.file, change.before, change.after, '', '', { context: 3 });
  return patch.hunks.flatMap((hunk) => {
    let old = hunk.oldStart;
    let now = hunk.newStart;
    const rows: DiffRow[] = [
      { kind: 'hunk', old: null, new: null, text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@` },
    ];
    for (const line of hunk.lines) {
      const text = line.slice(1).replace(/\r$/, '');
      if (line.startsWith('+')) rows.push({ kind: 'add', old: null, new: now++, text });
      else if (line.startsWith('-')) rows.push({ kind: 'del', old: old++, new: null, text });
      else if (line.startsWith(' ')) rows.push({ kind: 'ctx', old: old++, new: now++, text });
    }
    return rows;
  });
}

/** One changed file: its diff, and beside it its sites, each linked to its line in the diff where the diff shows it. */
function changedFile(change: FileText, index: number, sites: Site[], links: string): string {
  const rows = diffRows(change);
  const siteLines = new Set(sites.map((site) => site.line));
  const shownLines = new Set(rows.map((row) => row.old).filter((line): line is number => line !== null));
  const anchor = (line: number): string => `f${index}-L${line}`;
  const body = rows.map((row) => {
    const id = row.old !== null && row.kind !== 'add' ? ` id="${anchor(row.old)}"` : '';
    const mark = row.old !== null && siteLines.has(row.old) ? ' has-site' : '';
    const sign = { add: '+', del: '-', ctx: ' ', hunk: '' }[row.kind];
    return `<tr class="${row.kind}${mark}"${id}><td class="n">${row.old ?? ''}</td><td class="n">${row.new ?? ''}</td><td>${escapeHtml(sign + row.text)}</td></tr>`;
  });
  const items = sites.map((site) => {
    const jump = shownLines.has(site.line) ? ` <a href="#${anchor(site.line)}">diff</a>` : '';
    return `<li>${locationLink(site, links)}${jump}<br><span class="badge ${site.status}">${site.status}</span> <code>${escapeHtml(site.from ?? '-')}</code> &rarr; <code>${escapeHtml(site.to ?? '(none)')}</code><br><span class="muted">${escapeHtml(site.reason)}</span></li>`;
  });
  return `<article class="file"><h3><a href="${escapeHtml(fileHref(links, change.file))}">${escapeHtml(change.file)}</a></h3>
<div class="pair"><div class="diff"><table>${body.join('\n')}</table></div>
<aside><ul>${items.length > 0 ? items.join('') : '<li class="muted">No sites reported in this file.</li>'}</ul></aside></div></article>`;
}

function checklistSection(report: Report, links: string): string {
  const pending = report.sites.filter((site) => site.status === 'confirmation-needed' && site.decision === undefined);
  const items = pending.map((site) => {
    const location = `${site.file}:${site.line}`;
    return `<li><label><input type="checkbox" data-location="${escapeHtml(location)}"> ${locationLink(site, links)} <code>${escapeHtml(site.from ?? '-')}</code> <span class="muted">${escapeHtml(site.reason)}</span></label></li>`;
  });
  return `<section id="checklist"><h2>Confirmation checklist (${pending.length})</h2>
<p>Tick the sites to upgrade; the command below records them in the decisions file. <code>gpt55-codemod decide keep --all-current</code> keeps the rest.</p>
<ul>${items.length > 0 ? items.join('\n') : '<li>None.</li>'}</ul>
<textarea id="command" readonly placeholder="tick a site to get its decide command"></textarea>
</section>`;
}

function errorsSection(report: Report): string {
  const warnings = problemsSection('warnings', 'Warnings', report.warnings ?? []);
  if (report.errors.length === 0) return `<section id="errors"><h2>Errors</h2><p>None.</p></section>${warnings}`;
  return problemsSection('errors', 'Errors', report.errors) + warnings;
}

function problemsSection(id: string, title: string, problems: FileError[]): string {
  if (problems.length === 0) return '';
  const items = problems.map(
    (e) => `<li><code>${escapeHtml(e.line === null ? e.file : `${e.file}:${e.line}`)}</code> ${escapeHtml(e.message)}</li>`,
  );
  return `<section id="${id}"><h2>${title} (${problems.length})</h2><ul>${items.join('\n')}</ul></section>`;
}
