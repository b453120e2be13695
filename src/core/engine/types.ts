import type { DocumentMeta, Scope } from '../documents/document.js';
import type { Passage } from '../passages/split-passages.js';
import type { SnapshotManifest } from './persist/manifest.js';

/** A passage as the engine knows it: where it is (scope, document, lines) and its text. */
export type IndexedPassage = Passage & { scope: Scope; key: number };

/** One scored passage for a query. */
export type Hit = { passage: IndexedPassage; score: number; matchedTerms: readonly string[] };

export type IndexedDocument = { meta: DocumentMeta; keys: number[] };

/** One pass over the passages (see `RankingPasses.pass`). */
export type SearchRequest = {
  /** Only passages of these scopes are returned. */
  scopes: readonly Scope[];
  /** Extra per-term weights (analysed terms), e.g. for query expansion; default 1. */
  termWeights?: ReadonlyMap<string, number>;
  /** Terms also matched as prefixes of indexed terms (weighted by the prefix weight, see scoring). */
  prefixTerms?: ReadonlySet<string>;
  /** How many of the best passages to return (default: every match). */
  limit?: number;
  /** How many passages to choose by score × number of query terms matched (RM3's feedback; default 0). */
  feedback?: number;
  /** How many documents to return as their best passage, in rank order (default 0). */
  documents?: number;
};

/** A top-k pass: finite `limit`, distinct exact terms (no prefixes), no feedback passages. */
export type TopSearchRequest = Pick<SearchRequest, 'scopes' | 'termWeights' | 'documents'> & {
  limit: number;
  /** Passages likely to rank high (an earlier pass's best): scored first, they let the search skip most others. */
  seeds: readonly Hit[];
};

/** A pass's result: the best passages, and what the whole match looks like. */
export type Ranking = {
  /** The best passages, best first (ties: passage key), at most `limit`. */
  hits: Hit[];
  /** The `feedback` passages with the highest score × number of query terms matched. */
  feedback: Hit[];
  /** The best passage of each of the first `documents` documents, in rank order. */
  leadingDocuments: Hit[];
  /** How many passages matched, in how many documents. */
  total: number;
  documents: number;
  /** Per query term, how many of the searched passages it matched (the df of the searched scopes). */
  termMatches: ReadonlyMap<string, number>;
};

/** The best passages and leading documents of a top-k pass (no counts: it does not visit every match). */
export type TopRanking = Pick<Ranking, 'hits' | 'leadingDocuments'>;

/** For an analysed question term, related terms (same meaning or root) with their weights; asked only as needed. */
export type RelatedTerms = (term: string) => ReadonlyMap<string, number> | undefined;

/** How much of each pass `Engine.rank` returns (default: every match). */
export type RankLimits = {
  limit?: number;
  documents?: number;
  /** Words the final pass also seeks, each at this weight next to 1 for a question word (the agent noun a who-question asks for: owns → owner). */
  alsoSeek?: ReadonlyMap<string, number>;
};

/**
 * A question's ranking: the first pass over the question's own words (with the counts of its whole
 * match, for answer-level decisions), and the final ranking after RM3 feedback.
 */
export type QuestionRanking = {
  firstPass: Ranking;
  ranked: TopRanking;
  /** Question terms no passage uses, matched only as the start of longer terms ("pip" in "pipeline"). */
  prefixOnly: ReadonlySet<string>;
};

/** The single passes the feedback ranking is made of (rank-with-feedback), which the engine provides. */
export interface RankingPasses {
  /** One BM25 pass: pruned (top-k) for distinct exact terms and a finite limit, else over every match. */
  pass(terms: readonly string[], request: SearchRequest): Ranking;
  /** A seeded top-k pass, exactly as `pass` ranks, without counts. */
  passTop(terms: readonly string[], request: TopSearchRequest): TopRanking;
  /** A passage's indexed terms (title and text) as term ids ascending, each with its frequency. */
  forEachPassageTerm(passage: IndexedPassage, visit: (id: number, tf: number) => void): void;
  /** The analysed term a term id (forEachPassageTerm) stands for. */
  termOf(id: number): string;
  /**
   * Whole-document BM25 of analysed `terms` (a repeated one counts again) over the documents of `scopes`, as a function of a
   * passage: its document's score divided by the best document's (0 to 1; 0 when it matched nothing),
   * valid until the next ranking.
   */
  documentContext(terms: readonly string[], scopes: readonly Scope[]): (passage: IndexedPassage) => number;
  /** Whether some term of the passages in `scopes` is `prefix` followed by more characters. */
  extendsAnyTerm(prefix: string, scopes: readonly Scope[]): boolean;
}

/**
 * footnote's passage engine: documents' passages in, BM25 rankings out, saved to and loaded from a
 * snapshot. One ranking entry point (`rank`); the rest reads the records the engine keeps.
 */
export interface Engine {
  /** Adds a document's passages, replacing the document (scope, id) if it is already indexed. */
  add(meta: DocumentMeta, passages: readonly Passage[]): void;
  /** Removes a document and its passages; false when it was not indexed. */
  remove(scope: Scope, id: string): boolean;
  /**
   * Ranks passages of `scopes` for an analysed question: BM25, then RM3 feedback (rank-with-feedback).
   * `related`: per question term, terms of the same meaning or root with their weights (below 1);
   * those of a question term no searched passage uses join the final pass.
   */
  rank(terms: readonly string[], scopes: readonly Scope[], limits?: RankLimits, related?: RelatedTerms): QuestionRanking;
  /** Writes the engine's snapshot at `path` (persist/snapshot), with `manifest`. */
  save(path: string, manifest: SnapshotManifest): Promise<void>;
  /** Releases the snapshot text file the loaded passages read from. */
  close(): void;

  readonly passageCount: number;
  readonly documentCount: number;
  /** Moves with every add and remove: what is derived from the documents is stale once it has moved. */
  readonly revision: number;
  getDocument(scope: Scope, id: string): IndexedDocument | undefined;
  documentPassages(scope: Scope, id: string): IndexedPassage[];
  allDocuments(): IterableIterator<IndexedDocument>;
  /** How many indexed passages belong to the given scopes (the N of BM25's IDF for gates). */
  passagesIn(scopes: readonly Scope[]): number;
  /** For each analysed term, how many passages of the given scopes use it (0 for a term none does). */
  passagesUsing(terms: readonly string[], scopes: readonly Scope[]): number[];
}
