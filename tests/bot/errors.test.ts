import { describe, expect, it, vi } from 'vitest';
import { expectReply, useHarness } from './bot-harness.js';

const h = useHarness();

describe('errors', () => {
  it('answers an internal error with an ephemeral apology and a reference id that is in the log', async () => {
    const ask = vi.spyOn(h.bot.context.kb, 'ask').mockImplementationOnce(() => {
      throw new Error('index exploded');
    });
    try {
      const data = expectReply(await h.fake.chatInput('ask', { question: 'anything at all?' }).waitForCallback(), 'ephemeral');
      const ref = /reference: `([0-9a-f]{8})`\.$/.exec(String(data.content))?.[1];
      expect(data.content).toMatch(/^Sorry, something went wrong on my side\./);
      expect(data.content).not.toContain('index exploded');
      expect(ref).toBeDefined();
      const logged = h.logger.entries.find((e) => e.level === 'error' && e.obj.ref === ref);
      expect(logged?.msg).toBe('interaction failed');
      expect((logged?.obj.err as Error).message).toBe('index exploded');
    } finally {
      ask.mockRestore();
    }
  });

  it('answers an error after a deferral by editing the deferred reply', async () => {
    const add = vi.spyOn(h.bot.context.kb, 'add').mockRejectedValueOnce(new Error('disk on fire'));
    try {
      const file = h.fake.addAttachment({ filename: 'a.txt', data: 'Some text.' });
      const i = h.fake.chatInput('curate add', { file }, { permissions: '32' });
      const edit = await i.waitForWebhook((w) => w.kind === 'editMessage');
      expect(edit.body.content).toMatch(/^Sorry, something went wrong on my side\. .*reference: `[0-9a-f]{8}`\.$/);
      expect((edit.message!.flags & 64) === 64).toBe(true);
    } finally {
      add.mockRestore();
    }
  });
});

