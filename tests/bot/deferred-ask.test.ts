import { describe, expect, it, vi } from 'vitest';
import type { InteractionHandle } from '../fake-discord/fake-discord.js';
import { customIds, EPHEMERAL, expectSafeMessage, useHarness } from './bot-harness.js';

// When the process is busy, /ask acknowledges first and answers by editing (see src/discord/should-defer.ts). The
// test makes it busy the blunt way: the bot runs in this process, so blocking the event loop for 1.6 s right after
// the fake sends an interaction makes that interaction 1.6 s old when the bot gets to it.
const h = useHarness({ env: { ASK_RATE_LIMIT: '100/10s' } });

const QUESTION = 'What did the prosecution fail to present in the Kvasov trial?';
let askers = 0;

function askWhileBusy(question: string, options: { private?: boolean } = {}): InteractionHandle {
  const handle = h.fake.chatInput('ask', { question, ...options }, { user: { username: `busy-${++askers}` } });
  const until = Date.now() + 1600;
  while (Date.now() < until) {
    // busy: nothing else runs
  }
  return handle;
}

describe('/ask in a busy process', () => {
  it('acknowledges within 3 s, then edits the answer in, buttons included', async () => {
    const i = askWhileBusy(QUESTION);
    const deferral = await i.waitForCallback();
    expect(deferral.type).toBe(5);
    expect(deferral.elapsedMs).toBeLessThan(3000);
    expect((deferral.data.flags ?? 0) & EPHEMERAL).toBe(0);
    const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
    expectSafeMessage(edit.body, 'edit');
    expect(String(edit.body.embeds![0]!.description)).toContain('persuasive evidence');
    expect(customIds(edit.body).some((id) => id.endsWith(':src:1'))).toBe(true);
  });

  it('keeps a private answer private: an ephemeral deferral, then the edit', async () => {
    const i = askWhileBusy(QUESTION, { private: true });
    const deferral = await i.waitForCallback();
    expect((deferral.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
    expect((edit.message!.flags & EPHEMERAL) === EPHEMERAL).toBe(true);
  });

  it('turns a refusal after a public deferral into an ephemeral note, removing the "thinking…" message', async () => {
    const i = askWhileBusy('the of and');
    expect((await i.waitForCallback()).type).toBe(5);
    const followUp = await i.waitForWebhook((w) => w.kind === 'followUp');
    expect(followUp.body.content).toMatch(/no words to search for/);
    expect((followUp.body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.fake.webhooks.some((w) => w.token === i.token && w.kind === 'deleteMessage')).toBe(true);
    expect(i.original()).toBeUndefined();
  });

  it('reports an internal error after a public deferral privately, with its reference', async () => {
    const ask = vi.spyOn(h.bot.context.kb, 'ask').mockImplementationOnce(() => {
      throw new Error('index exploded');
    });
    try {
      const i = askWhileBusy(QUESTION);
      const followUp = await i.waitForWebhook((w) => w.kind === 'followUp');
      expect(followUp.body.content).toMatch(/^Sorry, something went wrong on my side\. .*`[0-9a-f]{8}`\.$/);
      expect((followUp.body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    } finally {
      ask.mockRestore();
    }
  });
});
