/**
 * Catalogs (DESIGN.md, "Before rule 1"): type unions, lists of models and model records are
 * data about models, not uses of them, so a file's members are reported as one
 * confirmation-needed line ("catalog of N models") rather than one site per member. The
 * line sits at the first member, with its model, so its fingerprint, and a decision on it,
 * stay as long as that line does.
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

/** Per offset in a file, the model string classified there and the catalog it is a member of. */
export class CatalogMembers {
  private readonly byOffset = new Map<number, { value: string; kind: Membership }>();

  record(offset: number, value: string, context: StringContext): void {
    const kind = catalogMembership(context);
    if (kind) this.byOffset.set(offset, { value, kind });
  }

  /** The membership of the site of model `from` at `offset`, when that is the string classified there. */
  at(offset: number, from: string | null): Membership | null {
    const member = this.byOffset.get(offset);
    return member?.value === from ? member.kind : null;
  }
}

function modelNames(models: string[]): string {
  const shown = models.slice(0, NAMES_SHOWN).join(', ');
  return models.length > NAMES_SHOWN ? `${shown} and ${models.length - NAMES_SHOWN} more` : shown;
}

function summaryReason(first: Site, catalog: CatalogLine, kinds: Membership[]): string {
  const shapes = [...new Set(kinds)].map((k) => KIND_NAMES[k]).join(', ');
  const lines = first.line === catalog.lastLine ? `line ${first.line}` : `lines ${first.line}-${catalog.lastLine}`;
  return (
    `catalog of ${catalog.models.length} model(s) (${catalog.sites} site(s) in ${shapes}, ${lines}): ${modelNames(catalog.models)}; ` +
    'left as is: comparison or catalog data, decided once for the whole file (add GPT-5.5 by hand where the catalog should list it)'
  );
}

/**
 * A file's confirmation-needed catalog members (sorted sites in, `memberOf` naming each one's
 * membership) become one site at the first of them. Members that all name one model are no
 * catalog (a request's `supports*` flag beside its model, one record's name and model): they
 * keep their lines. Upgraded and blocked sites are never folded in: they need their own line.
 */
export function collapseCatalogs<S extends Site>(sites: S[], memberOf: (site: S) => Membership | null): S[] {
  const kinds = new Map<S, Membership>();
  for (const site of sites) {
    const kind = site.status === 'confirmation-needed' ? memberOf(site) : null;
    if (kind) kinds.set(site, kind);
  }
  const members = [...kinds.keys()];
  const models = [...new Set(members.map((s) => s.from).filter((m): m is string => m !== null))];
  if (models.length < 2) return sites;
  const first = members[0]!;
  const catalog: CatalogLine = { sites: members.length, models, lastLine: members[members.length - 1]!.line };
  const reason = summaryReason(first, catalog, [...kinds.values()]);
  const summary: S = { ...first, to: null, upgradeClass: 'unknown', reason, catalog };
  delete summary.reasoningEffort;
  return sites.flatMap((s) => (s === first ? [summary] : kinds.has(s) ? [] : [s]));
}
