import { analyze } from '../search/analyze.js';

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

/** Keeps the first of every group of near-identical texts, in order (inputs come ranked best first). */
export function dropNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  const kept: Array<{ item: T; words: Set<string>; trigrams: Set<string> }> = [];
  for (const item of items) {
    const terms = analyze(textOf(item));
    const candidate = { item, words: new Set(terms), trigrams: trigrams(terms) };
    const duplicate = kept.some(
      (other) => jaccard(candidate.trigrams, other.trigrams) >= TRIGRAM_JACCARD || jaccard(candidate.words, other.words) >= WORD_JACCARD,
    );
    if (!duplicate) kept.push(candidate);
  }
  return kept.map(({ item }) => item);
}

function trigrams(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (terms.length < 3) out.add(terms.join(' '));
  for (let i = 0; i + 3 <= terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]} ${terms[i + 2]}`);
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
