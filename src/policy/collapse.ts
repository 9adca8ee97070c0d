/**
 * Catalogs (DESIGN.md, "Before rule 1"): type unions, lists of models and model records are
 * data about models, not uses of them, so a file's members are reported as one
 * confirmation-needed line ("catalog of N models") rather than one site per member. The
 * line sits at the first member, with its model, so its fingerprint, and a decision on it,
 * stay as long as that line does. Pinned files fold the same way (src/policy/pins.ts).
 */
import type { CatalogLine, Site, StringContext } from '../types.js';

/** How a model string belongs to a catalog. */
export type Membership = 'type' | 'list' | 'entry';

const KIND_NAMES: Record<Membership, string> = { type: 'a type union', list: 'a list', entry: 'model records' };
/** Enough names to recognise the catalog; the count says how many there are. */
const NAMES_SHOWN = 12;

/** The catalog a model string with this context is a member of, or null for a use of a model. */
export function catalogMembership(context: StringContext): Membership | null {
  if (context.inType) return 'type';
  if (context.catalogEntry) return 'entry';
  return context.collectionModels >= 2 ? 'list' : null;
}

/** Per offset in a file, the model string classified there and what it is a member of (a catalog, a pinned file). */
export class Members<K extends string> {
  private readonly byOffset = new Map<number, { value: string; kind: K }>();

  record(offset: number, value: string, kind: K | null): void {
    if (kind) this.byOffset.set(offset, { value, kind });
  }

  /** The membership of the site of model `from` at `offset`, when that is the string classified there. */
  at(offset: number, from: string | null): K | null {
    const member = this.byOffset.get(offset);
    return member?.value === from ? member.kind : null;
  }
}

/** The first names, and how many more there are. */
export function namesShown(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

/** `line 3` or `lines 3-9`. */
export function lineSpan(first: number, last: number): string {
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/**
 * The confirmation-needed sites `kindOf` names a kind for (sorted sites in) become the one
 * site `summarize` makes of them, at the first; where it makes none (too few members), every
 * site keeps its line. Upgraded and blocked sites are never folded in: they need their own line.
 */
export function foldMembers<S extends Site, K>(
  sites: S[],
  kindOf: (site: S) => K | null,
  summarize: (members: S[], kinds: K[]) => S | null,
): S[] {
  const kinds = new Map<S, K>();
  for (const site of sites) {
    const kind = site.status === 'confirmation-needed' ? kindOf(site) : null;
    if (kind !== null) kinds.set(site, kind);
  }
  const members = [...kinds.keys()];
  const summary = members.length === 0 ? null : summarize(members, [...kinds.values()]);
  if (!summary) return sites;
  return sites.flatMap((s) => (s === members[0] ? [summary] : kinds.has(s) ? [] : [s]));
}

/** The first member's site standing for all of them: it has no counterpart or effort of its own. */
export function summarySite<S extends Site>(first: S, catalog: CatalogLine, reason: string): S {
  const summary: S = { ...first, to: null, upgradeClass: 'unknown', reason, catalog };
  delete summary.reasoningEffort;
  return summary;
}

/** Each model once, in the order of the sites. */
export function modelsOf(sites: Site[]): string[] {
  return [...new Set(sites.map((s) => s.from).filter((m): m is string => m !== null))];
}

function summaryReason(first: Site, catalog: CatalogLine, kinds: Membership[]): string {
  const shapes = [...new Set(kinds)].map((k) => KIND_NAMES[k]).join(', ');
  return (
    `catalog of ${catalog.models.length} model(s) (${catalog.sites} site(s) in ${shapes}, ${lineSpan(first.line, catalog.lastLine)}): ${namesShown(catalog.models)}; ` +
    'left as is: comparison or catalog data, decided once for the whole file (add GPT-5.5 by hand where the catalog should list it)'
  );
}

/**
 * A file's confirmation-needed catalog members (`memberOf` naming each one's membership)
 * become one site at the first of them. Members that all name one model are no catalog (a
 * request's `supports*` flag beside its model, one record's name and model): they keep
 * their lines.
 */
export function collapseCatalogs<S extends Site>(sites: S[], memberOf: (site: S) => Membership | null): S[] {
  return foldMembers(sites, memberOf, (members, kinds) => {
    const models = modelsOf(members);
    if (models.length < 2) return null;
    const first = members[0]!;
    const catalog: CatalogLine = { sites: members.length, models, lastLine: members[members.length - 1]!.line };
    return summarySite(first, catalog, summaryReason(first, catalog, kinds));
  });
}
