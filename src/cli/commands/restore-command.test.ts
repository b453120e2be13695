import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliTestContext } from '../../../tests/bot/cli-test-context.js';
import { runFootnote } from '../../../tests/cli/run-footnote.js';
import { CORPUS_DIR, tempDir } from '../../../tests/helpers.js';
import { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { DocumentStore, STORE_FILE } from '../../core/store/document-store.js';
import { writeRunLock } from '../../core/store/run-lock.js';
import { backupCommand } from './backup-command.js';
import { restoreCommand } from './restore-command.js';

const SCOPE = 'guild:222222222222222222';
const GUILD = '222222222222222222';

describe('footnote restore', () => {
  let dir: ReturnType<typeof tempDir>;
  let dataDir: string;
  let backup: string;
  const env = () => ({ DATA_DIR: dataDir, CORPUS_DIR });
  const add = (kb: KnowledgeBase, topic: string) =>
    kb.add({ scope: SCOPE, input: { kind: 'text', text: `The ${topic} is kept in the west hall.` }, title: `${topic} notes`, addedBy: 'test' });
  const ids = async (where = dataDir) => {
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: where });
    try {
      return kb.list([SCOPE]).map((d) => d.id).sort();
    } finally {
      await kb.close();
    }
  };

  beforeEach(async () => {
    dir = tempDir('footnote-restore-');
    dataDir = join(dir.path, 'data');
    backup = join(dir.path, 'backup.db');
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
    await add(kb, 'astrolabe');
    await add(kb, 'sextant');
    await kb.close();
    expect(await backupCommand(cliTestContext([backup], env()))).toBe(0);
    // After the backup the store moves on: one more document, one fewer.
    const later = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
    await add(later, 'chronometer');
    later.remove(SCOPE, 'astrolabe-notes');
    await later.close();
  });
  afterEach(() => dir.remove());

  it('puts the backup in place, keeps the replaced store aside, and the index follows the restored store', async () => {
    expect(await ids()).toEqual(['chronometer-notes', 'sextant-notes']);
    const ctx = cliTestContext([backup], env());
    expect(await restoreCommand(ctx)).toBe(0);
    expect(ctx.output[0]).toMatch(/^Restored .+backup\.db into .+: 2 documents, .+, revision 2, schema \d+\.$/);
    // The snapshot of the replaced store's index is gone: it would describe the wrong documents.
    expect(existsSync(join(dataDir, 'index'))).toBe(false);
    expect(await ids()).toEqual(['astrolabe-notes', 'sextant-notes']);
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
    const answer = kb.ask('Where is the astrolabe kept?', { guildId: GUILD });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('astrolabe-notes');
    await kb.close();
    // The replaced store, complete (its WAL folded in), under the name the command printed.
    const previous = /kept as (.+)\.$/.exec(ctx.output[1]!)![1]!;
    expect(previous).toMatch(/footnote\.db\.before-restore-\d{4}-\d\d-\d\dT/);
    const aside = join(dir.path, 'aside');
    mkdirSync(aside);
    writeFileSync(join(aside, STORE_FILE), readFileSync(previous));
    expect(await ids(aside)).toEqual(['chronometer-notes', 'sextant-notes']);
  });

  it('refuses while the bot runs on DATA_DIR, and changes nothing', async () => {
    const release = writeRunLock(dataDir, { pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    try {
      await expect(restoreCommand(cliTestContext([backup], env()))).rejects.toThrow(
        new RegExp(`The bot is running on .+ \\(pid ${process.pid} on .+\\): stop it first .+ If it is not running, delete .+footnote\\.lock`),
      );
    } finally {
      release();
    }
    expect(await ids()).toEqual(['chronometer-notes', 'sextant-notes']);
  });

  it('goes ahead when the lock was left by a bot that is gone (killed)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeRunLock(dataDir, { pid: gone, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    expect(await restoreCommand(cliTestContext([backup], env()))).toBe(0);
    expect(await ids()).toEqual(['astrolabe-notes', 'sextant-notes']);
  });

  const notStores: Array<[string, (path: string) => void, RegExp]> = [
    ['an empty file', (p) => writeFileSync(p, ''), /is not a footnote store: it is not a SQLite database/],
    ['random bytes', (p) => writeFileSync(p, Buffer.from('PK\u0003\u0004 certainly not sqlite')), /is not a footnote store: it is not a SQLite database/],
    ['another program’s SQLite database', (p) => new Database(p).exec('CREATE TABLE cookies (name TEXT)').close(), /is a SQLite database but not a footnote store/],
    ['a store from a newer footnote', (p) => writeFileSync(p, newerStore(p)), /was written by a newer footnote \(store schema 99; this one reads up to \d+\)\. Upgrade footnote first\./],
    ['a damaged store', (p) => writeFileSync(p, damaged()), /is damaged|is not a readable footnote store|cannot be opened/],
  ];
  let backupBytes: Buffer;
  function damaged(): Buffer {
    const bytes = Buffer.from(backupBytes);
    // Keep the header, scramble the pages after the first.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 91) & 0xff;
    return bytes;
  }
  function newerStore(p: string): Buffer {
    writeFileSync(p, backupBytes);
    const db = new Database(p);
    db.pragma('user_version = 99');
    db.close();
    return readFileSync(p);
  }
  it.each(notStores)('refuses %s, saying what it is, and changes nothing', async (_what, make, message) => {
    backupBytes = readFileSync(backup);
    const file = join(dir.path, 'candidate.db');
    make(file);
    await expect(restoreCommand(cliTestContext([file], env()))).rejects.toThrow(message);
    expect(await ids()).toEqual(['chronometer-notes', 'sextant-notes']);
    expect(readdirSync(dataDir).filter((f) => f.includes('restor') || f.includes('before'))).toEqual([]);
  });

  it('restores into an empty DATA_DIR', async () => {
    const fresh = join(dir.path, 'fresh');
    expect(await restoreCommand(cliTestContext([backup], { DATA_DIR: fresh, CORPUS_DIR }))).toBe(0);
    expect(await ids(fresh)).toEqual(['astrolabe-notes', 'sextant-notes']);
  });

  it('is wired into the footnote binary: usage, a refusal with exit code 1, success with 0', async () => {
    expect((await runFootnote(['restore'], env())).code).toBe(2);
    const refused = await runFootnote(['restore', join(dir.path, 'nope.db')], env());
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain('does not exist or is not a file');
    const done = await runFootnote(['restore', backup], env());
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Restored');
    const store = DocumentStore.open(dataDir);
    expect(store.list([SCOPE]).map((d) => d.id).sort()).toEqual(['astrolabe-notes', 'sextant-notes']);
    store.close();
  });
});
