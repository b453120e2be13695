import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { FootnoteError } from '../errors.js';
import { STORE_FILE } from './document-store.js';
import { SCHEMA_VERSION } from './migrations.js';

/** What a store file holds, as read from it. */
export type StoreFileInfo = { schemaVersion: number; storeId: string; revision: number; documents: number; bytes: number };

/** Where the index snapshot lives under DATA_DIR: derived from the store, so a restore discards it. */
const INDEX_DIR = 'index';
const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Copies the store in `dataDir` to `target` while other processes (the bot) keep using it: SQLite's online
 * backup (better-sqlite3's `db.backup`) copies a consistent state, committed transactions only. The copy is
 * written under a temporary name next to `target`, checked, switched to a self-contained single file (rollback
 * journal rather than WAL), synced, and only then renamed to `target`: a crash leaves no half-written backup.
 */
export async function backupStore(dataDir: string, target: string, options: { overwrite?: boolean } = {}): Promise<StoreFileInfo> {
  const source = join(dataDir, STORE_FILE);
  if (!existsSync(source)) throw new FootnoteError('not_found', `There is no document store in ${dataDir} (no ${STORE_FILE}); nothing to back up.`);
  if (!options.overwrite && existsSync(target)) {
    throw new FootnoteError('duplicate', `${target} already exists; choose another file name, or pass --force to replace it.`);
  }
  const temporary = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.tmp`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FootnoteError('store_failed', `The backup to ${target} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
  try {
    const info = checkStoreFile(temporary, { journal: 'DELETE' });
    syncFile(temporary);
    renameSync(temporary, target);
    syncFile(dirname(resolve(target)));
    return info;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces the store in `dataDir` with the store file `file`, after checking that it is one (a SQLite database
 * with footnote's tables, intact, of a schema this footnote can open: older ones are migrated at the next start).
 * The current store is first checkpointed into one file and moved aside, never deleted; the index snapshot is
 * removed, since it describes the old store. Nothing may use the store meanwhile: the caller checks the bot's lock.
 */
export function restoreStore(dataDir: string, file: string, stamp: string): { info: StoreFileInfo; previous: string | undefined } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new FootnoteError('not_found', `${file} does not exist or is not a file.`);
  mkdirSync(dataDir, { recursive: true });
  const current = join(dataDir, STORE_FILE);
  const incoming = join(dataDir, `.${STORE_FILE}.restoring.tmp`);
  // The candidate is checked as a copy inside DATA_DIR: the very bytes that will become the store.
  copyFileSync(file, incoming);
  let info: StoreFileInfo;
  try {
    info = checkStoreFile(incoming, { journal: 'WAL', describe: file });
    syncFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    rmSync(`${incoming}-wal`, { force: true });
    rmSync(`${incoming}-shm`, { force: true });
    throw error;
  }
  let previous: string | undefined;
  if (existsSync(current)) {
    foldWal(current);
    previous = join(dataDir, `${STORE_FILE}.before-restore-${stamp}`);
    renameSync(current, previous);
    rmSync(`${current}-wal`, { force: true });
    rmSync(`${current}-shm`, { force: true });
  }
  renameSync(incoming, current);
  syncFile(dataDir);
  rmSync(join(dataDir, INDEX_DIR), { recursive: true, force: true });
  return { info, previous };
}

/**
 * Opens `path` and checks that it is an intact footnote store of a schema this build can open, then leaves it in
 * the given journal mode. Throws a FootnoteError saying exactly what it is instead.
 */
export function checkStoreFile(path: string, options: { journal: 'DELETE' | 'WAL'; describe?: string }): StoreFileInfo {
  const name = options.describe ?? path;
  if (!hasSqliteHeader(path)) throw new FootnoteError('input_rejected', `${name} is not a footnote store: it is not a SQLite database.`);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
    throw new FootnoteError('input_rejected', `${name} cannot be opened as a SQLite database: ${(error as Error).message}`, { cause: error });
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new FootnoteError('input_rejected', `${name} is damaged (SQLite's check says: ${String(check)}).`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    const missing = ['documents', 'revisions', 'store_info'].filter((t) => !tables.has(t));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (missing.length > 0 || version < 1) {
      throw new FootnoteError('input_rejected', `${name} is a SQLite database but not a footnote store (it has no ${missing.join(', ') || 'schema version'}).`);
    }
    if (version > SCHEMA_VERSION) {
      throw new FootnoteError('input_rejected', `${name} was written by a newer footnote (store schema ${version}; this one reads up to ${SCHEMA_VERSION}). Upgrade footnote first.`);
    }
    const storeId = (db.prepare('SELECT store_id FROM store_info WHERE id = 1').get() as { store_id: string } | undefined)?.store_id;
    const revision = (db.prepare('SELECT rev FROM revisions WHERE id = 1').get() as { rev: number } | undefined)?.rev;
    if (storeId === undefined || revision === undefined) throw new FootnoteError('input_rejected', `${name} is an incomplete footnote store (no store id or revision).`);
    const { documents, bytes } = db.prepare('SELECT COUNT(*) AS documents, COALESCE(SUM(bytes), 0) AS bytes FROM documents').get() as {
      documents: number;
      bytes: number;
    };
    db.pragma(`journal_mode = ${options.journal}`);
    return { schemaVersion: version, storeId, revision, documents, bytes };
  } catch (error) {
    if (error instanceof FootnoteError) throw error;
    throw new FootnoteError('input_rejected', `${name} is not a readable footnote store: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
}

/** Copies everything in the store's WAL into the database file, so that the file alone holds the store. */
function foldWal(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result && result.busy !== 0) {
      throw new FootnoteError('store_failed', `${path} is in use by another process; stop it (the bot, a footnote command) and try again.`);
    }
  } finally {
    db.close();
  }
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** fsync a file or a directory (so a rename inside it is durable too). */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
