import { describe, expect, it } from 'vitest';
import type { Scope } from '../../documents/document.js';
import { analyze } from '../analysis/analyze.js';
import { compactedIndex } from './compact-arrays.js';
import { CompactIndex } from './compact-index.js';

const WORDS = 'harbour ferry tide quay ticket keeper lighthouse council zebra crossing pedestrian timetable'.split(' ');
const SCOPES: Scope[] = ['global', 'guild:1', 'guild:2'];

/** Every non-empty subset of the scopes, and one scope nothing was added to. */
const SCOPE_SETS: Scope[][] = [...Array.from({ length: 7 }, (_, mask) => SCOPES.filter((_, i) => ((mask + 1) >> i) & 1)), ['guild:9'], ['guild:9', 'guild:1']];

/** BM25's statistics over scopes `scopes`, counted slot by slot: what the kept counts must equal. */
function countedStatistics(index: CompactIndex, scopes: readonly Scope[]) {
  const ids = new Set(scopes.map((scope) => index.scopes.all().indexOf(scope) + 1).filter((id) => id > 0));
  const out = { n: 0, title: { lengthSum: 0, df: new Map<number, number>() }, text: { lengthSum: 0, df: new Map<number, number>() } };
  for (let slot = 0; slot < index.slotCount; slot++) {
    if (!ids.has(index.slotScopes.array[slot]!)) continue;
    out.n++;
    for (const field of ['title', 'text'] as const) {
      out[field].lengthSum += index[field].lengths.array[slot]!;
      index[field].forEachTerm(slot, (id) => void out[field].df.set(id, (out[field].df.get(id) ?? 0) + 1));
    }
  }
  return out;
}

function expectStatistics(index: CompactIndex, scopes: readonly Scope[]): void {
  const expected = countedStatistics(index, scopes);
  const stats = index.statistics(scopes);
  expect(stats.n, scopes.join()).toBe(expected.n);
  for (const field of ['title', 'text'] as const) {
    if (expected.n > 0) expect(stats[field].average, `${scopes.join()} ${field}`).toBe(expected[field].lengthSum / expected.n);
    for (let id = 0; id < index.terms.size; id++) expect(stats[field].df(id), `${scopes.join()} ${field} ${index.terms.term(id)}`).toBe(expected[field].df.get(id) ?? 0);
  }
}

describe('CompactIndex.statistics', () => {
  it('counts N, df and average lengths over the searched scopes only, through adds, removals, squeezing and loading', () => {
    const index = new CompactIndex(undefined, { blockBits: 4 });
    let key = 1;
    const keys: number[] = [];
    // The shared corpus holds most passages (so loading derives its counts from the overall ones);
    // servers hold few, with words of their own; lengths differ by scope.
    for (let d = 0; d < 60; d++) {
      const scope = d % 10 === 3 ? 'guild:1' : d % 10 === 7 ? 'guild:2' : 'global';
      const passages = Array.from({ length: 2 + (d % 4) }, () => {
        const words = Array.from({ length: (scope === 'guild:1' ? 60 : 12) + (key % 9) }, (_, w) => (w % 4 === 0 ? `${scope.replace(':', '')}word${w % 7}` : WORDS[(key * 3 + w * 5) % WORDS.length]));
        keys.push(key);
        return { key: key++, text: words.join(' ') };
      });
      index.add(scope, `${WORDS[d % WORDS.length]} notes`, passages);
    }
    for (const scopes of SCOPE_SETS) expectStatistics(index, scopes);

    index.remove(keys.filter((_, i) => i % 3 === 1));
    for (const scopes of SCOPE_SETS) expectStatistics(index, scopes);

    // A squeezed copy is built as a loaded snapshot is: its per-scope counts are worked out anew.
    const loaded = compactedIndex(index);
    for (const scopes of SCOPE_SETS) expectStatistics(loaded, scopes);
    loaded.add('guild:2', 'late notes', [{ key: key++, text: 'ferry ferry guild2word0 quay' }]);
    loaded.remove([keys[0]!, keys[5]!]);
    for (const scopes of SCOPE_SETS) expectStatistics(loaded, scopes);
  });

  it('uses the overall counts when the searched scopes hold every live passage', () => {
    const index = new CompactIndex();
    index.add('global', 'Ferry', [{ key: 1, text: 'ferry tide' }]);
    index.add('guild:1', 'Quay', [{ key: 2, text: 'quay ferry ferry' }]);
    const all = index.statistics(['global', 'guild:1', 'guild:5']);
    expect(all.n).toBe(index.liveCount);
    expect(all.text.average).toBe(index.text.lengthSum / index.liveCount);
    const id = (word: string) => index.terms.idOf(analyze(word)[0]!)!;
    expect(all.text.df(id('ferry'))).toBe(2);
    expect(index.statistics(['guild:1']).text.df(id('tide'))).toBe(0);
    expect(index.statistics(['guild:1']).text.df(id('ferry'))).toBe(1);
  });
});
