import { beforeAll, describe, expect, it } from 'vitest';
import { customIds, expectReply, MODERATOR, textOf, useHarness } from './bot-harness.js';

// Two servers, A and B. What A's moderators add must never reach B: not in answers, autocomplete,
// /docs show, /curate remove, nor through A's answer buttons clicked from B.
const h = useHarness({ fake: { guilds: [{ name: 'Server A' }, { name: 'Server B' }] } });
let a: string;
let b: string;
const SECRET = 'The gryphonite vault code is kept in the blue binder.';

beforeAll(async () => {
  [a, b] = [h.fake.guilds[0]!.id, h.fake.guilds[1]!.id];
  const i = h.fake.chatInput('curate add', {}, { ...MODERATOR, guildId: a });
  await i.waitForCallback();
  const submit = h.fake.modalSubmit('add:modal', { title: 'Vault notes', text: SECRET });
  await submit.waitForWebhook((w) => w.kind === 'editMessage');
});

const QUESTION = 'Where is the gryphonite vault code kept?';

describe('two servers', () => {
  it('answers from A’s document in A only', async () => {
    const inA = expectReply(await h.fake.chatInput('ask', { question: QUESTION }, { guildId: a, user: { username: 'amy' } }).waitForCallback(), 'public');
    expect(String(inA.embeds![0]!.description)).toContain('gryphonite');
    const inB = expectReply(await h.fake.chatInput('ask', { question: QUESTION }, { guildId: b, user: { username: 'bea' } }).waitForCallback(), 'public');
    expect(textOf(inB)).not.toContain('gryphonite vault code is');
    expect(textOf(inB)).not.toContain('Vault notes');
  });

  it('never suggests A’s document in B', async () => {
    const inA = await h.fake.autocomplete('docs show', { document: 'vault' }, { guildId: a }).waitForCallback();
    expect(inA.data.choices![0]).toEqual({ name: 'Vault notes', value: 'here:vault-notes' });
    for (const typed of ['vault', 'gryphonite', 'blue binder', '']) {
      const inB = await h.fake.autocomplete('docs show', { document: typed }, { guildId: b }).waitForCallback();
      expect(inB.data.choices!.filter((c) => !String(c.value).startsWith('shared:'))).toEqual([]);
    }
    const removeInB = await h.fake.autocomplete('curate remove', { document: '' }, { ...MODERATOR, guildId: b }).waitForCallback();
    expect(removeInB.data.choices).toEqual([]);
  });

  it.each(['here:vault-notes', 'vault-notes', 'shared:vault-notes'])('does not show A’s document in B as %s', async (value) => {
    const data = expectReply(await h.fake.chatInput('docs show', { document: value }, { guildId: b }).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/^There is no document/);
  });

  it('does not let B’s moderators remove A’s document', async () => {
    const data = expectReply(await h.fake.chatInput('curate remove', { document: 'vault-notes' }, { ...MODERATOR, guildId: b }).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('This server has no document “vault-notes”. `/docs list` shows what there is.');
    const forged = await h.fake.button('rm:yes:vault-notes', { ...MODERATOR, guildId: b }).waitForCallback();
    expect(forged.type).toBe(4);
    expect(String(forged.data.content)).toMatch(/There is no document "vault-notes" here\./);
    expect(h.bot.context.kb.list([`guild:${a}`]).map((d) => d.id)).toContain('vault-notes');
  });

  it('does not show A’s answer through its buttons clicked in B', async () => {
    const inA = expectReply(await h.fake.chatInput('ask', { question: QUESTION }, { guildId: a, user: { username: 'amy2' } }).waitForCallback(), 'public');
    const source = customIds(inA).find((id) => id.endsWith(':src:1'))!;
    const channelB = h.fake.guilds[1]!.channels[0]!.id;
    const data = expectReply(await h.fake.button(source, { guildId: b, channelId: channelB, user: { username: 'bea' } }, {}).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/expired/);
  });

  it('lists only each server’s own documents with the shared ones', async () => {
    const listA = textOf(expectReply(await h.fake.chatInput('docs list', {}, { guildId: a }).waitForCallback(), 'ephemeral'));
    const listB = textOf(expectReply(await h.fake.chatInput('docs list', {}, { guildId: b }).waitForCallback(), 'ephemeral'));
    expect(listA).toContain('Vault notes');
    expect(listB).not.toContain('Vault notes');
  });
});
