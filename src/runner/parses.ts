import type { LanguageAdapter } from '../languages/types.js';

/** Hides a byte-order mark from parsers that do not skip it, without moving any offset. */
function maskBom(text: string, adapter: LanguageAdapter): string {
  return text.charCodeAt(0) === 0xfeff && !adapter.readsBom ? ` ${text.slice(1)}` : text;
}

/**
 * Every tree parsed for one file: the file, its regions and the verify parse. Trees that
 * live outside the JavaScript heap (web-tree-sitter's, in WebAssembly memory) are freed
 * together once the file is done, so memory stays flat however many files a run reads.
 */
export class Parses {
  private readonly held: Array<() => void> = [];

  parse(adapter: LanguageAdapter, text: string, path: string, snippet = false): unknown {
    const source = maskBom(text, adapter);
    const parsed = snippet && adapter.parseSnippet ? adapter.parseSnippet(source, path) : adapter.parse(source, path);
    if (adapter.dispose) this.held.push(() => adapter.dispose!(parsed));
    return parsed;
  }

  dispose(): void {
    for (const free of this.held.splice(0)) free();
  }
}
