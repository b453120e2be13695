/**
 * BM25 as footnote ranks passages, in one place: its parameters, the field boosts, IDF, the length
 * normaliser and the value of one term in one passage field. The exhaustive and the pruned scorers,
 * the pruning bounds and the answer's term weights all compute through these, so they agree to the
 * last bit (each expression is written in the one order every caller relies on).
 */

/**
 * BM25 with the textbook parameters (Robertson & Zaragoza 2009: k1 = 1.2, b = 0.75) and d = 0, i.e.
 * plain BM25 rather than BM25+ (d = 0.5), which adds a constant per matched term and so rewards
 * matching many common terms over matching the rare ones that carry the question.
 */
export const K = 1.2;
export const B = 0.75;
export const D = 0;
const K_PLUS_1 = K + 1;

/**
 * Weight of the separate title field. The title already counts inside the text field; any boost from
 * 0.1 to 0.5 measured within ±0.01 nDCG@10 of none on CISI/MED/CACM/NPL, and 1 or more hurt (−0.036
 * on CISI at 2), so it stays a light tie-breaker for passages of a document whose title matches.
 */
export const TITLE_BOOST = 0.25;
/** Weight of the text field (title and body). */
export const TEXT_BOOST = 1;

/**
 * Weight of a prefix match relative to an exact one (minisearch's default `weights.prefix`), further
 * scaled by length / (length + 0.3 · extra characters) of the indexed term it matched.
 */
export const PREFIX_WEIGHT = 0.375;
const PREFIX_DISTANCE_WEIGHT = 0.3;

/** IDF over `n` passages of which `df` have the term: log(1 + (N − df + 0.5) / (df + 0.5)), never negative. */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The length normaliser of a field `length` terms long, at average field length `average`: k1 · (1 − b + b · len/avg). */
export function lengthNormalizer(length: number, average: number): number {
  return K * (1 - B + (B * length) / average);
}

/** BM25's term-frequency saturation tf · (k1 + 1) / (tf + norm), `norm` from `lengthNormalizer`. */
export function saturation(tf: number, norm: number): number {
  return (tf * K_PLUS_1) / (tf + norm);
}

/** A query term's weight in one field: the query's boost for it, its prefix weight (1 if exact), the field's boost. */
export function termFactor(weight: number, boost: number, fieldBoost: number): number {
  return weight * boost * fieldBoost;
}

/** One term's score in one field of a passage: factor · idf · (d + saturation). */
export function termValue(factor: number, termIdf: number, tf: number, norm: number): number {
  return factor * (termIdf * (D + saturation(tf, norm)));
}

/** The same with factor · idf already multiplied out (the pruned scorer's estimates, never a final score). */
export function scaledTermValue(factorIdf: number, tf: number, norm: number): number {
  return factorIdf * (D + saturation(tf, norm));
}

/** The largest value a term can add in a field whose postings saturate at most at `maxSaturation`. */
export function termBound(factor: number, termIdf: number, maxSaturation: number): number {
  return factor * termIdf * (D + maxSaturation);
}

/** A prefix match's weight, for an indexed term `length` characters long matched by a query term `queryLength` long. */
export function prefixWeight(length: number, queryLength: number): number {
  return (PREFIX_WEIGHT * length) / (length + PREFIX_DISTANCE_WEIGHT * (length - queryLength));
}
