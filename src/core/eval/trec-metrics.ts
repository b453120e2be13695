/**
 * Ranking metrics with trec_eval's conventions, as pure functions.
 *
 * - A run is `Map<qid, docid[]>`, best first. trec_eval re-sorts by score (ties broken by docno,
 *   descending); here the given order IS the ranking, so break ties before calling. A docid repeated in
 *   a ranking counts only at its first position.
 * - Qrels are `Map<qid, Set<docid>>` of RELEVANT documents (judgement > 0). Queries whose set is empty
 *   have no relevant document and are left out of every mean, as trec_eval does.
 * - Means are over all judged queries (those with >= 1 relevant document); a judged query that is
 *   missing from the run scores 0 (trec_eval -c). Queries in the run but not in the qrels are ignored.
 * - nDCG@10: binary gain, DCG = sum over ranks i = 1..10 of rel_i / log2(i + 1), divided by the ideal
 *   DCG of min(R, 10) relevant documents (trec_eval `ndcg_cut_10` with 0/1 judgements).
 * - AP: over the top 1,000 (trec_eval's default cutoff): sum of precision at each relevant rank / R.
 * - R@100: relevant documents in the top 100 / R (trec_eval `recall_100`).
 */
import { FootnoteError } from '../errors.js';

export type Run = ReadonlyMap<string, readonly string[]>;
export type Qrels = ReadonlyMap<string, ReadonlySet<string>>;

export interface QueryMetrics {
  ndcg10: number;
  ap: number;
  recall100: number;
}

export interface Evaluation {
  /** Per judged query (>= 1 relevant document), in qrels order. */
  perQuery: Map<string, QueryMetrics>;
  /** Means over `perQuery`; all 0 when there is no judged query. */
  mean: QueryMetrics & { queries: number };
}

/** trec_eval's default depth for AP (and for the run it reads). */
export const AP_DEPTH = 1000;

function uniqueTop(ranking: readonly string[], depth: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const doc of ranking) {
    if (out.length >= depth) break;
    if (seen.has(doc)) continue;
    seen.add(doc);
    out.push(doc);
  }
  return out;
}

/** nDCG at `k` (default 10) with binary gain; 0 when there is no relevant document. */
export function ndcgAt(ranking: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  if (relevant.size === 0) return 0;
  const top = uniqueTop(ranking, k);
  let dcg = 0;
  top.forEach((doc, i) => {
    if (relevant.has(doc)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** Average precision over the top `depth` (default 1,000); 0 when there is no relevant document. */
export function averagePrecision(
  ranking: readonly string[],
  relevant: ReadonlySet<string>,
  depth = AP_DEPTH,
): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  uniqueTop(ranking, depth).forEach((doc, i) => {
    if (relevant.has(doc)) {
      hits += 1;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** Recall at `k` (default 100); 0 when there is no relevant document. */
export function recallAt(ranking: readonly string[], relevant: ReadonlySet<string>, k = 100): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const doc of uniqueTop(ranking, k)) if (relevant.has(doc)) hits += 1;
  return hits / relevant.size;
}

/** All three metrics for every judged query, and their means (see the module comment). */
export function evaluateRun(run: Run, qrels: Qrels): Evaluation {
  const perQuery = new Map<string, QueryMetrics>();
  for (const [qid, relevant] of qrels) {
    if (relevant.size === 0) continue;
    const ranking = run.get(qid) ?? [];
    perQuery.set(qid, {
      ndcg10: ndcgAt(ranking, relevant, 10),
      ap: averagePrecision(ranking, relevant, AP_DEPTH),
      recall100: recallAt(ranking, relevant, 100),
    });
  }
  const n = perQuery.size;
  const sum = { ndcg10: 0, ap: 0, recall100: 0 };
  for (const m of perQuery.values()) {
    sum.ndcg10 += m.ndcg10;
    sum.ap += m.ap;
    sum.recall100 += m.recall100;
  }
  return {
    perQuery,
    mean: {
      ndcg10: n ? sum.ndcg10 / n : 0,
      ap: n ? sum.ap / n : 0,
      recall100: n ? sum.recall100 / n : 0,
      queries: n,
    },
  };
}

/**
 * Parses qrels: one judgement a line, whitespace-separated, either `qid docid rel` or TREC's
 * `qid iteration docid rel`. rel > 0 means relevant. Blank lines and lines starting with `#` are skipped.
 * Every judged query gets an entry, with an empty set if none of its documents is relevant.
 */
export function parseQrels(text: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cols = trimmed.split(/\s+/);
    let qid: string | undefined;
    let doc: string | undefined;
    let relText: string | undefined;
    if (cols.length === 3) [qid, doc, relText] = cols;
    else if (cols.length === 4) [qid, , doc, relText] = cols;
    const rel = relText === undefined ? Number.NaN : Number(relText);
    if (qid === undefined || doc === undefined || !Number.isFinite(rel)) {
      throw new FootnoteError(
        'input_rejected',
        `qrels line ${i + 1} is not "qid docid rel" or "qid iter docid rel": ${JSON.stringify(line)}`,
      );
    }
    let set = qrels.get(qid);
    if (!set) {
      set = new Set();
      qrels.set(qid, set);
    }
    if (rel > 0) set.add(doc);
  });
  return qrels;
}
