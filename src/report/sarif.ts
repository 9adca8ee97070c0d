import { TRANSFORMS } from '../registry.js';
import type { Site, SiteDecision, Status } from '../types.js';
import type { Report } from './model.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

/** Sites left as is, by how urgently a person must act; upgraded sites are no finding. */
const LEVEL: Record<Exclude<Status, 'upgraded'>, Level> = {
  blocked: 'error',
  'confirmation-needed': 'warning',
  unknown: 'note',
};

type Finding = Site & { status: Exclude<Status, 'upgraded'> };

/**
 * SARIF 2.1.0 for code scanning: one result per site left as is, its rule the transform
 * that reported it, so GitHub shows each one on its line. A site the decisions file
 * decides is `unchanged` against that baseline, and a kept one is suppressed there
 * (externally: the decision lives in the decisions file, not in the code).
 */
export function renderSarif(report: Report): string {
  const findings = report.sites.filter((site): site is Finding => site.status !== 'upgraded');
  const ruleIds = [...new Set(findings.map((site) => site.transform))];
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool, version: report.version, rules: ruleIds.map(rule) } },
        results: findings.map((site) => result(site, ruleIds.indexOf(site.transform))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function rule(id: string) {
  const description = TRANSFORMS.find((t) => t.name === id)?.description ?? `Sites the ${id} transform left for review`;
  return { id, name: id, shortDescription: { text: description } };
}

/** A relative URI reference: each path segment percent-encoded, so no file name can break out of it. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(site: Finding, ruleIndex: number) {
  return {
    ruleId: site.transform,
    ruleIndex,
    level: LEVEL[site.status],
    message: {
      text: site.catalog ? site.reason : `${site.from ?? '(unresolved)'} -> ${site.to ?? '(no GPT-5.5 counterpart)'}: ${site.reason}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(site.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: site.line, startColumn: site.column, ...(site.catalog ? { endLine: site.catalog.lastLine } : {}) },
        },
      },
    ],
    ...(site.fingerprint === undefined ? {} : { partialFingerprints: { [FINGERPRINT_KEY]: site.fingerprint } }),
    baselineState: site.decision ? 'unchanged' : 'new',
    ...(site.decision?.kind === 'keep' ? { suppressions: [suppression(site.decision)] } : {}),
    properties: {
      status: site.status,
      family: site.family,
      upgradeClass: site.upgradeClass,
      ...(site.decision ? { decision: site.decision.kind } : {}),
    },
  };
}

/** The decisions file's fingerprint, versioned as SARIF asks of partial fingerprints. */
const FINGERPRINT_KEY = 'gpt55CodemodSite/v1';

function suppression(decision: SiteDecision) {
  const justification = `kept by ${decision.by} on ${decision.at}${decision.note ? `: ${decision.note}` : ''}`;
  return { kind: 'external', status: 'accepted', justification };
}
