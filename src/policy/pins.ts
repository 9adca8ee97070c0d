/**
 * Pins by path: in a test, eval, fixture or history file, the model values the policy leaves
 * only because of where they are (a mock's model, a test title that names it, an
 * assertion) are one decision for the file, not one per value, so they are reported as one
 * confirmation-needed line at the first of them, the way catalogs are
 * (src/policy/collapse.ts). A value the policy leaves for a reason of its own (a dated
 * snapshot, no counterpart, the compatibility gate) keeps its line. The line's fingerprint
 * covers how many values name each model, so a pin added after `decide keep` shows again.
 */
import type { CatalogLine, Site } from '../types.js';
import { foldMembers, lineSpan, modelsOf, namesShown, summarySite } from './collapse.js';
import type { PinnedKind } from './context.js';

const HOLDS: Record<PinnedKind, string> = {
  test: 'test file pins',
  eval: 'eval pins',
  recorded: 'fixture file records',
  history: 'history file names',
};

/** Every kind a pinned file's line may name. */
export const PINNED_KINDS = Object.keys(HOLDS) as PinnedKind[];

/** What --all does with the file's values, by what the path holds and whether the run is --all. */
const WITH_ALL: Record<PinnedKind, { asked: string; notAsked: string }> = {
  test: {
    notAsked: '--all moves the live ones (the models of requests the tests send or build)',
    asked: 'left even with --all: test data (mocks, stubbed responses, assertions, titles that name the model)',
  },
  eval: {
    notAsked: '--all moves the live ones',
    asked: 'left even with --all: comparisons and titles that name the model',
  },
  recorded: { notAsked: 'kept even with --all: recorded data', asked: 'left even with --all: recorded data is kept as written' },
  history: { notAsked: 'kept even with --all: history', asked: 'left even with --all: history is kept as written' },
};

/** `gpt-4o ×3`, `gpt-5.4`: each model of a pinned file's line, with the count of its values where there are several; none for a catalog. */
export function pinsTally(catalog: CatalogLine): string[] {
  const counts = catalog.pins?.counts ?? [];
  return counts.map((count, i) => (count > 1 ? `${catalog.models[i]} ×${count}` : catalog.models[i]!));
}

function pinsLine(members: Site[], path: PinnedKind): CatalogLine {
  const models = modelsOf(members);
  const counts = models.map((model) => members.filter((s) => s.from === model).length);
  return { sites: members.length, models, lastLine: members[members.length - 1]!.line, pins: { path, counts } };
}

/** What --all would do with `members`, or did. */
function allHint(members: Site[], path: PinnedKind, all: boolean): string {
  if (all) return WITH_ALL[path].asked;
  const moves = path === 'test' || path === 'eval';
  return moves && members.every((s) => s.to === null)
    ? 'none has a GPT-5.5 counterpart, so --all leaves them too'
    : WITH_ALL[path].notAsked;
}

function pinsReason(members: Site[], line: CatalogLine, path: PinnedKind, all: boolean): string {
  const first = members[0]!;
  const tally = namesShown(pinsTally(line));
  const hint = allHint(members, path, all);
  return `${HOLDS[path]} ${line.sites} model value(s) (${lineSpan(first.line, line.lastLine)}): ${tally}; ${hint}; one decision for the file`;
}

/**
 * A pinned file's folded values (`pinOf` naming what the path holds for each, null for a
 * site that is not left for its path alone) become one site at the first of them, when there
 * are two or more: a lone value keeps its line and its own reason.
 */
export function collapsePins<S extends Site>(sites: S[], pinOf: (site: S) => PinnedKind | null, all: boolean): S[] {
  return foldMembers(sites, pinOf, (members, kinds) => {
    if (members.length < 2) return null;
    const line = pinsLine(members, kinds[0]!);
    return summarySite(members[0]!, line, pinsReason(members, line, kinds[0]!, all));
  });
}
