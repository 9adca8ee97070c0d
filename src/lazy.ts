/**
 * CommonJS dependencies loaded on first use. A run only pays for the parsers its files
 * need: importing every one up front was most of the start-up of a run over a few files.
 * A synchronous require serves the synchronous engine and skips the named-export scan an
 * ESM import runs over a CommonJS bundle.
 */
import { createRequire } from 'node:module';

const requireModule = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireModule(id) as T);
}

export const yamlLibrary = lazyRequire<typeof import('yaml')>('yaml');
