import { GrowableArray } from './growable-array.js';

/**
 * Inverted lists for a range of slots [from, to), in CSR form: the postings of term t are entries
 * [starts[t], starts[t + 1]), in ascending slot order. Slots are cut into blocks of 2^blockBits; a
 * posting stores its slot's offset within its block (16 bits instead of 32), and each term lists the
 * blocks it occurs in with where their postings start: entries [blockStarts[t], blockStarts[t + 1]) of
 * `blocks` and `blockPositions`. Scoring visits one block at a time anyway (query-run). A term
 * frequency takes one byte; 255 means "see `overflow`" (posting index → frequency), which only
 * pathological passages need. Terms added after the segment was built have no postings in it.
 */
export type Segment = {
  from: number;
  to: number;
  blockBits: number;
  starts: Uint32Array;
  offsets: Uint16Array;
  tfs: Uint8Array;
  overflow: ReadonlyMap<number, number>;
  blockStarts: Uint32Array;
  blocks: Uint32Array;
  blockPositions: Uint32Array;
};

/** Per slot, its distinct term ids ascending with their frequencies (a field's forward lists, field-postings). */
export type ForwardLists = { forEachTerm(slot: number, visit: (id: number, tf: number) => unknown): void };

/** A one-byte term frequency of this value is a marker: the frequency is in the segment's `overflow`. */
export const TF_OVERFLOW = 255;

/**
 * Slots per block, 2^14: a block's scoring state (24 bytes a slot, 384 KB) stays within a 512 KB L2
 * cache (AMD Zen; most x86 cores have 256 KB to 2 MB) while every query term updates it, and offsets
 * fit 16 bits.
 */
export const DEFAULT_BLOCK_BITS = 14;

export function emptySegment(blockBits = DEFAULT_BLOCK_BITS): Segment {
  return {
    from: 0,
    to: 0,
    blockBits,
    starts: new Uint32Array(1),
    offsets: new Uint16Array(0),
    tfs: new Uint8Array(0),
    overflow: new Map(),
    blockStarts: new Uint32Array(1),
    blocks: new Uint32Array(0),
    blockPositions: new Uint32Array(0),
  };
}

/** Calls `visit` with each posting of term `id` in a segment: its slot, frequency and index. */
export function forEachPosting(segment: Segment, id: number, visit: (slot: number, tf: number, index: number) => void): void {
  if (id + 1 >= segment.starts.length) return;
  const end = segment.starts[id + 1]!;
  const lastBlock = segment.blockStarts[id + 1]!;
  for (let entry = segment.blockStarts[id]!; entry < lastBlock; entry++) {
    const base = segment.from + segment.blocks[entry]! * 2 ** segment.blockBits;
    const stop = entry + 1 < lastBlock ? segment.blockPositions[entry + 1]! : end;
    for (let i = segment.blockPositions[entry]!; i < stop; i++) {
      const tf = segment.tfs[i]!;
      visit(base + segment.offsets[i]!, tf === TF_OVERFLOW ? segment.overflow.get(i)! : tf, i);
    }
  }
}

/**
 * Inverted lists of a field's slots [from, to) whose `alive` entry is non-zero, by counting sort of
 * their forward lists: two passes over them, then postings cut into blocks.
 */
export function buildSegment(field: ForwardLists, from: number, to: number, alive: Uint32Array, termCount: number, blockBits: number): Segment {
  const starts = new Uint32Array(termCount + 1);
  for (let slot = from; slot < to; slot++) if (alive[slot] !== 0) field.forEachTerm(slot, (id) => starts[id + 1]!++);
  for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!;
  const cursor = starts.slice(0, termCount);
  const slots = new Uint32Array(starts[termCount]!);
  const tfs = new Uint8Array(slots.length);
  const overflow = new Map<number, number>();
  for (let slot = from; slot < to; slot++) {
    if (alive[slot] === 0) continue;
    field.forEachTerm(slot, (id, tf) => {
      const position = cursor[id]!++;
      slots[position] = slot;
      tfs[position] = Math.min(tf, TF_OVERFLOW);
      if (tf >= TF_OVERFLOW) overflow.set(position, tf);
    });
  }
  // Slots to (block, offset), and each term's block directory.
  const offsets = new Uint16Array(slots.length);
  const blockStarts = new Uint32Array(termCount + 1);
  const blocks = new GrowableArray(Uint32Array);
  const blockPositions = new GrowableArray(Uint32Array);
  const mask = 2 ** blockBits - 1;
  for (let t = 0; t < termCount; t++) {
    blockStarts[t] = blocks.length;
    let last = -1;
    for (let i = starts[t]!; i < starts[t + 1]!; i++) {
      const local = slots[i]! - from;
      const block = Math.floor(local / (mask + 1));
      offsets[i] = local & mask;
      if (block === last) continue;
      blocks.push(block);
      blockPositions.push(i);
      last = block;
    }
  }
  blockStarts[termCount] = blocks.length;
  return { from, to, blockBits, starts, offsets, tfs, overflow, blockStarts, blocks: blocks.copy(), blockPositions: blockPositions.copy() };
}
