import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliTestContext } from '../../../tests/bot/cli-test-context.js';
import { CORPUS_DIR, tempDir } from '../../../tests/helpers.js';
import { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { STORE_FILE } from '../../core/store/document-store.js';
import { backupCommand } from './backup-command.js';

describe('footnote backup', () => {
  let dir: ReturnType<typeof tempDir>;
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, CORPUS_DIR });
  beforeEach(async () => {
    dir = tempDir('footnote-backup-');
    dataDir = join(dir.path, 'data');
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
    for (const topic of ['gannet', 'puffin']) {
      await kb.add({ scope: 'guild:111111111111111111', input: { kind: 'text', text: `The ${topic} nests on the sea cliffs.` }, title: `${topic} notes`, addedBy: 'test' });
    }
    await kb.close();
  });
  afterEach(() => dir.remove());

  it('prints what it wrote as one JSON object with --json', async () => {
    const target = join(dir.path, 'backup.db');
    const ctx = cliTestContext([target, '--json'], env());
    expect(await backupCommand(ctx)).toBe(0);
    expect(ctx.output).toHaveLength(1);
    expect(JSON.parse(ctx.output[0]!)).toMatchObject({ backup: { from: dataDir, to: target, documents: 2, revision: 2 } });
  });

  it('writes one self-contained, intact file that opens as the same store', async () => {
    const target = join(dir.path, 'backup.db');
    const ctx = cliTestContext([target], env());
    expect(await backupCommand(ctx)).toBe(0);
    expect(ctx.output[0]).toMatch(/^Backed up .+ to .+backup\.db: 2 documents, \d+ bytes of text, revision 2, schema \d+\.$/);
    // No journal or WAL beside it, nothing temporary left behind.
    expect(readdirSync(dir.path).sort()).toEqual(['backup.db', 'data']);
    const raw = new Database(target, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const restored = join(dir.path, 'restored');
    mkdirSync(restored);
    copyFileSync(target, join(restored, STORE_FILE));
    const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir: restored });
    expect(kb.list(['guild:111111111111111111']).map((d) => d.id).sort()).toEqual(['gannet-notes', 'puffin-notes']);
    const answer = kb.ask('Where does the puffin nest?', { guildId: '111111111111111111' });
    expect(answer.kind === 'answer' && answer.results[0]!.docId).toBe('puffin-notes');
    await kb.close();
  });

  it('does not overwrite an existing file unless told to with --force', async () => {
    const target = join(dir.path, 'taken.db');
    writeFileSync(target, 'precious');
    await expect(backupCommand(cliTestContext([target], env()))).rejects.toThrow(/taken\.db already exists; choose another file name, or pass --force/);
    expect(await backupCommand(cliTestContext([target, '--force'], env()))).toBe(0);
    expect(existsSync(target)).toBe(true);
  });

  it('says when there is no store to back up, and creates none', async () => {
    const empty = join(dir.path, 'empty');
    await expect(backupCommand(cliTestContext([join(dir.path, 'x.db')], { DATA_DIR: empty, CORPUS_DIR }))).rejects.toThrow(/There is no document store in .*empty/);
    expect(existsSync(join(empty, STORE_FILE))).toBe(false);
  });

  it('fails cleanly, leaving nothing behind, when the target folder does not exist', async () => {
    await expect(backupCommand(cliTestContext([join(dir.path, 'missing', 'b.db')], env()))).rejects.toThrow(/The backup to .+ failed/);
    expect(readdirSync(dir.path)).toEqual(['data']);
  });

  it('needs exactly one file', async () => {
    await expect(backupCommand(cliTestContext([], env()))).rejects.toThrow(/backup needs exactly one file/);
  });
});
