import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../core/store/migrations.js';
import { AnswerLog, type AnswerRecord } from './answer-log.js';
import { GuildSettings } from '../../core/knowledge/guild-settings.js';
import { pruneActivity } from './prune-activity.js';
import { UnansweredLog } from './unanswered-log.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
});

const asked: Omit<AnswerRecord, 'id'> = {
  guildId: '111111111111111111',
  askerId: '222222222222222222',
  askerName: 'Alice',
  question: 'Why?',
  cited: [{ rank: 1, scope: 'global', docId: 'doc', passageId: 'doc#p1', highlight: 'Because.' }],
  createdAt: 1000,
};

describe('AnswerLog', () => {
  it('keeps an answer under a short id for its buttons', () => {
    const log = new AnswerLog(db);
    const id = log.save(asked);
    expect(id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(log.get(id)).toEqual({ id, ...asked });
    expect(log.get('missing')).toBeUndefined();
  });

  it('records one vote per user, and a second click changes it', () => {
    const log = new AnswerLog(db);
    const answer = log.get(log.save(asked))!;
    expect(log.vote(answer, 'u1', 1, 2000)).toBe('recorded');
    expect(log.vote(answer, 'u1', 1, 2001)).toBe('unchanged');
    expect(log.vote(answer, 'u1', -1, 2002)).toBe('changed');
    expect(log.vote(answer, 'u2', 1, 2003)).toBe('recorded');
    expect(log.votes(answer.id)).toEqual({ up: 1, down: 1 });
    const row = db.prepare('SELECT question, cited FROM votes WHERE user_id = ?').get('u1') as { question: string; cited: string };
    expect(row.question).toBe('Why?');
    expect(JSON.parse(row.cited)).toEqual(asked.cited);
  });

  it('appends passages shown on later pages without repeating a citation number', () => {
    const log = new AnswerLog(db);
    const id = log.save(asked);
    const extra = { rank: 2, scope: 'global' as const, docId: 'doc', passageId: 'doc#p2', highlight: 'More.' };
    log.appendCited(id, [asked.cited[0]!, extra]);
    expect(log.get(id)!.cited).toEqual([...asked.cited, extra]);
  });
});

describe('UnansweredLog', () => {
  it('lists a guild’s questions most frequent first, grouping case and punctuation', () => {
    const log = new UnansweredLog(db);
    log.record('g1', 'What is X?', 1);
    log.record('g1', 'Who is Y', 2);
    log.record('g1', 'what is x', 3);
    log.record('g2', 'What is X?', 4);
    log.record(null, 'dm question', 5);
    expect(log.recent('g1', 0, 10)).toEqual([
      { question: 'what is x', count: 2, lastAskedAt: 3 },
      { question: 'Who is Y', count: 1, lastAskedAt: 2 },
    ]);
    expect(log.recent('g1', 3, 10)).toEqual([{ question: 'what is x', count: 1, lastAskedAt: 3 }]);
    expect(log.recent(null, 0, 10)).toHaveLength(1);
  });
});

describe('GuildSettings', () => {
  it('includes the shared corpus by default, and remembers a change', () => {
    const settings = new GuildSettings(db);
    expect(settings.get('g1')).toEqual({ includeShared: true });
    settings.set('g1', { includeShared: false }, 'mod', 1);
    expect(settings.get('g1')).toEqual({ includeShared: false });
    expect(settings.get('g2')).toEqual({ includeShared: true });
  });
});

describe('pruneActivity', () => {
  it('deletes answers, votes and unanswered questions older than the cutoff only', () => {
    const log = new AnswerLog(db);
    const old = log.get(log.save({ ...asked, createdAt: 10 }))!;
    const recent = log.save({ ...asked, createdAt: 500 });
    log.vote(old, 'u1', 1, 20);
    new UnansweredLog(db).record('g1', 'old', 30);
    new UnansweredLog(db).record('g1', 'new', 600);
    expect(pruneActivity(db, 100)).toEqual({ answers: 1, votes: 1, unanswered: 1 });
    expect(log.get(old.id)).toBeUndefined();
    expect(log.get(recent)).toBeDefined();
  });
});
