import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Citation, Scope } from '../../core/index.js';

/** A passage an answer cited, its citation number, and the highlight it showed (to bold it again in "Show source"). */
export type CitedPassage = { rank: number; scope: Scope; docId: string; passageId: string; highlight: string };

/** What of a citation is kept with the answer. */
export function citedPassage(c: Citation): CitedPassage {
  return { rank: c.rank, scope: c.scope, docId: c.docId, passageId: c.passageId, highlight: c.highlight };
}

/**
 * What an answer's buttons need after a restart: who asked what, where, and which passages were shown.
 * `guildId` is null for a question asked in a DM (the shared corpus only).
 */
export type AnswerRecord = {
  id: string;
  guildId: string | null;
  askerId: string;
  askerName: string;
  question: string;
  cited: CitedPassage[];
  /** Epoch milliseconds. */
  createdAt: number;
};

export type Vote = 1 | -1;
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

type AnswerRow = {
  id: string;
  guild_id: string | null;
  asker_id: string;
  asker_name: string;
  question: string;
  cited: string;
  created_at: number;
};

/** Answers and their votes, in the store's database (tables of migration 2). */
export class AnswerLog {
  constructor(private readonly db: Database.Database) {}

  /** Records an answer and returns its id: 11 URL-safe characters, short enough for custom ids. */
  save(record: Omit<AnswerRecord, 'id'>): string {
    const id = randomBytes(8).toString('base64url');
    this.db
      .prepare(
        // include_global (migration 2) is never read: a button answers with the server's setting of the
        // moment. The column stays (SQLite keeps old stores' columns); 1 fills it.
        `INSERT INTO answers (id, guild_id, include_global, asker_id, asker_name, question, cited, created_at)
         VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
      )
      .run(id, record.guildId, record.askerId, record.askerName, record.question, JSON.stringify(record.cited), record.createdAt);
    return id;
  }

  get(id: string): AnswerRecord | undefined {
    const row = this.db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as AnswerRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      guildId: row.guild_id,
      askerId: row.asker_id,
      askerName: row.asker_name,
      question: row.question,
      cited: parseCited(row.cited),
      createdAt: row.created_at,
    };
  }

  /** Adds passages shown on a later page, so their "Show source" buttons can find them by citation number. */
  appendCited(id: string, passages: readonly CitedPassage[]): void {
    const record = this.get(id);
    if (!record) return;
    const known = new Set(record.cited.map((c) => c.rank));
    const cited = [...record.cited, ...passages.filter((p) => !known.has(p.rank))];
    this.db.prepare('UPDATE answers SET cited = ? WHERE id = ?').run(JSON.stringify(cited), id);
  }

  /** One vote per user per answer, stored with the question and the passages it judged; a new click replaces it. */
  vote(answer: AnswerRecord, userId: string, vote: Vote, now: number): VoteOutcome {
    return this.db.transaction((): VoteOutcome => {
      const previous = this.db.prepare('SELECT vote FROM votes WHERE answer_id = ? AND user_id = ?').get(answer.id, userId) as
        | { vote: number }
        | undefined;
      if (previous?.vote === vote) return 'unchanged';
      this.db
        .prepare(
          `INSERT INTO votes (answer_id, user_id, vote, guild_id, question, cited, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
        )
        .run(answer.id, userId, vote, answer.guildId, answer.question, JSON.stringify(answer.cited.slice(0, 10)), now);
      return previous ? 'changed' : 'recorded';
    })();
  }

  /** The tally of an answer's votes. */
  votes(answerId: string): { up: number; down: number } {
    const row = this.db
      .prepare('SELECT SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM votes WHERE answer_id = ?')
      .get(answerId) as { up: number | null; down: number | null };
    return { up: row.up ?? 0, down: row.down ?? 0 };
  }
}

function parseCited(json: string): CitedPassage[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is CitedPassage =>
      typeof c === 'object' && c !== null && typeof c.rank === 'number' && typeof c.scope === 'string' && typeof c.docId === 'string' && typeof c.passageId === 'string' && typeof c.highlight === 'string',
  );
}
