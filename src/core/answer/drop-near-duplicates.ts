/**
 * Two passages are near-identical when their word-trigram sets overlap this much (Jaccard), the usual
 * shingling test for copies with small edits, …
 */
const TRIGRAM_JACCARD = 0.8;
/**
 * … or, since one inserted word already changes three trigrams of a short passage, when their sets of
 * words overlap this much: different passages of one corpus rarely share nine tenths of their words.
 */
const WORD_JACCARD = 0.9;

type Shingles = Set<number | string>;

/**
 * Keeps the first of every group of near-identical texts, in order (inputs come ranked best first),
 * given each item's analysed terms; stops once `limit` are kept, so later items are never analysed.
 */
export function dropNearDuplicates<T>(items: readonly T[], termsOf: (item: T) => readonly string[], limit = Infinity): T[] {
  const ids = new Map<string, number>();
  const kept: Array<{ item: T; words: Shingles; trigrams: Shingles }> = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const terms = termsOf(item).map((term) => idOf(ids, term));
    const candidate = { item, words: new Set<number | string>(terms), trigrams: trigrams(terms) };
    const duplicate = kept.some(
      (other) => jaccard(candidate.trigrams, other.trigrams) >= TRIGRAM_JACCARD || jaccard(candidate.words, other.words) >= WORD_JACCARD,
    );
    if (!duplicate) kept.push(candidate);
  }
  return kept.map(({ item }) => item);
}

/** Terms are numbered as first seen in this call, so that shingles compare as numbers. */
function idOf(ids: Map<string, number>, term: string): number {
  let id = ids.get(term);
  if (id === undefined) ids.set(term, (id = ids.size));
  return id;
}

/** Term ids below this pack a trigram into one number: (a · 2^17 + b) · 2^17 + c < 2^51, exact in a double. */
const PACKED_ID_LIMIT = 1 << 17;

/** Word trigrams as numbers, or as text once ids no longer pack; a text of fewer than three words is one shingle. */
function trigrams(terms: readonly number[]): Shingles {
  const out: Shingles = new Set();
  if (terms.length < 3) out.add(`short:${terms.join(' ')}`);
  for (let i = 0; i + 3 <= terms.length; i++) {
    const [a, b, c] = [terms[i]!, terms[i + 1]!, terms[i + 2]!];
    out.add(a < PACKED_ID_LIMIT && b < PACKED_ID_LIMIT && c < PACKED_ID_LIMIT ? (a * PACKED_ID_LIMIT + b) * PACKED_ID_LIMIT + c : `${a} ${b} ${c}`);
  }
  return out;
}

function jaccard(a: Shingles, b: Shingles): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
