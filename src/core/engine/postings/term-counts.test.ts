import { describe, expect, it } from 'vitest';
import { TermCounts } from './term-counts.js';

/** What `forEach` visits, as [id, count] sorted by id. */
const entries = (counts: TermCounts) => {
  const out: Array<[number, number]> = [];
  counts.forEach((id, count) => out.push([id, count]));
  return out.sort((a, b) => a[0] - b[0]);
};

describe('TermCounts', () => {
  it.each([
    ['a few ids spread over a large range (stays sparse)', 40, 100_000],
    ['many ids of a small range (turns dense)', 3000, 4000],
  ])('counts as a plain map does: %s', (_name, ids, range) => {
    const counts = new TermCounts();
    const expected = new Map<number, number>();
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const picked = Array.from({ length: ids }, () => Math.floor(next() * range));
    for (const id of picked) {
      counts.add(id, 1);
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    // Remove about half again, some down to zero.
    for (const id of picked.filter((_, i) => i % 2 === 0)) {
      counts.add(id, -1);
      expected.set(id, expected.get(id)! - 1);
      if (expected.get(id) === 0) expected.delete(id);
    }
    for (const id of [...picked, 0, range - 1, range + 5]) expect(counts.get(id)).toBe(expected.get(id) ?? 0);
    expect(entries(counts)).toEqual([...expected].sort((a, b) => a[0] - b[0]));
  });

  it('takes over dense counts as a copy', () => {
    const values = Uint32Array.from([0, 3, 0, 1]);
    const counts = TermCounts.fromDense(values);
    counts.add(1, -1);
    counts.add(9, 2);
    expect(entries(counts)).toEqual([[1, 2], [3, 1], [9, 2]]);
    expect([...values]).toEqual([0, 3, 0, 1]);
  });
});
