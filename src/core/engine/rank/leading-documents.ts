import { ranksBefore, type ScoredSlot } from './top-k.js';

/**
 * The best `capacity` documents of a stream of scored passages, each document ranked by its best
 * passage (score descending, then slot), kept as passages arrive, so that a pruned search knows at
 * every moment the score a passage needs to change the list (`worstScore`). A handful of entries: a
 * linear scan beats a heap.
 */
export class LeadingDocuments {
  private readonly entries: Array<{ doc: number; slot: number; score: number }> = [];

  constructor(readonly capacity: number) {}

  offer(doc: number, slot: number, score: number): void {
    if (this.capacity === 0) return;
    const entries = this.entries;
    const same = entries.find((entry) => entry.doc === doc);
    if (same) {
      if (ranksBefore(score, slot, same.score, same.slot)) [same.slot, same.score] = [slot, score];
      return;
    }
    if (entries.length < this.capacity) {
      entries.push({ doc, slot, score });
      return;
    }
    const worst = this.worstIndex();
    const kept = entries[worst]!;
    if (ranksBefore(score, slot, kept.score, kept.slot)) entries[worst] = { doc, slot, score };
  }

  /** The score a passage must reach to enter or change the list (−Infinity while it has room; Infinity if it holds none). */
  worstScore(): number {
    if (this.capacity === 0) return Infinity;
    return this.entries.length < this.capacity ? -Infinity : this.entries[this.worstIndex()]!.score;
  }

  /** Each kept document's best passage, best first. */
  sorted(): ScoredSlot[] {
    return this.entries.map(({ slot, score }) => ({ slot, score })).sort((a, b) => (ranksBefore(a.score, a.slot, b.score, b.slot) ? -1 : 1));
  }

  private worstIndex(): number {
    let worst = 0;
    for (let i = 1; i < this.entries.length; i++) {
      const [a, b] = [this.entries[i]!, this.entries[worst]!];
      if (ranksBefore(b.score, b.slot, a.score, a.slot)) worst = i;
    }
    return worst;
  }
}
