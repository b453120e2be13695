import type Database from 'better-sqlite3';

/** A question that found no match, grouped with the times it was asked again. */
export type UnansweredQuestion = { question: string; count: number; lastAskedAt: number };

/**
 * Questions the sources did not cover, per guild (null: asked in a DM). Only the text and the time are
 * kept, not who asked: moderators see what is missing, not who is curious.
 */
export class UnansweredLog {
  constructor(private readonly db: Database.Database) {}

  record(guildId: string | null, question: string, now: number): void {
    this.db
      .prepare('INSERT INTO unanswered (guild_id, question, normalized, created_at) VALUES (?, ?, ?, ?)')
      .run(guildId, question, normalizeForGrouping(question), now);
  }

  /** The guild's unanswered questions since `since`, most frequent first, then most recent. */
  recent(guildId: string | null, since: number, limit: number): UnansweredQuestion[] {
    const rows = this.db
      .prepare(
        `SELECT normalized, COUNT(*) AS count, MAX(created_at) AS last_at,
                (SELECT question FROM unanswered u2 WHERE u2.guild_id IS u.guild_id AND u2.normalized = u.normalized
                 ORDER BY created_at DESC LIMIT 1) AS question
         FROM unanswered u WHERE guild_id IS ? AND created_at >= ?
         GROUP BY normalized ORDER BY count DESC, last_at DESC LIMIT ?`,
      )
      .all(guildId, since, limit) as Array<{ question: string; count: number; last_at: number }>;
    return rows.map((r) => ({ question: r.question, count: r.count, lastAskedAt: r.last_at }));
  }
}

/** Same question, different case, spacing or final punctuation: one entry. */
export function normalizeForGrouping(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.]+$/u, '').trim();
}
