/**
 * SDK versions, as data: the first releases of each OpenAI SDK that send
 * `prompt_cache_retention`, what a project declares, and how the two compare. The runner
 * reads the manifests (src/runner/sdk-versions.ts); nothing here touches the file system.
 */

export type Ecosystem = 'npm' | 'pypi';

/** A declared dependency on an SDK, as the nearest manifest or lockfile has it. */
export interface DeclaredSdk {
  /** As written: a range (`^6.2.0`, `>=2.8,<3`) or, from a lockfile, the locked version. */
  spec: string;
  /** The lowest version the declaration allows (the locked version itself); null when it sets no lower bound. */
  version: string | null;
  /** Where it was read, relative to the file the site is in. */
  source: string;
}

/** The SDK versions a file's project declares, by ecosystem and package name (`openai`, `@openai/agents`, `openai-agents`). */
export interface SdkVersions {
  npm: Record<string, DeclaredSdk>;
  pypi: Record<string, DeclaredSdk>;
}

export const NO_SDK_VERSIONS: SdkVersions = { npm: {}, pypi: {} };

/** A package whose declared version the run reads. */
export interface SdkPackage {
  ecosystem: Ecosystem;
  name: string;
}

export interface SdkMinimum extends SdkPackage {
  /** The first release with the field. */
  version: string;
}

/**
 * The first releases with `prompt_cache_retention`, from the SDKs' published changelogs.
 * A `responses.compact` call needs the release that added the method, which already had
 * the field.
 */
export const RETENTION_MINIMUMS = {
  // openai-node CHANGELOG 6.9.0 (2025-11-13) "feat(api): gpt 5.1" adds the request field;
  // 6.8.1 lacks it. Its TS type spelled `'in-memory'` until 6.35.0 (2026-04-28).
  node: { ecosystem: 'npm', name: 'openai', version: '6.9.0' },
  // openai-node CHANGELOG 6.10.0 adds `responses.compact`.
  nodeCompact: { ecosystem: 'npm', name: 'openai', version: '6.10.0' },
  // openai-agents-js packages/agents-core CHANGELOG 0.3.3: "Add prompt_cache_retention
  // option to ModelSettings" (PR #668).
  agentsJs: { ecosystem: 'npm', name: '@openai/agents', version: '0.3.3' },
  // openai-python CHANGELOG 2.8.0 (2025-11-13, the same generated release as openai-node
  // 6.9.0: "feat(api): gpt 5.1").
  python: { ecosystem: 'pypi', name: 'openai', version: '2.8.0' },
  // openai-python CHANGELOG 2.9.0 adds `responses.compact`.
  pythonCompact: { ecosystem: 'pypi', name: 'openai', version: '2.9.0' },
  // openai-agents-python PR #2095 (merged 2025-11-18) adds
  // `ModelSettings.prompt_cache_retention`; 0.6.0 may predate it, 0.6.1 is the first
  // release certain to have it.
  agentsPython: { ecosystem: 'pypi', name: 'openai-agents', version: '0.6.1' },
} as const satisfies Record<string, SdkMinimum>;

/** The packages whose declared versions the run reads. */
export const TRACKED_SDKS: SdkPackage[] = [
  { ecosystem: 'npm', name: 'openai' },
  { ecosystem: 'npm', name: '@openai/agents' },
  { ecosystem: 'npm', name: '@openai/agents-core' },
  { ecosystem: 'pypi', name: 'openai' },
  { ecosystem: 'pypi', name: 'openai-agents' },
];

/** Method paths of openai-node / openai-python calls that send a Responses request (`client.responses.create`). */
export const RESPONSES_CALL = /(?:^|\.)responses\.(create|stream|parse|compact)$/;
/** Method paths that send a Chat Completions request (`client.chat.completions.create`, `client.beta.chat.completions.parse`). */
export const CHAT_COMPLETIONS_CALL = /(?:^|\.)chat\.completions\.(?:create|stream|parse)$/;

/** PEP 503 normalised name: `OpenAI_Agents` and `openai.agents` are `openai-agents`. */
export function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const COMPARATOR = /^(\^|~=|~|>=|>|===|==|=)?v?(\d+(?:\.(?:\d+|[xX*]))*)/;
const UPPER_OR_EXCLUDED = /^(<|!=)/;

/** The lower bound one comparator sets (`^6.2`, `>=2.8.0`, `6.x`); null for `<`, `<=`, `!=` and anything unreadable. */
function comparatorFloor(comparator: string): string | null {
  if (UPPER_OR_EXCLUDED.test(comparator)) return null;
  const version = COMPARATOR.exec(comparator)?.[2];
  if (!version) return null;
  const parts = version.split('.').map((p) => (/^\d+$/.test(p) ? p : '0'));
  while (parts.length < 3) parts.push('0');
  return parts.join('.');
}

/**
 * The lowest version a declaration allows: npm ranges (`^6.2.0`, `>=6.9 <7`,
 * `6.x || 7.x`), PEP 440 specifiers (`>=2.8,<3`, `~=2.8.0`, `==2.8.*`) and Poetry
 * constraints (`^2.8`). Null when some alternative has no lower bound (`*`, `<3`,
 * `latest`, a git URL). Written here rather than with `semver.minVersion` because one
 * reader serves both ecosystems, and semver does not read PEP 440.
 */
export function lowestVersion(spec: string): string | null {
  const alternatives = spec.split('||').map((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/([<>=!~^]+)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter(Boolean);
    // `6.9.0 - 7.0.0`: the hyphen range starts at its first version.
    const hyphen = comparators.indexOf('-');
    const bounded = (hyphen > 0 ? comparators.slice(0, hyphen) : comparators).map(comparatorFloor);
    const floors = bounded.filter((v): v is string => v !== null);
    return floors.length === 0 ? null : floors.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  });
  if (alternatives.length === 0 || alternatives.some((v) => v === null)) return null;
  return (alternatives as string[]).reduce((a, b) => (compareVersions(a, b) <= 0 ? a : b));
}

/** Compares dotted release numbers (`2.10.0` > `2.9.1`); pre-release and build tags are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] =>
    v
      .split(/[-+]/)[0]!
      .split('.')
      .map((p) => Number.parseInt(p, 10) || 0);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A declaration read from a manifest: the spec and its lower bound. */
export function declaredSdk(spec: string, source: string): DeclaredSdk {
  return { spec, version: lowestVersion(spec), source };
}

/** A version a lockfile pins. */
export function lockedSdk(version: string, source: string): DeclaredSdk {
  return { spec: version, version, source };
}

/** Why the project's SDK may not know a field the minimum release added; null when it does. */
export function sdkShortfall(minimum: SdkMinimum, declared: DeclaredSdk | undefined): string | null {
  const needed = `${minimum.name} ${minimum.version} or later`;
  if (!declared) return `no declared ${minimum.name} version found in the nearest manifest or lockfile; needs ${needed}`;
  const as = `${declared.source} has ${minimum.name} \`${declared.spec}\``;
  if (declared.version === null) return `${as}, which sets no lowest version; needs ${needed}`;
  const lowest = declared.version === declared.spec ? '' : ` (lowest ${declared.version})`;
  if (compareVersions(declared.version, minimum.version) < 0) return `${as}${lowest}; needs ${needed}`;
  return null;
}
