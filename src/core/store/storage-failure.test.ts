import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageFailure } from './storage-failure.js';

describe('storageFailure', () => {
  const sqlite = (code: string, message: string) => new Database.SqliteError(message, code);
  it.each([
    ['SQLITE_FULL', 'database or disk is full', 'the disk is full'],
    ['SQLITE_READONLY', 'attempt to write a readonly database', 'the data folder is read-only'],
    ['SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database', 'the data folder is read-only'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'the disk reported an I/O error (it may be failing, or mounted read-only)'],
    ['SQLITE_BUSY', 'database is locked', 'another program holds the store’s write lock; try again in a moment'],
    ['SQLITE_CORRUPT', 'database disk image is malformed', 'the database file is damaged; the operator can restore a backup'],
    ['SQLITE_CANTOPEN', 'unable to open database file', 'the database file cannot be opened'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: documents.id', 'UNIQUE constraint failed: documents.id'],
  ])('tells %s apart by its code', (code, message, reason) => {
    const error = storageFailure(sqlite(code, message), 'The document store could not save the change');
    expect(error?.code).toBe('store_failed');
    expect(error?.message).toBe(`The document store could not save the change: ${reason}. Nothing was changed.`);
    expect(error?.cause).toBeInstanceOf(Database.SqliteError);
  });

  it('leaves errors that are not SQLite’s alone', () => {
    expect(storageFailure(new Error('a check failed'), 'x')).toBeUndefined();
    expect(storageFailure(Object.assign(new Error('disk full?'), { code: 'ENOSPC' }), 'x')).toBeUndefined();
    expect(storageFailure(undefined, 'x')).toBeUndefined();
  });
});
