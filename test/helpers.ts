import type { EngineSettings } from '../src/runner/engine.js';
import type { Transform } from '../src/transform.js';
import type { Site } from '../src/types.js';

export function fixtureSettings(transforms: Transform[], all = false): EngineSettings {
  return { transforms, options: { all }, excluded: () => false, pinned: () => false };
}

/** `line:column transform status from -> to`, the form of <case>.sites.txt. */
export function formatSiteLine(site: Site): string {
  return `${site.line}:${site.column} ${site.transform} ${site.status} ${site.from ?? '-'} -> ${site.to ?? '-'}`;
}
