import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildScope } from '../../src/core/documents/document.js';
import { customIds, expectEveryMessageSafe, expectReply, expectSafeMessage, MEMBER, MODERATOR, startHarness, textOf, type Harness } from './bot-harness.js';

// A DATA_DIR that fills up or turns read-only while the bot runs. Both are made real for SQLite on the bot's own
// connections, without root or a special filesystem: a full disk is SQLite's page limit (`max_page_count`) set to
// the file's current size, so growing it fails with SQLITE_FULL exactly as on ENOSPC; a read-only folder is
// `query_only`, which fails every write with SQLITE_READONLY. (A read-only remount cannot be made with the
// database open, and chmod does not stop root; see docs/hostile-input.md, "Storage".) The bot must tell
// moderators plainly and keep answering /ask from the index in memory.
let h: Harness;
const QUESTION = 'What did the prosecution fail to present in the Kvasov trial?';
let askers = 0;

beforeAll(async () => {
  h = await startHarness({ env: { MAX_DOCUMENT_BYTES: '400000' } });
});
afterAll(async () => {
  expectEveryMessageSafe(h.fake);
  await h.close();
});

const connections = (): Database.Database[] => [h.bot.context.kb.database, h.bot.activityDatabase];
const ownIds = () => h.bot.context.kb.list([guildScope(h.fake.guild.id)]).map((d) => d.id);

async function addFile(filename: string, text: string) {
  const i = h.fake.chatInput('curate add', { file: h.fake.addAttachment({ filename, data: text }) }, MODERATOR);
  const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
  expectSafeMessage(edit.body, 'edit');
  return edit.body;
}

async function ask(question = QUESTION) {
  return expectReply(await h.fake.chatInput('ask', { question }, { user: { username: `storage-asker-${++askers}` } }).waitForCallback(), 'public');
}

const bigText = (topic: string) => `${topic} register\n\n${`The ${topic} register lists every keeper, lamp and logbook of the station. `.repeat(2000)}`;

describe('a full DATA_DIR', () => {
  beforeAll(async () => {
    expect(textOf(await addFile('before.txt', 'Storm log\n\nThe storm petrel colony nests on the north cliff.\n'))).toContain('Added: Storm log');
    for (const db of connections()) db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  });
  afterAll(() => {
    for (const db of connections()) db.pragma('max_page_count = 4294967294');
  });

  it('tells the moderator the disk is full, and adds nothing', async () => {
    const body = await addFile('walrus.txt', bigText('walrus'));
    expect(body.content).toBe('The document store could not save the change: the disk is full. Nothing was changed.');
    expect(body.embeds ?? []).toEqual([]);
    expect(ownIds()).toEqual(['storm-log']);
  });

  it('keeps answering /ask from memory, documents added before included', async () => {
    expect(String((await ask()).embeds![0]!.description)).toContain('persuasive evidence');
    expect(String((await ask('Where does the storm petrel colony nest?')).embeds![0]!.description)).toContain('north cliff');
  });
});

describe('a read-only DATA_DIR', () => {
  let answered: ReturnType<typeof customIds>;
  beforeAll(async () => {
    // An answer from before, whose buttons are clicked below.
    answered = customIds(await ask());
    for (const db of connections()) db.pragma('query_only = ON');
  });
  afterAll(() => {
    for (const db of connections()) db.pragma('query_only = OFF');
  });

  it('tells the moderator the data folder is read-only, and adds nothing', async () => {
    const body = await addFile('otter.txt', 'Otter notes\n\nThe otter holt is under the old mill.\n');
    expect(body.content).toBe('The document store could not save the change: the data folder is read-only. Nothing was changed.');
    expect(ownIds()).toEqual(['storm-log']);
  });

  it('keeps answering /ask from memory, without buttons it could not record', async () => {
    const data = await ask();
    expect(String(data.embeds![0]!.description)).toContain('persuasive evidence');
    expect(customIds(data)).toEqual([]);
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.msg === 'could not record the answer; answering without it')).toBe(true);
    const none = await ask('What colour is the lighthouse on the moon?');
    expect(textOf(none)).toContain("don't cover this question");
  });

  it('still lists and shows documents', async () => {
    const list = expectReply(await h.fake.chatInput('docs list', {}, MEMBER).waitForCallback(), 'ephemeral');
    expect(textOf(list)).toContain('Storm log');
    const shown = expectReply(await h.fake.chatInput('docs show', { document: 'here:storm-log' }, MEMBER).waitForCallback(), 'ephemeral');
    expect(shown.embeds![0]!.title).toBe('Storm log');
  });

  it('says plainly that a removal, a setting or a vote could not be saved', async () => {
    const removal = expectReply(await h.fake.button('rm:yes:storm-log', MODERATOR).waitForCallback(), 'ephemeral');
    expect(removal.content).toBe('The document store could not save the change: the data folder is read-only. Nothing was changed.');
    const setting = expectReply(await h.fake.chatInput('curate settings', { include_shared: false }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(setting.content).toBe('footnote could not save the setting: the data folder is read-only. Nothing was changed.');
    const up = answered.find((id) => id.endsWith(':up'))!;
    const vote = expectReply(await h.fake.button(up, MEMBER).waitForCallback(), 'ephemeral');
    expect(vote.content).toBe('footnote could not save your vote: the data folder is read-only. Nothing was changed.');
    expect(ownIds()).toEqual(['storm-log']);
  });
});

describe('once the disk is writable again', () => {
  it('adds documents again, without a restart', async () => {
    expect(textOf(await addFile('heron.txt', 'Heron notes\n\nThe grey heron fishes at the weir at dawn.\n'))).toContain('Added: Heron notes');
    expect(String((await ask('Where does the grey heron fish?')).embeds![0]!.description)).toContain('weir');
  });
});
