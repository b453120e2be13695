import type Database from 'better-sqlite3';
import { pruneActivity } from './records/prune-activity.js';
import type { Logger } from '../core/index.js';

const DAY_MS = 86_400_000;

/**
 * Deletes questions, answers and votes older than `retentionDays`, now and then once a day. The timer is
 * unref'd: it never keeps the process alive. Returns a function that stops it.
 */
export function scheduleRetention(db: Database.Database, retentionDays: number, now: () => number, logger: Logger): () => void {
  const run = () => {
    try {
      const deleted = pruneActivity(db, now() - retentionDays * DAY_MS);
      logger.info({ ...deleted, retentionDays }, 'old questions and votes deleted');
    } catch (error) {
      logger.error({ err: error }, 'retention run failed');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
