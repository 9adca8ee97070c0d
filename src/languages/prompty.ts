/**
 * Prompty's `model:` section, in YAML files and in Markdown frontmatter alike: the model
 * it names, the Azure deployment it names instead, and the request it describes.
 */
import { type ConfigMap, type ConfigNode, type ConfigScalar, entryValue, requestFacts } from './mapping.js';
import type { RequestFacts } from '../types.js';

function scalarOf(node: ConfigNode | undefined): ConfigScalar | null {
  return node?.kind === 'scalar' ? node : null;
}

function mapOf(node: ConfigNode | undefined): ConfigMap | null {
  return node?.kind === 'map' ? node : null;
}

/** A Prompty `model:` section: the model it names, or the Azure deployment it names instead. */
export interface PromptyModel {
  /** An OpenAI model slug: v1 `configuration.name`, v2 `id`. */
  model: ConfigScalar | null;
  /** An Azure deployment name (v1 `configuration.azure_deployment`, v2 `id` with an Azure provider): not a slug. */
  deployment: ConfigScalar | null;
  /** Sampling and effort from `parameters` (v1) or `options` (v2). */
  request: RequestFacts;
}

const AZURE = /azure|foundry/i;

/**
 * Prompty's two shapes of `model:`. v1: `{api, configuration: {type, name | azure_deployment},
 * parameters}`; v2: `{id, provider, apiType, connection, options}`.
 */
export function promptyModel(section: ConfigNode | undefined): PromptyModel | null {
  const map = mapOf(section);
  if (!map) return null;
  const configuration = mapOf(entryValue(map, 'configuration'));
  if (configuration) {
    const deployment = scalarOf(entryValue(configuration, 'azure_deployment'));
    const azure = deployment !== null || AZURE.test(scalarOf(entryValue(configuration, 'type'))?.value ?? '');
    const model = azure ? null : scalarOf(entryValue(configuration, 'name'));
    return { model, deployment, request: requestFacts(map) };
  }
  const id = scalarOf(entryValue(map, 'id'));
  if (!id || !['provider', 'apiType', 'connection', 'options'].some((key) => entryValue(map, key))) return null;
  const options = mapOf(entryValue(map, 'options'))?.entries ?? [];
  const request = requestFacts({ kind: 'map', entries: [...map.entries, ...options] });
  const azure = AZURE.test(scalarOf(entryValue(map, 'provider'))?.value ?? '');
  return { model: azure ? null : id, deployment: azure ? id : null, request };
}

/** Every Prompty model section in the trees (a `model:` key whose value has one of Prompty's shapes). */
export function promptyModels(roots: readonly ConfigNode[]): PromptyModel[] {
  const out: PromptyModel[] = [];
  const visit = (node: ConfigNode): void => {
    if (node.kind === 'list') node.items.forEach(visit);
    if (node.kind !== 'map') return;
    for (const { key, value } of node.entries) {
      const found = key === 'model' ? promptyModel(value) : null;
      if (found) out.push(found);
      else visit(value);
    }
  };
  roots.forEach(visit);
  return out;
}
