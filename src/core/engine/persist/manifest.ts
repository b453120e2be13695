import { sha256Hex } from '../../hash.js';
import { INDEXED_FIELDS } from '../postings/indexed-fields.js';

/**
 * 2: minisearch's engine state left the NDJSON; the compact index's postings file came next to it.
 * 3: passage texts left the NDJSON for a text file of their own, read on demand (passage-text-file).
 */
export const SNAPSHOT_FORMAT = 4;

/** Bump when the analysis (tokenizer, stop words, stemmer) or the passage splitter changes. */
export const ANALYSIS_VERSION = 17;

/**
 * What a snapshot's postings were built with; a snapshot built otherwise is rebuilt, never trusted.
 * (The same JSON as when minisearch's options were hashed: fields and id field, so snapshots written
 * before the engine moved still load.)
 */
export const OPTIONS_HASH = sha256Hex(JSON.stringify({ analysis: ANALYSIS_VERSION, fields: INDEXED_FIELDS, idField: 'key' })).slice(0, 16);

/** What a snapshot was built from; loading compares it with the present and rebuilds on any mismatch. */
export type SnapshotManifest = {
  format: number;
  optionsHash: string;
  /** Hash of the shipped corpus (ids and content hashes). */
  corpusHash: string;
  /** The store the runtime documents came from, and its revision when the snapshot was taken. */
  storeId: string;
  storeRev: number;
};
