import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBurst, formatBurst } from '../bot/ask-burst.js';
import { deployCommands, expectEveryMessageSafe, testConfig } from '../bot/bot-harness.js';
import { botEnv, spawnBot, type BotProcess } from '../bot/bot-process.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';

// 1,000 /ask from 200 users, dispatched as fast as the fake gateway writes them, against the bot as its own
// process. Every one must be answered, each first response inside Discord's 3 s. Two bursts in a row: the first
// right after start-up (and a 30-question warm-up), the second once that one is fully answered.
let fake: FakeDiscord;
let bot: BotProcess;
const data = tempDir('footnote-load-');

beforeAll(async () => {
  fake = await FakeDiscord.start();
  await deployCommands(testConfig(fake, data.path));
  bot = await spawnBot(fake, botEnv(fake, data.path, { ASK_RATE_LIMIT: '1000/10s' }));
  expect((await fake.chatInput('ask', { question: 'Who is Denis Kvasov?' }).waitForCallback(15_000)).type).toBe(4);
  // A small burst first, so that both the direct and the deferred path have run once (modules loaded, code
  // compiled): the measured bursts then show the bot's steady behaviour, not its first seconds.
  await askBurst(fake, 30, { users: 30 });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  data.remove();
});

describe('load', () => {
  it.each(['first burst', 'second burst'])('answers 1,000 /ask from 200 users dispatched at once (%s), every first response inside 3 s', async (when) => {
    const report = await askBurst(fake, 1000, { users: 200 });
    console.info(`[load] ${when}: ${formatBurst(report)}`);
    // Errors are logged by the bot with their reference; show the end of its log to say why.
    if (report.outcomes.error + report.outcomes.other > 0) console.error(`[load] the bot's log ends with:\n${bot.output().slice(-4000)}`);
    expect(report.outcomes.answer + report.outcomes['no-match']).toBe(1000);
    expect(report.outcomes.answer).toBeGreaterThan(600);
    expect(report.late).toEqual([]);
    expect(report.firstResponse.max).toBeLessThan(3000);
    expectEveryMessageSafe(fake);
  });
});
