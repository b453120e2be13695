import { describe, expect, it } from 'vitest';
import { CompactIndex } from '../postings/compact-index.js';
import { lengthNormalizer, saturation } from '../scoring.js';
import { TermBounds } from './term-bounds.js';
import { forEachPosting } from '../postings/segment.js';

const WORDS = 'harbour ferry tide quay ticket keeper lighthouse council zebra crossing pedestrian timetable'.split(' ');

/** Passages of `words` words drawn from a small vocabulary (so every term has many postings, some with tf > 1). */
function passages(from: number, count: number, words: number, seed: number): Array<{ key: number; text: string }> {
  return Array.from({ length: count }, (_, i) => ({
    key: from + i,
    // Common words, repeated, and a word of its own per position: passages of more words are longer.
    text: Array.from({ length: words }, (_, w) => (w % 3 === 0 ? `${WORDS[(seed * 7 + i * 5 + w) % WORDS.length]}` : `word${seed}x${w}`)).join(' '),
  }));
}

/** The largest tf·(k1+1)/(tf + norm) of a term over a field's postings, with the field's current normalisers. */
function actualMaximum(index: CompactIndex, id: number, field: 'text' | 'title'): number {
  const postings = index[field];
  const average = postings.lengthSum / index.liveCount;
  let max = 0;
  for (const segment of index.segments()[field]) {
    forEachPosting(segment, id, (slot, tf) => {
      if (index.slotScopes.array[slot] === 0) return;
      max = Math.max(max, saturation(tf, lengthNormalizer(postings.lengths.array[slot]!, average)));
    });
  }
  return max;
}

describe('TermBounds', () => {
  it('stays an upper bound of every posting while adds and removals move the average length', () => {
    const index = new CompactIndex(undefined, { blockBits: 4 });
    const bounds = new TermBounds();
    let key = 1;
    for (let d = 0; d < 30; d++) {
      index.add('global', `Notes ${WORDS[d % WORDS.length]}`, passages(key, 4, 40, d));
      key += 4;
    }
    // Once the average has moved, or passages were removed (they count until the next rebuild), a
    // bound may be loose; it must stay a bound.
    index.consolidate(); // one base segment, whose maxima are taken at the first check
    const check = (tight: boolean) => {
      for (let id = 0; id < index.terms.size; id++) {
        for (const field of ['text', 'title'] as const) {
          const bound = bounds.maximum(index, id, index.segments()[field], index[field], index[field].lengthSum / index.liveCount);
          const actual = actualMaximum(index, id, field);
          expect(actual).toBeLessThanOrEqual(bound);
          if (tight) expect(bound).toBeLessThanOrEqual(actual * 1.5 + 1e-9); // a useful bound, not just a big number
        }
      }
    };
    const averageBefore = index.text.lengthSum / index.liveCount;
    check(true); // the base segment's maxima are taken here, at this average
    // Much longer passages raise the average (the base's factors grow), kept in a tail segment.
    for (let d = 0; d < 4; d++) {
      index.add('guild:1', `Long ${d}`, passages(key, 6, 600, 100 + d));
      key += 6;
    }
    expect(index.segments().text).toHaveLength(2);
    expect(index.text.lengthSum / index.liveCount).toBeGreaterThan(averageBefore * 2);
    check(false);
    // Removing long passages lowers it again.
    index.remove([key - 1, key - 2, key - 3]);
    check(false);
  });
});
