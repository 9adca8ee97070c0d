/** The transforms, in the order `upgrade` runs them. */
import { computerUse } from '../transforms/computer-use.js';
import { modelSlug } from '../transforms/model-slug.js';
import { phaseReplay } from '../transforms/phase-replay.js';
import { promptCacheRetention } from '../transforms/prompt-cache-retention.js';
import { prompts } from '../transforms/prompts.js';
import type { Transform } from './transform.js';

export const TRANSFORMS: Transform[] = [modelSlug, computerUse, promptCacheRetention, phaseReplay, prompts];

/** `model-slug`, `transforms/model-slug`, `transforms/model-slug.ts` or a path ending in one of those. */
export function findTransform(name: string): Transform | undefined {
  const bare = name
    .replace(/\\/g, '/')
    .replace(/^.*\//, '')
    .replace(/\.[cm]?[jt]s$/, '');
  return TRANSFORMS.find((t) => t.name === bare);
}
