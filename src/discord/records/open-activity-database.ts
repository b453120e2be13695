import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FootnoteError, STORE_FILE } from '../../core/index.js';

/**
 * A second connection to the store's database for the bot's activity records (answers, votes, unanswered
 * questions, guild settings), committed with `synchronous = NORMAL`: in WAL mode such a commit survives a
 * process crash (kill -9) and is only at risk on power loss, and it costs no fsync. Documents keep the store's
 * own connection and its `synchronous = FULL`, whose next commit syncs the whole WAL, these records included.
 * An /ask writes one record, so this keeps an fsync (milliseconds on most disks) off every answer.
 * Open it after the store (its migrations must have run).
 */
export function openActivityDatabase(dataDir: string): Database.Database {
  try {
    const db = new Database(join(dataDir, STORE_FILE), { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    throw new FootnoteError('store_failed', `The activity records in ${dataDir} cannot be opened: ${(error as Error).message}`, { cause: error });
  }
}
