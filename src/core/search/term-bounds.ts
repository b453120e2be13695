import type { CompactIndex } from './compact-index.js';
import { K_PLUS_1 } from './query-run.js';
import { TF_OVERFLOW, type Segment } from './segment.js';

/**
 * Per term and field, the largest BM25 term-frequency factor tf·(k1+1) / (tf + norm) any of its
 * postings reaches with the current length normalisers: a term's score in a passage is at most
 * boost · idf · (d + this), the upper bound top-k pruning (score-top) compares against. Worked out
 * when a term is first asked for, by one pass over its postings (common terms recur across questions,
 * so this is paid once), and forgotten when the index or its average lengths change.
 */
export class TermBounds {
  private key = '';
  private text = new Float64Array(0);
  private title = new Float64Array(0);

  constructor(private readonly index: CompactIndex) {}

  /** The text- and title-field maxima of term `id`, given the normalisers the query uses. */
  /** `textNorms[3 · slot]` and `titleNorms[slot]` are the normalisers (the layouts query-run keeps them in). */
  maxima(id: number, segments: { title: Segment[]; text: Segment[] }, textNorms: Float64Array, titleNorms: Float64Array): { text: number; title: number } {
    const key = `${this.index.revision}/${this.index.text.lengthSum}/${this.index.title.lengthSum}/${this.index.liveCount}`;
    if (key !== this.key || this.text.length < this.index.terms.size) {
      this.key = key;
      this.text = new Float64Array(this.index.terms.size).fill(-1);
      this.title = new Float64Array(this.index.terms.size).fill(-1);
    }
    if (this.text[id]! < 0) this.text[id] = maximum(segments.text, id, textNorms, 3);
    if (this.title[id]! < 0) this.title[id] = maximum(segments.title, id, titleNorms, 1);
    return { text: this.text[id]!, title: this.title[id]! };
  }
}

function maximum(segments: readonly Segment[], id: number, norms: Float64Array, stride: number): number {
  let max = 0;
  for (const segment of segments) {
    if (id + 1 >= segment.starts.length) continue;
    const { blockStarts, blocks, blockPositions, offsets, tfs, overflow, starts } = segment;
    const last = blockStarts[id + 1]!;
    for (let entry = blockStarts[id]!; entry < last; entry++) {
      const base = segment.from + blocks[entry]! * 2 ** segment.blockBits;
      const stop = entry + 1 < last ? blockPositions[entry + 1]! : starts[id + 1]!;
      for (let i = blockPositions[entry]!; i < stop; i++) {
        let tf = tfs[i]!;
        if (tf === TF_OVERFLOW) tf = overflow.get(i)!;
        const ratio = (tf * K_PLUS_1) / (tf + norms[stride * (base + offsets[i]!)]!);
        if (ratio > max) max = ratio;
      }
    }
  }
  return max;
}
