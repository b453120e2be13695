import type { Hit } from '../types.js';

export type RankedDocument = { scope: Hit['passage']['scope']; docId: string; score: number };

/**
 * Ranks documents by their passages: a document scores as its best passage. After the document
 * context (in-document-context) that is the best passage's own score plus its document's, so a long
 * document counts all it says without being favoured merely for having many passages.
 */
export function rankDocuments(hits: readonly Hit[], limit: number): RankedDocument[] {
  const best = new Map<string, RankedDocument>();
  for (const hit of hits) {
    const key = `${hit.passage.scope}\u0000${hit.passage.docId}`;
    const current = best.get(key);
    if (!current || hit.score > current.score) best.set(key, { scope: hit.passage.scope, docId: hit.passage.docId, score: hit.score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId)).slice(0, limit);
}
