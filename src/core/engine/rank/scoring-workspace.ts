import { lengthNormalizer } from '../scoring.js';

/**
 * Per-slot scratch arrays for scoring, reused across queries: a query touches up to every passage, and
 * allocating or clearing arrays of that size per query would cost more than the scoring. What a posting
 * needs of its passage sits in one interleaved array, so that each posting costs one cache miss rather
 * than three.
 */
export class ScoringWorkspace {
  /** Per slot, 3 values: text-field length normaliser, accumulated score, query stamp + terms matched. */
  state = new Float64Array(0);
  /** The slots the current query matched, in the order first matched. */
  touched = new Uint32Array(0);
  /** Per slot, for one prefix term at a time: its summed score over the terms it starts, and stamp. */
  termScore = new Float64Array(0);
  termStamp = new Uint32Array(0);
  termTouched = new Uint32Array(0);
  /** Per document ordinal: whether the current query matched it (stamp). */
  docStamp = new Uint32Array(0);
  /** One bit per slot of a block (zero between uses): which passages a query matched there. */
  private bitmap = new Uint32Array(0);
  private generation = 0;
  private termGeneration = 0;
  private documentGeneration = 0;
  private normAverage = Number.NaN;
  private normSlots = 0;
  private titleNormCache: { average: number; values: Float64Array } | undefined;

  /** Makes room for `slots` slots and `documents` document ordinals. */
  fit(slots: number, documents: number): void {
    if (this.touched.length < slots) {
      const size = Math.max(slots, Math.ceil(this.touched.length * 1.25));
      this.state = new Float64Array(3 * size);
      this.touched = new Uint32Array(size);
      this.termScore = new Float64Array(size);
      this.termStamp = new Uint32Array(size);
      this.termTouched = new Uint32Array(size);
      [this.generation, this.termGeneration, this.normSlots] = [0, 0, 0];
    }
    if (this.docStamp.length < documents) {
      const size = Math.max(documents, Math.ceil(this.docStamp.length * 1.25));
      this.docStamp = new Uint32Array(size);
      this.documentGeneration = 0;
    }
  }

  /** The block bitmap, with room for `slots` bits; the caller leaves it zeroed after use. */
  blockBitmap(slots: number): Uint32Array {
    const words = Math.ceil(slots / 32);
    if (this.bitmap.length !== words) this.bitmap = new Uint32Array(words);
    return this.bitmap;
  }

  /** Fills the normaliser column, `normalizer(slot)`, unless it already holds it for this average. */
  prepareNorms(slots: number, average: number, normalizer: (slot: number) => number): void {
    if (this.normAverage === average && this.normSlots === slots) return;
    for (let slot = 0; slot < slots; slot++) this.state[3 * slot] = normalizer(slot);
    this.normAverage = average;
    this.normSlots = slots;
  }

  /**
   * The title field's length normalisers per slot (`lengths`: its lengths), kept until the average
   * changes (any add or removal, or a question searching scopes of another average length) or slots
   * are added.
   */
  titleNorms(lengths: Uint32Array, slots: number, average: number): Float64Array {
    const cache = this.titleNormCache;
    if (cache && cache.average === average && cache.values.length >= slots) return cache.values;
    const values = cache && cache.values.length === slots ? cache.values : new Float64Array(slots);
    for (let slot = 0; slot < values.length; slot++) values[slot] = lengthNormalizer(lengths[slot]!, average);
    this.titleNormCache = { average, values };
    return values;
  }

  /**
   * A fresh query stamp: the third value of a slot's state is stamp + terms matched, where the stamp is
   * a multiple of 65,536 (a query has fewer distinct terms), so one comparison tells whether the slot
   * was touched by this query. Doubles hold it exactly for 2^37 queries.
   */
  nextQuery(): number {
    this.generation++;
    return this.generation * 65536;
  }

  /** A fresh stamp for the per-term arrays (cleared when the counter would wrap). */
  nextTerm(): number {
    if (this.termGeneration === 0xffffffff) {
      this.termGeneration = 0;
      this.termStamp.fill(0);
    }
    return ++this.termGeneration;
  }

  /** A fresh stamp for the per-document arrays (cleared when the counter would wrap). */
  nextDocuments(): number {
    if (this.documentGeneration === 0xffffffff) {
      this.documentGeneration = 0;
      this.docStamp.fill(0);
    }
    return ++this.documentGeneration;
  }
}
