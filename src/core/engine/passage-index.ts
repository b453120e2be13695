import type MiniSearch from 'minisearch';
import type { DocumentMeta, Scope } from '../documents/document.js';
import type { Passage } from '../passages/split-passages.js';
import { compactArrays, compactedIndex } from './postings/compact-arrays.js';
import { CompactHit } from './rank/compact-hit.js';
import { CompactIndex, type CompactArrays } from './postings/compact-index.js';
import { headingOf, type IndexedFields } from './postings/index-options.js';
import { MinisearchReference } from './minisearch-reference.js';
import { scorePassages, type PassageScores } from './rank/score-passages.js';
import { scoreTop } from './rank/score-top.js';
import type { ScoredSlot } from './rank/top-k.js';

/** A passage as the index knows it: where it is (scope, document, lines) and its text. */
export type IndexedPassage = Passage & { scope: Scope; key: number };

/** One scored passage for a query. */
export type Hit = { passage: IndexedPassage; score: number; matchedTerms: readonly string[] };

export type IndexedDocument = { meta: DocumentMeta; keys: number[] };

export type SearchRequest = {
  /** Only passages of these scopes are returned. */
  scopes: readonly Scope[];
  /** Extra per-term weights (analysed terms), e.g. for query expansion; default 1. */
  termWeights?: ReadonlyMap<string, number>;
  /** Terms also matched as prefixes of indexed terms (weighted by minisearch's prefix weight). */
  prefixTerms?: ReadonlySet<string>;
  /** How many of the best passages to return (default: every match). */
  limit?: number;
  /** How many passages to choose by score × number of query terms matched (RM3's feedback; default 0). */
  feedback?: number;
  /** How many documents to return as their best passage, in rank order (default 0). */
  documents?: number;
};

/** A top-k request: finite `limit`, distinct exact terms (no prefixes), no feedback passages. */
export type TopSearchRequest = Pick<SearchRequest, 'scopes' | 'termWeights' | 'documents'> & {
  limit: number;
  /** Passages likely to rank high (an earlier pass's best): scored first, they let the search skip most others. */
  seeds: readonly Hit[];
};

/** The best passages and leading documents of a top-k search (no counts: it does not visit every match). */
export type TopRanking = Pick<Ranking, 'hits' | 'leadingDocuments'>;

/** A query's result: the best passages, and what the whole match looks like. */
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

export function documentKey(scope: Scope, id: string): string {
  return `${scope}\u0000${id}`;
}

/**
 * The live passage index: our records of every passage and document, and the compact index that
 * answers questions with minisearch's BM25 (see score-passages). minisearch itself, the reference the
 * compact index is tested against, is built only when asked for (`searchWithMinisearch`, `engine`).
 */
export class PassageIndex {
  private compact: CompactIndex;
  private reference: MinisearchReference | undefined;
  private readonly scopedReferences = new Map<string, MinisearchReference>();
  private readonly passages = new Map<number, IndexedPassage>();
  private readonly documents = new Map<string, IndexedDocument>();
  private nextKey = 1;
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

  /** Adds a document's passages, replacing the document (scope, id) if it is already indexed. */
  addDocument(meta: DocumentMeta, passages: readonly Passage[]): void {
    this.removeDocument(meta.scope, meta.id);
    this.scopedReferences.clear();
    const indexed = passages.map((passage) => ({ ...passage, scope: meta.scope, key: this.nextKey++ }));
    for (const passage of indexed) this.passages.set(passage.key, passage);
    this.compact.add(meta.scope, meta.title, indexed);
    this.reference?.add(indexed.map((passage) => ({ key: passage.key, title: headingOf(meta.title, passage.section), text: passage.text })));
    this.documents.set(documentKey(meta.scope, meta.id), { meta: withoutText(meta), keys: indexed.map((p) => p.key) });
  }

  /** Removes a document and its passages; false when it was not indexed. */
  removeDocument(scope: Scope, id: string): boolean {
    const key = documentKey(scope, id);
    const doc = this.documents.get(key);
    if (!doc) return false;
    this.scopedReferences.clear();
    this.compact.remove(doc.keys);
    if (this.compact.wantsCompaction) this.compact = compactedIndex(this.compact);
    this.reference?.remove(doc.keys.map((k) => ({ key: k, title: headingOf(doc.meta.title, this.passages.get(k)?.section), text: this.passages.get(k)?.text ?? '' })));
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

  /**
   * BM25-ranked passages for an already analysed query (terms as the index stores them), with the
   * aggregates `ask` needs. Scores are minisearch's with its multiplier (the number of query terms
   * matched) divided out again, so that the ranking is plain BM25 (see README, "How retrieval works").
   */
  rank(terms: readonly string[], request: SearchRequest): Ranking {
    const weights = request.termWeights;
    const boost = (term: string) => (weights ? (weights.get(term) ?? 1) : 1);
    const limit = request.limit ?? Infinity;
    // Distinct exact terms and a finite limit (what `ask` sends): the pruned search; else every match.
    if (Number.isFinite(limit) && !(request.prefixTerms?.size) && new Set(terms).size === terms.length) {
      const scores = scoreTop(this.compact, {
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
    const scores = scorePassages(this.compact, {
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
   * The best `limit` passages and `documents` documents of distinct exact terms, exactly as `rank`
   * returns them, without visiting passages that cannot make the lists (score-top).
   */
  rankTop(terms: readonly string[], request: TopSearchRequest): TopRanking {
    if (new Set(terms).size !== terms.length) throw new Error('rankTop: the terms must be distinct.');
    const weights = request.termWeights;
    const scores = scoreTop(this.compact, {
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

  /** Every matching passage (or the best `limit`), best first; ties in passage key order. */
  search(terms: readonly string[], request: SearchRequest): Hit[] {
    return this.rank(terms, request).hits;
  }

  /**
   * The same search through minisearch (built on first use): the reference `search` must agree with.
   * A search of some scopes only goes to a minisearch holding just their passages (built on first use,
   * dropped on any change), so that its statistics are theirs, as the compact index's are.
   */
  searchWithMinisearch(terms: readonly string[], request: SearchRequest): Hit[] {
    const scopes = new Set(request.scopes);
    if ([...this.documents.values()].every(({ meta, keys }) => keys.length === 0 || scopes.has(meta.scope))) {
      return this.minisearch().search(terms, request, (key) => this.passages.get(key));
    }
    const name = [...scopes].sort().join('\n');
    let reference = this.scopedReferences.get(name);
    if (!reference) this.scopedReferences.set(name, (reference = this.minisearch(scopes)));
    return reference.search(terms, request, (key) => this.passages.get(key));
  }

  /** minisearch over the live passages (built on first use, then kept up to date). */
  get engine(): MiniSearch<IndexedFields> {
    return this.minisearch().engine;
  }

  /**
   * The analysed terms of a passage's text field (title and text, as indexed), each with its frequency
   * (in term id order): what `analyze(title + "\n" + text)` counts, without analysing again.
   */
  passageTerms(passage: IndexedPassage): Map<string, number> {
    const slot = this.compact.slotOf(passage.key);
    const out = new Map<string, number>();
    if (slot >= 0) this.compact.text.forEachTerm(slot, (id, tf) => out.set(this.compact.terms.term(id), tf));
    return out;
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
  compactArrays(): CompactArrays {
    return compactArrays(this.compact);
  }

  /**
   * Restores our records and the compact index from a snapshot; false if they do not agree. `texts`
   * is the file the passages read their texts from, closed with the index.
   */
  restore(documents: Array<{ meta: DocumentMeta; passages: IndexedPassage[] }>, compact: CompactArrays, texts?: { close(): void }): boolean {
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
    this.compact = new CompactIndex(compact, this.options);
    this.texts = texts;
    return true;
  }

  /** Releases the snapshot text file the loaded passages read from (their texts are unreadable after). */
  close(): void {
    this.texts?.close();
    this.texts = undefined;
  }

  /** minisearch over every live passage (kept), or over those of `scopes` only (a throwaway). */
  private minisearch(scopes?: ReadonlySet<Scope>): MinisearchReference {
    if (this.reference && !scopes) return this.reference;
    const reference = new MinisearchReference();
    for (const { meta, keys } of [...this.documents.values()].sort((a, b) => (a.keys[0] ?? 0) - (b.keys[0] ?? 0))) {
      if (scopes && !scopes.has(meta.scope)) continue;
      reference.add(keys.map((key) => ({ key, title: headingOf(meta.title, this.passages.get(key)?.section), text: this.passages.get(key)?.text ?? '' })));
    }
    if (!scopes) this.reference = reference;
    return reference;
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
