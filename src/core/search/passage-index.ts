import MiniSearch, { type SearchResult } from 'minisearch';
import type { DocumentMeta, Scope } from '../documents/document.js';
import type { Passage } from '../passages/split-passages.js';
import { INDEX_OPTIONS, SEARCH_OPTIONS, type IndexedFields } from './index-options.js';

/** A passage as the index knows it: where it is (scope, document, lines) and its text. */
export type IndexedPassage = Passage & { scope: Scope; key: number };

/** One scored passage for a query; the only typed view of minisearch's `any`-typed results. */
export type Hit = { passage: IndexedPassage; score: number; matchedTerms: readonly string[] };

export type IndexedDocument = { meta: DocumentMeta; keys: number[] };

export type SearchRequest = {
  /** Only passages of these scopes are returned. */
  scopes: readonly Scope[];
  /** Extra per-term weights (analysed terms), e.g. for query expansion; default 1. */
  termWeights?: ReadonlyMap<string, number>;
  /** Terms also matched as prefixes of indexed terms (weighted by minisearch's prefix weight). */
  prefixTerms?: ReadonlySet<string>;
};

export function documentKey(scope: Scope, id: string): string {
  return `${scope}\u0000${id}`;
}

/**
 * The live passage index: minisearch (the index of record) plus our own records of every passage and
 * document, so that results map to typed hits without minisearch storing any field.
 */
export class PassageIndex {
  private mini: MiniSearch<IndexedFields>;
  private readonly passages = new Map<number, IndexedPassage>();
  private readonly documents = new Map<string, IndexedDocument>();
  private nextKey = 1;

  constructor(mini?: MiniSearch<IndexedFields>) {
    this.mini = mini ?? new MiniSearch<IndexedFields>(INDEX_OPTIONS);
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
    const keys: number[] = [];
    const fields: IndexedFields[] = [];
    for (const passage of passages) {
      const key = this.nextKey++;
      this.passages.set(key, { ...passage, scope: meta.scope, key });
      keys.push(key);
      fields.push({ key, title: meta.title, text: passage.text });
    }
    this.mini.addAll(fields);
    this.documents.set(documentKey(meta.scope, meta.id), { meta: withoutText(meta), keys });
  }

  /** Removes a document and its passages; false when it was not indexed. */
  removeDocument(scope: Scope, id: string): boolean {
    const key = documentKey(scope, id);
    const doc = this.documents.get(key);
    if (!doc) return false;
    // discard() is minisearch's O(1) removal; its auto-vacuum cleans the postings in the background.
    for (const passageKey of doc.keys) {
      this.mini.discard(passageKey);
      this.passages.delete(passageKey);
    }
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
    let count = 0;
    for (const doc of this.documents.values()) if (scopes.includes(doc.meta.scope)) count += doc.keys.length;
    return count;
  }

  /**
   * BM25-ranked passages for an already analysed query (terms as the index stores them), best first.
   * minisearch multiplies each score by the number of query terms matched (its "quality"); we divide it
   * out again so that the ranking is plain BM25 (see docs in README, "How retrieval works").
   */
  search(terms: readonly string[], request: SearchRequest): Hit[] {
    if (terms.length === 0) return [];
    const allowed = new Set(request.scopes);
    const weights = request.termWeights;
    const results = this.mini.search(
      { combineWith: 'OR', queries: [...terms] },
      {
        ...SEARCH_OPTIONS,
        ...(weights && { boostTerm: (term: string) => weights.get(term) ?? 1 }),
        ...(request.prefixTerms && { prefix: (term: string) => request.prefixTerms?.has(term) ?? false }),
        filter: (result) => {
          const passage = this.passages.get(result.id as number);
          return passage !== undefined && allowed.has(passage.scope);
        },
      },
    );
    // Dividing out the multiplier changes the order, so sort again (ties: document order, for stable output).
    return results.map((result) => this.toHit(result)).sort((a, b) => b.score - a.score || a.passage.key - b.passage.key);
  }

  /** minisearch, for the snapshot writer. */
  get engine(): MiniSearch<IndexedFields> {
    return this.mini;
  }

  /** Restores our records from a snapshot (the engine comes in through the constructor). */
  restore(documents: Array<{ meta: DocumentMeta; passages: IndexedPassage[] }>): void {
    for (const { meta, passages } of documents) {
      const keys: number[] = [];
      for (const passage of passages) {
        this.passages.set(passage.key, passage);
        keys.push(passage.key);
        this.nextKey = Math.max(this.nextKey, passage.key + 1);
      }
      this.documents.set(documentKey(meta.scope, meta.id), { meta, keys });
    }
  }

  private toHit(result: SearchResult): Hit {
    const passage = this.passages.get(result.id as number);
    if (!passage) throw new Error(`Index and passage records disagree: no passage ${String(result.id)}.`);
    const matchedTerms = result.queryTerms;
    return { passage, score: result.score / Math.max(1, matchedTerms.length), matchedTerms };
  }
}

function withoutText(meta: DocumentMeta & { text?: string }): DocumentMeta {
  const { text: _text, ...rest } = meta;
  return rest;
}
