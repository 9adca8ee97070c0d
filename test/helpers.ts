import type { SdkVersions } from '../src/policy/sdk.js';
import type { EngineSettings } from '../src/runner/engine.js';
import type { Transform, TransformOptions } from '../src/transform.js';
import type { Site } from '../src/types.js';

/** Options beyond --all a case may set, and the SDK versions its file's project would declare. */
export interface FixtureExtras extends Omit<TransformOptions, 'all'> {
  sdk?: SdkVersions;
  /** Modules beside the file, by name: `./openai.js` and `./openai` read `openai`. */
  modules?: Record<string, string>;
}

export function fixtureSettings(transforms: Transform[], all = false, extras: FixtureExtras = {}): EngineSettings {
  const { sdk, modules, ...options } = extras;
  const settings: EngineSettings = { transforms, options: { all, ...options }, excluded: () => false, pinned: () => false };
  if (sdk) settings.sdk = sdk;
  if (modules) settings.modules = (specifier) => modules[specifier.replace(/^\.\//, '').replace(/\.(m|c)?(j|t)sx?$/, '')] ?? null;
  return settings;
}

/** `line:column transform status from -> to`, the form of <case>.sites.txt. */
export function formatSiteLine(site: Site): string {
  return `${site.line}:${site.column} ${site.transform} ${site.status} ${site.from ?? '-'} -> ${site.to ?? '-'}`;
}
