import { describe, expect, it } from 'vitest';
import { customIds, expectReply, expectSafeMessage, MEMBER, MODERATOR, useHarness, textOf } from './bot-harness.js';

const h = useHarness();

const GUILD_DOCS = () => h.bot.context.kb.list([`guild:${h.fake.guild.id}`]).filter((d) => !d.readOnly);

/** `/curate add` with a file named notes.txt; returns the first response (the choice, or the deferral). */
async function upload(data: string) {
  const file = h.fake.addAttachment({ filename: 'notes.txt', data });
  const i = h.fake.chatInput('curate add', { file }, MODERATOR);
  return { i, callback: await i.waitForCallback() };
}

describe('an upload named like a document already in the server', () => {
  it('adds the first notes.txt straight away', async () => {
    const { i, callback } = await upload('Kitchen notes\n\nThe dishwasher runs at six every evening.\n');
    expect(callback.type).toBe(5);
    const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
    expect(edit.body.embeds![0]!.title).toBe('Added: Kitchen notes');
  });

  it('asks before replacing: Replace “X” (added by Y on date) or Add as new', async () => {
    const { callback } = await upload('Garden notes\n\nThe tomatoes are watered at dawn.\n');
    const choice = expectReply(callback, 'ephemeral');
    expectSafeMessage(choice, 'ephemeral');
    expect(choice.embeds![0]!.title).toBe('“notes.txt” has the name of a document already here');
    expect(textOf(choice)).toMatch(/“Kitchen notes” \(`kitchen-notes`\), added by \S+ on \d{4}-\d\d-\d\d/);
    const ids = customIds(choice);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^up:[A-Za-z0-9_-]{12}:rep:kitchen-notes$/);
    expect(ids[1]).toMatch(/:new$/);
    expect(ids[2]).toMatch(/:cancel$/);
    expect(JSON.stringify(choice.components)).toContain('Replace “Kitchen notes”');
    expect(GUILD_DOCS()).toHaveLength(1);

    // Add as new: both documents are kept, each with its own id.
    const click = h.fake.button(ids[1]!, MODERATOR);
    expect((await click.waitForCallback()).type).toBe(6);
    const edit = await click.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(edit.body.embeds![0]!.title).toBe('Added: Garden notes');
    expect(edit.body.components).toEqual([]);
    expect(GUILD_DOCS().map((d) => d.id).sort()).toEqual(['garden-notes', 'kitchen-notes']);

    // A second click on the same choice cannot add it twice.
    const again = await h.fake.button(ids[1]!, MODERATOR).waitForCallback();
    expect(again.type).toBe(7);
    expect(again.data.content).toMatch(/expired or was already made/);
    expect(GUILD_DOCS()).toHaveLength(2);
  });

  it('replaces exactly the document chosen, and the reply says what it replaced', async () => {
    const { callback } = await upload('Kitchen notes\n\nThe dishwasher now runs at seven every evening.\n');
    const choice = expectReply(callback, 'ephemeral');
    const replace = customIds(choice).find((id) => id.endsWith(':rep:kitchen-notes'))!;
    const click = h.fake.button(replace, MODERATOR);
    await click.waitForCallback();
    const edit = await click.waitForWebhook((w) => w.kind === 'editMessage');
    expect(edit.body.embeds![0]!.title).toBe('Replaced: Kitchen notes');
    expect(String(edit.body.embeds![0]!.description)).toMatch(/^This replaced “Kitchen notes” \(`kitchen-notes`\), added by \S+ on \d{4}-\d\d-\d\d\./);
    expect(GUILD_DOCS().map((d) => d.id).sort()).toEqual(['garden-notes', 'kitchen-notes']);
    const answer = expectReply(await h.fake.chatInput('ask', { question: 'When does the dishwasher run?' }, MEMBER).waitForCallback(), 'public');
    expect(String(answer.embeds![0]!.description)).toContain('seven');
  });

  it('adds nothing on Cancel, and re-checks the permission on every button', async () => {
    const { callback } = await upload('Attic notes\n\nThe attic holds the winter tyres.\n');
    const ids = customIds(expectReply(callback, 'ephemeral'));
    const addNew = ids.find((id) => id.endsWith(':new'));
    const cancel = ids.find((id) => id.endsWith(':cancel'));
    expect(ids.filter((id) => id.includes(':rep:'))).toHaveLength(2);
    const refused = expectReply(await h.fake.button(addNew!, MEMBER).waitForCallback(), 'ephemeral');
    expect(refused.content).toMatch(/^Only moderators/);
    const cancelled = await h.fake.button(cancel!, MODERATOR).waitForCallback();
    expect(cancelled.type).toBe(7);
    expect(cancelled.data.content).toBe('Nothing was added; “notes.txt” was left out.');
    expect(GUILD_DOCS()).toHaveLength(2);
  });
});

describe('a Markdown upload', () => {
  const GUIDE = [
    '---',
    'title: Deploy guide',
    'date: 2026-02-01',
    '---',
    '',
    '# Deploy guide',
    '',
    '## Rollbacks',
    '',
    'To roll back a release, run the rollback script with the release tag:',
    '',
    '```sh',
    './rollback.sh v1.4.2',
    'systemctl restart app',
    '```',
    '',
    '## Hotfixes',
    '',
    'Hotfixes go straight to the release branch after one review.',
  ].join('\n');

  it('is cited with its section, and its code is shown as a code block with its line breaks', async () => {
    const file = h.fake.addAttachment({ filename: 'deploy.md', data: GUIDE });
    const add = h.fake.chatInput('curate add', { file }, MODERATOR);
    const edit = await add.waitForWebhook((w) => w.kind === 'editMessage');
    expect(edit.body.embeds![0]!.title).toBe('Added: Deploy guide');
    const answer = expectReply(await h.fake.chatInput('ask', { question: 'How do I roll back a release?' }, MEMBER).waitForCallback(), 'public');
    const description = String(answer.embeds![0]!.description);
    expect(description).toContain('```sh\n./rollback.sh v1.4.2\nsystemctl restart app\n```');
    expect(description).toMatch(/\*\*\[1\]\*\* \*Deploy guide\* › Rollbacks · lines 10–15$/);
    expect(description).not.toContain('title: Deploy guide');
  });
});
