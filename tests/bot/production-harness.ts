// The bot started in-process against the fake with the REST settings it runs with in production (retries, the
// rate-limit offset and timeout left at their defaults), for tests of how it rides out Discord's faults. The
// usual harness (bot-harness.ts) turns retries off so that a failure shows at once.

import type { Config } from '../../src/config/load-config.js';
import { startBot, type BotHandle } from '../../src/discord/main.js';
import { FakeDiscord, type FakeDiscordOptions } from '../fake-discord/fake-discord.js';
import { tempDir } from '../helpers.js';
import { deployCommands, memoryLogger, testConfig } from './bot-harness.js';

export type ProductionHarness = {
  fake: FakeDiscord;
  bot: BotHandle;
  config: Config;
  logger: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
};

export async function startProductionHarness(options: { fake?: FakeDiscordOptions; env?: Record<string, string> } = {}): Promise<ProductionHarness> {
  const fake = await FakeDiscord.start(options.fake);
  const data = tempDir('footnote-faults-');
  const config = testConfig(fake, data.path, options.env);
  await deployCommands(config);
  const logger = memoryLogger();
  // Only the wait for guilds is shortened (the fake sends them at once); REST is as in production.
  const bot = await startBot(config, logger, { clientOptions: { waitGuildTimeout: 500 } });
  return {
    fake,
    bot,
    config,
    logger,
    async close() {
      await bot.stop();
      await fake.close();
      data.remove();
    },
  };
}
