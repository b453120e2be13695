import type { CompactIndex } from '../postings/compact-index.js';
import type { Hit, IndexedPassage } from '../types.js';

/**
 * A hit whose matched terms are worked out when first read, from the passage's forward lists: most
 * matches of a full ranking are only counted, never shown. (Forward lists of a slot never change.)
 */
export class CompactHit implements Hit {
  private matched: readonly string[] | undefined;

  constructor(
    readonly passage: IndexedPassage,
    readonly score: number,
    private readonly compact: CompactIndex,
    private readonly slot: number,
    private readonly sources: ReadonlyMap<number, readonly number[]>,
    private readonly terms: readonly string[],
  ) {}

  get matchedTerms(): readonly string[] {
    if (this.matched) return this.matched;
    const indexes = new Set<number>();
    for (const field of [this.compact.title, this.compact.text]) {
      field.forEachTerm(this.slot, (id) => {
        for (const index of this.sources.get(id) ?? []) indexes.add(index);
      });
    }
    this.matched = [...indexes].sort((a, b) => a - b).map((index) => this.terms[index]!);
    return this.matched;
  }
}
