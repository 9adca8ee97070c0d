/**
 * Site policy for the prompt-cache-retention transform: when `in_memory` becomes `24h`,
 * when `--add-retention` adds the field, and the reason texts. The transform finds the
 * settings and their requests' models; only this module decides.
 *
 * GPT-5.5 and later models default to `24h` and reject `in_memory` (400
 * invalid_parameter), so a request moving to GPT-5.5 must not send it. A request whose
 * model stays on GPT-5.4 or older keeps working as it is and is left alone.
 */
import type { SiteDraft } from '../types.js';
import { NEWER_OR_TARGET } from './catalog.js';
import { type DeclaredSdk, type SdkMinimum, sdkShortfall } from './sdk.js';
import { splitPrefix } from './slug.js';

export type RequestSetting = 'effort' | 'retention';

/** The retention setting in every SDK spelling: openai-node / openai-python / Agents Python, then Agents JS and Vercel AI SDK. */
export const RETENTION_KEYS: ReadonlySet<string> = new Set(['prompt_cache_retention', 'promptCacheRetention']);

/**
 * `in_memory` as the API spells it; `in-memory` as the Agents SDK JS spells it, and as
 * openai-node's TypeScript type did until 6.35.0, so TypeScript code may hold either.
 */
export const IN_MEMORY: ReadonlySet<string> = new Set(['in_memory', 'in-memory']);

export const EXTENDED = '24h';

export type RetentionDecision = Omit<SiteDraft, 'offset' | 'transform'>;

/** One model a request may use, and whether it is GPT-5.5 or later once this run is done. */
export interface ModelOutlook {
  value: string;
  target: boolean;
}

/** gpt-5.5, gpt-5.5-pro, their snapshots and later models (provider prefix allowed). */
export function isTargetOrLater(value: string): boolean {
  return NEWER_OR_TARGET.test(splitPrefix(value).slug);
}

const RETENTION_FACT =
  'extended caching keeps encrypted key/value tensors on GPU-local storage for up to 24 hours (a data-retention point for reviewers)';
const IN_MEMORY_FAILS = 'GPT-5.5 and later reject `in_memory` (400 invalid_parameter on prompt_cache_retention) and default to `24h`';

function listed(models: ModelOutlook[]): string {
  return [...new Set(models.map((m) => m.value))].join(', ');
}

/**
 * An `in_memory` setting. `models` is null when the request's model is not visible (a
 * variable from elsewhere, a parameter, the SDK's default). Null: left alone, unreported,
 * because every model the request may use stays where `in_memory` is valid.
 */
export function inMemoryDecision(written: string, models: ModelOutlook[] | null): RetentionDecision | null {
  const site = (
    status: RetentionDecision['status'],
    upgradeClass: RetentionDecision['upgradeClass'],
    reason: string,
  ): RetentionDecision => ({ status, from: written, to: EXTENDED, family: null, upgradeClass, reason });
  if (models === null || models.length === 0) {
    return site(
      'confirmation-needed',
      'unknown',
      `the request's model is not visible here (set elsewhere or at run time); ${IN_MEMORY_FAILS}. ` +
        `Where it goes to GPT-5.5, set \`${EXTENDED}\` or remove the field; ${RETENTION_FACT}`,
    );
  }
  const moving = models.filter((m) => m.target);
  if (moving.length === 0) return null;
  if (moving.length < models.length) {
    return site(
      'confirmation-needed',
      'blocked',
      `the request may use ${listed(moving)} (GPT-5.5 or later) or ${listed(models.filter((m) => !m.target))} (staying); ` +
        `${IN_MEMORY_FAILS}: set \`${EXTENDED}\` where the request goes to GPT-5.5`,
    );
  }
  return site(
    'upgraded',
    'blocked',
    `the request's model (${listed(moving)}) is GPT-5.5 or later after the upgrade; ${IN_MEMORY_FAILS}; ${RETENTION_FACT}`,
  );
}

/**
 * `--add-retention` on a GPT-5.5 request without the field. `minimum` is null for a raw
 * HTTP body (no SDK stands in between); `deferred` names a settings object this run adds
 * for `--preserve-effort`, where a second insertion would duplicate it.
 */
export function addDecision(minimum: SdkMinimum | null, declared: DeclaredSdk | undefined, deferred: string | null): RetentionDecision {
  const site = (status: RetentionDecision['status'], reason: string): RetentionDecision => ({
    status,
    from: null,
    to: EXTENDED,
    family: null,
    upgradeClass: 'model string only',
    reason,
  });
  const shortfall = minimum ? sdkShortfall(minimum, declared) : null;
  if (shortfall) {
    return site(
      'confirmation-needed',
      `prompt-cache retention \`${EXTENDED}\` not added: ${shortfall} (an older SDK rejects the field: openai-python raises TypeError, TypeScript an unknown property)`,
    );
  }
  if (deferred) {
    return site(
      'confirmation-needed',
      `prompt-cache retention \`${EXTENDED}\` not added: this run adds \`${deferred}\` for --preserve-effort; run again with --add-retention to add it there`,
    );
  }
  return site('upgraded', `prompt-cache retention \`${EXTENDED}\` added: GPT-5.5's default, made visible; ${RETENTION_FACT}`);
}
