import { GrowableArray } from './growable-array.js';

/**
 * A dense array costs 4 bytes a term id, used or not; a Map about 8 times that an entry (V8's ordered
 * hash table: key, value, chain link and a bucket). Past this share of the id range, dense is smaller.
 */
const DENSE_SHARE = 1 / 8;

/**
 * Counts per term id (one scope's document frequencies in one field): a Map while the scope uses few
 * of the index's terms (a server's handful of documents), a dense array once that is smaller (the
 * shared corpus, or a large collection). Memory follows what the scope holds, not the vocabulary.
 */
export class TermCounts {
  private sparse: Map<number, number> | undefined = new Map();
  private dense: GrowableArray<Uint32Array> | undefined;
  private maxId = -1;

  /** Counts taken over from a dense array (copied). */
  static fromDense(values: Uint32Array): TermCounts {
    const counts = new TermCounts();
    counts.sparse = undefined;
    counts.dense = GrowableArray.from(Uint32Array, values.slice());
    counts.maxId = values.length - 1;
    return counts;
  }

  get(id: number): number {
    return this.dense ? (this.dense.array[id] ?? 0) : (this.sparse!.get(id) ?? 0);
  }

  /** Adds `delta` to the count of `id` (counts never go below zero: a removal follows its add). */
  add(id: number, delta: number): void {
    if (this.dense) {
      if (id >= this.dense.length) this.dense.resize(id + 1);
      this.dense.array[id]! += delta;
      return;
    }
    const sparse = this.sparse!;
    const count = (sparse.get(id) ?? 0) + delta;
    if (count === 0) sparse.delete(id);
    else sparse.set(id, count);
    if (id > this.maxId) this.maxId = id;
    if (sparse.size > (this.maxId + 1) * DENSE_SHARE && sparse.size > 64) this.densify();
  }

  /** Calls `visit` with each id whose count is not zero. */
  forEach(visit: (id: number, count: number) => void): void {
    if (this.sparse) for (const [id, count] of this.sparse) visit(id, count);
    else {
      const values = this.dense!.array;
      for (let id = 0; id < this.dense!.length; id++) if (values[id] !== 0) visit(id, values[id]!);
    }
  }

  private densify(): void {
    const dense = new GrowableArray(Uint32Array, this.maxId + 1);
    dense.resize(this.maxId + 1);
    for (const [id, count] of this.sparse!) dense.array[id] = count;
    this.dense = dense;
    this.sparse = undefined;
  }
}
