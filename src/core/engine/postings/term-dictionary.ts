/**
 * The compact index's vocabulary: every analysed term gets a dense id (its postings are addressed by
 * it). Terms are only added; the compact index drops unused ones when it compacts, by building a new
 * dictionary.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[];
  /** Term ids sorted by term (for prefix lookups), covering ids below `sortedUpTo`. */
  private sorted = new Uint32Array(0);
  private sortedUpTo = 0;

  constructor(terms: readonly string[] = []) {
    this.terms = [...terms];
    for (let id = 0; id < this.terms.length; id++) this.ids.set(this.terms[id]!, id);
    if (this.ids.size !== this.terms.length) throw new Error('TermDictionary: duplicate terms.');
  }

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The id of `term`, adding it if it is new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  term(id: number): string {
    const term = this.terms[id];
    if (term === undefined) throw new Error(`TermDictionary: no term ${id}.`);
    return term;
  }

  /** Every term, by id (for snapshots). */
  all(): readonly string[] {
    return this.terms;
  }

  /**
   * Ids of the terms that start with `prefix` and are longer than it, in term order (then newest
   * terms not yet sorted). Terms are compared as JavaScript strings (UTF-16 code units), so the terms
   * that share a prefix are one contiguous run of the sorted list.
   */
  extensions(prefix: string): number[] {
    this.sortIfStale();
    const out: number[] = [];
    let low = 0;
    let high = this.sortedUpTo;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[this.sorted[middle]!]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sortedUpTo; i++) {
      const id = this.sorted[i]!;
      const term = this.terms[id]!;
      if (!term.startsWith(prefix)) break;
      if (term.length > prefix.length) out.push(id);
    }
    for (let id = this.sortedUpTo; id < this.terms.length; id++) {
      const term = this.terms[id]!;
      if (term.length > prefix.length && term.startsWith(prefix)) out.push(id);
    }
    return out;
  }

  /**
   * Terms added since the last sort are scanned one by one; once they are more than an eighth of the
   * sorted ones (at least 1,024), everything is sorted again, so sorting costs O(log n) per term overall.
   */
  private sortIfStale(): void {
    const unsorted = this.terms.length - this.sortedUpTo;
    if (unsorted <= Math.max(1024, this.sortedUpTo / 8)) return;
    // Sort only the new terms, then merge them into the sorted ones (linear).
    const terms = this.terms;
    const fresh = Uint32Array.from({ length: unsorted }, (_, i) => this.sortedUpTo + i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    const merged = new Uint32Array(terms.length);
    let [i, j, k] = [0, 0, 0];
    while (i < this.sortedUpTo && j < fresh.length) merged[k++] = terms[this.sorted[i]!]! < terms[fresh[j]!]! ? this.sorted[i++]! : fresh[j++]!;
    while (i < this.sortedUpTo) merged[k++] = this.sorted[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
    this.sortedUpTo = terms.length;
  }
}
