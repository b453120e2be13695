import type { Scope } from '../../documents/document.js';
import type { CompactIndex } from '../postings/compact-index.js';
import { TF_OVERFLOW, type Segment } from '../postings/segment.js';
import { idf, lengthNormalizer, saturation } from '../scoring.js';

/** Document scores for one question: the best, and each document's by ordinal (0 if unmatched). */
export type DocumentRanking = { best: number; scoreOf: (doc: number) => number };

/**
 * BM25 over whole documents, for the documents a question's words occur in. A document here is its
 * title (with its longest heading match) once and the bodies of all its passages: each passage's text
 * field repeats its heading (indexed-fields), so a passage's heading frequencies are taken off its
 * text frequencies and the document's largest heading frequency is counted once. N, df and the
 * average length are those of the searched scopes' documents, as textbook BM25 over documents has
 * them; this is what ranks a long document by everything it says, not only by its best passage.
 *
 * Computed from the passage postings at question time (one walk of each question word's postings,
 * and of the matched documents' slots for their lengths): nothing more is stored per document.
 */
export class DocumentScores {
  private stamp = 0;
  private termStamp = 0;
  /** Per document ordinal: the question's stamp and its score; the term's stamp, tf and heading tf. */
  private seen = new Uint32Array(0);
  private score = new Float64Array(0);
  /**
   * Per document ordinal, its length (see `lengths`), for the slots [0, lengthsUpTo) of `lengthsOf`:
   * a document's passages never change (a replaced document gets a new ordinal), so the lengths are
   * extended as slots are added and recomputed only for another index (after compaction or a load).
   */
  private documentLengths = new Float64Array(0);
  private lengthsOf: CompactIndex | undefined;
  private lengthsUpTo = 0;
  private termSeen = new Uint32Array(0);
  private bodyTf = new Float64Array(0);
  private headingTf = new Float64Array(0);
  private touched = new Uint32Array(0);
  private termDocs = new Uint32Array(0);

  /**
   * The documents of `scopes` the `terms` (analysed; a repeated one counts again) occur in, each with
   * its BM25 score, by document ordinal (the index's slotDocs); valid until the next call.
   */
  rank(index: CompactIndex, terms: readonly string[], scopes: readonly Scope[]): DocumentRanking {
    const stats = index.statistics(scopes);
    const { documents, headingLengths } = index.scopes.documentsUnder(stats.mask);
    if (documents === 0 || stats.n === 0) return { best: 0, scoreOf: () => 0 };
    this.fit(index.documentOrdinals);
    const stamp = this.nextStamp();
    const { mask } = stats;
    // Every passage in a searched scope (nothing removed since the postings were built): no slot to skip.
    const checkScopes = !index.searchesEverything(mask);
    const slotScopes = index.slotScopes.array;
    const slotDocs = index.slotDocs.array;
    const length = this.lengths(index);
    const segments = index.segments();
    // Average document length: every passage's body, and each document's heading once.
    const average = (stats.n * (stats.text.average - stats.title.average) + headingLengths) / documents;
    let touchedCount = 0;

    // A word the question repeats counts as often as it is asked, as in textbook BM25.
    const asked = new Map<string, number>();
    for (const term of terms) asked.set(term, (asked.get(term) ?? 0) + 1);
    for (const [term, times] of asked) {
      const id = index.terms.idOf(term);
      if (id === undefined || stats.text.df(id) === 0) continue;
      const termStamp = this.nextTermStamp();
      const { termSeen, bodyTf, headingTf, termDocs, seen, score, touched } = this;
      const walk: Walk = { checkScopes, mask, slotScopes, slotDocs, termStamp, stamp, termSeen, bodyTf, headingTf, termDocs, seen, score, touched, termDocCount: 0, touchedCount };
      for (const segment of segments.text) walkPostings(segment, id, walk, false);
      for (const segment of segments.title) walkPostings(segment, id, walk, true);
      const termDocCount = walk.termDocCount;
      touchedCount = walk.touchedCount;
      const termIdf = times * idf(documents, termDocCount);
      for (let i = 0; i < termDocCount; i++) {
        const doc = this.termDocs[i]!;
        const tf = bodyTf[doc]! + headingTf[doc]!;
        if (tf > 0) score[doc]! += termIdf * saturation(tf, lengthNormalizer(length[doc]!, average));
      }
    }
    let best = 0;
    for (let i = 0; i < touchedCount; i++) best = Math.max(best, this.score[this.touched[i]!]!);
    // Read from the scratch arrays: valid until the next question.
    const { seen, score } = this;
    return { best, scoreOf: (doc) => (seen[doc] === stamp ? score[doc]! : 0) };
  }

  /**
   * Every document's length in terms: its passages' bodies (text field length less heading length) and
   * one heading, its first passage's. A document's passages are adjacent slots.
   */
  private lengths(index: CompactIndex): Float64Array {
    if (this.lengthsOf !== index || this.lengthsUpTo > index.slotCount) {
      this.documentLengths.fill(0);
      [this.lengthsOf, this.lengthsUpTo] = [index, 0];
    }
    const lengths = this.documentLengths;
    const slotDocs = index.slotDocs.array;
    const textLengths = index.text.lengths.array;
    const titleLengths = index.title.lengths.array;
    for (let slot = this.lengthsUpTo; slot < index.slotCount; slot++) {
      const doc = slotDocs[slot]!;
      if (slot === 0 || slotDocs[slot - 1] !== doc) lengths[doc] = titleLengths[slot]!;
      lengths[doc]! += textLengths[slot]! - titleLengths[slot]!;
    }
    this.lengthsUpTo = index.slotCount;
    return lengths;
  }

  private fit(documents: number): void {
    if (this.seen.length >= documents) return;
    const size = Math.max(documents, Math.ceil(this.seen.length * 1.25));
    this.seen = new Uint32Array(size);
    this.termSeen = new Uint32Array(size);
    this.score = new Float64Array(size);
    const lengths = new Float64Array(size);
    lengths.set(this.documentLengths.subarray(0, Math.min(this.documentLengths.length, size)));
    this.documentLengths = lengths;
    this.bodyTf = new Float64Array(size);
    this.headingTf = new Float64Array(size);
    this.touched = new Uint32Array(size);
    this.termDocs = new Uint32Array(size);
    [this.stamp, this.termStamp] = [0, 0];
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) [this.stamp, this.seen] = [0, new Uint32Array(this.seen.length)];
    return ++this.stamp;
  }

  private nextTermStamp(): number {
    if (this.termStamp === 0xffffffff) [this.termStamp, this.termSeen] = [0, new Uint32Array(this.termSeen.length)];
    return ++this.termStamp;
  }
}

/** One question term's walk over the postings: the scratch arrays and counts it fills. */
type Walk = {
  checkScopes: boolean;
  mask: Uint8Array;
  slotScopes: Uint32Array;
  slotDocs: Uint32Array;
  termStamp: number;
  stamp: number;
  termSeen: Uint32Array;
  bodyTf: Float64Array;
  headingTf: Float64Array;
  termDocs: Uint32Array;
  seen: Uint32Array;
  score: Float64Array;
  touched: Uint32Array;
  termDocCount: number;
  touchedCount: number;
};

/**
 * One walk of term `id`'s postings in a segment: of the text field (`heading` false), adding its
 * frequencies to each document's body (bodyTf) and noting the documents it is new to; of the title
 * field (`heading` true), taking them off the bodies (each passage's text repeats its heading) and
 * keeping each document's largest, to count once. A plain function on locals, so that the optimiser
 * compiles the hot loop alone (this walk is about a sixth of a natural question's ranking at 50k
 * passages). A document's passages are adjacent slots, so its text postings are too: a document is
 * looked up only when it changes.
 */
function walkPostings(segment: Segment, id: number, walk: Walk, heading: boolean): void {
  if (id + 1 >= segment.starts.length) return;
  const { offsets, tfs, overflow, blocks, blockPositions, blockStarts } = segment;
  const { checkScopes, mask, slotScopes, slotDocs, termStamp, stamp, termSeen, bodyTf, headingTf, termDocs, seen, score, touched } = walk;
  let { termDocCount, touchedCount } = walk;
  const end = segment.starts[id + 1]!;
  const lastBlock = blockStarts[id + 1]!;
  const blockSize = 2 ** segment.blockBits;
  let doc = -1;
  let tfSum = 0;
  for (let entry = blockStarts[id]!; entry < lastBlock; entry++) {
    const base = segment.from + blocks[entry]! * blockSize;
    const stop = entry + 1 < lastBlock ? blockPositions[entry + 1]! : end;
    for (let i = blockPositions[entry]!; i < stop; i++) {
      const slot = base + offsets[i]!;
      if (checkScopes && mask[slotScopes[slot]!] !== 1) continue;
      const tf = tfs[i] === TF_OVERFLOW ? overflow.get(i)! : tfs[i]!;
      const at = slotDocs[slot]!;
      if (heading) {
        bodyTf[at]! -= tf;
        if (tf > headingTf[at]!) headingTf[at] = tf;
        continue;
      }
      if (at !== doc) {
        if (doc >= 0) bodyTf[doc]! += tfSum;
        doc = at;
        tfSum = 0;
        if (termSeen[doc] !== termStamp) {
          termSeen[doc] = termStamp;
          bodyTf[doc] = 0;
          headingTf[doc] = 0;
          termDocs[termDocCount++] = doc;
          if (seen[doc] !== stamp) {
            seen[doc] = stamp;
            score[doc] = 0;
            touched[touchedCount++] = doc;
          }
        }
      }
      tfSum += tf;
    }
  }
  if (doc >= 0) bodyTf[doc]! += tfSum;
  walk.termDocCount = termDocCount;
  walk.touchedCount = touchedCount;
}
