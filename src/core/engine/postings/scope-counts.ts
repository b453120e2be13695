import type { ForwardLists } from './segment.js';
import { TermCounts } from './term-counts.js';

/** BM25's statistics of a field over the searched scopes: average length, and document frequency per term. */
export type FieldStatistics = { average: number; df: (id: number) => number };

/** What loading reads of a field (field-postings): its slots' lengths and forward lists, and its overall df. */
type LoadedField = ForwardLists & { readonly slotCount: number; lengths: { array: Uint32Array }; df: { view(): Uint32Array } };

/**
 * One field's BM25 counts per scope (by scope id; 0 is no scope): each term's document frequency and
 * the length sum over the scope's live slots. FieldPostings moves them with every append and removal,
 * so that a question's statistics can cover only the scopes it searches (`statistics`): one server's
 * documents must not move another's scores.
 */
export class ScopeCounts {
  private readonly df: Array<TermCounts | undefined> = [];
  private readonly lengthSums: number[] = [];

  /** Moves scope `scope`'s length sum by `length`; returns its df counts, for the slot's terms. */
  slot(scope: number, length: number): TermCounts {
    let counts = this.df[scope];
    if (!counts) {
      counts = new TermCounts();
      this.df[scope] = counts;
    }
    this.lengthSums[scope] = (this.lengthSums[scope] ?? 0) + length;
    return counts;
  }

  /**
   * Works out the counts of a loaded field (every slot live, `slotScopes` their scope ids): every
   * scope's but `largest`'s from their forward lists, and the largest's as the field's overall df minus
   * the others', so that loading decodes only the smaller scopes' postings.
   */
  load(field: LoadedField, slotScopes: Uint32Array, largest: number): void {
    const lengths = field.lengths.array;
    for (let slot = 0; slot < field.slotCount; slot++) {
      const scope = slotScopes[slot]!;
      if (scope === largest) {
        this.lengthSums[scope] = (this.lengthSums[scope] ?? 0) + lengths[slot]!;
        continue;
      }
      const counts = this.slot(scope, lengths[slot]!);
      field.forEachTerm(slot, (id) => counts.add(id, 1));
    }
    if (largest === 0) return;
    const rest = TermCounts.fromDense(field.df.view());
    for (const counts of this.df) counts?.forEach((id, count) => rest.add(id, -count));
    this.df[largest] = rest;
  }

  /**
   * BM25's statistics over the live slots of scopes `scopes` (ids), which hold `n` live slots: sums
   * per question, cheap for the one to three scopes a question searches.
   */
  statistics(scopes: readonly number[], n: number): FieldStatistics {
    let lengthSum = 0;
    for (const scope of scopes) lengthSum += this.lengthSums[scope] ?? 0;
    const counts = scopes.map((scope) => this.df[scope]).filter((c): c is TermCounts => c !== undefined);
    const df =
      counts.length === 1
        ? (id: number) => counts[0]!.get(id)
        : (id: number) => {
            let sum = 0;
            for (const c of counts) sum += c.get(id);
            return sum;
          };
    return { average: lengthSum / n, df };
  }
}
