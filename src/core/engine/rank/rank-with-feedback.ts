import type { Scope } from '../../documents/document.js';
import type { Hit, QuestionRanking, RankingPasses, RankLimits, RelatedTerms } from '../types.js';
import { inDocumentContext } from './in-document-context.js';

/**
 * RM3 pseudo-relevance feedback (Abdul-Jaleel et al., 2004): the first pass's best passages are taken
 * as relevant, their terms weighted by how much of each passage they make up and how well the passage
 * scored, and the best of them join the query. The settings sit in the middle of a flat region of a
 * 36-setting grid on CISI/MED/CACM/NPL (+0.02 to +0.07 MAP; Anserini's 10/10/0.5 hurt CISI and CACM).
 * On the long-document collections, with the document context and the cap below (expandQuery):
 * CF 0.584 → 0.589 nDCG@10 with it, AILA 0.206 → 0.202 (40 queries: within noise), MED 0.692 → 0.722,
 * so it stays on for every collection.
 */
export const RM3 = { feedbackPassages: 10, feedbackTerms: 20, originalWeight: 0.7 } as const;

/**
 * Query term weights after feedback: w(t) = 0.7 · qtf(t)/|q| + 0.3 · P'(t | top passages).
 * `feedback` are the first pass's best passages by BM25 × the number of query terms they match
 * (coordination; the index picks them, see `SearchRequest.feedback`): a passage that matches most of
 * the question is a safer guess at "relevant" than one that scores on a single rare term. Measured:
 * +0.03 nDCG@10 on CACM, ±0.005 elsewhere, against plain BM25 order.
 */
export function expandQuery(
  index: Pick<RankingPasses, 'forEachPassageTerm' | 'termOf'>,
  terms: readonly string[],
  feedback: readonly Hit[],
  related: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const weights = new Map<string, number>();
  const original = RM3.originalWeight / terms.length;
  for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + original);
  for (const [term, weight] of related) if (!weights.has(term)) weights.set(term, original * weight);
  const totalScore = feedback.reduce((sum, hit) => sum + hit.score, 0);
  if (feedback.length === 0 || totalScore <= 0) return weights;

  // P(t|R) = Σ_p (s_p / Σ s) · tf_p(t) / |p|, over the passages' indexed terms (title and text): the
  // index's forward lists give them without analysing the text again, by term id (a term's text is
  // looked up only for the few kept). Each occurrence adds its share one at a time, as summing over the
  // analysed text did, so the weights are the same to the last bit.
  const relevance = new Map<number, number>();
  const ids: number[] = [];
  const tfs: number[] = [];
  for (const hit of feedback) {
    ids.length = 0;
    tfs.length = 0;
    let length = 0;
    index.forEachPassageTerm(hit.passage, (id, tf) => {
      ids.push(id);
      tfs.push(tf);
      length += tf;
    });
    if (length === 0) continue;
    const share = hit.score / totalScore / length;
    for (let i = 0; i < ids.length; i++) {
      let p = relevance.get(ids[i]!) ?? 0;
      for (let k = 0; k < tfs[i]!; k++) p += share;
      relevance.set(ids[i]!, p);
    }
  }
  const top = bestTerms(relevance, RM3.feedbackTerms, (id) => index.termOf(id));
  const mass = top.reduce((sum, [, p]) => sum + p, 0);
  // A word the feedback passages suggest never adds more than a word the asker typed weighs. On a long
  // question (AILA's case descriptions, 165 distinct terms) each typed word weighs 0.7/165 while the
  // 20 feedback terms share 0.3, so uncapped they outweighed it fourfold and steered the ranking:
  // capped, AILA 0.172 -> 0.202 nDCG@10, CISI +0.002, the rest unchanged (their short questions leave
  // the cap loose).
  for (const [term, p] of top) weights.set(term, (weights.get(term) ?? 0) + Math.min(((1 - RM3.originalWeight) * p) / mass, original));
  return weights;
}

/**
 * The `count` terms of highest relevance, ties in term order, as [term, relevance]: a running list of
 * the best so far, which most of a thousand candidates do not enter (a full sort measured more than
 * half of expandQuery's time, most of it comparing tied terms' texts).
 */
function bestTerms(relevance: ReadonlyMap<number, number>, count: number, termOf: (id: number) => string): Array<[string, number]> {
  const best: Array<[string, number]> = [];
  const before = (term: string, p: number, other: [string, number]) => p > other[1] || (p === other[1] && term < other[0]);
  for (const [id, p] of relevance) {
    const last = best[best.length - 1];
    // Below the last kept (with the list full): out, without reading its text.
    if (best.length === count && last !== undefined && p < last[1]) continue;
    const term = termOf(id);
    if (best.length === count && !before(term, p, last!)) continue;
    let at = best.length;
    while (at > 0 && before(term, p, best[at - 1]!)) at--;
    best.splice(at, 0, [term, p]);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * A question word that matches nothing may still be a form the stemmer does not conflate with the
 * corpus's (owns / owner, install / installation): such words, and only those, also match as prefixes.
 * Shorter words would match too much.
 */
const MIN_PREFIX_CHARS = 3;

/**
 * The ranking both `ask` and `trec-run` use: BM25 over passages, then a second pass with the RM3-
 * expanded query. The first pass is returned too, with the counts of its whole match: answer-level
 * decisions (is the question covered at all? how many passages matched it?) must look at the
 * question's own words, not at the ~20 feedback terms, which match nearly every passage. With a
 * `limit`, the second pass is a top-k search seeded with the first pass's best (score-top), the same
 * ranking without visiting passages that cannot make the top; question words retried as prefixes
 * (rare) take the exhaustive path. Last, each passage's score takes in its document's BM25 for the
 * question's own words (in-document-context).
 */
export function rankWithFeedback(
  index: RankingPasses,
  questionTerms: readonly string[],
  scopes: readonly Scope[],
  limits: RankLimits = {},
  related: RelatedTerms = () => undefined,
): QuestionRanking {
  const asked = limits.documents ?? 0;
  // The first pass keeps as many leading documents as the final pass will, though the caller may want
  // fewer: they seed the final pass, whose bar for a leading document stays at zero until it has seen
  // that many documents (single words at 50k passages: final pass 1.18 → 0.52 ms).
  const documents = Math.max(asked, CONTEXT_DOCUMENTS);
  const request = { scopes, feedback: RM3.feedbackPassages, documents, ...(limits.limit !== undefined && { limit: limits.limit }) };
  let firstPass = index.pass(questionTerms, request);
  // Only words some longer indexed term starts with: for the others (typos, mostly) a prefix search
  // finds nothing either, and would only send both passes down the slower path.
  const unmatched = new Set(questionTerms.filter((term) => firstPass.termMatches.get(term) === 0 && term.length >= MIN_PREFIX_CHARS && index.extendsAnyTerm(term, scopes)));
  if (unmatched.size > 0) firstPass = index.pass(questionTerms, { ...request, prefixTerms: unmatched });
  // The caller sees the first pass as it asked for it.
  const own = { ...firstPass, leadingDocuments: firstPass.leadingDocuments.slice(0, asked) };
  if (firstPass.total === 0) return { firstPass: own, ranked: own, prefixOnly: unmatched };
  // The first pass, the feedback passages it picks and the document context are the question's own
  // words. The words of a question term no passage uses (the asker's "cinemas" where the documents
  // say "film") join the final pass, at their lower weights: for words the documents do use, they only
  // added noise (measured: nDCG@10 −0.005 on MED, two docs questions lost their answer passage). So do
  // the words the caller asks to seek as well (`alsoSeek`: the role a who-question names).
  const unused = new Map<string, number>(limits.alsoSeek);
  for (const term of questionTerms) {
    if (firstPass.termMatches.get(term) !== 0 || unmatched.has(term)) continue;
    for (const [word, weight] of related(term) ?? []) unused.set(word, Math.max(unused.get(word) ?? 0, weight));
  }
  const termWeights = expandQuery(index, questionTerms, firstPass.feedback, unused);
  const expanded = [...termWeights.keys()];
  const context = index.documentContext(questionTerms, scopes);
  const final = { limit: limits.limit ?? Infinity, documents: asked };
  if (limits.limit !== undefined && unmatched.size === 0) {
    const seeds = [...firstPass.hits, ...firstPass.feedback, ...firstPass.leadingDocuments];
    const ranked = index.passTop(expanded, { scopes, termWeights, limit: limits.limit, documents, seeds });
    return { firstPass: own, ranked: inDocumentContext(ranked, context, final), prefixOnly: unmatched };
  }
  const ranked = index.pass(expanded, { ...request, feedback: 0, termWeights, ...(unmatched.size > 0 && { prefixTerms: unmatched }) });
  return { firstPass: own, ranked: inDocumentContext(ranked, context, final), prefixOnly: unmatched };
}

/**
 * Leading documents a top-k pass keeps as candidates for the document context (in-document-context):
 * a document whose best passage is outside the best passages can still rise to the top.
 */
const CONTEXT_DOCUMENTS = 10;
