import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import type { OpenDatabase } from '../../src/core/store/document-store.js';
import { expectFootnoteError } from '../fixtures/ingest/expect-footnote-error.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';

// Tests run as root, whom chmod does not stop, and a read-only mount cannot be made here: the disk's
// refusal is injected where the store opens its file, with the codes SQLite and the OS give.
const refuse = (code: string): Error => Object.assign(new Error(`simulated ${code}`), { code });

/** Every attempt to open the store's file for writing fails with `code`; reading it is allowed. */
const writesRefused =
  (code: string): OpenDatabase =>
  (file, options) => {
    if (typeof file === 'string' && file !== ':memory:' && options.readonly !== true) throw refuse(code);
    return new Database(file, options);
  };

/** As a read-only folder after a clean shutdown: no -wal/-shm, so even a read-only connection cannot open the file. */
const folderReadOnly: OpenDatabase = (file, options) => {
  if (typeof file === 'string' && file !== ':memory:') throw refuse(options.readonly === true ? 'SQLITE_CANTOPEN' : 'SQLITE_READONLY');
  return new Database(file, options);
};

const ZEBRA = 'The zebra crossing policy was adopted by the council in 1951. Pedestrians gained priority at striped crossings.';
const SNAPSHOT_DIR = 'index';

describe('a read-only DATA_DIR', () => {
  let data: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    data = tempDir('footnote-ro-');
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path });
    await kb.add({ scope: 'global', input: { kind: 'file', name: 'zebra.txt', bytes: new TextEncoder().encode(ZEBRA) }, title: 'Zebra', addedBy: 'op' });
    await kb.close();
    // No snapshot: opening must rebuild the index, and must not try to save it.
    rmSync(join(data.path, SNAPSHOT_DIR), { recursive: true, force: true });
  });
  afterEach(() => data.remove());

  it.each([
    ['SQLITE_READONLY', writesRefused('SQLITE_READONLY')],
    ['SQLITE_CANTOPEN', writesRefused('SQLITE_CANTOPEN')],
    ['EROFS', writesRefused('EROFS')],
    ['EACCES', writesRefused('EACCES')],
    ['SQLITE_READONLY, and a read-only connection cannot open the file either', folderReadOnly],
  ])('opens read-only when writing fails with %s: answers, refuses adds and removes, writes no snapshot', async (_, openDatabase) => {
    // A read-only connection may create SQLite's -wal/-shm where it can (a writable folder here): not our writes.
    const files = () => readdirSync(data.path).filter((name) => !/-(wal|shm)$/.test(name)).sort();
    const before = files();
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path, openDatabase });
    try {
      expect(kb.readOnly).toMatch(/^DATA_DIR is read-only \(/);
      const answer = kb.ask('When was the zebra crossing policy adopted?');
      expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('zebra');
      expect(kb.ask('Why did the US want the site shut down?').kind).toBe('answer');
      await expectFootnoteError(
        kb.add({ scope: 'global', input: { kind: 'file', name: 'b.txt', bytes: new TextEncoder().encode('Another text.') }, addedBy: 'op' }),
        'read_only',
        /^DATA_DIR is read-only .*No document can be added/,
      );
      await expectFootnoteError(Promise.resolve().then(() => kb.remove('global', 'zebra')), 'read_only', 'DATA_DIR is read-only', 'removed');
    } finally {
      await kb.close();
    }
    expect(files()).toEqual(before);
    expect(existsSync(join(data.path, SNAPSHOT_DIR))).toBe(false);
  });

  it('still reports a damaged store as damaged, not as read-only', async () => {
    const damaged: OpenDatabase = () => {
      throw refuse('SQLITE_CORRUPT');
    };
    await expectFootnoteError(KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: data.path, openDatabase: damaged }), 'store_failed', 'cannot be opened');
  });
});
