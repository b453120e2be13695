import { analyze } from '../search/analyze.js';

/** Two passages whose word-trigram sets overlap this much (Jaccard) say the same thing. */
const NEAR_DUPLICATE_JACCARD = 0.8;

/** Keeps the first of every group of near-identical texts, in order (inputs come ranked best first). */
export function dropNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string): T[] {
  const kept: Array<{ item: T; shingles: Set<string> }> = [];
  for (const item of items) {
    const shingles = trigrams(textOf(item));
    if (kept.some((other) => jaccard(shingles, other.shingles) >= NEAR_DUPLICATE_JACCARD)) continue;
    kept.push({ item, shingles });
  }
  return kept.map(({ item }) => item);
}

function trigrams(text: string): Set<string> {
  const terms = analyze(text);
  const out = new Set<string>();
  if (terms.length < 3) out.add(terms.join(' '));
  for (let i = 0; i + 3 <= terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]} ${terms[i + 2]}`);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
