/**
 * Building blocks for container adapters (Markdown, notebooks): a region's text is put
 * together from pieces of the enclosing text (lines without their `>` or list indent,
 * JSON strings without their escapes), and every offset in it must map back to the
 * exact place in the enclosing text so edits stay byte ranges on the original.
 */
import type { LanguageId } from '../types.js';
import type { Region } from './types.js';

interface Anchor {
  inner: number;
  outer: number;
}

/** Region text plus the offset map back to the enclosing text, piecewise linear between anchors. */
export class MappedText {
  text = '';
  private readonly anchors: Anchor[] = [];

  /** Appends `piece`, which stands unchanged in the enclosing text at `outer`. */
  copy(piece: string, outer: number): this {
    this.anchors.push({ inner: this.text.length, outer });
    this.text += piece;
    return this;
  }

  /** Appends `piece`, which the enclosing text spells differently over [outerStart, outerEnd) (an escape). */
  decoded(piece: string, outerStart: number, outerEnd: number): this {
    this.anchors.push({ inner: this.text.length, outer: outerStart });
    this.text += piece;
    this.anchors.push({ inner: this.text.length, outer: outerEnd });
    return this;
  }

  /**
   * Where `offset` lies in the enclosing text. Where two pieces meet, the later one wins:
   * an offset at a piece boundary means the start of what follows.
   */
  toOuter(offset: number): number {
    let lo = 0;
    let hi = this.anchors.length - 1;
    if (hi < 0) throw new Error('empty mapped text');
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.anchors[mid]!.inner <= offset) lo = mid;
      else hi = mid - 1;
    }
    const anchor = this.anchors[lo]!;
    return anchor.outer + (offset - anchor.inner);
  }

  /** A region over this text; `encode` turns replacement text into the enclosing spelling. */
  region(language: LanguageId, label: string, encode: (text: string) => string, path?: string): Region {
    const region: Region = { language, text: this.text, toOuter: (offset) => this.toOuter(offset), encode, label };
    return path === undefined ? region : { ...region, path };
  }

  /** This text as it sits inside another region: maps through `outer` as well. */
  within(
    outer: Pick<Region, 'toOuter' | 'encode'>,
    language: LanguageId,
    label: string,
    encode: (text: string) => string,
    path?: string,
  ): Region {
    const inner = this.region(language, label, encode, path);
    return { ...inner, toOuter: (offset) => outer.toOuter(inner.toOuter(offset)), encode: (text) => outer.encode(encode(text)) };
  }
}

export const verbatim = (text: string): string => text;
