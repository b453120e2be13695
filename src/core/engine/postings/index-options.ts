import type { Options, SearchOptions } from 'minisearch';
import { sha256Hex } from '../../hash.js';
import { analyzeTerm, tokenize } from '../analysis/analyze.js';

/** What the index holds for each passage; minisearch stores none of it (we keep our own records). */
export type IndexedFields = { key: number; title: string; text: string };

/**
 * What a passage's title field holds: its document's title, and the headings the passage sits under.
 * A passage without a section (plain text) is indexed exactly as before sections existed.
 */
export function headingOf(title: string, section: string | undefined): string {
  return section === undefined || section === '' ? title : `${title}\n${section}`;
}

/** The indexed fields, in minisearch's field order (its field ids 0 and 1). */
export type IndexedField = 'title' | 'text';

/**
 * The string each field is analysed from. The title is also indexed as part of the text field, so a
 * passage's BM25 length normalisation and term frequencies see it like the body; the separate title
 * field only adds a small boost on top. Scoring the title as its own field (minisearch's way) inflates
 * its IDF and double-counts it. Both minisearch and the compact index read fields through this.
 */
export function fieldValue(fields: Pick<IndexedFields, 'title' | 'text'>, field: IndexedField): string {
  return field === 'text' ? `${fields.title}\n${fields.text}` : fields.title;
}

/**
 * The one place that owns minisearch's options: an index must be loaded with the options it was built
 * with, so building, loading and searching all import these, and the snapshot manifest carries
 * OPTIONS_HASH so that a snapshot built with other options is rebuilt, never trusted.
 */
export const INDEX_OPTIONS: Options<IndexedFields> = {
  idField: 'key',
  fields: ['title', 'text'],
  storeFields: [],
  extractField: (doc, field) => (field === 'title' || field === 'text' ? fieldValue(doc, field) : doc[field as keyof IndexedFields]),
  tokenize,
  processTerm: analyzeTerm,
};

/**
 * BM25 with the textbook parameters (Robertson & Zaragoza 2009: k1 = 1.2, b = 0.75) and d = 0, i.e.
 * plain BM25 rather than minisearch's default BM25+ (d = 0.5), which adds a constant per matched term
 * and so rewards matching many common terms over matching the rare ones that carry the question.
 */
export const BM25 = { k: 1.2, b: 0.75, d: 0 } as const;

/**
 * Weight of the separate title field. The title already counts inside the text field; any boost from
 * 0.1 to 0.5 measured within ±0.01 nDCG@10 of none on CISI/MED/CACM/NPL, and 1 or more hurt (−0.036
 * on CISI at 2), so it stays a light tie-breaker for passages of a document whose title matches.
 */
export const TITLE_BOOST = 0.25;

/**
 * Weight of a prefix match relative to an exact one: minisearch's default (`weights.prefix`), which
 * further scales it by term.length / (term.length + 0.3 · extra characters). Written out because the
 * compact index computes the same scores.
 */
export const PREFIX_WEIGHT = 0.375;
/** minisearch's default fuzzy weight; fuzzy matching is off, it is only restated with PREFIX_WEIGHT. */
const FUZZY_WEIGHT = 0.45;

/**
 * Queries reach minisearch already analysed (ask and trec-run run `analyze` once, and need the terms
 * for weighting anyway), so search must not tokenise or stem them again: Porter stemming is not
 * idempotent ("licensed" → "licens" → "licen").
 */
export const SEARCH_OPTIONS: SearchOptions = {
  tokenize: (term) => [term],
  processTerm: (term) => term,
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
  boost: { title: TITLE_BOOST, text: 1 },
  weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
  bm25: BM25,
};

/** Bump when the analysis (tokenizer, stop words, stemmer) or the passage splitter changes. */
export const ANALYSIS_VERSION = 3;

export const OPTIONS_HASH = sha256Hex(
  JSON.stringify({ analysis: ANALYSIS_VERSION, fields: INDEX_OPTIONS.fields, idField: INDEX_OPTIONS.idField }),
).slice(0, 16);
