import { analyzeTerm, tokenize } from './analyze.js';

/** What indexing one field of one passage yields: its BM25 length and its terms with frequencies. */
export type FieldAnalysis = {
  /** minisearch's field length: the number of DISTINCT raw tokens (before stop words and stemming). */
  length: number;
  /** Index terms in order of first occurrence, each with its frequency in the field. */
  terms: Map<string, number>;
};

/**
 * Analyses a field exactly as minisearch's `add` does with our options (INDEX_OPTIONS: `tokenize`, then
 * `analyzeTerm` on each token, dropping empty results), so that the compact index's term frequencies and
 * field lengths, and so its BM25 scores, are minisearch's.
 */
export function analyzeField(value: string): FieldAnalysis {
  const tokens = tokenize(value);
  const terms = new Map<string, number>();
  for (const token of tokens) {
    const term = analyzeTerm(token);
    if (term) terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  return { length: new Set(tokens).size, terms };
}
