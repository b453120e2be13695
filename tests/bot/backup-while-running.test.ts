import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/commands/backup-command.js';
import { restoreCommand } from '../../src/cli/commands/restore-command.js';
import { guildScope } from '../../src/core/documents/document.js';
import { KnowledgeBase } from '../../src/core/knowledge/knowledge-base.js';
import { STORE_FILE } from '../../src/core/store/document-store.js';
import { CORPUS_DIR, tempDir } from '../helpers.js';
import { cliTestContext } from './cli-test-context.js';
import { MODERATOR, startHarness, textOf, type Harness } from './bot-harness.js';

// `footnote backup` while moderators add documents through the running bot: each backup is a consistent store
// (intact, its revision counter covering every row, its index rebuilt whole), holding at least every document
// acknowledged before it began. `footnote restore` refuses while the bot runs.
let h: Harness;
const out = tempDir('footnote-backups-');
beforeAll(async () => {
  h = await startHarness({ env: { GUILD_MAX_DOCUMENTS: '1000' } });
});
afterAll(async () => {
  await h.close();
  out.remove();
});

describe('backup while the bot runs', () => {
  it('takes consistent copies in the middle of a burst of adds', async () => {
    const env = { DATA_DIR: h.dataDir, CORPUS_DIR };
    const adds = Array.from({ length: 48 }, (_, n) =>
      h.fake.modalSubmit('add:modal', { title: `Harbour log ${n}`, text: `Harbour log ${n}: the pilot boat number ${n} came in at dawn.` }, MODERATOR),
    );
    const acknowledged = () =>
      adds.flatMap((a, n) => (h.fake.webhooks.some((w) => w.token === a.token && textOf(w.body).includes('Added:')) ? [`harbour-log-${n}`] : []));
    const backups: Array<{ file: string; before: string[] }> = [];
    // The first copy is taken as the burst starts, the others while it runs: adds got fast enough (Markdown-era
    // adds cut small texts in place) that a first copy 60 ms in could already see the whole burst.
    for (let b = 0; b < 4; b++) {
      if (b > 0) await new Promise((resolve) => setTimeout(resolve, 60));
      const file = join(out.path, `backup-${b}.db`);
      const before = acknowledged();
      expect(await backupCommand(cliTestContext([file], env))).toBe(0);
      backups.push({ file, before });
    }
    for (const a of adds) await a.waitForWebhook((w) => w.kind === 'editMessage', 10_000);
    expect(backups.at(-1)!.before.length).toBeGreaterThan(backups[0]!.before.length);

    const scope = guildScope(h.fake.guild.id);
    for (const [n, { file, before }] of backups.entries()) {
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const { rev } = raw.prepare('SELECT rev FROM revisions WHERE id = 1').get() as { rev: number };
      const { top } = raw.prepare('SELECT MAX(rev) AS top FROM (SELECT rev FROM documents UNION ALL SELECT rev FROM removals)').get() as { top: number };
      expect(rev).toBeGreaterThanOrEqual(top);
      raw.close();
      const dataDir = join(out.path, `restored-${n}`);
      mkdirSync(dataDir);
      copyFileSync(file, join(dataDir, STORE_FILE));
      const kb = await KnowledgeBase.open({ corpusDir: CORPUS_DIR, dataDir });
      const ids = kb.list([scope]).map((d) => d.id);
      for (const id of before) expect(ids).toContain(id);
      for (const id of ids) expect(kb.document([scope], id)!.passages.length).toBeGreaterThan(0);
      await kb.close();
    }
  });

  it('refuses a restore while the bot runs on DATA_DIR', async () => {
    await expect(restoreCommand(cliTestContext([join(out.path, 'backup-0.db')], { DATA_DIR: h.dataDir, CORPUS_DIR }))).rejects.toThrow(
      /The bot is running on .+ \(pid \d+ on .+\): stop it first/,
    );
  });
});
