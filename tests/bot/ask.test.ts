import { describe, expect, it } from 'vitest';
import { customIds, expectReply, MEMBER, MODERATOR, useHarness, textOf } from './bot-harness.js';

const h = useHarness();

const OWNER_QUESTION = 'What did the prosecution fail to present in the Kvasov trial?';

describe('/ask', () => {
  it('answers in the interaction callback itself with the best passage quoted, highlighted and cited', async () => {
    const i = h.fake.chatInput('ask', { question: OWNER_QUESTION }, { user: { username: 'asker1' } });
    const callback = await i.waitForCallback();
    const data = expectReply(callback, 'public');
    expect(callback.elapsedMs).toBeLessThan(3000);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(OWNER_QUESTION);
    const description = String(embed.description);
    expect(description).toMatch(/^> .*\*\*[^*]+\*\*/);
    expect(description).toContain('**"The prosecution did not succeed in presenting persuasive evidence');
    expect(description).toMatch(/\n\*\*\[1\]\*\* \*.+\* · paragraphs? \d+/);
    expect(String((embed.footer as { text: string }).text)).toMatch(/^\d+ passages? matched in \d+ documents? · [\d.]+ m?s$/);
    const ids = customIds(data);
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/^ans:[\w-]{11}:src:1$/), expect.stringMatching(/:up$/), expect.stringMatching(/:down$/)]));
    expect(ids.some((id) => id.endsWith(':share'))).toBe(false);
    // Answered directly: no deferral, no edit.
    expect(h.fake.callbacks.filter((c) => c.interactionId === i.id).map((c) => c.type)).toEqual([4]);
  });

  it('answers a question with a typo, and says in the footer how it read the word', async () => {
    const typo = 'What did the prosecuton fail to present in the Kvasov trial?';
    const data = expectReply(await h.fake.chatInput('ask', { question: typo }, { user: { username: 'typist' } }).waitForCallback(), 'public');
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(typo);
    expect(String(embed.description)).toContain('persuasive evidence');
    expect(String((embed.footer as { text: string }).text)).toMatch(/ · read “prosecuton” as “prosecution” · [\d.]+ m?s$/);
  });

  it('keeps a private answer to the asker and offers Share to channel', async () => {
    const i = h.fake.chatInput('ask', { question: OWNER_QUESTION, private: true }, { user: { username: 'asker2' } });
    const data = expectReply(await i.waitForCallback(), 'ephemeral');
    expect(customIds(data).some((id) => /^ans:[\w-]{11}:share$/.test(id))).toBe(true);
  });

  it('says honestly when the sources do not cover a question, with possibly related documents', async () => {
    const i = h.fake.chatInput('ask', { question: 'What did the prosecutors in Moscow eat for breakfast on the moon?' }, { user: { username: 'asker3' } });
    const data = expectReply(await i.waitForCallback(), 'public');
    const text = textOf(data);
    expect(text).toContain("don't cover this question");
    expect(text).toContain('/curate unanswered');
    expect(customIds(data)).toEqual([]);
  });

  it('refuses an unusable question with a short ephemeral message', async () => {
    const i = h.fake.chatInput('ask', { question: 'the of and' }, { user: { username: 'asker4' } });
    const data = expectReply(await i.waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/no words to search for/);
  });

  it('answers in a DM from the shared corpus, without a Share button', async () => {
    const i = h.fake.chatInput('ask', { question: OWNER_QUESTION, private: true }, { dm: true, user: { username: 'dmuser' } });
    const data = expectReply(await i.waitForCallback(), 'ephemeral');
    expect(String(data.embeds![0]!.description)).toContain('persuasive evidence');
    expect(customIds(data).some((id) => id.endsWith(':share'))).toBe(false);
  });

  it('limits each user to 5 questions per 10 seconds, politely, without affecting others', async () => {
    const results: string[] = [];
    for (let n = 0; n < 6; n++) {
      const cb = await h.fake.chatInput('ask', { question: OWNER_QUESTION }, { user: { username: 'eager' } }).waitForCallback();
      results.push((cb.data.flags ?? 0) & 64 ? String(cb.data.content) : 'answered');
    }
    expect(results.slice(0, 5)).toEqual(Array(5).fill('answered'));
    expect(results[5]).toMatch(/^You're asking faster than I can keep up with\. Please try again in \d+ s\.$/);
    const other = await h.fake.chatInput('ask', { question: OWNER_QUESTION }, { user: { username: 'patient' } }).waitForCallback();
    expectReply(other, 'public');
  });

  it('quotes a document containing @everyone and a role mention without pinging anyone', async () => {
    const file = h.fake.addAttachment({
      filename: 'party.txt',
      data: 'Party notice\n\nThe zephyrine launch party is announced to @everyone and <@&123> and <@456> in the lobby at noon.\n',
    });
    const add = h.fake.chatInput('curate add', { file }, MODERATOR);
    await add.waitForWebhook((w) => w.kind === 'editMessage');
    const i = h.fake.chatInput('ask', { question: 'When is the zephyrine launch party?' }, MEMBER);
    const data = expectReply(await i.waitForCallback(), 'public');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(String(data.embeds![0]!.description)).toContain('@everyone and <@&123>');
  });
});
