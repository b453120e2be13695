import { FootnoteError } from '../errors.js';

/**
 * A SQLite failure as a FootnoteError whose message says what is wrong with the storage, in words a moderator
 * or operator can act on; undefined when `error` is not SQLite's (a check that threw, a bug). `what` starts the
 * sentence ("The document store could not save the change"); the message ends by saying nothing changed, which
 * holds because every write is one transaction.
 */
export function storageFailure(error: unknown, what: string): FootnoteError | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (!code.startsWith('SQLITE_')) return undefined;
  return new FootnoteError('store_failed', `${what}: ${reason(code, (error as Error).message)}. Nothing was changed.`, { cause: error });
}

/** By SQLite's (extended) result code, not by message: "disk I/O error" is not a full disk. */
function reason(code: string, message: string): string {
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY')) return 'the data folder is read-only';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk reported an I/O error (it may be failing, or mounted read-only)';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'another program holds the store’s write lock; try again in a moment';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'the database file is damaged; the operator can restore a backup';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the database file cannot be opened';
  return message;
}
