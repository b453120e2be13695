import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBurst, formatBurst } from '../bot/ask-burst.js';
import { deployCommands, expectEveryMessageSafe, expectReply, testConfig } from '../bot/bot-harness.js';
import { botEnv, spawnBot, type BotProcess } from '../bot/bot-process.js';
import { startProductionHarness, type ProductionHarness } from '../bot/production-harness.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';

// Gateway faults after which discord.js must IDENTIFY again (a new session: ~5 s in its identify throttle each),
// and a connection dropped in the middle of a burst. The bot must come back and answer.
const QUESTION = 'What did the prosecution fail to present in the Kvasov trial?';

describe('closes that make the bot identify again', () => {
  let h: ProductionHarness;
  let asker = 0;
  beforeAll(async () => {
    h = await startProductionHarness();
  });
  afterAll(async () => {
    expectEveryMessageSafe(h.fake);
    await h.close();
  });

  const identifies = () => h.fake.gatewayFrames.filter((f) => f.direction === 'in' && f.op === 2).length;

  it.each([
    ['close code 1000', () => h.fake.closeGateway(1000)],
    ['close code 4007 (invalid sequence)', () => h.fake.closeGateway(4007)],
    ['op 9 INVALID_SESSION (not resumable)', () => h.fake.invalidSession(false)],
    ['a RESUME that Discord refuses', () => (h.fake.rejectNextResume(), h.fake.closeGateway(4000))],
  ])('comes back after %s with a new session and answers', async (_what, fault) => {
    const before = identifies();
    const ready = h.fake.waitForNextSession('ready', 20_000);
    fault();
    await ready;
    expect(identifies()).toBe(before + 1);
    const cb = await h.fake.chatInput('ask', { question: QUESTION }, { user: { username: `reid-${++asker}` } }).waitForCallback(10_000);
    expect(String(expectReply(cb, 'public').embeds![0]!.description)).toContain('persuasive evidence');
    expect(cb.elapsedMs).toBeLessThan(3000);
  }, 30_000);
});

describe('a connection dropped in the middle of a burst', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  const data = tempDir('footnote-drop-');
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    await deployCommands(testConfig(fake, data.path));
    bot = await spawnBot(fake, botEnv(fake, data.path, { ASK_RATE_LIMIT: '1000/10s' }));
    expect((await fake.chatInput('ask', { question: QUESTION }).waitForCallback(15_000)).type).toBe(4);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    data.remove();
  });

  it('answers every interaction of a 300 burst when the TCP connection drops after the first 100', async () => {
    const resumed = fake.waitForNextSession('resumed', 10_000);
    const first = askBurst(fake, 100, { users: 50 });
    fake.closeGateway(1006);
    // Sent while the bot reconnects: Discord keeps them for the session and replays them after the RESUME.
    const rest = askBurst(fake, 200, { users: 50 });
    await resumed;
    for (const [part, report] of [['before the drop', await first], ['during the reconnect', await rest]] as const) {
      console.info(`[drop] ${part}: ${formatBurst(report)}`);
      expect(report.outcomes.answer + report.outcomes['no-match']).toBe(report.count);
      expect(report.late).toEqual([]);
    }
    expectEveryMessageSafe(fake);
  });
});
