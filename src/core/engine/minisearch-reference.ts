import MiniSearch, { type SearchResult } from 'minisearch';
import { INDEX_OPTIONS, SEARCH_OPTIONS, type IndexedFields } from './postings/index-options.js';
import type { Hit, IndexedPassage, SearchRequest } from './passage-index.js';

/**
 * minisearch over the same passages, with the same options: the index of record for what a search
 * must return. Questions are answered by the compact index (score-passages), which computes the same
 * BM25; this one is built only when asked for (equivalence tests, benchmarks, the `engine` getter),
 * because at 200k passages it takes minutes to build, seconds to load and about 1 GB of memory.
 */
export class MinisearchReference {
  readonly engine = new MiniSearch<IndexedFields>(INDEX_OPTIONS);

  add(fields: readonly IndexedFields[]): void {
    this.engine.addAll(fields);
  }

  /** Exact removal (minisearch's `remove`, given the same field values), so no stale postings skew df. */
  remove(fields: readonly IndexedFields[]): void {
    for (const passage of fields) this.engine.remove(passage);
  }

  /**
   * The search the compact index replaces, as it was: minisearch's BM25 (fields title and text, boosts
   * 0.25 and 1, k1 1.2, b 0.75, d 0), then minisearch's multiplier (the number of query terms matched)
   * divided out again, sorted by score, ties by passage key.
   */
  search(terms: readonly string[], request: SearchRequest, passageOf: (key: number) => IndexedPassage | undefined): Hit[] {
    if (terms.length === 0) return [];
    const allowed = new Set(request.scopes);
    const weights = request.termWeights;
    const results = this.engine.search(
      { combineWith: 'OR', queries: [...terms] },
      {
        ...SEARCH_OPTIONS,
        ...(weights && { boostTerm: (term: string) => weights.get(term) ?? 1 }),
        ...(request.prefixTerms && { prefix: (term: string) => request.prefixTerms?.has(term) ?? false }),
        filter: (result) => {
          const passage = passageOf(result.id as number);
          return passage !== undefined && allowed.has(passage.scope);
        },
      },
    );
    const hits = results.map((result) => toHit(result, passageOf));
    return hits.sort((a, b) => b.score - a.score || a.passage.key - b.passage.key).slice(0, request.limit ?? Infinity);
  }
}

/** minisearch's `any`-typed result as a typed hit (the one place that reads it). */
function toHit(result: SearchResult, passageOf: (key: number) => IndexedPassage | undefined): Hit {
  const passage = passageOf(result.id as number);
  if (!passage) throw new Error(`Index and passage records disagree: no passage ${String(result.id)}.`);
  const matchedTerms = result.queryTerms;
  return { passage, score: result.score / Math.max(1, matchedTerms.length), matchedTerms };
}
