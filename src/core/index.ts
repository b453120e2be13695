/**
 * The core's public surface: everything the adapters (src/discord, src/cli, src/config) may use. They
 * import from here and nowhere else in src/core (tests/architecture.test.ts checks it), so the core's
 * files can move and split without touching an adapter.
 */
export type { Answer, Citation, ReadAs, RelatedDocument } from './answer/answer.js';
export { formatLocation } from './answer/format-location.js';
export { passageContext, type PassageContext } from './answer/passage-context.js';
export { readAsText } from './answer/spelling.js';
export { readCorpusDir } from './corpus/read-corpus-dir.js';
export { guildScope, sourceLabel, visibleScopes, type DocumentMeta, type Scope } from './documents/document.js';
export { FootnoteError, isFootnoteError, type FootnoteErrorCode } from './errors.js';
export { sha256Hex } from './hash.js';
export { formatBytes } from './ingest/format-bytes.js';
export { commonExtensions, isSupportedFileName } from './ingest/source-format.js';
export type { AddOutcome, AddRequest, AddResult, DocumentInput, PendingAdd } from './knowledge/add-input.js';
export { GuildSettings } from './knowledge/guild-settings.js';
export { KnowledgeBase, type KnowledgeBaseOptions, type ListedDocument } from './knowledge/knowledge-base.js';
export type { Logger } from './logger.js';
export { plural } from './plural.js';
export { silentLogger } from './logger.js';
export { passageSegments, type PassageSegment } from './passages/passage-segments.js';
export type { Passage } from './passages/split-passages.js';
export { backupStore, restoreStore, type StoreFileInfo } from './store/backup-store.js';
export { DocumentStore, STORE_FILE, type StoredDocument } from './store/document-store.js';
export { exportDocuments } from './store/export-documents.js';
export { migrate } from './store/migrations.js';
export { lockIsLive, processIsAlive, readRunLock, RUN_LOCK_FILE, writeRunLock } from './store/run-lock.js';
export { storageFailure } from './store/storage-failure.js';

/** The evaluation code, loaded on demand: `footnote ask` and the bot never pay for it. */
export function loadEvaluation(): Promise<typeof import('./eval/evaluation.js')> {
  return import('./eval/evaluation.js');
}
