import { GrowableArray } from './growable-array.js';
import type { Segment } from './segment.js';
import { ScopeCounts, type FieldStatistics } from './scope-counts.js';

/** The arrays a field is persisted as (see compact-snapshot), all slots live; `base` covers them all. */
export type FieldArrays = { lengths: Uint32Array; forwardStarts: Uint32Array; forward: Uint8Array; df: Uint32Array; base?: Segment };


/**
 * One field (title or text) of the compact index. Per passage slot: its BM25 length and its forward
 * list, from which inverted lists are built by a counting sort; per term: its document frequency among
 * live passages. A forward list is the slot's distinct term ids, ascending, each with its frequency,
 * as variable-length integers (see `append`): about 2.5 bytes a posting instead of 6. Inverted lists
 * are built from them (segment). Removed slots stay in the lists until the next build; queries skip
 * them, and `df` and `lengthSum` already exclude them.
 *
 * The same counts are kept per scope (scope-counts), so that a question's BM25 statistics cover only
 * the scopes it searches (`statistics`). They move with every append and removal, and are worked out
 * once on loading.
 */
export class FieldPostings {
  readonly lengths: GrowableArray<Uint32Array>;
  readonly forwardStarts: GrowableArray<Uint32Array>;
  readonly forward: GrowableArray<Uint8Array>;
  readonly df: GrowableArray<Uint32Array>;
  /** Sum of the lengths of live slots (BM25's average field length is lengthSum / live passages). */
  lengthSum = 0;
  /** The same counts per scope. */
  private readonly scopes = new ScopeCounts();

  constructor(arrays?: FieldArrays) {
    this.lengths = arrays ? GrowableArray.from(Uint32Array, arrays.lengths) : new GrowableArray(Uint32Array);
    this.forwardStarts = arrays ? GrowableArray.from(Uint32Array, arrays.forwardStarts) : new GrowableArray(Uint32Array);
    this.forward = arrays ? GrowableArray.from(Uint8Array, arrays.forward) : new GrowableArray(Uint8Array, 1 << 16);
    this.df = arrays ? GrowableArray.from(Uint32Array, arrays.df) : new GrowableArray(Uint32Array);
    if (!arrays) this.forwardStarts.push(0);
    for (const length of this.lengths.view()) this.lengthSum += length;
  }

  get slotCount(): number {
    return this.lengths.length;
  }

  /**
   * Appends the next slot: its length and its distinct terms with their frequencies. Each term is
   * written as varint(gap · 2 + (tf > 1)) [varint(tf − 2)], gap being the distance from the previous
   * id: most take one or two bytes. The slot counts into scope `scope` (0: into none).
   */
  append(length: number, terms: ReadonlyMap<number, number>, scope: number): void {
    this.lengths.push(length);
    this.lengthSum += length;
    const scopeDf = scope > 0 ? this.scopes.slot(scope, length) : undefined;
    let previous = 0;
    for (const id of [...terms.keys()].sort((a, b) => a - b)) {
      const tf = terms.get(id)!;
      if (id >= this.df.length) this.df.resize(id + 1);
      this.df.array[id]!++;
      scopeDf?.add(id, 1);
      this.writeVarint((id - previous) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) this.writeVarint(tf - 2);
      previous = id;
    }
    this.forwardStarts.push(this.forward.length);
  }

  /** Calls `visit` with each (term id, frequency) of a slot's forward list, ids ascending, until it returns false. */
  forEachTerm(slot: number, visit: (id: number, tf: number) => unknown): void {
    const bytes = this.forward.array;
    const end = this.forwardStarts.array[slot + 1]!;
    let position = this.forwardStarts.array[slot]!;
    let id = 0;
    while (position < end) {
      let byte = bytes[position++]!;
      let value = byte & 127;
      for (let scale = 128; byte >= 128; scale *= 128) value += ((byte = bytes[position++]!) & 127) * scale;
      id += Math.floor(value / 2);
      let tf = 1;
      if (value % 2 === 1) {
        byte = bytes[position++]!;
        tf = byte & 127;
        for (let scale = 128; byte >= 128; scale *= 128) tf += ((byte = bytes[position++]!) & 127) * scale;
        tf += 2;
      }
      if (visit(id, tf) === false) return;
    }
  }

  /** Counts a slot of scope `scope` into (sign 1) or out of (sign −1) `df` and `lengthSum`, overall and for its scope. */
  count(slot: number, sign: 1 | -1, scope: number): void {
    this.lengthSum += sign * this.lengths.array[slot]!;
    const scopeDf = this.scopes.slot(scope, sign * this.lengths.array[slot]!);
    this.forEachTerm(slot, (id) => {
      if (id >= this.df.length) this.df.resize(id + 1);
      this.df.array[id]! += sign;
      scopeDf.add(id, sign);
    });
  }

  /** Works out the per-scope counts of a loaded field (every slot live), `slotScopes` holding their scopes (see ScopeCounts.load). */
  countScopes(slotScopes: Uint32Array, largest: number): void {
    this.scopes.load(this, slotScopes, largest);
  }

  /**
   * BM25's statistics over the live slots of scopes `scopes` (ids), which hold `n` live slots; over
   * every scope when `scopes` is undefined: then exactly the overall counts.
   */
  statistics(scopes: readonly number[] | undefined, n: number): FieldStatistics {
    if (scopes !== undefined) return this.scopes.statistics(scopes, n);
    const df = this.df.array;
    return { average: this.lengthSum / n, df: (id) => df[id] ?? 0 };
  }

  /** Bytes of a slot's forward list (a measure of its postings, for consolidation policy). */
  forwardBytes(from: number, to: number): number {
    return this.forwardStarts.array[to]! - this.forwardStarts.array[from]!;
  }

  /** The forward lists of only `slots` (ascending), renumbered 0..n−1, with term ids mapped by `termMap` (order-preserving). */
  compacted(slots: Uint32Array, termMap: Int32Array): FieldArrays {
    const field = new FieldPostings();
    field.forward.reserve(this.forwardBytes(0, this.slotCount));
    for (const slot of slots) {
      const terms = new Map<number, number>();
      this.forEachTerm(slot, (id, tf) => terms.set(termMap[id]!, tf));
      field.append(this.lengths.array[slot]!, terms, 0); // the copy's scopes are counted when it is loaded
    }
    return { lengths: field.lengths.copy(), forwardStarts: field.forwardStarts.copy(), forward: field.forward.copy(), df: field.df.copy() };
  }

  /** The persisted arrays, right-sized copies (the index keeps changing while a snapshot is written). */
  arrays(base: Segment): FieldArrays {
    return { lengths: this.lengths.copy(), forwardStarts: this.forwardStarts.copy(), forward: this.forward.copy(), df: this.df.copy(), base };
  }

  /** Drops the spare capacity the arrays grew while appending (after a bulk build). */
  trim(): void {
    for (const array of [this.lengths, this.forwardStarts, this.forward, this.df] as const) array.trim();
  }

  private writeVarint(value: number): void {
    while (value >= 128) {
      this.forward.push((value % 128) + 128);
      value = Math.floor(value / 128);
    }
    this.forward.push(value);
  }
}
