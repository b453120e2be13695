/**
 * The engine's surface, the only file of src/core/engine the rest of footnote imports: an `Engine`
 * (add, remove, rank, save; `loadEngine`), the analysis that questions and passages share, and BM25's
 * IDF for the answer's term weights. What is behind it (postings/, rank/, persist/) may change freely.
 */
import { PassageEngine } from './passage-engine.js';
import type { SnapshotManifest } from './persist/manifest.js';
import type { Engine, IndexedPassage } from './types.js';

export { analyze, analyzeTerm, analyzeWithOffsets, identifierWholes, identifierWords, tokenize, type AnalyzedText } from './analysis/analyze.js';
export { irregularVerbs } from './analysis/irregular-verbs.js';
export { OPTIONS_HASH, SNAPSHOT_FORMAT, type SnapshotManifest } from './persist/manifest.js';
export { removeStrayTemporaries } from './persist/snapshot.js';
export { rankDocuments, type RankedDocument } from './rank/rank-documents.js';
export { idf } from './scoring.js';
export type { Engine, Hit, IndexedDocument, IndexedPassage, QuestionRanking, Ranking, RankLimits, TopRanking } from './types.js';

/** An empty engine. */
export function createEngine(): Engine {
  return new PassageEngine();
}

/**
 * The engine saved at `path` (Engine.save), if its snapshot is intact and `accept` takes its manifest
 * (a reason to refuse it, or undefined); otherwise throws FootnoteError `snapshot_invalid` saying why.
 * `recoverText` reads a passage text whose stored copy is damaged from its source.
 */
export async function loadEngine(
  path: string,
  accept: (manifest: SnapshotManifest) => string | undefined,
  recoverText?: (passage: IndexedPassage) => string | undefined,
): Promise<{ manifest: SnapshotManifest; engine: Engine }> {
  const { manifest, index } = await PassageEngine.load(path, accept, recoverText);
  return { manifest, engine: index };
}
