import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';
import { askBurst, formatBurst } from './ask-burst.js';
import { deployCommands, expectEveryMessageSafe, testConfig } from './bot-harness.js';
import { botEnv, spawnBot, type BotProcess } from './bot-process.js';

// The quick load test: 200 /ask from 40 users, dispatched back to back, against the bot as its own process (as
// in production: Discord does not share the bot's CPU). The full 1,000 run in tests/stress/load.stress.ts.
// The per-user limit is raised so that every question is a real answer.
let fake: FakeDiscord;
let bot: BotProcess;
const data = tempDir('footnote-load-');

beforeAll(async () => {
  fake = await FakeDiscord.start();
  await deployCommands(testConfig(fake, data.path));
  bot = await spawnBot(fake, botEnv(fake, data.path, { ASK_RATE_LIMIT: '1000/10s' }));
  // The first interaction also waits for the client to finish starting; the burst should not measure that.
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
  it('answers 200 /ask from 40 users dispatched at once, every first response inside 3 s', async () => {
    const report = await askBurst(fake, 200, { users: 40 });
    console.info(`[load] ${formatBurst(report)}`);
    // Errors are logged by the bot with their reference; show the end of its log to say why.
    if (report.outcomes.error + report.outcomes.other > 0) console.error(`[load] the bot's log ends with:\n${bot.output().slice(-4000)}`);
    expect(report.outcomes.answer + report.outcomes['no-match']).toBe(200);
    expect(report.outcomes.answer).toBeGreaterThan(100);
    expect(report.late).toEqual([]);
    expectEveryMessageSafe(fake);
  });
});
