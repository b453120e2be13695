import { describe, expect, it } from 'vitest';
import { customIds, expectReply, expectSafeMessage, MEMBER, MODERATOR, useHarness, textOf } from './bot-harness.js';
import { makeDocx, makePdf } from './fixture-files.js';

const h = useHarness({ env: { MAX_DOCUMENT_BYTES: '200000', GUILD_MAX_DOCUMENTS: '50' } });

/** Runs `/curate add` with a file as a moderator and returns the edited (deferred, ephemeral) reply. */
async function addFile(filename: string, data: Buffer | string, title?: string) {
  const file = h.fake.addAttachment({ filename, data });
  const i = h.fake.chatInput('curate add', { file, ...(title && { title }) }, MODERATOR);
  const deferred = await i.waitForCallback();
  expect(deferred.type).toBe(5);
  expect((deferred.data.flags ?? 0) & 64).toBe(64);
  const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
  expectSafeMessage(edit.body, 'edit');
  return { body: edit.body, message: edit.message! };
}

describe('/curate permissions', () => {
  it('is registered for Manage Server by default and for servers only', () => {
    const curate = h.fake.registeredCommands().find((c) => c.name === 'curate')!;
    expect(curate.default_member_permissions).toBe('32');
    expect(curate.contexts).toEqual([0]);
  });

  it.each(['curate unanswered', 'curate settings'])('refuses /%s to a plain member, ephemerally', async (name) => {
    const data = expectReply(await h.fake.chatInput(name, {}, MEMBER).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/^Only moderators with the Manage Server permission can curate documents\./);
  });

  it('refuses an add by a plain member before downloading anything', async () => {
    const file = h.fake.addAttachment({ filename: 'x.txt', data: 'Some text here.' });
    const data = expectReply(await h.fake.chatInput('curate add', { file }, MEMBER).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/^Only moderators/);
  });

  it('offers no document suggestions to a plain member', async () => {
    const cb = await h.fake.autocomplete('curate remove', { document: '' }, MEMBER).waitForCallback();
    expect(cb.type).toBe(8);
    expect(cb.data.choices).toEqual([]);
  });
});

describe('/curate add', () => {
  const cases: Array<[string, () => Buffer | string, string]> = [
    ['notes.txt', () => 'Plain notes\n\nThe quokka census counted 312 quokkas on the island.\n', 'quokka census'],
    ['guide.md', () => '# Markdown guide\n\nThe **wombat** tunnel is *forty* metres long.\n', 'wombat tunnel'],
    ['page.html', () => '<html><head><title>Page title</title><script>var x = 1;</script></head><body><nav>Home | About</nav><p>The axolotl pond holds fresh water all year.</p></body></html>', 'axolotl pond'],
    ['report.pdf', () => makePdf(['Annual report', 'The pangolin shelter opened in March.']), 'pangolin shelter'],
    ['letter.docx', () => makeDocx(['Letter', 'The narwhal exhibit closes on Fridays.']), 'narwhal exhibit'],
  ];
  it.each(cases)('adds %s, replying with its id, passage count, first passage and a question to try', async (filename, data, topic) => {
    const { body } = await addFile(filename, data());
    const text = textOf(body);
    expect(body.embeds![0]!.title).toMatch(/^Added: /);
    expect(text).toMatch(/Id\n`[a-z0-9-]+`/);
    expect(text).toMatch(/Passages\n\d+/);
    expect(text).toContain('/ask question:');
    const answer = expectReply(await h.fake.chatInput('ask', { question: `Tell me about the ${topic}` }, MEMBER).waitForCallback(), 'public');
    expect(String(answer.embeds![0]!.description).toLowerCase()).toContain(topic.split(' ')[0]);
  });

  it('refuses a file type it cannot read, before downloading it', async () => {
    const file = h.fake.addAttachment({ filename: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const data = expectReply(await h.fake.chatInput('curate add', { file }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('I can read .txt, .md, .mdx, .html, .pdf and .docx files; “photo.png” is none of these.');
  });

  it('refuses a file larger than the limit from the size Discord reports', async () => {
    const file = h.fake.addAttachment({ filename: 'big.txt', data: 'x '.repeat(150_000) });
    const data = expectReply(await h.fake.chatInput('curate add', { file }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('“big.txt” is 293 KB; the limit is 195.3 KB.');
  });

  it('reports a file that is not what its extension says, in the deferred reply', async () => {
    const { body } = await addFile('fake.pdf', 'this is not a pdf at all');
    expect(body.content).toMatch(/^"fake\.pdf" claims to be a PDF .*but its contents are /);
    expect(body.embeds ?? []).toEqual([]);
  });

  it('opens a modal for pasted text when given neither a file nor a URL, and says Discord caps it at 4,000 characters', async () => {
    const i = h.fake.chatInput('curate add', { title: 'Pasted policy' }, MODERATOR);
    const modal = await i.waitForCallback();
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe('add:modal');
    expect(JSON.stringify(modal.data)).toContain('Discord caps this box at 4,000 characters');
    expect(JSON.stringify(modal.data)).toContain('"max_length":4000');
    expect(JSON.stringify(modal.data)).toContain('"value":"Pasted policy"');
    const submit = h.fake.modalSubmit('add:modal', { title: 'Pasted policy', text: 'The okapi enclosure is cleaned every Tuesday morning.' });
    const deferred = await submit.waitForCallback();
    expect(deferred.type).toBe(5);
    const edit = await submit.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(edit.body.embeds![0]!.title).toBe('Added: Pasted policy');
    expect((edit.message!.flags & 64) === 64).toBe(true);
  });

  it('refuses both a file and a URL at once', async () => {
    const file = h.fake.addAttachment({ filename: 'a.txt', data: 'A' });
    const data = expectReply(await h.fake.chatInput('curate add', { file, url: 'https://example.org/' }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('Give either a file or a URL, not both.');
  });

  it('refuses a URL pointing at a loopback address, with a clear message', async () => {
    const i = h.fake.chatInput('curate add', { url: 'http://127.0.0.1:9/secret' }, MODERATOR);
    const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(edit.body.content).toBe('footnote does not fetch from 127.0.0.1: it points to a private/loopback address, not a public web server.');
    expect(edit.body.embeds ?? []).toEqual([]);
  });
});

describe('/curate remove', () => {
  it('suggests only this server’s documents, then removes one after confirmation', async () => {
    await addFile('removable.txt', 'Removable note\n\nThe tapir feeding happens at dawn.\n', 'Removable note');
    const choices = (await h.fake.autocomplete('curate remove', { document: 'remov' }, MODERATOR).waitForCallback()).data.choices!;
    expect(choices[0]).toEqual({ name: 'Removable note', value: 'here:removable-note' });
    expect(choices.every((c) => String(c.value).startsWith('here:'))).toBe(true);

    const confirm = expectReply(await h.fake.chatInput('curate remove', { document: 'here:removable-note' }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(confirm.embeds![0]!.title).toBe('Remove “Removable note”?');
    expect(customIds(confirm)).toEqual(['rm:yes:removable-note', 'rm:no:removable-note']);

    const cancel = await h.fake.button('rm:no:removable-note', MODERATOR).waitForCallback();
    expect(cancel.type).toBe(7);
    expect(cancel.data.content).toBe('Kept `removable-note`; nothing was removed.');

    await h.fake.chatInput('curate remove', { document: 'here:removable-note' }, MODERATOR).waitForCallback();
    const removed = await h.fake.button('rm:yes:removable-note', MODERATOR).waitForCallback();
    expect(removed.type).toBe(7);
    expectSafeMessage(removed.data, 'edit');
    expect(removed.data.content).toBe('Removed “Removable note” (`removable-note`). Answers here no longer quote it.');
    expect(removed.data.components).toEqual([]);
    const gone = expectReply(await h.fake.chatInput('docs show', { document: 'here:removable-note' }, MEMBER).waitForCallback(), 'ephemeral');
    expect(gone.content).toMatch(/^There is no document/);
  });

  it('refuses to remove a shared-corpus document from Discord', async () => {
    const shared = h.bot.context.kb.list(['global'])[0]!;
    const data = expectReply(await h.fake.chatInput('curate remove', { document: `shared:${shared.id}` }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/belongs to the shared corpus, which only the bot's operator can change\.$/);
  });

  it('re-checks the permission when the Remove button is clicked', async () => {
    const data = expectReply(await h.fake.button('rm:yes:anything', MEMBER).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/^Only moderators/);
  });
});

describe('/curate unanswered', () => {
  it('lists recent questions that found no match, most frequent first', async () => {
    const ask = (q: string) => h.fake.chatInput('ask', { question: q }, { user: { username: `u${Math.random()}` } }).waitForCallback();
    await ask('How tall is the lighthouse of Alexandria?');
    await ask('Where is the nearest volcano observatory?');
    await ask('how tall is the lighthouse of alexandria');
    const data = expectReply(await h.fake.chatInput('curate unanswered', {}, MODERATOR).waitForCallback(), 'ephemeral');
    const description = String(data.embeds![0]!.description);
    expect(description).toMatch(/^\*\*1\.\*\* how tall is the lighthouse of alexandria\nasked 2 times, last just now\n\*\*2\.\*\* Where is the nearest volcano observatory\?\nasked once/);
  });
});

describe('/curate settings', () => {
  it('shows the shared-corpus switch and the operator’s quotas, and turns the shared corpus off and on', async () => {
    const shown = expectReply(await h.fake.chatInput('curate settings', {}, MODERATOR).waitForCallback(), 'ephemeral');
    expect(shown.embeds![0]!.title).toBe('Settings for this server');
    expect(textOf(shown)).toMatch(/Shared corpus\non/);
    expect(textOf(shown)).toMatch(/Documents\n\d+ of 50/);

    const off = expectReply(await h.fake.chatInput('curate settings', { include_shared: false }, MODERATOR).waitForCallback(), 'ephemeral');
    expect(off.embeds![0]!.title).toBe('Settings saved');
    expect(textOf(off)).toMatch(/Shared corpus\noff/);
    const question = 'What did the prosecution fail to present in the Kvasov trial?';
    const noMatch = expectReply(await h.fake.chatInput('ask', { question }, { user: { username: 'settings1' } }).waitForCallback(), 'public');
    expect(textOf(noMatch)).toContain("don't cover this question");

    await h.fake.chatInput('curate settings', { include_shared: true }, MODERATOR).waitForCallback();
    const answered = expectReply(await h.fake.chatInput('ask', { question }, { user: { username: 'settings2' } }).waitForCallback(), 'public');
    expect(String(answered.embeds![0]!.description)).toContain('persuasive evidence');
  });
});
