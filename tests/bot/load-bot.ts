import { afterAll, beforeAll, expect } from 'vitest';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';
import { askBurst } from './ask-burst.js';
import { deployCommands, testConfig } from './bot-harness.js';
import { botEnv, spawnBot, type BotProcess } from './bot-process.js';

export type LoadBot = { fake: FakeDiscord; bot: BotProcess };

/**
 * Registers hooks that start the bot as its own process (as in production: Discord does not share the
 * bot's CPU) against a fake Discord, with the per-user limit raised so that every question is a real
 * answer, and warm it up; the returned object is filled in once `beforeAll` has run.
 */
export function useLoadBot(): LoadBot {
  const data = tempDir('footnote-load-');
  const handle = {} as LoadBot;
  beforeAll(async () => {
    handle.fake = await FakeDiscord.start();
    await deployCommands(testConfig(handle.fake, data.path));
    handle.bot = await spawnBot(handle.fake, botEnv(handle.fake, data.path, { ASK_RATE_LIMIT: '1000/10s' }));
    // The first interaction also waits for the client to finish starting; the burst should not measure that.
    expect((await handle.fake.chatInput('ask', { question: 'Who is Denis Kvasov?' }).waitForCallback(15_000)).type).toBe(4);
    // A small burst first, so that both the direct and the deferred path have run once (modules loaded, code
    // compiled): the measured bursts then show the bot's steady behaviour, not its first seconds.
    await askBurst(handle.fake, 30, { users: 30 });
  });
  afterAll(async () => {
    await handle.bot?.stop();
    await handle.fake?.close();
    data.remove();
  });
  return handle;
}
