import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import type { Scope } from '../../src/core/documents/document.js';
import { analyzeTerm, tokenize } from '../../src/core/engine/analysis/analyze.js';
import type { PassageEngine } from '../../src/core/engine/passage-engine.js';
import { fieldValue, headingOf, INDEXED_FIELDS, type IndexedFields } from '../../src/core/engine/postings/indexed-fields.js';
import { B, D, K, PREFIX_WEIGHT, TEXT_BOOST, TITLE_BOOST } from '../../src/core/engine/scoring.js';
import type { Hit, IndexedPassage, SearchRequest } from '../../src/core/engine/types.js';

/**
 * minisearch as the reference oracle for footnote's engine: the same analysis, fields, boosts and
 * BM25 parameters (scoring), so for the same passages and query its BM25 scores, with its multiplier
 * (the number of query terms matched) divided out again, must equal the engine's within rounding.
 */
const INDEX_OPTIONS: Options<IndexedFields> = {
  idField: 'key',
  fields: [...INDEXED_FIELDS],
  storeFields: [],
  extractField: (doc, field) => (field === 'title' || field === 'text' ? fieldValue(doc, field) : doc[field as keyof IndexedFields]),
  tokenize,
  processTerm: analyzeTerm,
};

/** minisearch's default fuzzy weight; fuzzy matching is off, it is only restated with the prefix weight. */
const FUZZY_WEIGHT = 0.45;

/**
 * Queries reach minisearch already analysed (the engine's callers analyse once), so it must not
 * tokenise or stem them again: Porter stemming is not idempotent ("licensed" → "licens" → "licen").
 */
const SEARCH_OPTIONS: SearchOptions = {
  tokenize: (term) => [term],
  processTerm: (term) => term,
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
  boost: { title: TITLE_BOOST, text: TEXT_BOOST },
  weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
  bm25: { k: K, b: B, d: D },
};

/** minisearch over a set of passages (those of the searched scopes: its statistics are then theirs, as the engine's are). */
class MinisearchReference {
  readonly engine = new MiniSearch<IndexedFields>(INDEX_OPTIONS);

  constructor(
    fields: readonly IndexedFields[],
    private readonly passageOf: (key: number) => IndexedPassage | undefined,
  ) {
    this.engine.addAll(fields);
  }

  /** minisearch's BM25, its multiplier divided out again, sorted by score, ties by passage key. */
  search(terms: readonly string[], request: SearchRequest): Hit[] {
    if (terms.length === 0) return [];
    const allowed = new Set(request.scopes);
    const weights = request.termWeights;
    const results = this.engine.search(
      { combineWith: 'OR', queries: [...terms] },
      {
        ...SEARCH_OPTIONS,
        ...(weights && { boostTerm: (term: string) => weights.get(term) ?? 1 }),
        ...(request.prefixTerms && { prefix: (term: string) => request.prefixTerms?.has(term) ?? false }),
        filter: (result) => {
          const passage = this.passageOf(result.id as number);
          return passage !== undefined && allowed.has(passage.scope);
        },
      },
    );
    const hits = results.map((result) => this.toHit(result));
    return hits.sort((a, b) => b.score - a.score || a.passage.key - b.passage.key).slice(0, request.limit ?? Infinity);
  }

  /** minisearch's `any`-typed result as a typed hit (the one place that reads it). */
  private toHit(result: SearchResult): Hit {
    const passage = this.passageOf(result.id as number);
    if (!passage) throw new Error(`Index and passage records disagree: no passage ${String(result.id)}.`);
    const matchedTerms = result.queryTerms;
    return { passage, score: result.score / Math.max(1, matchedTerms.length), matchedTerms };
  }
}

/**
 * The reference search for an engine's present passages: minisearch over the passages of the searched
 * scopes, built on first use and kept while the engine's documents stay the same (passage keys are
 * never reused, so the documents' keys tell whether anything changed).
 */
export class MinisearchOracle {
  private built = new Map<string, MinisearchReference>();
  private contents = '';

  search(engine: PassageEngine, terms: readonly string[], request: SearchRequest): Hit[] {
    return this.reference(engine, request.scopes).search(terms, request);
  }

  private reference(engine: PassageEngine, scopes: readonly Scope[]): MinisearchReference {
    const all = [...engine.allDocuments()].sort((a, b) => (a.keys[0] ?? 0) - (b.keys[0] ?? 0));
    const contents = all.map(({ keys }) => `${keys[0] ?? ''}+${keys.length}`).join(',');
    if (contents !== this.contents) [this.contents, this.built] = [contents, new Map()];
    const wanted = new Set(scopes);
    const documents = all.filter(({ meta }) => wanted.has(meta.scope));
    const name = [...wanted].sort().join('\n');
    let reference = this.built.get(name);
    if (!reference) {
      const passages = new Map<number, IndexedPassage>();
      const fields: IndexedFields[] = [];
      for (const { meta } of documents) {
        for (const passage of engine.documentPassages(meta.scope, meta.id)) {
          passages.set(passage.key, passage);
          fields.push({ key: passage.key, title: headingOf(meta.title, passage.section), text: passage.text });
        }
      }
      reference = new MinisearchReference(fields, (key) => passages.get(key));
      this.built.set(name, reference);
    }
    return reference;
  }
}
