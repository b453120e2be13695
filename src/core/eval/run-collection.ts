import { relatedTerms, relatedWords } from '../answer/related-words.js';
import { splitPassages } from '../passages/split-passages.js';
import { analyze, createEngine, rankDocuments } from '../engine/engine.js';
import type { CollectionDocument, CollectionQuery } from './trec-collection.js';

export type RunLine = { queryId: string; docId: string; rank: number; score: number };

/**
 * Ranks a test collection's documents for each query with the production analysis, passage splitting
 * and ranking, in a throwaway index. Answer-level gates (question length, no-match) do not apply.
 */
export function runCollection(
  documents: readonly CollectionDocument[],
  queries: readonly CollectionQuery[],
  options: { top: number; passageMaxChars?: number },
): Map<string, RunLine[]> {
  const index = createEngine();
  for (const doc of documents) {
    let passages = splitPassages(doc.id, doc.text, { maxChars: options.passageMaxChars ?? 1000 });
    // A record with no body (some collections have title-only documents) is still findable by title.
    if (passages.length === 0) passages = [{ id: `${doc.id}#p1`, docId: doc.id, ordinal: 1, text: '', paragraphStart: 1, paragraphEnd: 1, lineStart: 1, lineEnd: 1 }];
    index.add(
      { scope: 'global', id: doc.id, title: doc.title, source: { kind: 'file', name: doc.id }, addedBy: 'trec-run', addedAt: '', contentHash: '' },
      passages,
    );
  }
  const runs = new Map<string, RunLine[]>();
  for (const query of queries) {
    const terms = analyze(query.text);
    const { ranked } = index.rank(terms, ['global'], {}, relatedTerms(query.text, relatedWords()));
    runs.set(
      query.id,
      rankDocuments(ranked.hits, options.top).map((doc, i) => ({ queryId: query.id, docId: doc.docId, rank: i + 1, score: doc.score })),
    );
  }
  return runs;
}
