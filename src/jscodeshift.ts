/**
 * Makes a transform usable as a jscodeshift transform module
 * (`npx jscodeshift -t transforms/model-slug.ts src`): same engine, JS/TS files only,
 * default policy settings.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { processText } from './runner/engine.js';
import type { Transform } from './transform.js';

export function jscodeshiftTransform(transform: Transform) {
  return function jscodeshiftEntry(file: FileInfo, _api: API, options: Options): string | undefined {
    const outcome = processText(file.path, file.source, {
      transforms: [transform],
      options: { all: options.all === true },
      excluded: () => false,
      pinned: () => false,
    });
    const error = outcome.errors[0];
    if (outcome.failed && error) throw new Error(`${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    return outcome.newText ?? undefined;
  };
}
