import type { Scope } from '../../documents/document.js';
import { BestCollector } from './collect-best.js';
import type { CompactIndex } from '../postings/compact-index.js';
import { QueryRun } from './query-run.js';
import type { ScoringWorkspace } from './scoring-workspace.js';
import type { ScoredSlot } from './top-k.js';

/** One query term: its boost and whether it also matches as a prefix of longer indexed terms. */
export type WeightedTerm = { term: string; boost: number; prefix: boolean };

export type ScoreRequest = {
  /** In query order; a repeated term adds its score again (and counts as matched once). */
  terms: readonly WeightedTerm[];
  scopes: readonly Scope[];
  /** How many of the best passages to return (Infinity: all, sorted). */
  limit: number;
  /** How many passages to choose by score × matched terms (RM3's feedback passages). */
  feedback: number;
  /** How many documents to return, each as its best passage, in rank order. */
  documents: number;
};

export type PassageScores = {
  top: ScoredSlot[];
  feedback: ScoredSlot[];
  /** The best passage of each of the first `documents` documents, in rank order. */
  leading: ScoredSlot[];
  /** Passages matched in the searched scopes, and the documents they belong to. */
  total: number;
  documents: number;
  /** Per query term (by index): passages in the searched scopes it matched, exactly or by prefix. */
  termMatches: number[];
  /** Term id → indexes of the query terms it matched for (the term itself, or a prefix of it). */
  sources: Map<number, number[]>;
};

/**
 * Exhaustive BM25 over the compact index: every passage matching a query term, scored per field as
 * scoring's `termValue` (factor · idf · (d + saturation)), with N, df and average lengths taken over the
 * live passages of the searched scopes only, summed over the query terms in query order (title then
 * text within a term), then ranked by collect-best. The tests hold it to minisearch's scores for the
 * same passages and query (tests/support/minisearch-reference.ts) within 1e-9.
 */
export function scorePassages(index: CompactIndex, scratch: ScoringWorkspace, request: ScoreRequest): PassageScores {
  const stats = index.statistics(request.scopes);
  const termMatches = request.terms.map(() => 0);
  if (stats.n === 0 || request.terms.length === 0) return { top: [], feedback: [], leading: [], total: 0, documents: 0, termMatches, sources: new Map() };
  if (request.terms.length >= 65536) throw new Error('scorePassages: a query has at most 65,535 terms.');
  const query = new QueryRun(index, stats, scratch);
  const first = new Map<string, number>();
  const occurrences = request.terms.map(({ term, prefix }, i) => {
    const firstIndex = first.get(term);
    if (firstIndex === undefined) first.set(term, i);
    const expansions = query.expansions(term, prefix);
    if (firstIndex === undefined) for (const { id } of expansions) query.addSource(id, i);
    return { expansions, firstIndex };
  });
  // Without prefix terms, all terms go through the blocked loop, and each block is collected as soon
  // as it is scored; with one, term by term (rare: only question words that match nothing are
  // prefixes), so that each passage still sums in query order, and collected at the end.
  const collector = new BestCollector(index, scratch, query.base, request);
  const exact = !request.terms.some((term) => term.prefix);
  const counted = exact
    ? query.addExactTerms(
        occurrences.map(({ expansions, firstIndex }, i) => ({ expansion: expansions[0], boost: request.terms[i]!.boost, counted: firstIndex === undefined })),
        collector,
      )
    : occurrences.map(({ expansions, firstIndex }, i) => {
        const { boost, prefix } = request.terms[i]!;
        const single = [{ expansion: expansions[0], boost, counted: firstIndex === undefined }];
        return prefix ? query.addPrefixTerm(expansions, boost, firstIndex === undefined) : query.addExactTerms(single)[0]!;
      });
  if (!exact) collector.collect(0, index.slotCount, 0, query.touched);
  occurrences.forEach(({ firstIndex }, i) => (termMatches[i] = firstIndex === undefined ? counted[i]! : termMatches[firstIndex]!));
  const best = collector.finish();
  return { ...best, total: query.touched, termMatches, sources: query.sources };
}

