/**
 * Dependencies, and what is built from them, loaded on first use. A run only pays for the
 * parsers its files need: importing every one up front was most of the start-up of a run
 * over a few files. CommonJS ones are required: a synchronous require serves the
 * synchronous engine and skips the named-export scan an ESM import runs over a bundle.
 */
import { createRequire } from 'node:module';

const requireModule = createRequire(import.meta.url);

/** A value made on first use and kept. */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function lazyRequire<T>(id: string): () => T {
  return lazy(() => requireModule(id) as T);
}

export const yamlLibrary = lazyRequire<typeof import('yaml')>('yaml');
/** Only reports that show a diff (text, patch, HTML) need it. */
export const diffLibrary = lazyRequire<typeof import('diff')>('diff');
