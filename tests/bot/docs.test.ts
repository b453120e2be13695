import { beforeAll, describe, expect, it } from 'vitest';
import { guildScope } from '../../src/core/documents/document.js';
import { customIds, expectReply, MEMBER, textOf, useHarness } from './bot-harness.js';

const h = useHarness();
beforeAll(async () => {
  // Eight documents of this server, added straight through the core: with the four shipped ones, two pages.
  for (let n = 1; n <= 8; n++) {
    await h.bot.context.kb.add({
      scope: guildScope(h.fake.guild.id),
      input: { kind: 'text', text: `Station log ${n}.\n\nThe weather balloon number ${n} rose to ${n * 1000} metres before it burst.` },
      title: `Balloon log ${n}`,
      addedBy: 'zoe',
    });
  }
});

describe('/docs list', () => {
  it('lists the documents visible here with who added them and when, ephemeral, paged with buttons', async () => {
    const first = expectReply(await h.fake.chatInput('docs list', {}, MEMBER).waitForCallback(), 'ephemeral');
    const embed = first.embeds![0]!;
    expect(embed.title).toBe('Documents in Test Guild');
    expect(String((embed.footer as { text: string }).text)).toBe('12 documents · page 1 of 2 · /docs show for one document');
    expect(String(embed.description)).toMatch(/\*\*1\.\*\* .+ · `[a-z0-9-]+`\nshared · shipped · \d+ passages?/);
    expect(String(embed.description)).toMatch(/this server · added by zoe on \d{4}-\d{2}-\d{2} · 1 passage/);
    expect(customIds(first)).toEqual(['docs:page:0', 'docs:page:2']);

    const next = await h.fake.button('docs:page:2', MEMBER).waitForCallback();
    expect(next.type).toBe(7);
    expect(String((next.data.embeds![0]!.footer as { text: string }).text)).toContain('page 2 of 2');
    expect(String(next.data.embeds![0]!.description)).toMatch(/^\*\*11\.\*\* /);
  });
});

describe('/docs show', () => {
  it('suggests documents within Discord’s 3 s, at most 25, title prefix first', async () => {
    const i = h.fake.autocomplete('docs show', { document: 'Balloon log 3' }, MEMBER);
    const cb = await i.waitForCallback();
    expect(cb.type).toBe(8);
    expect(cb.elapsedMs).toBeLessThan(3000);
    expect(cb.data.choices![0]).toEqual({ name: 'Balloon log 3', value: 'here:balloon-log-3' });
    const all = await h.fake.autocomplete('docs show', { document: '' }, MEMBER).waitForCallback();
    expect(all.data.choices!.length).toBe(12);
    expect(all.data.choices!.length).toBeLessThanOrEqual(25);
  });

  it('finds documents by title words, by prefix and despite a typo, shared ones marked', async () => {
    const cb = await h.fake.autocomplete('docs show', { document: 'weather balloon' }, MEMBER).waitForCallback();
    const names = cb.data.choices!.map((c) => c.name);
    // No title has "weather": the eight balloon logs match on "balloon" alone.
    expect(names.slice(0, 8).every((n) => n.startsWith('Balloon log'))).toBe(true);
    expect(new Set(names.slice(0, 8)).size).toBe(8);
    const typo = await h.fake.autocomplete('docs show', { document: 'ballon lo' }, MEMBER).waitForCallback();
    expect(typo.data.choices!.length).toBe(8);
    expect(typo.data.choices!.every((c) => String(c.name).startsWith('Balloon log') && String(c.value).startsWith('here:balloon-log-'))).toBe(true);
    const wto = await h.fake.autocomplete('docs show', { document: 'wto' }, MEMBER).waitForCallback();
    expect(wto.data.choices![0]!.name).toMatch(/WTO.* · shared$/);
  });

  it('shows a document’s metadata and a passage, ephemeral', async () => {
    const shared = h.bot.context.kb.list(['global'])[0]!;
    const data = expectReply(await h.fake.chatInput('docs show', { document: `shared:${shared.id}`, passage: 2 }, MEMBER).waitForCallback(), 'ephemeral');
    const text = textOf(data);
    expect(data.embeds![0]!.title).toBe(shared.title);
    expect(text).toContain(`Id\n\`${shared.id}\``);
    expect(text).toContain('Scope\nshared corpus');
    expect(text).toMatch(new RegExp(`Passage 2 of ${shared.passages}\nparagraph`));
    expect(String(data.embeds![0]!.description)).toMatch(/^> /);
  });

  it('says which passages exist when asked for one past the end', async () => {
    const data = expectReply(await h.fake.chatInput('docs show', { document: 'balloon-log-1', passage: 9 }, MEMBER).waitForCallback(), 'ephemeral');
    expect(data.content).toBe('“Balloon log 1” has 1 passage; choose one from 1 to 1.');
  });
});

describe('/help', () => {
  it('explains the bot, its commands and what it stores, ephemeral, in a server and in a DM', async () => {
    for (const place of [MEMBER, { dm: true }]) {
      const data = expectReply(await h.fake.chatInput('help', {}, place).waitForCallback(), 'ephemeral');
      const text = textOf(data);
      expect(text).toContain('/ask question:<text> [private]');
      expect(text).toContain('/curate (moderators)');
      expect(text).toMatch(/What I keep\nQuestions you ask.*deleted after 90 days/s);
    }
  });
});
