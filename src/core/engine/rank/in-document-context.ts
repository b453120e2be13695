import type { Hit, IndexedPassage, TopRanking } from '../types.js';

/**
 * How much a passage's document counts next to the passage itself: score = passage BM25 / best
 * passage's + CONTEXT_WEIGHT · share · document BM25 / best document's, where share = the passage's
 * score / its document's best passage's (Callan, 1994: passage and document evidence combined rank
 * better than either). The share keeps a document's weaker passages from riding on its context, so
 * three results are not three passages of one page. nDCG@10 against the best passage alone (weight 0):
 * AILA (long legal cases) 0.129 → 0.174, CACM 0.494 → 0.509, CF 0.583 → 0.587, NPL 0.438 → 0.443,
 * MED 0.721 → 0.722, CISI 0.405 → 0.405. Weight 1 lifts AILA to 0.20 but puts broad pages first on the
 * docs questions (Vite R@1 0.825 → 0.775); 0.5 is the weight no collection loses at.
 */
export const CONTEXT_WEIGHT = 0.5;

/**
 * The ranking with each passage's score combined with its document's (`context`, 0 to 1): passages
 * of one document keep their order (the answer still quotes the best passage), documents are ranked
 * by all they say. `hits` and `leadingDocuments` are both candidates: a passage of a leading document
 * may overtake the best passages. Returns at most `limit` hits and `documents` leading documents.
 */
export function inDocumentContext(ranking: TopRanking, context: (passage: IndexedPassage) => number, limits: { limit: number; documents: number }): TopRanking {
  const best = Math.max(ranking.hits[0]?.score ?? 0, ranking.leadingDocuments[0]?.score ?? 0);
  if (best <= 0) return ranking;
  const docOf = (hit: Hit) => `${hit.passage.scope}\u0000${hit.passage.docId}`;
  // Each document's best passage score among the candidates.
  const bestOf = new Map<string, number>();
  for (const list of [ranking.hits, ranking.leadingDocuments]) {
    for (const hit of list) if (hit.score > (bestOf.get(docOf(hit)) ?? 0)) bestOf.set(docOf(hit), hit.score);
  }
  const combined = new Map<number, Hit>();
  for (const list of [ranking.hits, ranking.leadingDocuments]) {
    for (const hit of list) {
      if (combined.has(hit.passage.key)) continue;
      const documentBest = bestOf.get(docOf(hit)) ?? 0;
      const share = documentBest > 0 ? hit.score / documentBest : 0;
      combined.set(hit.passage.key, rescored(hit, hit.score / best + CONTEXT_WEIGHT * share * context(hit.passage)));
    }
  }
  const order = (a: Hit, b: Hit) => b.score - a.score || a.passage.key - b.passage.key;
  const hits = [...combined.values()].sort(order);
  const leading: Hit[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const doc = `${hit.passage.scope}\u0000${hit.passage.docId}`;
    if (seen.has(doc)) continue;
    seen.add(doc);
    if (leading.length < limits.documents) leading.push(hit);
  }
  return { hits: hits.slice(0, limits.limit), leadingDocuments: leading };
}

/** The hit with another score; its matched terms are still read from it when asked (compact-hit). */
function rescored(hit: Hit, score: number): Hit {
  return {
    passage: hit.passage,
    score,
    get matchedTerms() {
      return hit.matchedTerms;
    },
  };
}
