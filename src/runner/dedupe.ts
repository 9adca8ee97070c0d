/** Several transforms may report the same string: the report holds one site per location (DESIGN.md, "The report"). */
import type { Site, UpgradeClass } from '../types.js';

/** One site per location: the transform that changed it, else the first that decided it. */
export function dedupeSites(sites: Array<Site & { order: number }>): Site[] {
  const byLocation = new Map<string, Site & { order: number }>();
  for (const site of sites) {
    const key = `${site.line}:${site.column}`;
    const kept = byLocation.get(key);
    const better =
      !kept || (site.status === 'upgraded' && kept.status !== 'upgraded') || (site.status === kept.status && site.order < kept.order);
    const [winner, other] = better ? [site, kept] : [kept, site];
    byLocation.set(key, other && sameChange(winner, other) ? { ...winner, upgradeClass: widerClass(winner, other) } : winner);
  }
  return [...byLocation.values()].sort((a, b) => a.line - b.line || a.column - b.column).map(({ order: _order, ...site }) => site);
}

function sameChange(a: Site, b: Site): boolean {
  return a.status === b.status && a.from === b.from && a.to === b.to;
}

/** A model site whose prompt another transform rewrote takes that transform's wider class. */
function widerClass(a: Site, b: Site): UpgradeClass {
  return b.upgradeClass === 'model string + light prompt rewrite' ? b.upgradeClass : a.upgradeClass;
}
