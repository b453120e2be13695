import { describe, expect, it } from 'vitest';
import { customIds, EPHEMERAL, expectReply, expectSafeMessage, textOf, useHarness } from './bot-harness.js';

let clock = Date.now();
const h = useHarness({ now: () => clock });

const QUESTION = 'What did the US and Russia agree about websites that distribute music illegally?';

/** Asks and returns the answer's buttons' custom ids. */
async function ask(username: string, options: { private?: boolean; question?: string } = {}): Promise<{ ids: string[]; answerId: string }> {
  const i = h.fake.chatInput('ask', { question: options.question ?? QUESTION, ...(options.private && { private: true }) }, { user: { username } });
  const data = expectReply(await i.waitForCallback(), options.private ? 'ephemeral' : 'public');
  const ids = customIds(data);
  const answerId = /^ans:([\w-]+):/.exec(ids[0] ?? '')?.[1];
  if (!answerId) throw new Error(`no answer buttons in ${JSON.stringify(data)}`);
  return { ids, answerId };
}

describe('answer buttons', () => {
  it('More results shows the next passages, ephemeral, with a Source button each', async () => {
    const { ids, answerId } = await ask('bob');
    expect(ids).toContain(`ans:${answerId}:more:2`);
    const data = expectReply(await h.fake.button(`ans:${answerId}:more:2`, { user: { username: 'carol' } }).waitForCallback(), 'ephemeral');
    const embed = data.embeds![0]!;
    expect(embed.description).toMatch(/^Results 4–\d$/);
    expect(((embed.fields ?? []) as Array<{ name: string }>)[0]!.name).toMatch(/^\[4\] /);
    expect(customIds(data)).toContain(`ans:${answerId}:src:4`);
    // The passage of page 2 can be shown in context too.
    const source = expectReply(await h.fake.button(`ans:${answerId}:src:4`, { user: { username: 'carol' } }).waitForCallback(), 'ephemeral');
    expect(source.embeds![0]!.title).toMatch(/^\[4\] /);
  });

  it('Show source shows the cited passage with its neighbours, highlight in bold, ephemeral', async () => {
    const { answerId } = await ask('dave');
    const data = expectReply(await h.fake.button(`ans:${answerId}:src:1`, { user: { username: 'erin' } }).waitForCallback(), 'ephemeral');
    const embed = data.embeds![0]!;
    expect(embed.title).toMatch(/^\[1\] /);
    const parts = String(embed.description).split('\n\n');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.some((p) => /^> .*\*\*.+\*\*/.test(p))).toBe(true);
    expect(textOf(data)).toMatch(/passage \d+ of \d+/);
  });

  it('records a vote with the question and cited passages; a second click changes it', async () => {
    const { answerId } = await ask('frank');
    const voter = { user: { username: 'grace' } };
    const up = expectReply(await h.fake.button(`ans:${answerId}:up`, voter).waitForCallback(), 'ephemeral');
    expect(up.content).toBe('Thanks for the feedback: 👍 recorded.');
    const again = expectReply(await h.fake.button(`ans:${answerId}:up`, voter).waitForCallback(), 'ephemeral');
    expect(again.content).toMatch(/^You already voted 👍/);
    const down = expectReply(await h.fake.button(`ans:${answerId}:down`, voter).waitForCallback(), 'ephemeral');
    expect(down.content).toBe('Changed your vote to 👎.');
    const rows = h.bot.context.kb.database.prepare('SELECT vote, question, cited FROM votes WHERE answer_id = ?').all(answerId) as Array<{
      vote: number;
      question: string;
      cited: string;
    }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.vote).toBe(-1);
    expect(rows[0]!.question).toBe(QUESTION);
    expect(JSON.parse(rows[0]!.cited).length).toBeGreaterThan(0);
  });

  it('Share to channel posts a private answer publicly, attributed to the asker by name, pinging no one', async () => {
    const { answerId } = await ask('heidi', { private: true });
    const stranger = expectReply(await h.fake.button(`ans:${answerId}:share`, { user: { username: 'mallory' } }).waitForCallback(), 'ephemeral');
    expect(stranger.content).toBe('Only the person who asked can share this answer.');

    const click = h.fake.button(`ans:${answerId}:share`, { user: { username: 'heidi' } });
    const update = await click.waitForCallback();
    expect(update.type).toBe(7);
    expectSafeMessage(update.data, 'edit');
    expect(JSON.stringify(update.data.components)).toContain('"disabled":true');
    const followUp = await click.waitForWebhook((w) => w.kind === 'followUp');
    expectSafeMessage(followUp.body, 'public');
    expect(followUp.body.content).toBe('**Heidi** shared an answer:');
    expect(String(followUp.body.embeds![0]!.title)).toBe(QUESTION);
    expect(customIds(followUp.body).some((id) => id.endsWith(':share'))).toBe(false);
    expect((followUp.message!.flags & EPHEMERAL) === 0).toBe(true);
  });

  it('keeps working after a restart, because button state lives in the store', async () => {
    const { answerId } = await ask('ivan');
    await h.bot.stop();
    await h.restart();
    const data = expectReply(await h.fake.button(`ans:${answerId}:src:1`, { user: { username: 'judy' } }).waitForCallback(), 'ephemeral');
    expect(data.embeds![0]!.title).toMatch(/^\[1\] /);
  });

  it('says politely that an answer expired after a week', async () => {
    const { answerId } = await ask('ken');
    clock += 8 * 86_400_000;
    try {
      const data = expectReply(await h.fake.button(`ans:${answerId}:more:2`, { user: { username: 'ken' } }).waitForCallback(), 'ephemeral');
      expect(data.content).toBe('This answer has expired, so its buttons no longer work. Ask again with `/ask`.');
    } finally {
      clock -= 8 * 86_400_000;
    }
  });

  it('answers a button it never made with a short ephemeral note', async () => {
    const data = expectReply(await h.fake.button('something:else', { user: { username: 'ken' } }).waitForCallback(), 'ephemeral');
    expect(data.content).toMatch(/older version of footnote/);
  });
});
