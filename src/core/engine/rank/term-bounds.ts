import type { CompactIndex } from '../postings/compact-index.js';
import type { FieldPostings } from '../postings/field-postings.js';
import { lengthNormalizer, saturation } from '../scoring.js';
import { TF_OVERFLOW, type Segment } from '../postings/segment.js';

/** A segment's per-term maxima, and the field's average length they were worked out with. */
type SegmentMaxima = { ratios: Float32Array; average: number };

/**
 * Per term, the largest BM25 term-frequency factor tf·(k1+1) / (tf + norm) any of its postings
 * reaches: a term's score in a passage is at most boost · idf · (d + this), the upper bound top-k
 * pruning (score-top) compares against. Worked out for every term of a segment in one pass over its
 * postings when the segment is first searched (the base once per build, ~0.1 s at 200k passages;
 * the small tail after each add), and kept while the segment lives.
 *
 * The normaliser k1·(1 − b + b·len/avg) moves with the average length, which every add or removal
 * changes, and which differs between the scope sets questions search (each takes the average over its
 * own scopes). With avg0 the average the maxima were taken at, the factor at any other average is at
 * most the stored one × max(1, avg / avg0): writing r = avg0 / avg and x = k1·b·len/avg0, the factor is
 * tf·(k1+1) / (tf + k1(1−b) + r·x), and for r < 1 the denominator is at least r times its value at
 * r = 1. So the maxima stay bounds without being worked out again, for any average. They are taken
 * over every posting of the segment, whatever its scope: a maximum over all passages bounds the
 * maximum over the searched ones. The idf the bound is multiplied by is the question's own (score-top),
 * exact for its scopes. So one set of maxima serves every scope set; a question searching scopes far
 * from the whole (longer passages, other words) only gets looser bounds, that is less pruning.
 */
export class TermBounds {
  private readonly segments = new WeakMap<Segment, SegmentMaxima>();

  /** The bound for term `id` over a field's segments, at average field length `average` (the searched scopes'). */
  maximum(index: CompactIndex, id: number, segments: readonly Segment[], field: FieldPostings, average: number): number {
    let max = 0;
    for (const segment of segments) {
      const maxima = this.maximaOf(segment, field, index.liveCount);
      const ratio = id < maxima.ratios.length ? maxima.ratios[id]! : 0;
      if (ratio > 0) max = Math.max(max, ratio * Math.max(1, average / maxima.average));
    }
    return max;
  }

  private maximaOf(segment: Segment, field: FieldPostings, live: number): SegmentMaxima {
    let maxima = this.segments.get(segment);
    if (maxima) return maxima;
    const average = field.lengthSum / live;
    const lengths = field.lengths.array;
    const norms = new Float64Array(segment.to - segment.from);
    for (let slot = segment.from; slot < segment.to; slot++) norms[slot - segment.from] = lengthNormalizer(lengths[slot]!, average);
    const terms = segment.starts.length - 1;
    const ratios = new Float32Array(terms);
    const { blockStarts, blocks, blockPositions, offsets, tfs, overflow, starts } = segment;
    for (let id = 0; id < terms; id++) {
      let max = 0;
      const last = blockStarts[id + 1]!;
      for (let entry = blockStarts[id]!; entry < last; entry++) {
        const base = blocks[entry]! * 2 ** segment.blockBits;
        const stop = entry + 1 < last ? blockPositions[entry + 1]! : starts[id + 1]!;
        for (let i = blockPositions[entry]!; i < stop; i++) {
          let tf = tfs[i]!;
          if (tf === TF_OVERFLOW) tf = overflow.get(i)!;
          const ratio = saturation(tf, norms[base + offsets[i]!]!);
          if (ratio > max) max = ratio;
        }
      }
      // Float32 may round down; a relative step up keeps it a bound.
      ratios[id] = max * (1 + 1e-6);
    }
    maxima = { ratios, average };
    this.segments.set(segment, maxima);
    return maxima;
  }
}
