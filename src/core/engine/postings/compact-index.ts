import type { Scope } from '../../documents/document.js';
import { analyzeField } from '../analysis/analyze-field.js';
import { FieldPostings, type FieldArrays } from './field-postings.js';
import type { FieldStatistics } from './scope-counts.js';
import { GrowableArray } from './growable-array.js';
import { fieldValue, headingOf } from './indexed-fields.js';
import { ScopeRegistry } from './scope-registry.js';
import { buildSegment, DEFAULT_BLOCK_BITS, emptySegment, type Segment } from './segment.js';
import { TermDictionary } from './term-dictionary.js';

/**
 * The tail segment (passages added since the base was built) is folded into the base once it holds
 * more than a quarter of the base's postings, and at least this many: below it, rebuilding the tail on
 * the next query after an add is cheap (a 1 MB document is about 100k postings).
 */
const MIN_TAIL_POSTINGS = 1 << 18;
/** Forward lists take about 2.5 bytes a posting (field-postings): their size stands for postings. */
const FORWARD_BYTES_PER_POSTING = 2.5;
/** Removed passages are worth squeezing out (slots renumbered) once they are a quarter of all slots, and this many. */
const MIN_DEAD_SLOTS = 1024;

/** The persisted state of a compact index (see compact-snapshot); every slot in it is live. */
export type CompactArrays = {
  terms: readonly string[];
  scopes: readonly Scope[];
  keys: Uint32Array;
  slotScopes: Uint32Array;
  slotDocs: Uint32Array;
  title: FieldArrays;
  text: FieldArrays;
};

export type CompactOptions = { blockBits?: number };

/**
 * BM25's collection statistics for one question, over the scopes it searches (`mask`, by scope id):
 * N, and per field the average length and each term's document frequency. Passages of other scopes
 * count in none of them, so they cannot move this question's scores.
 */
export type SearchStatistics = { mask: Uint8Array; n: number; title: FieldStatistics; text: FieldStatistics };

/**
 * The question-time view of the passage index: the same analysis as minisearch (see analyze-field),
 * held in typed arrays. A passage is a slot (0..n−1, in ascending passage key order); per slot its key,
 * scope and document; per field its forward and inverted lists (field-postings, segment). Adds append
 * slots and are searchable at once (a tail segment); removals mark slots dead, and are squeezed out
 * by `compact-arrays` when numerous or when a snapshot is written.
 */
export class CompactIndex {
  readonly terms: TermDictionary;
  readonly title: FieldPostings;
  readonly text: FieldPostings;
  /** Per slot: passage key (ascending), scope id (0 = removed), document ordinal. */
  readonly keys: GrowableArray<Uint32Array>;
  readonly slotScopes: GrowableArray<Uint32Array>;
  readonly slotDocs: GrowableArray<Uint32Array>;
  readonly scopes: ScopeRegistry;
  readonly blockBits: number;
  private documents = 0;
  private live = 0;
  private base: { title: Segment; text: Segment };
  private tail: { title: Segment; text: Segment } | undefined;
  private deadInBase = 0;
  /** Whether some slot of the built segments has been removed since (queries must then check). */
  private removedSinceBuild = false;

  /** `blockBits`: log2 of the slots per scoring block (segment; tests shrink it to cross blocks). */
  constructor(arrays?: CompactArrays, options: CompactOptions = {}) {
    this.blockBits = options.blockBits ?? DEFAULT_BLOCK_BITS;
    this.base = { title: emptySegment(this.blockBits), text: emptySegment(this.blockBits) };
    this.terms = new TermDictionary(arrays?.terms);
    this.title = new FieldPostings(arrays?.title);
    this.text = new FieldPostings(arrays?.text);
    this.keys = arrays ? GrowableArray.from(Uint32Array, arrays.keys) : new GrowableArray(Uint32Array);
    this.slotScopes = arrays ? GrowableArray.from(Uint32Array, arrays.slotScopes) : new GrowableArray(Uint32Array);
    this.slotDocs = arrays ? GrowableArray.from(Uint32Array, arrays.slotDocs) : new GrowableArray(Uint32Array);
    this.scopes = new ScopeRegistry(arrays?.scopes);
    if (!arrays) return;
    const slotDocs = this.slotDocs.array;
    this.slotScopes.view().forEach((id, slot) => {
      if (!this.scopes.has(id)) throw new Error(`CompactIndex: a slot has scope ${id}, which is not registered.`);
      this.scopes.count(id, 1);
      if (slot === 0 || slotDocs[slot - 1] !== slotDocs[slot]) this.scopes.countDocument(id, 1, this.title.lengths.array[slot]!);
    });
    const largest = this.scopes.largest();
    this.title.countScopes(this.slotScopes.array, largest);
    this.text.countScopes(this.slotScopes.array, largest);
    this.live = this.slotCount;
    this.documents = this.slotCount > 0 ? this.slotDocs.array[this.slotCount - 1]! + 1 : 0;
    if (arrays.title.base && arrays.text.base) this.base = { title: arrays.title.base, text: arrays.text.base };
    else this.consolidate();
  }

  get slotCount(): number {
    return this.keys.length;
  }

  /** Live passages, in every scope. */
  get liveCount(): number {
    return this.live;
  }

  /**
   * BM25's statistics over the live passages of `scopes`. When they hold every live passage, these are
   * the overall counts, exactly (integer sums either way: the same N, df and length sums, so the same
   * scores to the last bit as an index with a single scope).
   */
  statistics(scopes: readonly Scope[]): SearchStatistics {
    const mask = this.scopes.mask(scopes);
    if (this.scopes.covers(mask)) return { mask, n: this.live, title: this.title.statistics(undefined, this.live), text: this.text.statistics(undefined, this.live) };
    const ids = this.scopes.idsOf(mask);
    const n = this.scopes.passagesIn(scopes);
    return { mask, n, title: this.title.statistics(ids, n), text: this.text.statistics(ids, n) };
  }

  get documentOrdinals(): number {
    return this.documents;
  }

  /** Appends one document's passages (keys ascending, above every key already indexed). */
  add(scope: Scope, title: string, passages: ReadonlyArray<{ key: number; text: string; section?: string | undefined }>): void {
    const scopeId = this.scopes.idOf(scope);
    // Passages of one section share its heading's analysis; a plain document has one heading, its title.
    let heading: { of: string; length: number; terms: Map<number, number> } | undefined;
    const doc = this.documents++;
    for (const { key, text, section } of passages) {
      const last = this.keys.length > 0 ? this.keys.array[this.keys.length - 1]! : 0;
      if (!(key > last && key <= 0xffffffff)) throw new Error(`CompactIndex: passage key ${key} is not above ${last}.`);
      const headingText = headingOf(title, section);
      if (heading?.of !== headingText) {
        const analysis = analyzeField(fieldValue({ title: headingText, text: '' }, 'title'));
        heading = { of: headingText, length: analysis.length, terms: this.intern(analysis.terms) };
      }
      const textAnalysis = analyzeField(fieldValue({ title: headingText, text }, 'text'));
      this.title.append(heading.length, heading.terms, scopeId);
      this.text.append(textAnalysis.length, this.intern(textAnalysis.terms), scopeId);
      this.keys.push(key);
      this.slotScopes.push(scopeId);
      this.slotDocs.push(doc);
    }
    this.live += passages.length;
    this.scopes.count(scopeId, passages.length);
    if (passages.length > 0) this.scopes.countDocument(scopeId, 1, this.title.lengths.array[this.slotCount - passages.length]!);
    this.tail = undefined;
  }

  /** Marks the passages with these keys removed (a whole document's, as the engine removes them); they stop counting at once. */
  remove(keys: readonly number[]): void {
    const removedDocuments = new Set<number>();
    for (const key of keys) {
      const slot = this.slotOf(key);
      if (slot < 0 || this.slotScopes.array[slot] === 0) continue;
      const scopeId = this.slotScopes.array[slot]!;
      const doc = this.slotDocs.array[slot]!;
      if (!removedDocuments.has(doc)) {
        removedDocuments.add(doc);
        let first = slot;
        while (first > 0 && this.slotDocs.array[first - 1] === doc) first--;
        this.scopes.countDocument(scopeId, -1, this.title.lengths.array[first]!);
      }
      this.title.count(slot, -1, scopeId);
      this.text.count(slot, -1, scopeId);
      this.scopes.count(scopeId, -1);
      this.slotScopes.array[slot] = 0;
      this.live--;
      this.removedSinceBuild = true;
      if (slot < this.base.text.to) this.deadInBase += this.text.forwardBytes(slot, slot + 1) / FORWARD_BYTES_PER_POSTING;
    }
  }

  /** True once removed passages are worth squeezing out (see compact-arrays). */
  get wantsCompaction(): boolean {
    const dead = this.slotCount - this.live;
    return dead >= MIN_DEAD_SLOTS && dead * 4 > this.slotCount;
  }

  /** The slot of a passage key, or −1 (binary search: keys ascend with slots). */
  slotOf(key: number): number {
    const keys = this.keys.array;
    let [low, high] = [0, this.keys.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (keys[middle] === key) return middle;
      if (keys[middle]! < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** True when every passage in the segments is live and in a searched scope (no need to check each). */
  searchesEverything(mask: Uint8Array): boolean {
    return !this.removedSinceBuild && this.scopes.covers(mask);
  }

  /** The segments a query scans, base then tail, for both fields over the same slot ranges. */
  segments(): { title: Segment[]; text: Segment[] } {
    const basePostings = this.base.text.offsets.length;
    const tailPostings = this.text.forwardBytes(this.base.text.to, this.slotCount) / FORWARD_BYTES_PER_POSTING;
    const bar = Math.max(MIN_TAIL_POSTINGS, basePostings / 4);
    if (tailPostings > bar || this.deadInBase > bar) this.rebuildBase();
    if (this.base.text.to === this.slotCount) return { title: [this.base.title], text: [this.base.text] };
    this.tail ??= this.build(this.base.text.to, this.slotCount);
    return { title: [this.base.title, this.tail.title], text: [this.base.text, this.tail.text] };
  }

  /** Builds the base segment over every slot now (after a bulk load, or before a snapshot). */
  consolidate(): void {
    if (this.base.text.to !== this.slotCount || this.deadInBase > 0) this.rebuildBase();
  }

  /** The base segments, once consolidated (for the snapshot writer). */
  baseSegments(): { title: Segment; text: Segment } {
    this.consolidate();
    return this.base;
  }

  private rebuildBase(): void {
    // A full build follows bulk loading or heavy change: a good moment to drop the arrays' spare room.
    for (const array of [this.title, this.text, this.keys, this.slotScopes, this.slotDocs]) array.trim();
    this.base = this.build(0, this.slotCount);
    this.deadInBase = 0;
    this.removedSinceBuild = false;
    this.tail = undefined;
  }

  private build(from: number, to: number): { title: Segment; text: Segment } {
    const alive = this.slotScopes.array;
    return {
      title: buildSegment(this.title, from, to, alive, this.terms.size, this.blockBits),
      text: buildSegment(this.text, from, to, alive, this.terms.size, this.blockBits),
    };
  }

  private intern(terms: ReadonlyMap<string, number>): Map<number, number> {
    const ids = new Map<number, number>();
    for (const [term, tf] of terms) ids.set(this.terms.intern(term), tf);
    return ids;
  }
}
