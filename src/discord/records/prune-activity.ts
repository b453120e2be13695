import type Database from 'better-sqlite3';

/** Deletes answers, votes and unanswered questions recorded before `cutoff` (epoch ms); returns the counts. */
export function pruneActivity(db: Database.Database, cutoff: number): { answers: number; votes: number; unanswered: number } {
  return db.transaction(() => ({
    answers: db.prepare('DELETE FROM answers WHERE created_at < ?').run(cutoff).changes,
    votes: db.prepare('DELETE FROM votes WHERE created_at < ?').run(cutoff).changes,
    unanswered: db.prepare('DELETE FROM unanswered WHERE created_at < ?').run(cutoff).changes,
  }))();
}
