import type { DocumentMeta, Scope } from '../documents/document.js';
import type { Passage } from '../passages/split-passages.js';
import type { SnapshotManifest } from './persist/manifest.js';
import { readSnapshot, writeSnapshot, type LoadedSnapshot } from './persist/snapshot.js';
import { compactArrays, compactedIndex } from './postings/compact-arrays.js';
import { CompactIndex, type CompactArrays } from './postings/compact-index.js';
import { CompactHit } from './rank/compact-hit.js';
import { DocumentScores } from './rank/document-scores.js';
import { rankWithFeedback } from './rank/rank-with-feedback.js';
import { scorePassages, type PassageScores } from './rank/score-passages.js';
import { scoreTop } from './rank/score-top.js';
import { ScoringWorkspace } from './rank/scoring-workspace.js';
import { TermBounds } from './rank/term-bounds.js';
import type { ScoredSlot } from './rank/top-k.js';
import type {
  Engine,
  Hit,
  IndexedDocument,
  IndexedPassage,
  QuestionRanking,
  RankingPasses,
  RankLimits,
  Ranking,
  RelatedTerms,
  SearchRequest,
  TopRanking,
  TopSearchRequest,
} from './types.js';

export function documentKey(scope: Scope, id: string): string {
  return `${scope}\u0000${id}`;
}

/**
 * The passage engine: our records of every passage and document, the compact index of their terms
 * (postings/), and the ranking over it (rank/), with the scratch space and the pruning bounds that
 * ranking reuses across questions. Questions come in through `rank`; `pass` and `passTop` are its
 * single passes (rank-with-feedback), public for it and for the tests.
 */
export class PassageEngine implements Engine, RankingPasses {
  private compact: CompactIndex;
  /** Per-slot scratch arrays for scoring the compact index, reused across questions (scoring-workspace). */
  private scratch = new ScoringWorkspace();
  /** Per-term score bounds for top-k pruning (score-top), kept per segment. */
  private bounds = new TermBounds();
  /** Per-document scratch for whole-document BM25 (document-scores). */
  private documentScores = new DocumentScores();
  private readonly passages = new Map<number, IndexedPassage>();
  private readonly documents = new Map<string, IndexedDocument>();
  private nextKey = 1;
  private changes = 0;
  private texts: { close(): void } | undefined;

  /** `blockBits`: log2 of the passages per scoring block (default 14; tests shrink it to cross blocks). */
  constructor(private readonly options: { blockBits?: number } = {}) {
    this.compact = new CompactIndex(undefined, options);
  }

  get passageCount(): number {
    return this.passages.size;
  }

  get documentCount(): number {
    return this.documents.size;
  }

  get revision(): number {
    return this.changes;
  }

  /** Adds a document's passages, replacing the document (scope, id) if it is already indexed. */
  add(meta: DocumentMeta, passages: readonly Passage[]): void {
    this.remove(meta.scope, meta.id);
    this.changes++;
    const indexed = passages.map((passage) => ({ ...passage, scope: meta.scope, key: this.nextKey++ }));
    for (const passage of indexed) this.passages.set(passage.key, passage);
    this.compact.add(meta.scope, meta.title, indexed);
    this.documents.set(documentKey(meta.scope, meta.id), { meta: withoutText(meta), keys: indexed.map((p) => p.key) });
  }

  /** Removes a document and its passages; false when it was not indexed. */
  remove(scope: Scope, id: string): boolean {
    const key = documentKey(scope, id);
    const doc = this.documents.get(key);
    if (!doc) return false;
    this.changes++;
    this.compact.remove(doc.keys);
    if (this.compact.wantsCompaction) this.replaceCompact(compactedIndex(this.compact));
    for (const passageKey of doc.keys) this.passages.delete(passageKey);
    this.documents.delete(key);
    return true;
  }

  getDocument(scope: Scope, id: string): IndexedDocument | undefined {
    return this.documents.get(documentKey(scope, id));
  }

  /** The passages of a document, in document order. */
  documentPassages(scope: Scope, id: string): IndexedPassage[] {
    const doc = this.documents.get(documentKey(scope, id));
    return doc ? doc.keys.map((key) => this.passages.get(key)).filter((p): p is IndexedPassage => p !== undefined) : [];
  }

  /** Every indexed document (metadata only), for listing and snapshots. */
  allDocuments(): IterableIterator<IndexedDocument> {
    return this.documents.values();
  }

  /** How many indexed passages belong to the given scopes (the N of BM25's IDF for gates). */
  passagesIn(scopes: readonly Scope[]): number {
    return this.compact.scopes.passagesIn(scopes);
  }

  passagesUsing(terms: readonly string[], scopes: readonly Scope[]): number[] {
    const { text } = this.compact.statistics(scopes);
    return terms.map((term) => {
      const id = this.compact.terms.idOf(term);
      return id === undefined ? 0 : text.df(id);
    });
  }

  /**
   * Ranks the passages of `scopes` for an analysed question (terms as the engine stores them): BM25,
   * then RM3 feedback (rank-with-feedback); with `limits`, the best only, pruned.
   */
  rank(terms: readonly string[], scopes: readonly Scope[], limits: RankLimits = {}, related?: RelatedTerms): QuestionRanking {
    return rankWithFeedback(this, terms, scopes, limits, related);
  }

  /**
   * One BM25 pass for an analysed query, with the aggregates `ask` needs (see scoring for the score).
   * Distinct exact terms and a finite limit take the pruned search (score-top), else every match is
   * scored (score-passages).
   */
  pass(terms: readonly string[], request: SearchRequest): Ranking {
    const weights = request.termWeights;
    const boost = (term: string) => (weights ? (weights.get(term) ?? 1) : 1);
    const limit = request.limit ?? Infinity;
    // Distinct exact terms and a finite limit (what `ask` sends): the pruned search; else every match.
    if (Number.isFinite(limit) && !(request.prefixTerms?.size) && new Set(terms).size === terms.length) {
      const scores = scoreTop(this.compact, this.scratch, this.bounds, {
        terms: terms.map((term) => ({ term, boost: boost(term) })),
        scopes: request.scopes,
        limit,
        documents: request.documents ?? 0,
        feedback: request.feedback ?? 0,
        seeds: [],
        counts: true,
      });
      const counts = scores.counts!;
      return this.ranking(terms, { ...scores, total: counts.total, documents: counts.documents, termMatches: counts.termMatches });
    }
    const scores = scorePassages(this.compact, this.scratch, {
      terms: terms.map((term) => ({ term, boost: boost(term), prefix: request.prefixTerms?.has(term) ?? false })),
      scopes: request.scopes,
      limit,
      feedback: request.feedback ?? 0,
      documents: request.documents ?? 0,
    });
    return this.ranking(terms, scores);
  }

  private ranking(terms: readonly string[], scores: Omit<PassageScores, 'termMatches'> & { termMatches: readonly number[] }): Ranking {
    const toHits = (scored: readonly ScoredSlot[]) => scored.map((entry) => this.toHit(entry, scores.sources, terms));
    const termMatches = new Map<string, number>();
    terms.forEach((term, i) => termMatches.set(term, scores.termMatches[i]!));
    return {
      hits: toHits(scores.top),
      feedback: toHits(scores.feedback),
      leadingDocuments: toHits(scores.leading),
      total: scores.total,
      documents: scores.documents,
      termMatches,
    };
  }

  /**
   * The best `limit` passages and `documents` documents of distinct exact terms, exactly as `pass`
   * returns them, without visiting passages that cannot make the lists (score-top).
   */
  passTop(terms: readonly string[], request: TopSearchRequest): TopRanking {
    if (new Set(terms).size !== terms.length) throw new Error('passTop: the terms must be distinct.');
    const weights = request.termWeights;
    const scores = scoreTop(this.compact, this.scratch, this.bounds, {
      terms: terms.map((term) => ({ term, boost: weights ? (weights.get(term) ?? 1) : 1 })),
      scopes: request.scopes,
      limit: request.limit,
      documents: request.documents ?? 0,
      feedback: 0,
      seeds: request.seeds.map((hit) => this.compact.slotOf(hit.passage.key)).filter((slot) => slot >= 0),
      counts: false,
    });
    const toHits = (scored: readonly ScoredSlot[]) => scored.map((entry) => this.toHit(entry, scores.sources, terms));
    return { hits: toHits(scores.top), leadingDocuments: toHits(scores.leading) };
  }

  /**
   * The analysed terms of a passage's text field (title and text, as indexed) as term ids ascending,
   * each with its frequency: what `analyze(title + "\n" + text)` counts, without analysing again.
   */
  forEachPassageTerm(passage: IndexedPassage, visit: (id: number, tf: number) => void): void {
    const slot = this.compact.slotOf(passage.key);
    if (slot >= 0) this.compact.text.forEachTerm(slot, (id, tf) => void visit(id, tf));
  }

  termOf(id: number): string {
    return this.compact.terms.term(id);
  }

  /** Whole-document BM25, relative to the best document, by passage (document-scores). */
  documentContext(terms: readonly string[], scopes: readonly Scope[]): (passage: IndexedPassage) => number {
    const { best, scoreOf } = this.documentScores.rank(this.compact, terms, scopes);
    const compact = this.compact;
    return (passage) => {
      const slot = compact.slotOf(passage.key);
      return slot < 0 || best === 0 ? 0 : scoreOf(compact.slotDocs.array[slot]!) / best;
    };
  }

  /**
   * True when some term of the passages in `scopes` is `prefix` followed by more characters (a term
   * only other scopes use does not count: whether a question is retried must not depend on them).
   */
  extendsAnyTerm(prefix: string, scopes: readonly Scope[]): boolean {
    const extensions = this.compact.terms.extensions(prefix);
    if (extensions.length === 0) return false;
    const { text } = this.compact.statistics(scopes);
    return extensions.some((id) => text.df(id) > 0);
  }

  /** The compact index's persisted state (copied; without removed passages), for the snapshot writer. */
  private compactArrays(): CompactArrays {
    return compactArrays(this.compact);
  }

  /**
   * Restores our records and the compact index from a snapshot; false if they do not agree. `texts`
   * is the file the passages read their texts from, closed with the index.
   */
  private restore(documents: Array<{ meta: DocumentMeta; passages: IndexedPassage[] }>, compact: CompactArrays, texts?: { close(): void }): boolean {
    let slot = 0;
    for (const { meta, passages } of documents) {
      const keys: number[] = [];
      for (const passage of passages) {
        if (compact.keys[slot++] !== passage.key || passage.docId !== meta.id || passage.scope !== meta.scope) return false;
        this.passages.set(passage.key, passage);
        keys.push(passage.key);
        this.nextKey = Math.max(this.nextKey, passage.key + 1);
      }
      this.documents.set(documentKey(meta.scope, meta.id), { meta, keys });
    }
    if (slot !== compact.keys.length) return false;
    this.changes++;
    this.replaceCompact(new CompactIndex(compact, this.options));
    this.texts = texts;
    return true;
  }

  /** Writes the engine's snapshot at `path` (persist/snapshot). */
  async save(path: string, manifest: SnapshotManifest): Promise<void> {
    const documents = [...this.documents.values()]
      .sort((a, b) => (a.keys[0] ?? 0) - (b.keys[0] ?? 0))
      .map((doc) => ({ meta: doc.meta, passages: this.documentPassages(doc.meta.scope, doc.meta.id) }));
    await writeSnapshot(path, { documents, compact: this.compactArrays() }, manifest);
  }

  /**
   * Loads an engine from the snapshot at `path` if it is intact and `accept` takes its manifest; else
   * throws `snapshot_invalid` saying why (see readSnapshot). `recoverText` reads a damaged passage text
   * from its source.
   */
  static load(
    path: string,
    accept: (manifest: SnapshotManifest) => string | undefined,
    recoverText: (passage: IndexedPassage) => string | undefined = () => undefined,
    options: { blockBits?: number } = {},
  ): Promise<LoadedSnapshot<PassageEngine>> {
    return readSnapshot(path, accept, recoverText, (documents, compact, texts) => {
      const engine = new PassageEngine(options);
      return engine.restore(documents, compact, texts) ? engine : undefined;
    });
  }

  /** A new compact index (compacted, or loaded): scratch space and bounds start afresh with it. */
  private replaceCompact(compact: CompactIndex): void {
    this.compact = compact;
    this.scratch = new ScoringWorkspace();
    this.bounds = new TermBounds();
  }

  /** Releases the snapshot text file the loaded passages read from (their texts are unreadable after). */
  close(): void {
    this.texts?.close();
    this.texts = undefined;
  }

  private toHit({ slot, score }: ScoredSlot, sources: PassageScores['sources'], terms: readonly string[]): Hit {
    const key = this.compact.keys.array[slot]!;
    const passage = this.passages.get(key);
    if (!passage) throw new Error(`Index and passage records disagree: no passage ${key}.`);
    return new CompactHit(passage, score, this.compact, slot, sources, terms);
  }
}

function withoutText(meta: DocumentMeta & { text?: string }): DocumentMeta {
  const { text: _text, ...rest } = meta;
  return rest;
}
